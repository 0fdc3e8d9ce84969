@NullMarked
package org.remediation.console;

import org.jspecify.annotations.NullMarked;
