package org.remediation.console.incident;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/** Writes a {@link Runbook} as YAML that {@link RunbookYaml#parse} reads back to an equal runbook. */
public final class RunbookWriter {

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(YAMLWriteFeature.LITERAL_BLOCK_STYLE)
            .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
            .disable(YAMLWriteFeature.SPLIT_LINES)
            .build();

    private RunbookWriter() {
    }

    public static String write(Runbook runbook) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("title", runbook.title());
        root.put("severity", runbook.severity().name());
        root.put("businessImpact", runbook.businessImpact());
        putList(root, "kpis", runbook.kpis().stream().map(RunbookWriter::kpi).toList());
        root.put("phases", runbook.phases().stream().map(RunbookWriter::phase).toList());
        return YAML.writeValueAsString(root);
    }

    private static Map<String, Object> phase(Runbook.Phase p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("key", p.key());
        m.put("title", p.title());
        m.put("priority", p.priority().name());
        m.put("owner", p.ownerTeam());
        putList(m, "supporting", p.supportingTeams());
        m.put("window", Map.of("start", RunbookYaml.offset(p.windowStartMinutes()),
                "end", RunbookYaml.offset(p.windowEndMinutes())));
        putList(m, "dependsOn", p.dependsOn());
        putText(m, "rollback", p.rollback());
        putText(m, "escalation", p.escalation());
        putList(m, "escalationRules", p.escalationRules());
        putList(m, "validation", p.validation());
        putList(m, "tasks", p.tasks().stream().map(RunbookWriter::task).toList());
        putList(m, "criteria", p.criteria().stream().map(RunbookWriter::criterion).toList());
        return m;
    }

    private static Map<String, Object> task(Runbook.Task t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", t.id());
        m.put("text", t.text());
        m.put("owner", t.owner());
        putText(m, "command", t.command());
        putText(m, "actionSpec", t.actionSpec());
        putText(m, "note", t.note());
        return m;
    }

    private static Map<String, Object> kpi(Runbook.Kpi k) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("key", k.key());
        m.put("text", k.text());
        m.put("measure", k.measure());
        return m;
    }

    private static Map<String, Object> criterion(Runbook.Criterion c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("key", c.key());
        m.put("text", c.text());
        putText(m, "probe", c.probe());
        putText(m, "measure", c.measure());
        return m;
    }

    private static void putText(Map<String, Object> m, String key, @Nullable String value) {
        if (value != null && !value.isEmpty()) {
            m.put(key, value);
        }
    }

    private static void putList(Map<String, Object> m, String key, List<?> values) {
        if (!values.isEmpty()) {
            m.put(key, values);
        }
    }
}
