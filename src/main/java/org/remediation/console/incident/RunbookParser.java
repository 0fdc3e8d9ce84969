package org.remediation.console.incident;

import org.remediation.console.criteria.CriterionSpec;
import org.remediation.console.criteria.CriterionText;
import org.remediation.console.criteria.MeasuredCriterion;
import org.remediation.console.criteria.EscalationRule;
import org.remediation.console.criteria.EscalationRuleText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.remediation.console.base.InvalidInputException;
import org.snakeyaml.engine.v2.nodes.Node;

/** The meaning of a runbook document: required fields, allowed values, references between phases. */
final class RunbookParser {

    private static final Set<String> TOP = Set.of("title", "severity", "businessImpact", "kpis", "phases");
    private static final Set<String> KPI = Set.of("key", "text", "measure");
    private static final Set<String> PHASE = Set.of("key", "title", "priority", "owner", "supporting", "window",
            "dependsOn", "rollback", "escalation", "escalationRules", "validation", "tasks", "criteria");
    private static final Set<String> WINDOW = Set.of("start", "end");
    private static final Set<String> TASK = Set.of("id", "text", "owner", "command", "actionSpec", "note");
    private static final Set<String> CRITERION = Set.of("key", "text", "probe", "measure");

    private final YamlNodes y;
    private final Predicate<String> teamExists;
    private final TaskActions actions;
    private final Function<String, Optional<String>> missingProbes;
    private final List<RunbookWarning> warnings = new ArrayList<>();
    private final Set<String> taskIds = new LinkedHashSet<>();
    private final Map<String, Integer> phaseIndex = new HashMap<>();

    /**
     * @param missingProbes for a measure that parses: why it can never get data as the probe targets
     *     stand (a warning, not a problem), or empty
     */
    RunbookParser(YamlNodes y, Predicate<String> teamExists, TaskActions actions,
                  Function<String, Optional<String>> missingProbes) {
        this.y = y;
        this.teamExists = teamExists;
        this.actions = actions;
        this.missingProbes = missingProbes;
    }

    /** The warnings found by {@link #runbook}, in document order. */
    List<RunbookWarning> warnings() {
        return List.copyOf(warnings);
    }

    @Nullable Runbook runbook(Node root) {
        Map<String, Node> f = y.mapping("", root, TOP);
        if (f == null) {
            return null;
        }
        String title = y.text("", f, "title", true, 200, root);
        Severity severity = severity("", f, "severity", root);
        String impact = y.text("", f, "businessImpact", false, 2000, root);
        List<Runbook.Kpi> kpis = kpis(y.list("", f, "kpis", false, root));
        List<Node> phaseNodes = y.list("", f, "phases", true, root);
        if (f.containsKey("phases") && phaseNodes.isEmpty() && !YamlNodes.isNull(f.get("phases"))) {
            y.problem("phases", f.get("phases"), "a runbook needs at least one phase");
        }
        List<Runbook.Phase> phases = new ArrayList<>();
        Map<String, Node> keyNodes = new LinkedHashMap<>();
        for (int i = 0; i < phaseNodes.size(); i++) {
            Runbook.Phase phase = phase("phases[" + i + "]", phaseNodes.get(i));
            if (phase == null) {
                continue;
            }
            if (keyNodes.containsKey(phase.key())) {
                y.problem("phases[" + i + "].key", phaseNodes.get(i), "duplicate phase key '" + phase.key()
                        + "' (first used on line " + YamlNodes.line(keyNodes.get(phase.key())) + ")");
                continue;
            }
            keyNodes.put(phase.key(), phaseNodes.get(i));
            phaseIndex.put(phase.key(), i);
            phases.add(phase);
        }
        checkDependencies(phases, keyNodes);
        if (title == null || severity == null) {
            return null;
        }
        return new Runbook(title, severity, impact == null ? "" : impact, phases, kpis);
    }

