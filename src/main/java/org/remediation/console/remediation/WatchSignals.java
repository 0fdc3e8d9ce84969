package org.remediation.console.remediation;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Adapter point for the watch window: where the signals come from that an action watches after it
 * succeeds (probe targets' or criteria's current state). The remediation feature ships no
 * implementation tied to another feature; the lead wires one (e.g. from the probe feature, keys =
 * probe target keys). Without a bean the console offers no signals and watch windows are disabled.
 */
public interface WatchSignals {

    /** How healthy a signal is now; higher {@link Level#ordinal()} is worse. */
    enum Level { OK, DEGRADED, FAILING, UNKNOWN }

    record Reading(String key, Level level, String detail) {
    }

    /** Signal keys a requester may choose, e.g. {@code backend-health}. */
    List<String> available();

    /** The current reading of each key (UNKNOWN for keys it does not know). */
    Map<String, Reading> read(Collection<String> keys);
}
