/** Incidents and their live remediation plans: phases, tasks, criteria, sign-offs, timeline, runbooks. */
@NullMarked
package org.remediation.console.incident;

import org.jspecify.annotations.NullMarked;
