@NullMarked
package org.remediation.console.audit;

import org.jspecify.annotations.NullMarked;
