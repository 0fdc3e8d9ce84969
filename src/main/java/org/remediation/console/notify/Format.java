package org.remediation.console.notify;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/** How a notification is written on the wire; one body per format, the same for every source. */
public enum Format {

    /** Slack-compatible (also Mattermost, Rocket.Chat, Google Chat): {@code {"text": "…"}}. */
    SLACK {
        @Override
        String body(Notification n) {
            return JSON_MAPPER.writeValueAsString(Map.of("text", n.text()));
        }
    },

    /** A generic JSON document with every field of the notification; facts under {@code facts}. */
    JSON {
        @Override
        String body(Notification n) {
            Map<String, @Nullable Object> doc = new LinkedHashMap<>();
            doc.put("source", n.source().key());
            doc.put("at", n.at().toString());
            doc.put("incidentKey", n.incidentKey());
            doc.put("severity", n.severity());
            doc.put("group", n.group());
            doc.put("rule", n.rule());
            doc.put("title", n.title());
            doc.put("text", n.text());
            doc.put("facts", n.facts());
            return JSON_MAPPER.writeValueAsString(doc);
        }
    };

    private static final JsonMapper JSON_MAPPER = JsonMapper.builder().build();

    abstract String body(Notification n);

    /** The configuration name ({@code slack}, {@code json}). */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<Format> of(String key) {
        for (Format f : values()) {
            if (f.key().equalsIgnoreCase(key.strip())) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
