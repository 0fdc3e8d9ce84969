/** Where the console may connect on a user's behalf: the egress policy of probes and webhooks. */
@NullMarked
package org.remediation.console.base.egress;

import org.jspecify.annotations.NullMarked;
