package org.remediation.console.drills;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The cluster drill's count of runs per target per interval, on slots placed at each target's phase. */
class SlotCountsTest {

    private static final long INTERVAL = 2_000;
    private static final String KEY = "drill-007";
    private static final long PHASE = SlotCounts.phase(KEY, INTERVAL);

    @Test
    void oneRunNearTheStartOfEachSlotIsExactlyOnceEvenWhenLate() {
        SlotCounts c = new SlotCounts(INTERVAL);
        for (long s = 10; s < 20; s++) {
            c.add(KEY, s * INTERVAL + PHASE + (s % 2 == 0 ? 3 : 1_900)); // on time, or nearly a whole interval late
        }
        assertThat(c.notExactlyOnce(List.of(KEY), 10 * INTERVAL + PHASE, 20 * INTERVAL + PHASE)).isEmpty();
        assertThat(c.duplicates()).isEmpty();
    }

    @Test
    void aSecondRunInASlotAndAnEmptySlotAreBothReported() {
        SlotCounts c = new SlotCounts(INTERVAL);
        c.add(KEY, 10 * INTERVAL + PHASE + 5);
        c.add(KEY, 10 * INTERVAL + PHASE + 900); // a second node ran it in the same interval
        c.add(KEY, 12 * INTERVAL + PHASE + 5);   // slot 11 empty
        assertThat(c.notExactlyOnce(List.of(KEY), 10 * INTERVAL + PHASE, 13 * INTERVAL + PHASE))
                .containsExactly(KEY + " slot 10: 2 runs", KEY + " slot 11: 0 runs");
        assertThat(c.duplicates()).containsExactly(KEY + " slot 10: 2 runs");
        assertThat(c.missed(KEY, 10 * INTERVAL + PHASE, 13 * INTERVAL + PHASE)).isEqualTo(1);
    }

    @Test
    void onlyWholeSlotsInsideTheWindowCount() {
        SlotCounts c = new SlotCounts(INTERVAL);
        c.add(KEY, 11 * INTERVAL + PHASE + 5);
        // the window cuts slots 10 and 12: only slot 11 lies wholly inside
        assertThat(c.notExactlyOnce(List.of(KEY), 10 * INTERVAL + PHASE + 1, 13 * INTERVAL + PHASE - 1)).isEmpty();
    }

    @Test
    void theGapAcrossAMomentIsFromTheLastRunBeforeToTheFirstAfter() {
        SlotCounts c = new SlotCounts(INTERVAL);
        c.add(KEY, 1_000);
        c.add(KEY, 3_000);
        c.add(KEY, 9_000);
        assertThat(c.gapAcross(KEY, 4_000)).isEqualTo(6_000);
        assertThat(c.gapAcross(KEY, 10_000)).isEqualTo(-1);
    }
}
