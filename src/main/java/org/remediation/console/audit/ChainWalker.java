package org.remediation.console.audit;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import javax.crypto.Mac;
import org.jspecify.annotations.Nullable;

/** Checks events one at a time, in sequence order, remembering only the previous link. */
final class ChainWalker implements Consumer<AuditEvent> {

    private final AuditKeys keys;
    private final Map<Integer, Mac> macs = new HashMap<>();
    private long expectedSeq = 1;
    private String expectedPrev = AuditChain.GENESIS;
    private long checked;
    private long firstKeyedSeq;
    private @Nullable ChainVerification broken;

    ChainWalker(AuditKeys keys) {
        this.keys = keys;
    }

    @Override
    public void accept(AuditEvent e) {
        if (broken != null) {
            return;
        }
        String why = problem(e);
        if (why != null) {
            broken = ChainVerification.broken(checked, e.seq() == expectedSeq ? e.seq() : expectedSeq, why);
            return;
        }
        if (e.keyId() != AuditKeys.PLAIN && firstKeyedSeq == 0) {
            firstKeyedSeq = e.seq();
        }
        checked++;
        expectedSeq++;
        expectedPrev = e.hash();
    }

    private @Nullable String problem(AuditEvent e) {
        if (e.seq() != expectedSeq) {
            return "event is missing (next stored event is #" + e.seq() + ")";
        }
        if (!e.prevHash().equals(expectedPrev)) {
            return "previous-hash link does not match event #" + (e.seq() - 1);
        }
        if (e.keyId() == AuditKeys.PLAIN) {
            // once events are keyed, an unkeyed one can only be a re-hash by someone without the key
            if (firstKeyedSeq != 0) {
                return "written without a key after keyed events (from #" + firstKeyedSeq
                        + "): re-hashed by someone who does not hold the key";
            }
            return AuditChain.hash(e.seq(), e.occurredAt(), e.actor(), e.action(), e.subject(), e.details(), e.prevHash())
                    .equals(e.hash()) ? null : "content was changed after it was written";
        }
        Mac mac = macs.computeIfAbsent(e.keyId(), keys::mac);
        if (mac == null) {
            return "signed with key id " + e.keyId() + ", which is not configured (configured: " + keys.ids()
                    + "); add that key to CONSOLE_AUDIT_KEY to verify it";
        }
        return AuditChain.hmac(mac, e.seq(), e.occurredAt(), e.actor(), e.action(), e.subject(), e.details(), e.prevHash())
                .equals(e.hash()) ? null : "content was changed after it was written (or re-hashed without key id "
                + e.keyId() + ")";
    }

    ChainVerification result() {
        return broken != null ? broken : ChainVerification.ok(checked);
    }
}
