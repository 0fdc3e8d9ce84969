package org.remediation.console.incident;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.remediation.console.base.Problems;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.CollectionEndEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Reads runbook YAML (format: docs/runbook-format.md) into a {@link Runbook}. The document is
 * composed into a node tree first, so every problem names its YAML path and line; all problems are
 * collected and thrown together as an {@link org.remediation.console.base.InvalidInputException}.
 */
public final class RunbookYaml {

    static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    static final Pattern TASK_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.\\-]{0,39}");
    private static final Pattern OFFSET = Pattern.compile("(-)?(?:(\\d{1,3})h)?(?:(\\d{1,4})m)?");
    static final int MAX_SIZE = 200_000;

    static final int MAX_NESTING = 64;

    private RunbookYaml() {
    }

    /**
     * @param teamExists whether a team of that name exists
     * @param actions reads tasks' action specs (see {@link TaskActions})
     */
    public static Runbook parse(String yaml, Predicate<String> teamExists, TaskActions actions) {
        return check(yaml, teamExists, actions, measure -> Optional.empty()).runbook();
    }

    /**
     * Like {@link #parse}, and also collects warnings that do not refuse the runbook.
     *
     * @param missingProbes for a measure that parses: why it can never get data as the probe targets
     *     stand now, or empty
     */
    static RunbookCheck check(String yaml, Predicate<String> teamExists, TaskActions actions,
                              Function<String, Optional<String>> missingProbes) {
        Problems problems = new Problems();
        if (yaml.length() > MAX_SIZE) {
            problems.add("(document)", "line 1: the runbook is larger than " + MAX_SIZE + " characters").throwIfAny();
        }
        int deepLine = tooDeepAt(yaml);
        if (deepLine > 0) {
            problems.add("(document)", "line " + deepLine + ": nested deeper than " + MAX_NESTING + " levels").throwIfAny();
        }
        Node root;
        try {
            root = new Compose(LoadSettings.builder().setAllowDuplicateKeys(true).build()).composeString(yaml)
                    .orElse(null);
        } catch (MarkedYamlEngineException e) {
            int line = e.getProblemMark().map(m -> m.getLine() + 1).orElse(0);
            problems.add("(document)", "line " + line + ": not valid YAML: " + e.getProblem()).throwIfAny();
            throw e;
        } catch (YamlEngineException e) {
            problems.add("(document)", "line 1: not valid YAML: " + e.getMessage()).throwIfAny();
            throw e;
        }
        if (root == null) {
            problems.add("(document)", "line 1: the runbook is empty").throwIfAny();
        }
        RunbookParser parser = new RunbookParser(new YamlNodes(problems), teamExists, actions, missingProbes);
        Runbook runbook = parser.runbook(root);
        problems.throwIfAny();
        return new RunbookCheck(runbook, parser.warnings());
    }

    /**
     * The line where collections nest deeper than {@link #MAX_NESTING}, or 0. The YAML composer
     * recurses once per level, so {@code [[[[…} or {@code - - - - …} a few thousand deep would overflow
     * its stack (a 500) before any rule could answer (issue 16); the parser's events come from a loop,
     * so they are counted first. Syntax errors are left to the composer, which reports them with a line.
     */
    static int tooDeepAt(String yaml) {
        int depth = 0;
        try {
            for (Event e : new Parse(LoadSettings.builder().build()).parseString(yaml)) {
                if (e instanceof CollectionStartEvent && ++depth > MAX_NESTING) {
                    return e.getStartMark().map(m -> m.getLine() + 1).orElse(1);
                } else if (e instanceof CollectionEndEvent) {
                    depth--;
                }
            }
        } catch (YamlEngineException e) {
            return 0;
        }
        return 0;
    }

    /** Minutes from a window offset such as {@code 4h}, {@code 90m} or {@code 1h30m}; null if malformed. */
    public static @Nullable Integer minutes(String text) {
        Matcher m = OFFSET.matcher(text.trim());
        if (text.isBlank() || !m.matches() || (m.group(2) == null && m.group(3) == null)) {
            return null;
        }
        int total = (m.group(2) == null ? 0 : Integer.parseInt(m.group(2)) * 60)
                + (m.group(3) == null ? 0 : Integer.parseInt(m.group(3)));
        return m.group(1) == null ? total : -total;
    }

    public static String offset(int minutes) {
        if (minutes % 60 == 0) {
            return (minutes / 60) + "h";
        }
        return minutes >= 60 ? (minutes / 60) + "h" + (minutes % 60) + "m" : minutes + "m";
    }

    /** Reports dependency cycles among phases, once per cycle found, naming the phases in it. */
    static void findCycles(Map<String, List<String>> deps, java.util.function.BiConsumer<String, String> report) {
        Set<String> done = new HashSet<>();
        for (String start : deps.keySet()) {
            walk(start, deps, new ArrayList<>(), done, report);
        }
    }

    private static void walk(String key, Map<String, List<String>> deps, List<String> stack, Set<String> done,
                             java.util.function.BiConsumer<String, String> report) {
        if (done.contains(key)) {
            return;
        }
        int at = stack.indexOf(key);
        if (at >= 0) {
            List<String> cycle = new ArrayList<>(stack.subList(at, stack.size()));
            cycle.add(key);
            report.accept(stack.get(stack.size() - 1), String.join(" → ", cycle));
            return;
        }
        stack.add(key);
        for (String dep : deps.getOrDefault(key, List.of())) {
            if (deps.containsKey(dep)) {
                walk(dep, deps, stack, done, report);
            }
        }
        stack.remove(stack.size() - 1);
        done.add(key);
    }
}
