/**
 * Who is calling: role names, the signed-in user, and the system identity that background work
 * runs under. Every feature (the audit trail and user administration included) depends on this,
 * and it depends on none of them.
 */
@NullMarked
package org.remediation.console.base.identity;

import org.jspecify.annotations.NullMarked;
