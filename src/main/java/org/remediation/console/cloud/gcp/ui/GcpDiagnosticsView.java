package org.remediation.console.cloud.gcp.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.remediation.console.base.LiveEvents;
import org.remediation.console.base.ui.LiveSubscription;
import org.remediation.console.cloud.gcp.GcpDiagnosisReport;
import org.remediation.console.cloud.gcp.GcpDiagnostics;
import org.remediation.console.cloud.gcp.PermissionRoles;
import org.remediation.console.base.identity.Roles;

/**
 * Google Cloud diagnostics for admins: per API whether it is reachable and which permissions the
 * console's service account lacks (with the role to grant), checked at start-up and on demand.
 */
@Route("admin/google-cloud")
@PageTitle("Google Cloud · Remediation Console")
@Menu(order = 85, title = "Google Cloud")
@RolesAllowed(Roles.ADMIN)
public class GcpDiagnosticsView extends Main {

    private final Paragraph summary = new Paragraph();
    private final ApiDiagnosisGrid apis = new ApiDiagnosisGrid();

    public GcpDiagnosticsView(GcpDiagnostics diagnostics, LiveEvents liveEvents) {
        addClassName("page");
        summary.setId("gcp-summary");
        add(new H1("Google Cloud"));
        if (!diagnostics.enabled()) {
            summary.setText("The console uses the sandbox cloud. Set console.cloud.provider=gcp and "
                    + "console.gcp.project to manage Google Cloud resources (see the README, section Google Cloud).");
            add(summary, roles());
            return;
        }
        Button run = new Button("Run checks now", e -> diagnostics.runNow());
        run.setId("gcp-run-checks");
        run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(summary, run, apis, roles());
        show(diagnostics.latest());
        LiveSubscription.bind(this, liveEvents, GcpDiagnosisReport.class, this::show);
    }

    private void show(@Nullable GcpDiagnosisReport report) {
        if (report == null) {
            summary.setText("Checks are running (started with the console); results appear here when done.");
            apis.setItems();
            return;
        }
        summary.setText("Project " + report.project() + " · credentials: " + report.credentials()
                + " · checked " + report.checkedAt() + (report.allOk() ? " · all APIs OK" : " · action needed"));
        apis.setItems(report.apis());
    }

    private static com.vaadin.flow.component.Component roles() {
        Grid<Map.Entry<String, String>> grid = new Grid<>();
        grid.addColumn(Map.Entry::getKey).setHeader("Role").setAutoWidth(true);
        grid.addColumn(Map.Entry::getValue).setHeader("Lets the console");
        grid.setItems(new java.util.TreeMap<>(PermissionRoles.consoleRoles()).entrySet());
        grid.setAllRowsVisible(true);
        com.vaadin.flow.component.html.Div box = new com.vaadin.flow.component.html.Div(
                new H3("Roles the console's service account needs"), grid);
        return box;
    }
}
