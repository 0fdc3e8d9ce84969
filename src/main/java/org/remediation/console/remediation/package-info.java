/**
 * Remediation actions: one {@link org.remediation.console.remediation.RemediationAction} per kind
 * (validate → preview → apply → verify → rollback), requests, approvals bound to a preview's state
 * fingerprint, per-resource locks that outlive restarts, tracked execution, rollback, watch windows
 * and crash reconciliation. The public API is {@link org.remediation.console.remediation.RemediationService}.
 */
@NullMarked
package org.remediation.console.remediation;

import org.jspecify.annotations.NullMarked;
