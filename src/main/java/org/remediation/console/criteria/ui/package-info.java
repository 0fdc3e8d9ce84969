/** Criterion badges and KPI tiles. */
@NullMarked
package org.remediation.console.criteria.ui;

import org.jspecify.annotations.NullMarked;
