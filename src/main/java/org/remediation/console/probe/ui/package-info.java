@NullMarked
package org.remediation.console.probe.ui;

import org.jspecify.annotations.NullMarked;
