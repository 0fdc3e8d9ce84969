package org.remediation.console.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditChainTest {

    private static final Instant AT = Instant.parse("2026-11-25T08:00:00.123Z");
    static final AuditKeys KEYS = AuditKeys.parse(AuditKeys.format(java.util.Map.of(1, secret('a'), 2, secret('b'))), "test");

    static byte[] secret(char fill) {
        return String.valueOf(fill).repeat(32).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void hashIsStableForTheSameContent() {
        assertThat(AuditChain.hash(1, AT, "a", "b", "c", "d", AuditChain.GENESIS))
                .isEqualTo(AuditChain.hash(1, AT, "a", "b", "c", "d", AuditChain.GENESIS))
                .hasSize(64);
    }

    @Test
    void everyFieldChangesTheHash() {
        String base = AuditChain.hash(1, AT, "a", "b", "c", "d", AuditChain.GENESIS);
        assertThat(List.of(
                AuditChain.hash(2, AT, "a", "b", "c", "d", AuditChain.GENESIS),
                AuditChain.hash(1, AT.plusMillis(1), "a", "b", "c", "d", AuditChain.GENESIS),
                AuditChain.hash(1, AT, "x", "b", "c", "d", AuditChain.GENESIS),
                AuditChain.hash(1, AT, "a", "x", "c", "d", AuditChain.GENESIS),
                AuditChain.hash(1, AT, "a", "b", "x", "d", AuditChain.GENESIS),
                AuditChain.hash(1, AT, "a", "b", "c", "x", AuditChain.GENESIS),
                AuditChain.hash(1, AT, "a", "b", "c", "d", "1".repeat(64)))).doesNotContain(base).doesNotHaveDuplicates();
    }

    @Test
    void fieldsCannotBorrowCharactersFromTheirNeighbours() {
        assertThat(AuditChain.hash(1, AT, "ab", "c", "s", "d", AuditChain.GENESIS))
                .isNotEqualTo(AuditChain.hash(1, AT, "a", "bc", "s", "d", AuditChain.GENESIS));
    }

    @Test
    void walkerAcceptsAnIntactChain() {
        ChainWalker walker = new ChainWalker(KEYS);
        chain(5).forEach(walker);
        assertThat(walker.result().valid()).isTrue();
        assertThat(walker.result().eventsChecked()).isEqualTo(5);
    }

    @Test
    void walkerNamesTheFirstTamperedEvent() {
        List<AuditEvent> events = chain(5);
        AuditEvent third = events.get(2);
        events.set(2, new AuditEvent(third.seq(), third.occurredAt(), "mallory", third.action(), third.subject(),
                third.details(), third.prevHash(), third.hash(), 0));
        ChainWalker walker = new ChainWalker(KEYS);
        events.forEach(walker);
        assertThat(walker.result().valid()).isFalse();
        assertThat(walker.result().firstBrokenSeq()).isEqualTo(3L);
        assertThat(walker.result().message()).contains("#3").contains("changed");
    }

    @Test
    void walkerNamesAMissingEvent() {
        List<AuditEvent> events = chain(5);
        events.remove(1);
        ChainWalker walker = new ChainWalker(KEYS);
        events.forEach(walker);
        assertThat(walker.result().firstBrokenSeq()).isEqualTo(2L);
        assertThat(walker.result().message()).contains("missing");
    }

    @Test
    void walkerNamesARelinkedEvent() {
        List<AuditEvent> events = chain(3);
        AuditEvent second = events.get(1);
        String forgedPrev = "f".repeat(64);
        String rehashed = AuditChain.hash(2, second.occurredAt(), second.actor(), second.action(), second.subject(),
                second.details(), forgedPrev);
        events.set(1, new AuditEvent(2, second.occurredAt(), second.actor(), second.action(), second.subject(),
                second.details(), forgedPrev, rehashed, 0));
        ChainWalker walker = new ChainWalker(KEYS);
        events.forEach(walker);
        assertThat(walker.result().firstBrokenSeq()).isEqualTo(2L);
        assertThat(walker.result().message()).contains("link");
    }

    static List<AuditEvent> chain(int n) {
        List<AuditEvent> events = new ArrayList<>();
        String prev = AuditChain.GENESIS;
        for (int i = 1; i <= n; i++) {
            String hash = AuditChain.hash(i, AT, "actor", "act" + i, "subj", "{}", prev);
            events.add(new AuditEvent(i, AT, "actor", "act" + i, "subj", "{}", prev, hash, 0));
            prev = hash;
        }
        return events;
    }

    @Test
    void keyedEventsAfterPlainOnesVerifyAndTheHighestKeyIdSigns() {
        List<AuditEvent> events = chain(2);
        extend(events, 1, 2);
        extend(events, 2, 2);
        ChainWalker walker = new ChainWalker(KEYS);
        events.forEach(walker);
        assertThat(walker.result().valid()).as(walker.result().message()).isTrue();
        assertThat(walker.result().eventsChecked()).isEqualTo(6);
        assertThat(KEYS.signingId()).isEqualTo(2);
    }

    @Test
    void aKeyedEventCannotBeReHashedWithoutItsKey() {
        List<AuditEvent> events = chain(1);
        extend(events, 1, 1);
        AuditEvent keyed = events.get(1);
        String plain = AuditChain.hash(2, AT, "mallory", keyed.action(), keyed.subject(), keyed.details(), keyed.prevHash());
        events.set(1, new AuditEvent(2, AT, "mallory", keyed.action(), keyed.subject(), keyed.details(), keyed.prevHash(),
                plain, 1));
        ChainWalker walker = new ChainWalker(KEYS);
        events.forEach(walker);
        assertThat(walker.result().firstBrokenSeq()).isEqualTo(2L);
        assertThat(walker.result().message()).contains("key id 1");
    }

    /** Appends {@code n} events signed with {@code keyId}, linked to the last one. */
    static void extend(List<AuditEvent> events, int keyId, int n) {
        for (int k = 0; k < n; k++) {
            AuditEvent last = events.getLast();
            long seq = last.seq() + 1;
            String hash = AuditChain.hmac(KEYS.mac(keyId), seq, AT, "actor", "act" + seq, "subj", "{}", last.hash());
            events.add(new AuditEvent(seq, AT, "actor", "act" + seq, "subj", "{}", last.hash(), hash, keyId));
        }
    }
}
