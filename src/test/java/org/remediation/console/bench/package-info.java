/** Benchmarks of issue 8 (start-up, dashboard at scale, push fan-out): main classes run on purpose, printing figures. */
@NullMarked
package org.remediation.console.bench;

import org.jspecify.annotations.NullMarked;
