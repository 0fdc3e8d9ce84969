package org.remediation.console.criteria;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Test stand-in for the incident feature's phase owners: phases set here are owned as given (for
 * criteria-only incidents that have no plan); every other phase is answered by the real adapter.
 */
public class FakePhaseOwners implements PhaseOwners {

    private final Map<String, PhaseOwner> owners = new ConcurrentHashMap<>();
    private final ObjectProvider<PhaseOwners> all;

    public FakePhaseOwners(ObjectProvider<PhaseOwners> all) {
        this.all = all;
    }

    public void set(String incidentKey, String phaseKey, PhaseOwner owner) {
        owners.put(incidentKey + "/" + phaseKey, owner);
    }

    @Override
    public Optional<PhaseOwner> owner(String incidentKey, String phaseKey) {
        PhaseOwner set = owners.get(incidentKey + "/" + phaseKey);
        if (set != null) {
            return Optional.of(set);
        }
        return all.stream().filter(o -> o != this).findFirst()
                .flatMap(o -> o.owner(incidentKey, phaseKey));
    }
}
