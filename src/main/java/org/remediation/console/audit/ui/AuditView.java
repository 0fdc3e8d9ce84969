package org.remediation.console.audit.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;
import org.remediation.console.audit.AuditEvent;
import org.remediation.console.audit.AuditFilter;
import org.remediation.console.audit.AuditService;
import org.remediation.console.audit.ChainVerification;
import org.remediation.console.base.HumanTime;
import org.remediation.console.base.ui.StatusBadge;
import org.remediation.console.base.identity.Roles;

/** The audit trail: filterable, lazily loaded (fast at a million rows), verifiable, exportable. */
@Route("audit")
@PageTitle("Audit · Remediation Console")
@Menu(order = 90, title = "Audit")
@RolesAllowed({Roles.ADMIN, Roles.COMMANDER})
public class AuditView extends Main {

    private final AuditService audit;
    private final TextField actor = filterField("Actor");
    private final TextField action = filterField("Action");
    private final TextField subject = filterField("Subject");
    private final DateTimePicker from = new DateTimePicker("From (UTC)");
    private final DateTimePicker to = new DateTimePicker("To (UTC)");
    private final Grid<AuditEvent> grid = new Grid<>();
    private final StatusBadge verifyResult = new StatusBadge("Not verified yet", StatusBadge.Tone.NEUTRAL);
    private final Span count = new Span();

    public AuditView(AuditService audit) {
        this.audit = audit;
        addClassName("page");
        from.addValueChangeListener(e -> refresh());
        to.addValueChangeListener(e -> refresh());
        Button verify = new Button("Verify chain", e -> verify());
        verify.setId("verify-chain");
        verifyResult.setId("verify-result");
        subject.setId("audit-filter-subject");
        verify.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout filters = new HorizontalLayout(actor, action, subject, from, to);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        HorizontalLayout tools = new HorizontalLayout(verify, verifyResult, exportLink("JSONL", "audit.jsonl"),
                exportLink("CSV", "audit.csv"), count);
        tools.setAlignItems(FlexComponent.Alignment.CENTER);
        tools.setWrap(true);
        configureGrid();
        add(new H1("Audit trail"), tools, filters, grid);
        refresh();
    }

    private void configureGrid() {
        grid.addColumn(AuditEvent::seq).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(e -> HumanTime.timestamp(e.occurredAt())).setHeader("When").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AuditEvent::actor).setHeader("Actor").setAutoWidth(true);
        grid.addColumn(AuditEvent::action).setHeader("Action").setAutoWidth(true);
        grid.addColumn(AuditEvent::subject).setHeader("Subject").setAutoWidth(true);
        // details wrap inside their cell instead of being cut off
        grid.addColumn(AuditEvent::details).setHeader("Details").setFlexGrow(3).setPartNameGenerator(e -> "wrap");
        grid.addColumn(e -> e.hash().substring(0, 12)).setHeader("Hash").setAutoWidth(true).setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setPageSize(100);
        grid.setHeight("70vh");
    }

    private void refresh() {
        AuditFilter filter = filter();
        grid.setItems(q -> audit.find(filter, q.getOffset(), q.getLimit()).stream());
        count.setText(audit.count(filter) + " events");
    }

    private void verify() {
        ChainVerification result = audit.verify();
        verifyResult.setText(result.message());
        verifyResult.setTone(result.valid() ? StatusBadge.Tone.OK : StatusBadge.Tone.BAD);
    }

    private Anchor exportLink(String label, String fileName) {
        DownloadHandler handler = event -> {
            event.setFileName(fileName);
            event.setContentType(fileName.endsWith(".csv") ? "text/csv" : "application/x-ndjson");
            if (fileName.endsWith(".csv")) {
                audit.exportCsv(filter(), event.getOutputStream());
            } else {
                audit.exportJsonl(filter(), event.getOutputStream());
            }
        };
        Anchor link = new Anchor(handler, "Export " + label);
        link.setId("export-" + label.toLowerCase());
        return link;
    }

    private AuditFilter filter() {
        return new AuditFilter(actor.getValue(), action.getValue(), subject.getValue(), instant(from.getValue()),
                instant(to.getValue()));
    }

    private TextField filterField(String label) {
        TextField field = new TextField(label);
        field.setClearButtonVisible(true);
        field.setValueChangeMode(ValueChangeMode.LAZY);
        field.addValueChangeListener(e -> refresh());
        field.addKeyPressListener(Key.ENTER, e -> refresh());
        return field;
    }

    private static java.time.@Nullable Instant instant(@Nullable LocalDateTime value) {
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }
}