    private Runbook.@Nullable Phase phase(String path, Node node) {
        Map<String, Node> f = y.mapping(path, node, PHASE);
        if (f == null) {
            return null;
        }
        String key = key(path, f, node);
        String title = y.text(path, f, "title", true, 200, node);
        Severity priority = severity(path, f, "priority", node);
        String owner = team(path, f, node);
        List<String> supporting = y.texts(path, f, "supporting", 80, node);
        for (int i = 0; i < supporting.size(); i++) {
            if (!teamExists.test(supporting.get(i))) {
                y.problem(path + ".supporting[" + i + "]", f.get("supporting"), "unknown team '" + supporting.get(i) + "'");
            }
        }
        int[] window = window(path, f, node);
        List<String> deps = y.texts(path, f, "dependsOn", 40, node);
        String rollback = y.text(path, f, "rollback", false, 4000, node);
        String escalation = y.text(path, f, "escalation", false, 4000, node);
        List<String> validation = y.texts(path, f, "validation", 2000, node);
        List<Runbook.Task> tasks = new ArrayList<>();
        List<Node> taskNodes = y.list(path, f, "tasks", false, node);
        for (int i = 0; i < taskNodes.size(); i++) {
            Runbook.Task task = task(path + ".tasks[" + i + "]", taskNodes.get(i));
            if (task != null) {
                tasks.add(task);
            }
        }
        List<Runbook.Criterion> criteria = criteria(path, y.list(path, f, "criteria", false, node));
        List<String> rules = escalationRules(path, y.texts(path, f, "escalationRules", 300, node), criteria,
                f.get("escalationRules"));
        if (key == null || title == null || priority == null || owner == null || window == null) {
            return null;
        }
        return new Runbook.Phase(key, title, priority, owner, supporting, window[0], window[1], deps,
                rollback == null ? "" : rollback, escalation == null ? "" : escalation, validation, tasks, criteria,
                rules);
    }

    private @Nullable String key(String path, Map<String, Node> f, Node node) {
        String key = y.text(path, f, "key", true, 40, node);
        if (key != null && !RunbookYaml.KEY.matcher(key).matches()) {
            y.problem(path + ".key", f.get("key"), "'" + key + "' is not a valid key: use lower-case letters, "
                    + "digits and '-', starting with a letter or digit");
            return null;
        }
        return key;
    }

    private @Nullable String team(String path, Map<String, Node> f, Node node) {
        String owner = y.text(path, f, "owner", true, 80, node);
        if (owner != null && !teamExists.test(owner)) {
            y.problem(path + ".owner", f.get("owner"), "unknown team '" + owner + "'");
            return null;
        }
        return owner;
    }

    private @Nullable Severity severity(String path, Map<String, Node> f, String field, Node node) {
        String value = y.text(path, f, field, true, 10, node);
        if (value == null) {
            return null;
        }
        try {
            return Severity.valueOf(value);
        } catch (IllegalArgumentException e) {
            y.problem(YamlNodes.join(path, field), f.get(field), "'" + value + "' is not one of P0, P1, P2, P3");
            return null;
        }
    }

    private int @Nullable [] window(String path, Map<String, Node> f, Node node) {
        Node windowNode = f.get("window");
        if (windowNode == null) {
            y.problem(path + ".window", node, "'window' is required (start and end offsets, e.g. 0h and 4h)");
            return null;
        }
        Map<String, Node> w = y.mapping(path + ".window", windowNode, WINDOW);
        if (w == null) {
            return null;
        }
        Integer start = offset(path + ".window", w, "start", windowNode);
        Integer end = offset(path + ".window", w, "end", windowNode);
        if (start == null || end == null) {
            return null;
        }
        if (end <= start) {
            y.problem(path + ".window.end", w.get("end"), "the window ends (" + RunbookYaml.offset(end)
                    + ") before or when it starts (" + RunbookYaml.offset(start) + ")");
            return null;
        }
        return new int[] {start, end};
    }

