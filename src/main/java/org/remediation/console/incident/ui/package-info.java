@NullMarked
package org.remediation.console.incident.ui;

import org.jspecify.annotations.NullMarked;
