package org.remediation.console.criteria;

import java.util.Optional;

/**
 * What manual confirmation needs from the incident feature: which team owns a phase (its leads may
 * confirm the phase's manual criteria) and whether the phase is signed off (its criteria are then
 * frozen). Implemented by an adapter over the incident feature; without one, only a commander may
 * confirm.
 */
public interface PhaseOwners {

    /** The phase's owner, or empty when the incident or phase is unknown (KPIs belong to no phase). */
    Optional<PhaseOwner> owner(String incidentKey, String phaseKey);

    /** @param team the owning team's name; @param signedOff whether the phase is signed off */
    record PhaseOwner(String team, boolean signedOff) {
    }
}
