package org.remediation.console.criteria;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Test stand-in for the incident feature's phase times. */
public class FakePhaseTimes implements PhaseTimes {

    private final Map<String, PhaseTiming> timings = new ConcurrentHashMap<>();

    public void set(String incidentKey, String phaseKey, PhaseTiming timing) {
        timings.put(incidentKey + "/" + phaseKey, timing);
    }

    @Override
    public Optional<PhaseTiming> timing(String incidentKey, String phaseKey) {
        return Optional.ofNullable(timings.get(incidentKey + "/" + phaseKey));
    }
}
