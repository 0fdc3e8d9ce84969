package org.remediation.console.probe;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Probe results as they travel to the other consoles on {@code console_results}: JSON messages of at most
 * the notification limit, each naming the node that stored them. Every field of a result survives, so
 * another node's window statistics, state machine and detail views see the run as its prober did.
 */
final class ResultStream {

    static final String CHANNEL = "console_results";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

    private ResultStream() {
    }

    /** The messages that carry these results, each below {@code maxBytes}. */
    static List<String> encode(String origin, List<ProbeResult> results, int maxBytes) {
        List<String> messages = new ArrayList<>();
        ArrayNode chunk = JSON.createArrayNode();
        int size = 0;
        int overhead = origin.length() + 20;
        for (ProbeResult r : results) {
            ObjectNode n = JSON.createObjectNode();
            n.put("k", r.targetKey());
            n.put("s", r.startedAt().toString());
            n.put("d", r.duration().toNanos());
            n.put("o", r.outcome().name());
            n.put("c", r.errorClass());
            n.put("e", r.error() == null ? null : r.error().length() > 500 ? r.error().substring(0, 499) + "…" : r.error());
            n.set("m", JSON.valueToTree(r.measurements()));
            String one = JSON.writeValueAsString(n);
            int bytes = one.getBytes(StandardCharsets.UTF_8).length + 1;
            if (bytes + overhead > maxBytes) {
                n.remove("m"); // a run with outsized figures still counts; its figures stay in the database
                one = JSON.writeValueAsString(n);
                bytes = one.getBytes(StandardCharsets.UTF_8).length + 1;
            }
            if (size + bytes + overhead > maxBytes && !chunk.isEmpty()) {
                messages.add(message(origin, chunk));
                chunk = JSON.createArrayNode();
                size = 0;
            }
            chunk.add(n);
            size += bytes;
        }
        if (!chunk.isEmpty()) {
            messages.add(message(origin, chunk));
        }
        return messages;
    }

    private static String message(String origin, ArrayNode results) {
        ObjectNode m = JSON.createObjectNode();
        m.put("o", origin);
        m.set("r", results);
        return JSON.writeValueAsString(m);
    }

    /** The origin node of a message. */
    static String origin(JsonNode message) {
        return message.path("o").asString();
    }

    static JsonNode read(String message) {
        return JSON.readTree(message);
    }

    static List<ProbeResult> results(JsonNode message) {
        List<ProbeResult> out = new ArrayList<>();
        for (JsonNode n : message.path("r")) {
            Map<String, Object> measurements = n.has("m") ? JSON.treeToValue(n.get("m"), MAP) : Map.of();
            out.add(new ProbeResult(n.path("k").asString(), Instant.parse(n.path("s").asString()),
                    Duration.ofNanos(n.path("d").asLong()), Outcome.valueOf(n.path("o").asString()),
                    text(n, "c"), text(n, "e"), measurements));
        }
        return out;
    }

    private static @org.jspecify.annotations.Nullable String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }
}
