@NullMarked
package org.remediation.console.base.ui;

import org.jspecify.annotations.NullMarked;
