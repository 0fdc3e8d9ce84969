/** Success criteria evaluated from live probe data, incident KPIs, escalation rules. */
@NullMarked
package org.remediation.console.criteria;

import org.jspecify.annotations.NullMarked;
