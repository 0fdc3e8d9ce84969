package org.remediation.console.probe;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.remediation.console.base.InvalidInputException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The YAML form of probe targets (documented in docs/probes.md). Parsing keeps the line of every
 * node so each problem can say where in the file it is.
 */
final class TargetYaml {

    private static final YAMLMapper MAPPER = YAMLMapper.builder().build();
    /** What an entry may hold (what {@link #write} writes); anything else is refused, so a typo never passes silently. */
    private static final List<String> FIELDS = List.of("key", "name", "kind", "group", "goldenPath",
            TargetRules.CLOUD_RESOURCE, "interval", "timeout", "enabled", "settings");

    /** One target entry with its position in the file and any problems reading its values. */
    record Entry(int index, TargetDraft draft, Map<String, Integer> lines, List<InvalidInputException.Problem> readProblems) {
        String path(String field) {
            return "targets[" + index + "]." + field;
        }

        int line(String field) {
            String base = "/targets/" + index;
            Integer l = lines.get(base + "/" + field.replace('.', '/'));
            if (l == null && field.contains(".")) {
                l = lines.get(base + "/" + field.substring(0, field.indexOf('.')));
            }
            return l != null ? l : lines.getOrDefault(base, 1);
        }
    }

    private TargetYaml() {
    }

    static List<Entry> parse(String yaml) {
        JsonNode root;
        Map<String, Integer> lines;
        try {
            root = MAPPER.readTree(yaml);
            lines = lines(yaml);
        } catch (JacksonException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new InvalidInputException("yaml", "The file is not valid YAML at line " + line + ": " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject() || root.get("targets") == null || !root.get("targets").isArray()) {
            throw new InvalidInputException("targets", "The file must have a top-level 'targets:' list (line 1).");
        }
        List<Entry> entries = new ArrayList<>();
        List<InvalidInputException.Problem> problems = new ArrayList<>();
        for (String name : root.propertyNames()) {
            if (!name.equals("targets")) {
                problems.add(new InvalidInputException.Problem(name, "unknown field '" + name + "' (line "
                        + lines.getOrDefault("/" + name, 1) + "); the file holds only a 'targets:' list."));
            }
        }
        JsonNode list = root.get("targets");
        for (int i = 0; i < list.size(); i++) {
            JsonNode n = list.get(i);
            if (!n.isObject()) {
                problems.add(new InvalidInputException.Problem("targets[" + i + "]",
                        "Each target must be a mapping of key: value (line " + lines.getOrDefault("/targets/" + i, 1) + ")."));
                continue;
            }
            entries.add(entry(i, n, lines));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return entries;
    }

    private static Entry entry(int i, JsonNode n, Map<String, Integer> lines) {
        List<InvalidInputException.Problem> read = new ArrayList<>();
        for (String name : n.propertyNames()) {
            if (!FIELDS.contains(name)) {
                read.add(new InvalidInputException.Problem(name, "unknown field '" + name + "'; allowed here: "
                        + String.join(", ", FIELDS) + "."));
            }
        }
        Map<String, String> settings = new LinkedHashMap<>();
        JsonNode s = n.get("settings");
        if (s != null && s.isObject()) {
            for (Map.Entry<String, JsonNode> e : s.properties()) {
                if (e.getValue().isContainer()) {
                    read.add(notScalar("settings." + e.getKey()));
                } else {
                    settings.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asString());
                }
            }
        } else if (s != null && !s.isNull()) {
            read.add(new InvalidInputException.Problem("settings", "settings must be a mapping of name: value."));
        }
        Duration interval = duration(n, "interval", read);
        Duration timeout = duration(n, "timeout", read);
        Integer golden = null;
        JsonNode g = n.get("goldenPath");
        if (g != null && !g.isNull()) {
            if (g.isIntegralNumber()) {
                golden = g.asInt();
            } else {
                read.add(new InvalidInputException.Problem("goldenPath", "goldenPath must be a number from 1 to 5."));
            }
        }
        JsonNode enabled = n.get("enabled");
        if (enabled != null && !enabled.isNull() && !enabled.isBoolean()) {
            read.add(new InvalidInputException.Problem("enabled", "enabled must be true or false, not '"
                    + enabled.asString("") + "'."));
        }
        TargetDraft draft = new TargetDraft(text(n, "key", read), text(n, "name", read), text(n, "kind", read), settings,
                interval, timeout, enabled == null || enabled.asBoolean(true), text(n, "group", read), golden,
                text(n, TargetRules.CLOUD_RESOURCE, read));
        return new Entry(i, draft, lines, read);
    }

    /** A scalar's text; a list or mapping where a value belongs is a problem (Jackson would throw, a 500). */
    private static @Nullable String text(JsonNode n, String field, List<InvalidInputException.Problem> read) {
        JsonNode v = n.get(field);
        if (v != null && v.isContainer()) {
            read.add(notScalar(field));
            return null;
        }
        return v == null || v.isNull() ? null : v.asString();
    }

    private static InvalidInputException.Problem notScalar(String field) {
        return new InvalidInputException.Problem(field, field + " must be a single value, not a list or mapping.");
    }

    private static @Nullable Duration duration(JsonNode n, String field, List<InvalidInputException.Problem> read) {
        String t = text(n, field, read);
        if (t == null) {
            return null;
        }
        Duration d = Durations.parse(t);
        if (d == null) {
            read.add(new InvalidInputException.Problem(field, "'" + t + "' is not a duration; write e.g. 500ms, 10s or 2m."));
        }
        return d;
    }

    /** Line number of every node, keyed by JSON pointer (e.g. {@code /targets/2/settings/port}). */
    private static Map<String, Integer> lines(String yaml) {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser parser = MAPPER.createParser(yaml)) {
            for (JsonToken t = parser.nextToken(); t != null; t = parser.nextToken()) {
                String pointer = parser.streamReadContext().pathAsPointer().toString();
                if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    pointer = parser.streamReadContext().getParent() == null ? ""
                            : parser.streamReadContext().getParent().pathAsPointer().toString();
                }
                lines.putIfAbsent(pointer, parser.currentTokenLocation().getLineNr());
            }
        }
        return lines;
    }

    static String write(List<ProbeTarget> targets) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (ProbeTarget t : targets) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("key", t.key());
            m.put("name", t.name());
            m.put("kind", t.kind().name());
            m.put("group", t.group());
            if (t.goldenStep() != null) {
                m.put("goldenPath", t.goldenStep());
            }
            if (t.cloudResource() != null) {
                m.put(TargetRules.CLOUD_RESOURCE, t.cloudResource().toString());
            }
            m.put("interval", Durations.format(t.interval()));
            m.put("timeout", Durations.format(t.timeout()));
            m.put("enabled", t.enabled());
            m.put("settings", new java.util.TreeMap<>(t.settings()));
            list.add(m);
        }
        return MAPPER.writeValueAsString(Map.of("targets", list));
    }
}
