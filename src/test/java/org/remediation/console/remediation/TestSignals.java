package org.remediation.console.remediation;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** A signal source tests set by hand. */
public final class TestSignals implements WatchSignals {

    private final Map<String, Level> levels = new ConcurrentHashMap<>();

    public void set(String key, Level level) {
        levels.put(key, level);
    }

    @Override
    public List<String> available() {
        return List.of("backend-health", "database");
    }

    @Override
    public Map<String, Reading> read(Collection<String> keys) {
        Map<String, Reading> m = new TreeMap<>();
        keys.forEach(k -> m.put(k, new Reading(k, levels.getOrDefault(k, Level.OK), "test")));
        return m;
    }
}
