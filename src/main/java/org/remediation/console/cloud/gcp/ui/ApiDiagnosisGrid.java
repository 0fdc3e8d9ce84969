package org.remediation.console.cloud.gcp.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.stream.Collectors;
import org.remediation.console.base.ui.StatusBadge;
import org.remediation.console.cloud.gcp.ApiDiagnosis;

/** One row per Google API: verdict, missing permissions with the role to grant, notes. */
class ApiDiagnosisGrid extends Grid<ApiDiagnosis> {

    ApiDiagnosisGrid() {
        setId("gcp-apis");
        addColumn(ApiDiagnosis::title).setHeader("API").setAutoWidth(true);
        addColumn(ApiDiagnosis::api).setHeader("Service name").setAutoWidth(true);
        addComponentColumn(a -> new StatusBadge(label(a.status()), tone(a.status()))).setHeader("Status")
                .setAutoWidth(true);
        addComponentColumn(ApiDiagnosisGrid::missing).setHeader("Missing permission → role to grant");
        addColumn(a -> String.join(" · ", a.notes())).setHeader("Notes").setFlexGrow(2);
        setAllRowsVisible(true);
    }

    private static Div missing(ApiDiagnosis a) {
        Div div = new Div();
        if (a.missing().isEmpty()) {
            div.add(new Span("—"));
        }
        a.missing().forEach(m -> div.add(new Div(m.permission() + " → " + m.role())));
        div.getElement().setAttribute("title", a.missing().stream()
                .map(m -> "gcloud projects add-iam-policy-binding PROJECT --member=serviceAccount:SA --role=" + m.role())
                .collect(Collectors.joining("\n")));
        return div;
    }

    static String label(ApiDiagnosis.Status status) {
        return switch (status) {
            case OK -> "Reachable, permissions OK";
            case MISSING_PERMISSIONS -> "Permissions missing";
            case DISABLED -> "API not enabled";
            case UNREACHABLE -> "Unreachable";
            case CREDENTIALS -> "Credentials missing";
            case NOT_CHECKED -> "Not checked";
        };
    }

    private static StatusBadge.Tone tone(ApiDiagnosis.Status status) {
        return switch (status) {
            case OK -> StatusBadge.Tone.OK;
            case MISSING_PERMISSIONS -> StatusBadge.Tone.WARN;
            case DISABLED, UNREACHABLE, CREDENTIALS -> StatusBadge.Tone.BAD;
            case NOT_CHECKED -> StatusBadge.Tone.NEUTRAL;
        };
    }
}
