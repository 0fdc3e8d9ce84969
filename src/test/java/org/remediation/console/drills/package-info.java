/** Fault drills (issue 8): the console under a killed process, a restarted database, a stopped Redis and bad input. */
@NullMarked
package org.remediation.console.drills;

import org.jspecify.annotations.NullMarked;
