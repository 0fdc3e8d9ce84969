package org.remediation.console.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import java.util.List;
import java.util.Map;
import org.remediation.console.base.InvalidInputException;
import org.remediation.console.base.ui.Notices;
import org.remediation.console.security.TeamSummary;
import org.remediation.console.security.UserAdminService;
import org.remediation.console.security.UserSummary;

/** Edit a team's members and its lead (who must be a member). */
class TeamDialog extends Dialog {

    TeamDialog(UserAdminService admin, TeamSummary team, Runnable onSaved) {
        setHeaderTitle("Team " + team.name());
        List<String> usernames = admin.listUsers().stream().map(UserSummary::username).toList();
        MultiSelectComboBox<String> members = new MultiSelectComboBox<>("Members", usernames);
        members.setValue(team.members());
        ComboBox<String> lead = new ComboBox<>("Lead", usernames);
        lead.setClearButtonVisible(true);
        if (team.lead() != null) {
            lead.setValue(team.lead());
        }
        add(new FormLayout(members, lead));
        Button save = new Button("Save", e -> {
            try {
                admin.updateTeam(team.name(), members.getValue(), lead.getValue());
                Notices.success("Team saved");
                onSaved.run();
                close();
            } catch (InvalidInputException ex) {
                Notices.showProblems(ex, Map.of("members", members, "lead", lead));
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), save);
    }
}
