@NullMarked
package org.remediation.console.security.ui;

import org.jspecify.annotations.NullMarked;
