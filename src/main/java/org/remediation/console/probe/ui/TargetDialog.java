package org.remediation.console.probe.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.remediation.console.base.InvalidInputException;
import org.remediation.console.base.ui.Notices;
import org.remediation.console.probe.Durations;
import org.remediation.console.probe.ProbeKind;
import org.remediation.console.probe.ProbeTarget;
import org.remediation.console.probe.ProbeTargetService;
import org.remediation.console.probe.TargetDraft;

/** Create or edit one target. Settings are "name = value" lines; credentials as secret: references. */
class TargetDialog extends Dialog {

    private final TextField key = new TextField("Key");
    private final TextField name = new TextField("Name");
    private final ComboBox<String> kind = new ComboBox<>("Kind");
    private final TextField group = new TextField("Group");
    private final TextField interval = new TextField("Interval");
    private final TextField timeout = new TextField("Timeout");
    private final IntegerField golden = new IntegerField("Golden-path position (1–5)");
    private final Checkbox enabled = new Checkbox("Enabled", true);
    private final TextField cloudResource = new TextField("Cloud resource (optional)");
    private final TextArea settings = new TextArea("Settings (one 'name = value' per line)");

    TargetDialog(ProbeTargetService service, @Nullable ProbeTarget existing) {
        setHeaderTitle(existing == null ? "New probe target" : "Edit " + existing.key());
        kind.setItems(Arrays.stream(ProbeKind.values()).map(Enum::name).toList());
        kind.setAllowCustomValue(false);
        interval.setPlaceholder("10s");
        timeout.setPlaceholder("5s");
        settings.setHelperText("e.g. url = http://{self}/sandbox/frontend/health · password = secret:redis-password"
                + " · EXTERNAL (pushed results): staleAfter = 10m, reporter = ci-smoke");
        settings.setWidthFull();
        cloudResource.setPlaceholder("RUN_SERVICE/us-central1/netra-backend");
        cloudResource.setHelperText("The resource this target stands for, as KIND/location/name; empty for none");
        cloudResource.setId("target-cloud-resource");
        if (existing != null) {
            key.setValue(existing.key());
            key.setReadOnly(true);
            name.setValue(existing.name());
            kind.setValue(existing.kind().name());
            group.setValue(existing.group());
            interval.setValue(Durations.format(existing.interval()));
            timeout.setValue(Durations.format(existing.timeout()));
            golden.setValue(existing.goldenStep());
            enabled.setValue(existing.enabled());
            cloudResource.setValue(existing.cloudResource() == null ? "" : existing.cloudResource().toString());
            settings.setValue(new TreeMap<>(existing.settings()).entrySet().stream()
                    .map(e -> e.getKey() + " = " + e.getValue()).collect(Collectors.joining("\n")));
        }
        FormLayout form = new FormLayout(key, name, kind, group, interval, timeout, golden, enabled, cloudResource,
                settings);
        form.setColspan(settings, 2);
        add(form);
        Map<String, HasValidation> fields = new HashMap<>();
        fields.put("key", key);
        fields.put("name", name);
        fields.put("kind", kind);
        fields.put("group", group);
        fields.put("interval", interval);
        fields.put("timeout", timeout);
        fields.put("goldenPath", golden);
        fields.put("settings", settings);
        fields.put("cloudResource", cloudResource);
        Button save = new Button("Save", e -> {
            try {
                TargetDraft draft = draft();
                if (existing == null) {
                    service.create(draft);
                } else {
                    service.update(existing.key(), draft, existing.version());
                }
                Notices.success("Target saved");
                close();
            } catch (InvalidInputException ex) {
                Map<String, HasValidation> mapped = new HashMap<>(fields);
                ex.problems().stream().filter(p -> p.field().startsWith("settings."))
                        .forEach(p -> mapped.put(p.field(), settings));
                Notices.showProblems(ex, mapped);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("save-target");
        getFooter().add(new Button("Cancel", e -> close()), save);
        setWidth("720px");
    }

    private TargetDraft draft() {
        Map<String, String> map = new LinkedHashMap<>();
        for (String line : settings.getValue().split("\n")) {
            int eq = line.indexOf('=');
            if (!line.isBlank()) {
                map.put((eq < 0 ? line : line.substring(0, eq)).strip(), eq < 0 ? "" : line.substring(eq + 1).strip());
            }
        }
        return new TargetDraft(key.getValue(), name.getValue(), kind.getValue(), map, Durations.parse(interval.getValue()),
                Durations.parse(timeout.getValue()), enabled.getValue(), group.getValue(), golden.getValue(),
                cloudResource.getValue());
    }
}
