package org.remediation.console.probe;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Small JSON helper for the settings and measurements columns. */
final class Json {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {
    }

    static String write(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    static Map<String, String> readSettings(String json) {
        return MAPPER.readValue(json, new TypeReference<LinkedHashMap<String, String>>() { });
    }

    static Map<String, Object> readMap(String json) {
        return MAPPER.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() { });
    }

    /**
     * As {@link #readMap}, but text that does not parse (a row written before measurements were kept
     * whole, cut at the column's size) reads as no measurements instead of failing the whole query.
     */
    static Map<String, Object> readMapLeniently(String json) {
        try {
            return readMap(json);
        } catch (RuntimeException e) {
            return Map.of();
        }
    }
}
