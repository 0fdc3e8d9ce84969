package org.remediation.console.drills;

import java.util.UUID;
import org.remediation.console.security.Role;
import org.remediation.console.support.As;

/** The flood's runbook YAML cases (from the incident feature's malformed-runbook corpus) and a bad target import. */
final class FloodRunbooks {

    private static final String HEAD = "title: Drill\nseverity: P1\nphases:\n";
    private static final String PHASE_A = """
              - key: a
                title: Phase A
                priority: P0
                owner: Infrastructure
                window: { start: 0h, end: 4h }
            """;

    private FloodRunbooks() {
    }

    static void addTo(FloodCorpus c) {
        runbook(c, "not YAML at all", "(document)", "title: [unclosed\nseverity: P1 # <-\n");
        runbook(c, "empty document", "(document)", "# <-\n");
        runbook(c, "root is a list", "(document)", "- title: x # <-\n");
        runbook(c, "root is text", "(document)", "just words # <-\n");
        runbook(c, "missing title", "title", "severity: P1 # <-\nphases:\n" + PHASE_A);
        runbook(c, "title is a list", "title", "title: [a, b] # <-\nseverity: P1\nphases:\n" + PHASE_A);
        runbook(c, "title too long", "title", "title: " + "x".repeat(201) + " # <-\nseverity: P1\nphases:\n" + PHASE_A);
        runbook(c, "severity P5", "severity", "title: t\nseverity: P5 # <-\nphases:\n" + PHASE_A);
        runbook(c, "severity is a mapping", "severity", "title: t\nseverity: {level: 0} # <-\nphases:\n" + PHASE_A);
        runbook(c, "unknown top-level key", "owner", "title: t\nseverity: P1\nowner: me # <-\nphases:\n" + PHASE_A);
        runbook(c, "field given twice", "title", "title: t\ntitle: u # <-\nseverity: P1\nphases:\n" + PHASE_A);
        runbook(c, "phases missing", "phases", "title: t # <-\nseverity: P1\n");
        runbook(c, "phases empty", "phases", HEAD.replace("phases:\n", "phases: [] # <-\n"));
        runbook(c, "phases is a mapping", "phases", "title: t\nseverity: P1\nphases: {a: 1} # <-\n");
        runbook(c, "phase is text", "phases[0]", HEAD + "  - just text # <-\n");
        runbook(c, "phase unknown key", "phases[0].colour", HEAD + PHASE_A + "    colour: red # <-\n");
        runbook(c, "phase key missing", "phases[0].key", HEAD + "  - title: A # <-\n    priority: P0\n"
                        + "    owner: Infrastructure\n    window: { start: 0h, end: 1h }\n");
        runbook(c, "phase key invalid", "phases[0].key", HEAD + PHASE_A.replace("key: a", "key: Phase A! # <-"));
        runbook(c, "phase priority missing", "phases[0].priority", HEAD + "  - key: a # <-\n    title: A\n"
                        + "    owner: Infrastructure\n    window: { start: 0h, end: 1h }\n");
        runbook(c, "phase priority P9", "phases[0].priority", HEAD + PHASE_A.replace("priority: P0", "priority: P9 # <-"));
        runbook(c, "unknown owner team", "phases[0].owner", HEAD + PHASE_A.replace("owner: Infrastructure",
                        "owner: Marketing # <-"));
        runbook(c, "unknown supporting team", "phases[0].supporting[0]", HEAD + PHASE_A
                        + "    supporting: [Sales] # <-\n");
        runbook(c, "supporting is text", "phases[0].supporting", HEAD + PHASE_A + "    supporting: QA # <-\n");
        runbook(c, "window missing", "phases[0].window", HEAD + "  - key: a # <-\n    title: A\n    priority: P0\n"
                        + "    owner: Infrastructure\n");
        runbook(c, "window ends before it starts", "phases[0].window.end", HEAD + PHASE_A.replace(
                        "window: { start: 0h, end: 4h }", "window: { start: 4h, end: 2h } # <-"));
        runbook(c, "window ends when it starts", "phases[0].window.end", HEAD + PHASE_A.replace(
                        "window: { start: 0h, end: 4h }", "window: { start: 4h, end: 4h } # <-"));
        runbook(c, "negative offset", "phases[0].window.start", HEAD + PHASE_A.replace(
                        "window: { start: 0h, end: 4h }", "window: { start: -1h, end: 4h } # <-"));
        runbook(c, "malformed offset", "phases[0].window.end", HEAD + PHASE_A.replace(
                        "window: { start: 0h, end: 4h }", "window: { start: 0h, end: 4 hours } # <-"));
        runbook(c, "window unknown key", "phases[0].window.length", HEAD + PHASE_A.replace(
                        "window: { start: 0h, end: 4h }", "window: { start: 0h, end: 4h, length: 4h } # <-"));
        runbook(c, "window is a list", "phases[0].window", HEAD + PHASE_A.replace(
                        "window: { start: 0h, end: 4h }", "window: [0h, 4h] # <-"));
        runbook(c, "duplicate phase key", "phases[1].key", HEAD + PHASE_A + PHASE_A.replace("- key: a", "- key: a # <-"));
        runbook(c, "dependency on unknown phase", "phases[0].dependsOn", HEAD + PHASE_A.replace("- key: a",
                        "- key: a # <-") + "    dependsOn: [zz]\n");
        runbook(c, "dependency on itself", "phases[0].dependsOn", HEAD + PHASE_A.replace("- key: a",
                        "- key: a # <-") + "    dependsOn: [a]\n");
        runbook(c, "dependency cycle", "phases[1].dependsOn", HEAD + PHASE_A + "    dependsOn: [b]\n"
                        + PHASE_A.replace("- key: a", "- key: b # <-") + "    dependsOn: [a]\n");
        runbook(c, "dependsOn is a mapping", "phases[0].dependsOn", HEAD + PHASE_A + "    dependsOn: {a: b} # <-\n");
        runbook(c, "validation is text", "phases[0].validation", HEAD + PHASE_A + "    validation: run it # <-\n");
        runbook(c, "validation item is a mapping", "phases[0].validation[0]", HEAD + PHASE_A
                        + "    validation:\n      - {cmd: x} # <-\n");
        runbook(c, "rollback is a list", "phases[0].rollback", HEAD + PHASE_A + "    rollback: [a] # <-\n");
        runbook(c, "tasks is a mapping", "phases[0].tasks", HEAD + PHASE_A + "    tasks: {a: b} # <-\n");
        runbook(c, "task is text", "phases[0].tasks[0]", HEAD + PHASE_A + "    tasks:\n      - do it # <-\n");
        runbook(c, "task text missing", "phases[0].tasks[0].text", HEAD + PHASE_A
                        + "    tasks:\n      - id: t1 # <-\n        owner: QA\n");
        runbook(c, "task owner blank", "phases[0].tasks[0].owner", HEAD + PHASE_A
                        + "    tasks:\n      - id: t1\n        text: x\n        owner: '' # <-\n");
        runbook(c, "task unknown key", "phases[0].tasks[0].assignee", HEAD + PHASE_A
                        + "    tasks:\n      - id: t1\n        text: x\n        owner: QA\n        assignee: bob # <-\n");
        runbook(c, "task id invalid", "phases[0].tasks[0].id", HEAD + PHASE_A
                        + "    tasks:\n      - id: 'a b' # <-\n        text: x\n        owner: QA\n");
        runbook(c, "duplicate task id across phases", "phases[1].tasks[0].id", HEAD + PHASE_A
                        + "    tasks:\n      - id: t1\n        text: x\n        owner: QA\n"
                        + PHASE_A.replace("key: a", "key: b")
                        + "    tasks:\n      - id: t1 # <-\n        text: y\n        owner: QA\n");
        runbook(c, "command is a mapping", "phases[0].tasks[0].command", HEAD + PHASE_A
                        + "    tasks:\n      - id: t1\n        text: x\n        owner: QA\n        command: {a: b} # <-\n");
        runbook(c, "unknown action kind", "phases[0].tasks[0].actionSpec", HEAD + PHASE_A
                        + "    tasks:\n      - id: t1\n        text: x\n        owner: QA\n"
                        + "        actionSpec: reboot-everything now=1 # <-\n");
        runbook(c, "action parameter without value", "phases[0].tasks[0].actionSpec", HEAD + PHASE_A
                        + "    tasks:\n      - id: t1\n        text: x\n        owner: QA\n"
                        + "        actionSpec: scale-connector minInstances # <-\n");
        runbook(c, "criterion text missing", "phases[0].criteria[0].text", HEAD + PHASE_A
                        + "    criteria:\n      - key: c1 # <-\n");
        runbook(c, "duplicate criterion key", "phases[0].criteria[1].key", HEAD + PHASE_A
                        + "    criteria:\n      - key: c1\n        text: x\n      - key: c1 # <-\n        text: y\n");
        runbook(c, "criterion unknown key", "phases[0].criteria[0].threshold", HEAD + PHASE_A
                        + "    criteria:\n      - key: c1\n        text: x\n        threshold: 5 # <-\n");
        c.add("probe target YAML import: not YAML", "yaml", s -> As.user("admin", Role.ADMIN,
                () -> s.targets().importYaml("targets: [unclosed")));
    }

    private static void runbook(FloodCorpus c, String name, String field, String yaml) {
        c.add("runbook: " + name, field, s -> As.user("commander", Role.COMMANDER,
                () -> s.runbooks().importAsIncident("flood-" + UUID.randomUUID().toString().substring(0, 8), yaml)));
    }
}
