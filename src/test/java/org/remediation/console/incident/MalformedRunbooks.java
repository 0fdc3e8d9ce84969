package org.remediation.console.incident;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Malformed runbooks: each names the YAML path the problem must be reported against; the line is
 * the one marked {@code # <-} in the document (so nobody has to count lines by hand).
 */
final class MalformedRunbooks {

    static final List<String> TEAMS = List.of("Infrastructure", "Development", "Platform", "QA", "DevOps");

    private static final String HEAD = "title: Drill\nseverity: P1\nphases:\n";
    static final String PHASE_A = """
              - key: a
                title: Phase A
                priority: P0
                owner: Infrastructure
                window: { start: 0h, end: 4h }
            """;

    private MalformedRunbooks() {
    }

    static Stream<Arguments> corpus() {
        return Stream.of(
                c("not YAML at all", "(document)", "title: [unclosed\nseverity: P1 # <-\n"),
                c("empty document", "(document)", "# <-\n"),
                c("root is a list", "(document)", "- title: x # <-\n"),
                c("root is text", "(document)", "just words # <-\n"),
                c("missing title", "title", "severity: P1 # <-\nphases:\n" + PHASE_A),
                c("title is a list", "title", "title: [a, b] # <-\nseverity: P1\nphases:\n" + PHASE_A),
                c("title too long", "title", "title: " + "x".repeat(201) + " # <-\nseverity: P1\nphases:\n" + PHASE_A),
                c("severity P5", "severity", "title: t\nseverity: P5 # <-\nphases:\n" + PHASE_A),
                c("severity is a mapping", "severity", "title: t\nseverity: {level: 0} # <-\nphases:\n" + PHASE_A),
                c("unknown top-level key", "owner", "title: t\nseverity: P1\nowner: me # <-\nphases:\n" + PHASE_A),
                c("field given twice", "title", "title: t\ntitle: u # <-\nseverity: P1\nphases:\n" + PHASE_A),
                c("phases missing", "phases", "title: t # <-\nseverity: P1\n"),
                c("KPI measure malformed", "kpis[0].measure", "title: t\nseverity: P1\nkpis:\n  - key: k\n    text: K\n"
                        + "    measure: \"redis p95 < fast\" # <-\nphases:\n" + PHASE_A),
                c("KPI without measure", "kpis[0].measure", "title: t\nseverity: P1\nkpis:\n  - key: k # <-\n    text: K\n"
                        + "phases:\n" + PHASE_A),
                c("KPI is manual", "kpis[0].measure", "title: t\nseverity: P1\nkpis:\n  - key: k\n    text: K\n"
                        + "    measure: \"manual: someone says so\" # <-\nphases:\n" + PHASE_A),
                c("KPI key twice", "kpis[1].key", "title: t\nseverity: P1\nkpis:\n  - key: k\n    text: K\n"
                        + "    measure: redis up\n  - key: k # <-\n    text: K2\n    measure: redis up\nphases:\n" + PHASE_A),
                c("KPI unknown field", "kpis[0].owner", "title: t\nseverity: P1\nkpis:\n  - key: k\n    text: K\n"
                        + "    measure: redis up\n    owner: QA # <-\nphases:\n" + PHASE_A),
                c("kpis is text", "kpis", "title: t\nseverity: P1\nkpis: all of them # <-\nphases:\n" + PHASE_A),
                c("phases empty", "phases", HEAD.replace("phases:\n", "phases: [] # <-\n")),
                c("phases is a mapping", "phases", "title: t\nseverity: P1\nphases: {a: 1} # <-\n"),
                c("phase is text", "phases[0]", HEAD + "  - just text # <-\n"),
                c("phase unknown key", "phases[0].colour", HEAD + PHASE_A + "    colour: red # <-\n"),
                c("phase key missing", "phases[0].key", HEAD + "  - title: A # <-\n    priority: P0\n"
                        + "    owner: Infrastructure\n    window: { start: 0h, end: 1h }\n"),
                c("phase key invalid", "phases[0].key", HEAD + PHASE_A.replace("key: a", "key: Phase A! # <-")),
                c("phase priority missing", "phases[0].priority", HEAD + "  - key: a # <-\n    title: A\n"
                        + "    owner: Infrastructure\n    window: { start: 0h, end: 1h }\n"),
                c("phase priority P9", "phases[0].priority", HEAD + PHASE_A.replace("priority: P0", "priority: P9 # <-")),
                c("unknown owner team", "phases[0].owner", HEAD + PHASE_A.replace("owner: Infrastructure",
                        "owner: Marketing # <-")),
                c("unknown supporting team", "phases[0].supporting[0]", HEAD + PHASE_A
                        + "    supporting: [Sales] # <-\n"),
                c("supporting is text", "phases[0].supporting", HEAD + PHASE_A + "    supporting: QA # <-\n"),
                c("window missing", "phases[0].window", HEAD + "  - key: a # <-\n    title: A\n    priority: P0\n"
                        + "    owner: Infrastructure\n"),
                c("window ends before it starts", "phases[0].window.end", HEAD + PHASE_A.replace(
                        "window: { start: 0h, end: 4h }", "window: { start: 4h, end: 2h } # <-")),
                c("window ends when it starts", "phases[0].window.end", HEAD + PHASE_A.replace(
                        "window: { start: 0h, end: 4h }", "window: { start: 4h, end: 4h } # <-")),
                c("negative offset", "phases[0].window.start", HEAD + PHASE_A.replace(
                        "window: { start: 0h, end: 4h }", "window: { start: -1h, end: 4h } # <-")),
                c("malformed offset", "phases[0].window.end", HEAD + PHASE_A.replace(
                        "window: { start: 0h, end: 4h }", "window: { start: 0h, end: 4 hours } # <-")),
                c("window unknown key", "phases[0].window.length", HEAD + PHASE_A.replace(
                        "window: { start: 0h, end: 4h }", "window: { start: 0h, end: 4h, length: 4h } # <-")),
                c("window is a list", "phases[0].window", HEAD + PHASE_A.replace(
                        "window: { start: 0h, end: 4h }", "window: [0h, 4h] # <-")),
                c("duplicate phase key", "phases[1].key", HEAD + PHASE_A + PHASE_A.replace("- key: a", "- key: a # <-")),
                c("dependency on unknown phase", "phases[0].dependsOn", HEAD + PHASE_A.replace("- key: a",
                        "- key: a # <-") + "    dependsOn: [zz]\n"),
                c("dependency on itself", "phases[0].dependsOn", HEAD + PHASE_A.replace("- key: a",
                        "- key: a # <-") + "    dependsOn: [a]\n"),
                c("dependency cycle", "phases[1].dependsOn", HEAD + PHASE_A + "    dependsOn: [b]\n"
                        + PHASE_A.replace("- key: a", "- key: b # <-") + "    dependsOn: [a]\n"),
                c("dependsOn is a mapping", "phases[0].dependsOn", HEAD + PHASE_A + "    dependsOn: {a: b} # <-\n"),
                c("validation is text", "phases[0].validation", HEAD + PHASE_A + "    validation: run it # <-\n"),
                c("validation item is a mapping", "phases[0].validation[0]", HEAD + PHASE_A
                        + "    validation:\n      - {cmd: x} # <-\n"),
                c("rollback is a list", "phases[0].rollback", HEAD + PHASE_A + "    rollback: [a] # <-\n"),
                c("tasks is a mapping", "phases[0].tasks", HEAD + PHASE_A + "    tasks: {a: b} # <-\n"),
                c("task is text", "phases[0].tasks[0]", HEAD + PHASE_A + "    tasks:\n      - do it # <-\n"),
                c("task text missing", "phases[0].tasks[0].text", HEAD + PHASE_A
                        + "    tasks:\n      - id: t1 # <-\n        owner: QA\n"),
                c("task owner blank", "phases[0].tasks[0].owner", HEAD + PHASE_A
                        + "    tasks:\n      - id: t1\n        text: x\n        owner: '' # <-\n"),
                c("task unknown key", "phases[0].tasks[0].assignee", HEAD + PHASE_A
                        + "    tasks:\n      - id: t1\n        text: x\n        owner: QA\n        assignee: bob # <-\n"),
                c("task id invalid", "phases[0].tasks[0].id", HEAD + PHASE_A
                        + "    tasks:\n      - id: 'a b' # <-\n        text: x\n        owner: QA\n"),
                c("duplicate task id across phases", "phases[1].tasks[0].id", HEAD + PHASE_A
                        + "    tasks:\n      - id: t1\n        text: x\n        owner: QA\n"
                        + PHASE_A.replace("key: a", "key: b")
                        + "    tasks:\n      - id: t1 # <-\n        text: y\n        owner: QA\n"),
                c("command is a mapping", "phases[0].tasks[0].command", HEAD + PHASE_A
                        + "    tasks:\n      - id: t1\n        text: x\n        owner: QA\n        command: {a: b} # <-\n"),
                c("unknown action kind", "phases[0].tasks[0].actionSpec", HEAD + PHASE_A
                        + "    tasks:\n      - id: t1\n        text: x\n        owner: QA\n"
                        + "        actionSpec: reboot-everything now=1 # <-\n"),
                c("action parameter without value", "phases[0].tasks[0].actionSpec", HEAD + PHASE_A
                        + "    tasks:\n      - id: t1\n        text: x\n        owner: QA\n"
                        + "        actionSpec: scale-connector minInstances # <-\n"),
                c("action parameter value the action kind refuses", "phases[0].tasks[0].actionSpec", HEAD + PHASE_A
                        + "    tasks:\n      - id: t1\n        text: x\n        owner: QA\n        actionSpec: "
                        + "scale-connector resource=VPC_CONNECTOR/us-central1/staging-connector minInstances=lots "
                        + "maxInstances=10 # <-\n"),
                c("action spec with an unclosed quote", "phases[0].tasks[0].actionSpec", HEAD + PHASE_A
                        + "    tasks:\n      - id: t1\n        text: x\n        owner: QA\n"
                        + "        actionSpec: 'sql-flag flag=max_connections value=\"500' # <-\n"),
                c("criterion text missing", "phases[0].criteria[0].text", HEAD + PHASE_A
                        + "    criteria:\n      - key: c1 # <-\n"),
                c("duplicate criterion key", "phases[0].criteria[1].key", HEAD + PHASE_A
                        + "    criteria:\n      - key: c1\n        text: x\n      - key: c1 # <-\n        text: y\n"),
                c("criterion unknown key", "phases[0].criteria[0].threshold", HEAD + PHASE_A
                        + "    criteria:\n      - key: c1\n        text: x\n        threshold: 5 # <-\n"));
    }

    private static Arguments c(String name, String path, String yaml) {
        String[] lines = yaml.split("\n", -1);
        int marked = 0;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains("# <-")) {
                marked = i + 1;
            }
        }
        if (marked == 0) {
            throw new IllegalArgumentException("corpus entry '" + name + "' marks no line");
        }
        return Arguments.of(name, path, marked, yaml);
    }
}
