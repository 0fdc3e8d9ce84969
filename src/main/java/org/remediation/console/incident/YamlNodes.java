package org.remediation.console.incident;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.remediation.console.base.Problems;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Typed reads from a composed YAML node tree. Every problem is reported against the YAML path and
 * the 1-based line it was found on, so a runbook author can jump straight to it.
 */
final class YamlNodes {

    private final Problems problems;

    YamlNodes(Problems problems) {
        this.problems = problems;
    }

    static int line(Node node) {
        return node.getStartMark().map(m -> m.getLine() + 1).orElse(0);
    }

    void problem(String path, Node at, String message) {
        problems.add(path.isEmpty() ? "(document)" : path, "line " + line(at) + ": " + message);
    }

    /** The mapping's entries by key, after reporting keys that are not allowed here. */
    @Nullable Map<String, Node> mapping(String path, Node node, Set<String> allowed) {
        if (!(node instanceof MappingNode map)) {
            problem(path, node, "expected a mapping of fields (key: value), found " + describe(node));
            return null;
        }
        Map<String, Node> out = new LinkedHashMap<>();
        for (NodeTuple tuple : map.getValue()) {
            Node keyNode = tuple.getKeyNode();
            String key = keyNode instanceof ScalarNode s ? s.getValue() : "?";
            String keyPath = join(path, key);
            if (!allowed.contains(key)) {
                problem(keyPath, keyNode, "unknown field '" + key + "'; allowed here: " + String.join(", ", allowed));
            } else if (out.containsKey(key)) {
                problem(keyPath, keyNode, "field '" + key + "' is given twice");
            } else {
                out.put(key, tuple.getValueNode());
            }
        }
        return out;
    }

    @Nullable String text(String path, Map<String, Node> fields, String key, boolean required, int maxLength,
                          Node parent) {
        Node node = fields.get(key);
        String at = join(path, key);
        if (node == null || isNull(node)) {
            if (required) {
                problem(at, node == null ? parent : node, "'" + key + "' is required");
            }
            return null;
        }
        if (!(node instanceof ScalarNode scalar)) {
            problem(at, node, "expected text, found " + describe(node));
            return null;
        }
        String value = scalar.getValue();
        if (required && value.isBlank()) {
            problem(at, node, "'" + key + "' must not be blank");
            return null;
        }
        if (value.length() > maxLength) {
            problem(at, node, "is " + value.length() + " characters long; at most " + maxLength + " are allowed");
            return null;
        }
        return value;
    }

    /** A list's items (absent or null means empty); reports a wrong type. */
    List<Node> list(String path, Map<String, Node> fields, String key, boolean required, Node parent) {
        Node node = fields.get(key);
        String at = join(path, key);
        if (node == null || isNull(node)) {
            if (required) {
                problem(at, node == null ? parent : node, "'" + key + "' is required and must be a list");
            }
            return List.of();
        }
        if (!(node instanceof SequenceNode seq)) {
            problem(at, node, "expected a list, found " + describe(node));
            return List.of();
        }
        return seq.getValue();
    }

    /** A list of plain texts, such as team names or phase keys. */
    List<String> texts(String path, Map<String, Node> fields, String key, int maxLength, Node parent) {
        List<String> out = new ArrayList<>();
        List<Node> items = list(path, fields, key, false, parent);
        for (int i = 0; i < items.size(); i++) {
            Node item = items.get(i);
            String at = join(path, key) + "[" + i + "]";
            if (!(item instanceof ScalarNode s) || isNull(item)) {
                problem(at, item, "expected text, found " + describe(item));
            } else if (s.getValue().isBlank() || s.getValue().length() > maxLength) {
                problem(at, item, "must be non-blank text of at most " + maxLength + " characters");
            } else {
                out.add(s.getValue());
            }
        }
        return out;
    }

    static boolean isNull(Node node) {
        return node instanceof ScalarNode s && Tag.NULL.equals(s.getTag());
    }

    static String describe(Node node) {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        return isNull(node) ? "nothing (null)" : "'" + ((ScalarNode) node).getValue() + "'";
    }

    static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
