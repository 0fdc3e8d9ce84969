@NullMarked
package org.remediation.console.probe;

import org.jspecify.annotations.NullMarked;
