package org.remediation.console.criteria;

import org.remediation.console.base.identity.SignedIn;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the sign-off gate asks of criteria: which criteria of a phase block it (with their values),
 * and the evidence to freeze into the sign-off record.
 */
@Service
@SignedIn
public class PhaseEvidence {

    private final CriteriaService criteria;
    private final CriteriaEngine engine;
    private final JsonMapper json = JsonMapper.builder().build();

    PhaseEvidence(CriteriaService criteria, CriteriaEngine engine) {
        this.criteria = criteria;
        this.engine = engine;
    }

    /** One line per criterion of the phase that is not met, saying why; empty when all are met. */
    @Transactional(readOnly = true)
    public List<String> blockingReasons(String incidentKey, String phaseKey) {
        List<String> reasons = new ArrayList<>();
        for (CriterionStatus s : criteria.ofPhase(incidentKey, phaseKey)) {
            if (!s.met()) {
                reasons.add(s.whyNotMet());
            }
        }
        return reasons;
    }

    /** The evidence of every criterion of the phase as it stands now. */
    @Transactional(readOnly = true)
    public List<EvidenceSnapshot> snapshot(String incidentKey, String phaseKey) {
        return criteria.ofPhase(incidentKey, phaseKey).stream().map(this::snapshot).toList();
    }

    /** {@link #snapshot} as JSON text, for the sign-off record to store verbatim. */
    @Transactional(readOnly = true)
    public String freeze(String incidentKey, String phaseKey) {
        return json.writeValueAsString(snapshot(incidentKey, phaseKey));
    }

    /** Reads frozen evidence back for display on a signed-off phase. */
    public List<EvidenceSnapshot> thaw(String frozen) {
        return List.of(json.readValue(frozen, EvidenceSnapshot[].class));
    }

    private EvidenceSnapshot snapshot(CriterionStatus s) {
        CriterionSpec spec = engine.spec(s.text());
        if (spec instanceof CompositeCriterion) {
            return new EvidenceSnapshot(s.owner().criterionKey(), s.label(), s.text(), false, s.valueText(), s.value(),
                    "", spec.thresholdText(), "", s.samples(), s.state(), s.since(),
                    s.evaluatedAt() == null ? s.since() : s.evaluatedAt(), null, coverage(s.detail()));
        }
        if (!(spec instanceof MeasuredCriterion c)) {
            return new EvidenceSnapshot(s.owner().criterionKey(), s.label(), s.text(), true,
                    s.evidenceNote() == null ? "" : s.evidenceNote(), null, "", "", "", 0, s.state(), s.since(),
                    s.evaluatedAt() == null ? s.since() : s.evaluatedAt(), s.confirmedBy(), null);
        }
        String window = c.window().isZero() ? "" : Tokens.formatDuration(c.window());
        String threshold = c.statistic() == Statistic.UP ? "UP" : c.statistic() == Statistic.UP_FOR
                ? c.threshold().plainNumber() + c.threshold().unit() : c.threshold().display();
        return new EvidenceSnapshot(s.owner().criterionKey(), s.label(), s.text(), false, s.valueText(), s.value(),
                c.comparison().symbol(), threshold, window, s.samples(), s.state(), s.since(),
                s.evaluatedAt() == null ? s.since() : s.evaluatedAt(), null, coverage(s.detail()));
    }

    /** "10m of 1h" from a detail saying "covers 10m of 1h" (the evaluator's words), else null. */
    static @org.jspecify.annotations.Nullable String coverage(String detail) {
        java.util.regex.Matcher m = COVERAGE.matcher(detail);
        return m.find() ? m.group(1) : null;
    }

    private static final java.util.regex.Pattern COVERAGE =
            java.util.regex.Pattern.compile("\\b" + CriterionEvaluator.COVERS + "(\\S+ of \\S+)");
}
