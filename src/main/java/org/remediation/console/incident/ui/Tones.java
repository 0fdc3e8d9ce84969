package org.remediation.console.incident.ui;

import org.remediation.console.base.ui.StatusBadge;
import org.remediation.console.incident.IncidentStatus;
import org.remediation.console.incident.PhaseStatus;
import org.remediation.console.incident.Severity;

/** Colours for incident and phase states. */
final class Tones {

    private Tones() {
    }

    static StatusBadge severity(Severity s) {
        return new StatusBadge(s.name(), s == Severity.P0 ? StatusBadge.Tone.BAD
                : s == Severity.P1 ? StatusBadge.Tone.WARN : StatusBadge.Tone.INFO);
    }

    static StatusBadge status(IncidentStatus s) {
        return new StatusBadge(s.label(), switch (s) {
            case INVESTIGATING -> StatusBadge.Tone.BAD;
            case MITIGATING -> StatusBadge.Tone.WARN;
            case MONITORING -> StatusBadge.Tone.INFO;
            case RESOLVED -> StatusBadge.Tone.OK;
        });
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
