/** The Google Cloud diagnostics page (ADMIN). */
@NullMarked
package org.remediation.console.cloud.gcp.ui;

import org.jspecify.annotations.NullMarked;
