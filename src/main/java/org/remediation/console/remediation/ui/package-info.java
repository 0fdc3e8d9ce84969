/** Views: action catalogue and request form, preview dialog, approval inbox, actions, detail, resources. */
@NullMarked
package org.remediation.console.remediation.ui;

import org.jspecify.annotations.NullMarked;
