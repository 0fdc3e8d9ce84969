/**
 * The REST API under /api/v1 for automation (CI, chat bots, cron jobs): thin controllers over the same
 * public service methods the views call, so rules and role checks live once, in the services. Errors are
 * RFC 9457 problem documents ({@link ApiProblems}). Features never depend on this package.
 */
@NullMarked
package org.remediation.console.api;

import org.jspecify.annotations.NullMarked;
