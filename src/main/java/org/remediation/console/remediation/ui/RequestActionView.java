package org.remediation.console.remediation.ui;

import org.remediation.console.incident.ChecklistService;
import org.remediation.console.incident.IncidentService;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.remediation.console.base.InvalidInputException;
import org.remediation.console.base.ui.Focus;
import org.remediation.console.base.ui.Notices;
import org.remediation.console.cloud.CloudException;
import org.remediation.console.cloud.ResourceRef;
import org.remediation.console.remediation.ActionDraft;
import org.remediation.console.remediation.ActionKind;
import org.remediation.console.remediation.ActionRecord;
import org.remediation.console.remediation.ActionSpec;
import org.remediation.console.remediation.ParamSpec;
import org.remediation.console.incident.TaskState;
import org.remediation.console.remediation.Preview;
import org.remediation.console.remediation.RemediationService;
import org.remediation.console.base.identity.Roles;

/** The action catalogue and request form; {@code ?task=<id>&spec=<actionSpec>} pre-fills it from an incident task. */
@Route("actions/new")
@PageTitle("New action · Remediation Console")
@Menu(order = 41, title = "New action")
@RolesAllowed({Roles.OPERATOR, Roles.COMMANDER})
public class RequestActionView extends Main implements BeforeEnterObserver {

    private final RemediationService service;
    private final Select<ActionKind> kind = new Select<>();
    private final Paragraph kindHelp = new Paragraph();
    private final ComboBox<ResourceRef> resource = new ComboBox<>("Resource");
    private final FormLayout paramsForm = new FormLayout();
    private final Map<String, TextField> paramFields = new LinkedHashMap<>();
    private final TextArea reason = new TextArea("Reason");
    private final ComboBox<TaskState> task = new ComboBox<>("Incident task (optional)");
    /** The incident the request names; "" = none (the most severe open incident's rule applies). */
    private final Select<String> incident = new Select<>();
    private final IntegerField watchMinutes = new IntegerField("Watch for (minutes, 0 = off)");
    private final MultiSelectComboBox<String> watchSignals = new MultiSelectComboBox<>("Signals to watch");
    private final Checkbox autoRollback = new Checkbox("Roll back automatically if a watched signal regresses");

    /** Fields the user has changed: only their problems show before Preview (an untouched field is not wrong yet). */
    private final java.util.Set<String> touched = new java.util.HashSet<>();
    private final ChecklistService checklist;
    private final IncidentService incidents;

