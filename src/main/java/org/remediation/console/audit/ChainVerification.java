package org.remediation.console.audit;

import org.jspecify.annotations.Nullable;

/**
 * The outcome of walking the audit chain and checking its anchor: valid (every event verified, and the
 * anchored head still there with its hash), or the first event where it breaks and why.
 */
public record ChainVerification(boolean valid, long eventsChecked, @Nullable Long firstBrokenSeq, String message) {

    static ChainVerification ok(long checked) {
        return new ChainVerification(true, checked, null, "Chain valid: " + checked + " events verified");
    }

    static ChainVerification broken(long checked, long seq, String why) {
        return new ChainVerification(false, checked, seq, "Chain broken at event #" + seq + ": " + why);
    }

    ChainVerification with(String more) {
        return new ChainVerification(valid, eventsChecked, firstBrokenSeq, message + more);
    }
}
