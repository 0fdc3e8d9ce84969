package org.remediation.console.criteria.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.remediation.console.base.LiveEvents;
import org.remediation.console.base.ui.LiveSubscription;
import org.remediation.console.criteria.CriteriaDefined;
import org.remediation.console.criteria.CriteriaEvaluated;
import org.remediation.console.criteria.CriteriaService;
import org.remediation.console.criteria.CriterionStateChanged;
import org.remediation.console.criteria.CriterionStatus;

/**
 * A phase's criteria, one line each (label and live badge), kept live through push. The board hangs
 * its sign-off button on {@link #onAllMetChanged} so the button enables itself the moment the last
 * criterion is met (the sign-off service still checks the gate).
 */
public class PhaseCriteria extends Div {

    private final CriteriaService criteria;
    private final String incidentKey;
    private final String phaseKey;
    private final List<Consumer<Boolean>> allMetListeners = new ArrayList<>();
    private boolean allMet;

    public PhaseCriteria(CriteriaService criteria, LiveEvents live, String incidentKey, String phaseKey) {
        this.criteria = criteria;
        this.incidentKey = incidentKey;
        this.phaseKey = phaseKey;
        addClassName("phase-criteria");
        setId("criteria-" + phaseKey);
        refresh();
        LiveSubscription.bind(this, live, CriterionStateChanged.class, e -> {
            if (e.owner().incidentKey().equals(incidentKey) && e.owner().phaseKey().equals(phaseKey)) {
                refresh();
            }
        });
        LiveSubscription.bind(this, live, CriteriaEvaluated.class, e -> {
            if (e.incidentKeys().contains(incidentKey)) {
                refresh();
            }
        });
        LiveSubscription.bind(this, live, CriteriaDefined.class, e -> {
            if (e.incidentKey().equals(incidentKey) && e.phaseKey().equals(phaseKey)) {
                refresh();
            }
        });
    }

    /** Called with the new value whenever "all criteria met" flips (and once at registration). */
    public void onAllMetChanged(Consumer<Boolean> listener) {
        allMetListeners.add(listener);
        listener.accept(allMet);
    }

    public boolean allMet() {
        return allMet;
    }

    private void refresh() {
        removeAll();
        List<CriterionStatus> list = criteria.ofPhase(incidentKey, phaseKey);
        for (CriterionStatus s : list) {
            Span label = new Span(s.label());
            label.addClassName("phase-criterion-label");
            Div line = new Div(label, new CriterionBadge(s));
            line.addClassName("phase-criterion");
            line.setId("criterion-" + phaseKey + "-" + s.owner().criterionKey());
            add(line);
        }
        boolean now = list.stream().allMatch(CriterionStatus::met);
        if (now != allMet) {
            allMet = now;
            allMetListeners.forEach(l -> l.accept(now));
        }
    }
}
