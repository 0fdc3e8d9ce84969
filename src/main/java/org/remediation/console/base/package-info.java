@NullMarked
package org.remediation.console.base;

import org.jspecify.annotations.NullMarked;