    private @Nullable Integer offset(String path, Map<String, Node> w, String field, Node node) {
        String text = y.text(path, w, field, true, 12, node);
        if (text == null) {
            return null;
        }
        Integer minutes = RunbookYaml.minutes(text);
        if (minutes == null) {
            y.problem(path + "." + field, w.get(field), "'" + text + "' is not an offset like 0h, 90m or 1h30m");
        } else if (minutes < 0) {
            y.problem(path + "." + field, w.get(field), "'" + text + "' is negative; offsets count from the "
                    + "incident start");
            return null;
        }
        return minutes;
    }

    private Runbook.@Nullable Task task(String path, Node node) {
        Map<String, Node> f = y.mapping(path, node, TASK);
        if (f == null) {
            return null;
        }
        String id = y.text(path, f, "id", true, 40, node);
        if (id != null && !RunbookYaml.TASK_ID.matcher(id).matches()) {
            y.problem(path + ".id", f.get("id"), "'" + id + "' is not a valid task id (letters, digits, '.', '-')");
            id = null;
        } else if (id != null && !taskIds.add(id)) {
            y.problem(path + ".id", f.get("id"), "duplicate task id '" + id + "'; task ids are unique in a runbook");
            id = null;
        }
        String text = y.text(path, f, "text", true, 1000, node);
        String owner = y.text(path, f, "owner", true, 80, node);
        String command = y.text(path, f, "command", false, 4000, node);
        String spec = y.text(path, f, "actionSpec", false, 500, node);
        if (spec != null) {
            try {
                actions.read(spec);
            } catch (InvalidInputException e) {
                e.problems().forEach(p -> y.problem(path + ".actionSpec", f.get("actionSpec"), actionProblem(p)));
                spec = null;
            }
        }
        String note = y.text(path, f, "note", false, 2000, node);
        if (id == null || text == null || owner == null || (f.containsKey("actionSpec") && spec == null
                && !YamlNodes.isNull(f.get("actionSpec")))) {
            return null;
        }
        return new Runbook.Task(id, text, owner, command, spec, note);
    }

    /** A problem with a task's action spec in words: {@code minInstances=lots: Minimum instances must be …}. */
    static String actionProblem(InvalidInputException.Problem p) {
        return "the action cannot be requested as written: "
                + (p.field().equals("spec") ? "" : "parameter " + p.field() + ": ") + p.message();
    }

