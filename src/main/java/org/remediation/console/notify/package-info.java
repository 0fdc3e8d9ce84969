/**
 * Notifications to the outside world: one {@link org.remediation.console.notify.Notifier} that routes
 * a {@link org.remediation.console.notify.Notification} to every matching webhook route
 * ({@code console.notify.routes}), formats it (Slack-compatible or generic JSON) and delivers it in
 * the background with one retry policy ({@code console.notify.retry}).
 */
@NullMarked
package org.remediation.console.notify;

import org.jspecify.annotations.NullMarked;
