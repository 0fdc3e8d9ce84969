package org.remediation.console.remediation;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.remediation.console.probe.HealthState;
import org.remediation.console.probe.ProbeStatistics;
import org.remediation.console.probe.TargetStatus;
import org.springframework.stereotype.Component;

/**
 * The watch window's signals are the probe targets: their current state after hysteresis, from the
 * same {@link ProbeStatistics} criteria read, which rebuilds states from stored results after a
 * restart (so a watch window running across a restart compares like with like).
 */
@Component
class ProbeWatchSignals implements WatchSignals {

    private final ProbeStatistics statistics;

    ProbeWatchSignals(ProbeStatistics statistics) {
        this.statistics = statistics;
    }

    @Override
    public List<String> available() {
        return statistics.statuses().keySet().stream().sorted().toList();
    }

    @Override
    public Map<String, Reading> read(Collection<String> keys) {
        Map<String, Reading> readings = new LinkedHashMap<>();
        for (String key : keys) {
            readings.put(key, statistics.status(key).map(s -> reading(key, s))
                    .orElse(new Reading(key, Level.UNKNOWN, "no probe target '" + key + "'")));
        }
        return readings;
    }

    private static Reading reading(String key, TargetStatus s) {
        Level level = switch (s.state()) {
            case UP -> Level.OK;
            case DEGRADED -> Level.DEGRADED;
            case DOWN -> Level.FAILING;
            case UNKNOWN -> Level.UNKNOWN;
        };
        String last = s.last() == null ? "no result yet" : s.last().outcome() + " in " + Math.round(s.last().durationMs())
                + " ms";
        return new Reading(key, level, s.state() + (s.state() == HealthState.UNKNOWN ? "" : " since " + s.since())
                + ", last " + last);
    }
}