    public RequestActionView(RemediationService service, ChecklistService checklist, IncidentService incidents) {
        this.service = service;
        this.checklist = checklist;
        this.incidents = incidents;
        addClassName("page");
        kind.setLabel("Action");
        kind.setId("action-kind");
        kind.setItems(ActionKind.values());
        kind.setItemLabelGenerator(ActionKind::label);
        kind.addValueChangeListener(e -> kindChanged(e.getValue(), Map.of()));
        resource.setId("action-resource");
        resource.setItemLabelGenerator(ResourceRef::toString);
        reason.setId("action-reason");
        reason.setRequired(true);
        reason.setHelperText("Why now? It goes into the audit trail and the incident timeline.");
        reason.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.LAZY);
        reason.addValueChangeListener(e -> edited("reason", e.isFromClient()));
        task.setId("action-task");
        task.setItemLabelGenerator(t -> t.ref() + " " + t.text() + " (" + t.owner() + ")");
        task.setClearButtonVisible(true);
        task.setWidthFull();
        List<TaskState> open = openTasksOfThePinnedIncident();
        task.setItems(open);
        task.setHelperText(open.isEmpty() ? "No open task on the current incident; the action will not be linked."
                : "Linking ties the action to the incident's timeline, its severity's approval rule, and ticks the task"
                + " once the action succeeds and verifies.");
        task.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                incidentOf(e.getValue()).ifPresent(incident::setValue);
            }
        });
        incident.setId("action-incident");
        incident.setLabel("Incident");
        Map<String, String> openIncidents = new java.util.LinkedHashMap<>();
        openIncidents.put("", "not linked");
        incidents.list().stream().filter(i -> i.status() != org.remediation.console.incident.IncidentStatus.RESOLVED)
                .forEach(i -> openIncidents.put(i.key(), i.key() + " (" + i.severity() + ") " + i.title()));
        incident.setItems(openIncidents.keySet());
        incident.setItemLabelGenerator(k -> openIncidents.getOrDefault(k, k));
        incident.setValue("");
        incident.setHelperText("Its severity decides whether a second person must approve (P0 does). Not linked: the "
                + "most severe open incident's severity applies. The preview shows the rule.");
        watchMinutes.setValue(0);
        watchMinutes.setMin(0);
        watchMinutes.setMax(240);
        watchMinutes.addValueChangeListener(e -> edited("watchMinutes", e.isFromClient()));
        watchSignals.addValueChangeListener(e -> edited("watchSignals", e.isFromClient()));
        watchSignals.setItems(service.watchSignals());
        if (service.watchSignals().isEmpty()) {
            watchSignals.setHelperText("No signal source is configured yet.");
        }
        Button preview = new Button("Preview", e -> preview());
        preview.setId("preview");
        preview.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FormLayout meta = new FormLayout(reason, task, incident, watchMinutes, watchSignals, autoRollback);
        add(new H1("Request an action on the " + service.cloudName() + " cloud"), kind, kindHelp, resource, paramsForm,
                meta, preview);
        kind.setValue(ActionKind.SCALE_CONNECTOR);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> query = event.getLocation().getQueryParameters().getParameters();
        query.getOrDefault("task", List.of()).stream().findFirst().ifPresent(this::prefillFromTask);
        query.getOrDefault("spec", List.of()).stream().findFirst().ifPresent(this::prefill);
    }

    /** The open tasks of the pinned incident's phases that are not signed off: what an action is usually for. */
    private List<TaskState> openTasksOfThePinnedIncident() {
        return incidents.current().map(i -> incidents.phases(i.key()).stream()
                .filter(p -> p.status() != org.remediation.console.incident.PhaseStatus.SIGNED_OFF)
                .flatMap(p -> p.tasks().stream()).filter(t -> !t.done()).toList()).orElse(List.of());
    }

    private java.util.Optional<String> incidentOf(TaskState t) {
        return incidents.phase(t.phaseId()).map(p -> p.incidentKey());
    }

    /** A task carrying a ready-made action: its spec, and its incident's severity for the approval policy. */
    private void prefillFromTask(String id) {
        try {
            checklist.task(Long.parseLong(id.strip())).ifPresentOrElse(t -> {
                List<TaskState> items = new ArrayList<>(openTasksOfThePinnedIncident());
                if (items.stream().noneMatch(i -> i.id() == t.id())) {
                    items.add(0, t); // a task of another incident, or done already: still the one asked for
                    task.setItems(items);
                }
                items.stream().filter(i -> i.id() == t.id()).findFirst().ifPresent(task::setValue);
                if (t.actionSpec() != null) {
                    prefill(t.actionSpec());
                }
            }, () -> Notices.error("There is no incident task " + id + "."));
        } catch (NumberFormatException e) {
            Notices.error("'" + id + "' is not a task id.");
        }
    }

    private void prefill(String text) {
        try {
            ActionSpec spec = ActionSpec.parse(text);
            kind.setValue(spec.kind());
            kindChanged(spec.kind(), spec.params());
            if (spec.resource() != null) {
                resource.setValue(spec.resource());
            }
        } catch (InvalidInputException e) {
            Notices.error("The task's action could not be read: " + e.getMessage());
        }
    }

    private void kindChanged(@Nullable ActionKind k, Map<String, String> values) {
        touched.clear();
        paramsForm.removeAll();
        paramFields.clear();
        if (k == null) {
            return;
        }
        kindHelp.setText(k.description());
        List<ResourceRef> refs = service.resourcesOf(k);
        resource.setItems(refs);
        resource.setValue(refs.isEmpty() ? null : refs.getFirst());
        for (ParamSpec p : service.catalogue().stream().filter(a -> a.kind() == k).findFirst().orElseThrow().parameters()) {
            TextField f = new TextField(p.label());
            f.setId("param-" + p.name());
            f.setHelperText(p.help());
            f.setRequired(p.required());
            f.setValue(values.getOrDefault(p.name(), ""));
            f.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.LAZY);
            f.addValueChangeListener(e -> edited(p.name(), e.isFromClient()));
            paramFields.put(p.name(), f);
            paramsForm.add(f);
        }
    }

    /**
     * A field the user changed: the draft is checked by the service (no rule lives in this view) and
     * each problem of a field already touched appears beside it, in words, while they type.
     */
    private void edited(String field, boolean byUser) {
        if (!byUser) {
            return;
        }
        touched.add(field);
        if (resource.getValue() == null || kind.getValue() == null) {
            return;
        }
        List<InvalidInputException.Problem> problems = service.validate(draft()).stream()
                .filter(p -> touched.contains(p.field())).toList();
        Notices.mark(problems, fields());
    }

    private ActionDraft draft() {
        Map<String, String> params = new HashMap<>();
        paramFields.forEach((name, f) -> {
            if (!f.getValue().isBlank()) {
                params.put(name, f.getValue().trim());
            }
        });
        if (resource.getValue() == null) {
            throw new InvalidInputException("resource", "Choose the resource to change.");
        }
        String named = incident.getValue() == null || incident.getValue().isEmpty() ? null : incident.getValue();
        String linked = task.getValue() == null ? null : String.valueOf(task.getValue().id());
        return ActionDraft.of(kind.getValue(), resource.getValue(), params, reason.getValue()).withIncident(linked, null)
                .forIncident(named)
                .withWatch(watchMinutes.getValue() == null ? 0 : watchMinutes.getValue(), new ArrayList<>(watchSignals.getValue()),
                        autoRollback.getValue());
    }

    private void preview() {
        try {
            ActionDraft draft = draft();
            Focus.openFrom(new PreviewDialog(service.preview(draft), () -> submit(draft)), "preview");
        } catch (InvalidInputException e) {
            Notices.showProblems(e, fields());
        } catch (CloudException e) {
            Notices.error("The cloud could not be read: " + e.getMessage());
        }
    }

    private void submit(ActionDraft draft) {
        try {
            ActionRecord a = service.request(draft);
            Notices.success("Requested " + a.title());
            getUI().ifPresent(ui -> ui.navigate("actions/" + a.id()));
        } catch (InvalidInputException e) {
            Notices.showProblems(e, fields());
        } catch (CloudException e) {
            Notices.error("The cloud could not be read: " + e.getMessage());
        }
    }

    private Map<String, HasValidation> fields() {
        Map<String, HasValidation> m = new HashMap<>(paramFields);
        m.put("resource", resource);
        m.put("reason", reason);
        m.put("taskId", task);
        m.put("watchMinutes", watchMinutes);
        m.put("watchSignals", watchSignals);
        return m;
    }
}
