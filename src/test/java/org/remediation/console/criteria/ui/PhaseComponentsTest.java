package org.remediation.console.criteria.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.remediation.console.criteria.CriteriaService;
import org.remediation.console.criteria.CriteriaSpringTest;
import org.remediation.console.criteria.CriterionDefinition;
import org.remediation.console.criteria.EscalationRuleView;
import org.remediation.console.criteria.EscalationService;
import org.remediation.console.security.Role;
import org.remediation.console.support.As;
import org.remediation.console.support.KaribuTest;
import org.springframework.beans.factory.annotation.Autowired;

@CriteriaSpringTest
class PhaseComponentsTest extends KaribuTest {

    @Autowired CriteriaService criteria;
    @Autowired EscalationService escalations;

    final String incident = "pc-" + UUID.randomUUID().toString().substring(0, 8);
    final String target = "be-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void aCommanderEditsRulesAndSeesWhatIsWrong() {
        login("commander", Role.COMMANDER);
        As.user("commander", Role.COMMANDER, () -> criteria.defineCriteria(incident, "p1", List.of(
                new CriterionDefinition("up", "Up", target + " up"))));
        UI.getCurrent().add(new EscalationRulesEditor(escalations, incident, "p1"));
        TextArea area = _get(TextArea.class, spec -> spec.withId("escalation-rules-p1"));
        area.setValue("phase overran its budget");
        _click(_get(Button.class, spec -> spec.withId("escalation-rules-save-p1")));
        assertThat(area.isInvalid()).isTrue();
        assertThat(area.getErrorMessage()).contains("rules[0]").contains("'window'");
        assertThat(escalations.rules(incident, "p1")).isEmpty();

        area.setValue("phase overran its window\n\ncriterion up still not met 90m after phase start");
        _click(_get(Button.class, spec -> spec.withId("escalation-rules-save-p1")));
        assertThat(area.isInvalid()).isFalse();
        assertThat(escalations.rules(incident, "p1")).extracting(EscalationRuleView::text)
                .containsExactly("phase overran its window", "criterion up still not met 90m after phase start");
    }

    @Test
    void othersSeeTheRulesReadOnly() {
        login("lead", Role.TEAM_LEAD);
        UI.getCurrent().add(new EscalationRulesEditor(escalations, incident, "p1"));
        assertThat(_get(TextArea.class, spec -> spec.withId("escalation-rules-p1")).isReadOnly()).isTrue();
        assertThat(_find(Button.class, spec -> spec.withId("escalation-rules-save-p1"))).isEmpty();
    }
}
