package org.remediation.console.incident.ui;

import org.remediation.console.base.ui.StatusBadge;
import org.remediation.console.incident.IncidentStatus;
import org.remediation.console.incident.PhaseStatus;
import org.remediation.console.incident.Severity;

/** Colours for incident and phase states. */
final class Tones {

    private Tones() {
    }

    /** Severities have colours of their own (console.css), so a P0 is never mistaken for a DOWN probe. */
    static StatusBadge severity(Severity s) {
        StatusBadge badge = new StatusBadge(s.name(), s == Severity.P0 ? StatusBadge.Tone.BAD
                : s == Severity.P1 ? StatusBadge.Tone.WARN : StatusBadge.Tone.INFO);
        badge.addClassName("severity-" + s.name().toLowerCase(java.util.Locale.ROOT));
        badge.getElement().setAttribute("title", "Severity " + s.name());
        return badge;
    }

    static StatusBadge status(IncidentStatus s) {
        StatusBadge badge = new StatusBadge(s.label(), switch (s) {
            case INVESTIGATING -> StatusBadge.Tone.BAD;
            case MITIGATING -> StatusBadge.Tone.WARN;
            case MONITORING -> StatusBadge.Tone.INFO;
            case RESOLVED -> StatusBadge.Tone.OK;
        });
        // "Mitigating" gets its own colour: the amber of WARN is DEGRADED's
        badge.addClassName("incident-" + s.name().toLowerCase(java.util.Locale.ROOT));
        return badge;
    }

    static StatusBadge phase(PhaseStatus s) {
        return new StatusBadge(s.label(), switch (s) {
            case PENDING -> StatusBadge.Tone.NEUTRAL;
            case ACTIVE -> StatusBadge.Tone.INFO;
            case BLOCKED -> StatusBadge.Tone.BAD;
            case AWAITING_SIGN_OFF -> StatusBadge.Tone.WARN;
            case SIGNED_OFF -> StatusBadge.Tone.OK;
        });
    }
}
