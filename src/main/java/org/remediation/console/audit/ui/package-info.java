@NullMarked
package org.remediation.console.audit.ui;

import org.jspecify.annotations.NullMarked;