    /** Each rule parses, and a rule about a criterion names a measured criterion of this phase. */
    private List<String> escalationRules(String path, List<String> texts, List<Runbook.Criterion> criteria,
                                         @Nullable Node at) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            String where = path + ".escalationRules[" + i + "]";
            try {
                EscalationRule rule = EscalationRuleText.parse(texts.get(i));
                String key = rule instanceof EscalationRule.StillNotMet s ? s.criterionKey()
                        : rule instanceof EscalationRule.Regressed r ? r.criterionKey() : null;
                boolean measured = key == null || criteria.stream()
                        .anyMatch(c -> c.key().equals(key) && c.measure() != null);
                if (!measured && at != null) {
                    y.problem(where, at, "the rule watches criterion '" + key
                            + "', which is not a measured criterion (with 'measure') of this phase");
                } else {
                    out.add(rule.text());
                }
            } catch (IllegalArgumentException e) {
                if (at != null) {
                    y.problem(where, at, "not an escalation rule: " + e.getMessage());
                }
            }
        }
        return out;
    }

    /** Incident-level KPIs: each needs a key (unique among the KPIs), a title and a measure. */
    private List<Runbook.Kpi> kpis(List<Node> nodes) {
        List<Runbook.Kpi> out = new ArrayList<>();
        Set<String> keys = new LinkedHashSet<>();
        for (int i = 0; i < nodes.size(); i++) {
            String at = "kpis[" + i + "]";
            Map<String, Node> f = y.mapping(at, nodes.get(i), KPI);
            if (f == null) {
                continue;
            }
            String key = key(at, f, nodes.get(i));
            String text = y.text(at, f, "text", true, 200, nodes.get(i));
            String measure = measure(at, f, key == null ? "#" + (i + 1) : key, true, nodes.get(i));
            if (key != null && !keys.add(key)) {
                y.problem(at + ".key", f.get("key"), "duplicate KPI key '" + key + "'");
            } else if (key != null && text != null && measure != null) {
                out.add(new Runbook.Kpi(key, text, measure));
            }
        }
        return out;
    }

    /**
     * A criterion's or KPI's measure in the criteria grammar: a problem with its line when it does not
     * parse, a warning when its probe targets do not exist. Null when absent or malformed.
     */
    private @Nullable String measure(String at, Map<String, Node> f, String criterion, boolean required, Node node) {
        String measure = y.text(at, f, "measure", required, 300, node);
        if (measure == null) {
            return null;
        }
        try {
            CriterionSpec spec = CriterionText.parse(measure);
            if (!(spec instanceof MeasuredCriterion m)) {
                if (required) {
                    y.problem(at + ".measure", f.get("measure"), "a KPI is measured from probe data; '"
                            + measure + "' is a manual criterion");
                    return null;
                }
                return measure;
            }
            missingProbes.apply(measure).ifPresent(w -> warnings.add(new RunbookWarning(at + ".measure",
                    YamlNodes.line(f.get("measure")), criterion, subject(m),
                    w + "; the criterion reads \"no data\" until there is one (Admin → Probe targets)")));
            return measure;
        } catch (IllegalArgumentException e) {
            y.problem(at + ".measure", f.get("measure"), "not a measurable criterion: " + e.getMessage());
            return null;
        }
    }

    private List<Runbook.Criterion> criteria(String path, List<Node> nodes) {
        List<Runbook.Criterion> out = new ArrayList<>();
        Set<String> keys = new LinkedHashSet<>();
        for (int i = 0; i < nodes.size(); i++) {
            String at = path + ".criteria[" + i + "]";
            Map<String, Node> f = y.mapping(at, nodes.get(i), CRITERION);
            if (f == null) {
                continue;
            }
            String key = key(at, f, nodes.get(i));
            String text = y.text(at, f, "text", true, 1000, nodes.get(i));
            String probe = y.text(at, f, "probe", false, 60, nodes.get(i));
            String measure = measure(at, f, key == null ? "#" + (i + 1) : key, false, nodes.get(i));
            if (key != null && !keys.add(key)) {
                y.problem(at + ".key", f.get("key"), "duplicate criterion key '" + key + "' in this phase");
            } else if (key != null && text != null) {
                out.add(new Runbook.Criterion(key, text, probe, measure));
            }
        }
        return out;
    }

    private static String subject(MeasuredCriterion m) {
        return switch (m.subject().kind()) {
            case TARGET, GROUP -> m.subject().name();
            case GOLDEN_PATH -> "golden path";
        };
    }

    private void checkDependencies(List<Runbook.Phase> phases, Map<String, Node> keyNodes) {
        Map<String, List<String>> deps = new LinkedHashMap<>();
        for (Runbook.Phase p : phases) {
            int i = phaseIndex.get(p.key());
            deps.put(p.key(), p.dependsOn());
            for (String dep : p.dependsOn()) {
                if (!keyNodes.containsKey(dep)) {
                    y.problem("phases[" + i + "].dependsOn", keyNodes.get(p.key()), "phase '" + p.key()
                            + "' depends on unknown phase '" + dep + "'");
                }
            }
        }
        RunbookYaml.findCycles(deps, (key, cycle) -> y.problem("phases[" + phaseIndex.get(key) + "].dependsOn",
                keyNodes.get(key), "dependency cycle: " + cycle));
    }
}
