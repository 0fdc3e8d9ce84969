package org.remediation.console.criteria.ui;

import org.remediation.console.base.identity.Roles;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.remediation.console.base.InvalidInputException;
import org.remediation.console.base.ui.Notices;
import org.remediation.console.criteria.EscalationRuleView;
import org.remediation.console.criteria.EscalationService;
import org.remediation.console.base.identity.CurrentUser;

/** A phase's escalation rules, one per line; only a COMMANDER gets an editable field and a Save button. */
public class EscalationRulesEditor extends Div {

    private final EscalationService escalations;
    private final String incidentKey;
    private final String phaseKey;
    private final TextArea rules = new TextArea("Escalation rules (one per line)");

    public EscalationRulesEditor(EscalationService escalations, String incidentKey, String phaseKey) {
        this.escalations = escalations;
        this.incidentKey = incidentKey;
        this.phaseKey = phaseKey;
        addClassName("escalation-rules");
        rules.setId("escalation-rules-" + phaseKey);
        rules.setWidthFull();
        rules.setHelperText("e.g. criterion backend-p95 still not met 2h after phase start · phase overran its window"
                + " · criterion redis-ok regressed after being met");
        rules.setValue(String.join("\n", escalations.rules(incidentKey, phaseKey).stream()
                .map(EscalationRuleView::text).toList()));
        boolean commander = CurrentUser.hasRole(Roles.COMMANDER);
        rules.setReadOnly(!commander);
        add(rules);
        if (commander) {
            Button save = new Button("Save rules", click -> save());
            save.setId("escalation-rules-save-" + phaseKey);
            add(save);
        }
    }

    private void save() {
        List<String> lines = Arrays.stream(rules.getValue().split("\\R")).map(String::strip)
                .filter(l -> !l.isEmpty()).toList();
        try {
            escalations.defineRules(incidentKey, phaseKey, lines);
            rules.setInvalid(false);
            Notices.success("Escalation rules saved.");
        } catch (InvalidInputException e) {
            rules.setErrorMessage(String.join("; ", e.problems().stream().map(Object::toString).toList()));
            rules.setInvalid(true);
            Notices.showProblems(e, Map.of());
        }
    }
}
