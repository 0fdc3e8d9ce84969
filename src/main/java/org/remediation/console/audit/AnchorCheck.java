package org.remediation.console.audit;

import java.util.Optional;

/** The anchor part of {@code verify()}: the walked chain, judged against the head anchored outside the database. */
final class AnchorCheck {

    private AnchorCheck() {
    }

    static ChainVerification check(ChainVerification walked, AuditAnchors anchors, AuditStore store) {
        Optional<AuditAnchors.Anchor> latest;
        try {
            latest = anchors.latest();
        } catch (IllegalStateException e) {
            return ChainVerification.broken(walked.eventsChecked(), walked.eventsChecked() + 1, e.getMessage());
        }
        if (latest.isEmpty()) {
            return walked.valid() ? walked.with("; no anchor yet") : walked;
        }
        AuditAnchors.Anchor a = latest.get();
        if (!walked.valid() && walked.firstBrokenSeq() != null && walked.firstBrokenSeq() <= a.seq()) {
            return walked;
        }
        Optional<String> stored = store.hashAt(a.seq());
        String anchored = "event #" + a.seq() + " (anchored " + a.at() + ", hash " + a.hash().substring(0, 12) + "…)";
        if (stored.isEmpty()) {
            return ChainVerification.broken(Math.min(walked.eventsChecked(), a.seq() - 1), a.seq(),
                    anchored + " is missing: the chain was cut after it was anchored");
        }
        if (!stored.get().equals(a.hash())) {
            return ChainVerification.broken(Math.min(walked.eventsChecked(), a.seq() - 1), a.seq(),
                    anchored + " now has hash " + stored.get().substring(0, 12) + "…: the chain was rewritten");
        }
        return walked.valid() ? walked.with("; anchor matches (event #" + a.seq() + ", " + a.at() + ")") : walked;
    }
}
