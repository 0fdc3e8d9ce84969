package org.remediation.console.audit;

import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/** Checks events one at a time, in sequence order, remembering only the previous link. */
final class ChainWalker implements Consumer<AuditEvent> {

    private long expectedSeq = 1;
    private String expectedPrev = AuditChain.GENESIS;
    private long checked;
    private @Nullable ChainVerification broken;

    @Override
    public void accept(AuditEvent e) {
        if (broken != null) {
            return;
        }
        if (e.seq() != expectedSeq) {
            broken = ChainVerification.broken(checked, expectedSeq,
                    "event is missing (next stored event is #" + e.seq() + ")");
        } else if (!e.prevHash().equals(expectedPrev)) {
            broken = ChainVerification.broken(checked, e.seq(), "previous-hash link does not match event #"
                    + (e.seq() - 1));
        } else if (!e.contentMatchesHash()) {
            broken = ChainVerification.broken(checked, e.seq(), "content was changed after it was written");
        } else {
            checked++;
            expectedSeq++;
            expectedPrev = e.hash();
        }
    }

    ChainVerification result() {
        return broken != null ? broken : ChainVerification.ok(checked);
    }
}
