/** The ADMIN view that injects faults into the sandbox cloud for drills and tests. */
@NullMarked
package org.remediation.console.cloud.sandbox.ui;

import org.jspecify.annotations.NullMarked;
