package org.remediation.console.notify;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * The three webhook settings from before ADR 0008, translated into routes and the retry policy so an
 * upgrade keeps notifying; each one found is reported in one WARN line showing the new way to write it.
 * <ul>
 *   <li>{@code console.probes.notifications.webhooks.<group>} (Slack, per group, {@code *} = the rest),
 *       {@code .retries}, {@code .backoff}</li>
 *   <li>{@code console.criteria.webhook-url} (or the {@code CONSOLE_ESCALATION_WEBHOOK_URL} environment
 *       variable), {@code webhook-attempts}, {@code -initial-backoff}, {@code -max-backoff}, {@code -timeout}</li>
 *   <li>{@code console.remediation.watch-webhook-url} (JSON)</li>
 * </ul>
 * Two old retry settings that disagree refuse start: there is one policy now.
 */
record LegacySettings(List<Migrated> routes, NotifyProperties.@Nullable Retry retry, Map<String, String> retryProperties,
                      List<String> warnings) {

    /** A translated route and the old property it came from. */
    record Migrated(String property, NotifyProperties.Route route) {
    }

    static final String ESCALATION_ENV = "CONSOLE_ESCALATION_WEBHOOK_URL";
    private static final String PROBE = "console.probes.notifications.";
    private static final String CRITERIA = "console.criteria.";
    private static final String NEW = "console.notify.";

    static LegacySettings none() {
        return new LegacySettings(List.of(), null, Map.of(), List.of());
    }

    String retryProperty(String name) {
        return retryProperties.getOrDefault(name, NEW + "retry." + name);
    }

    static LegacySettings read(Environment environment) {
        Binder binder = Binder.get(environment);
        int next = binder.bind(NEW + "routes", Bindable.listOf(NotifyProperties.Route.class)).map(List::size).orElse(0);
        return read(binder, environment::getProperty, next);
    }

    /**
     * @param raw reads a property by its exact name: the environment variable {@value #ESCALATION_ENV}, and
     *     {@code console.probes.notifications.webhooks.*} as written in a properties file (the binder drops
     *     the {@code *} from a map key unless it is written {@code [*]})
     */
    static LegacySettings read(Binder binder, Function<String, @Nullable String> raw, int firstIndex) {
        String escalationEnv = raw.apply(ESCALATION_ENV);
        List<Migrated> routes = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Map<String, String> probeHooks = new TreeMap<>(binder.bind(PROBE + "webhooks",
                Bindable.mapOf(String.class, String.class)).orElse(Map.of()));
        // Group routes first, the old "*" last as a fallback: before, a group's own URL replaced "*".
        String star = probeHooks.remove("*");
        if (star == null) {
            star = raw.apply(PROBE + "webhooks.*");
        }
        probeHooks.remove("");
        probeHooks.forEach((group, url) -> add(routes, warnings, firstIndex, PROBE + "webhooks." + group, url, "slack",
                List.of("probe"), List.of(group), false, ""));
        if (star != null) {
            add(routes, warnings, firstIndex, PROBE + "webhooks.*", star, "slack", List.of("probe"), List.of(), true, "");
        }
        String escalation = string(binder, CRITERIA + "webhook-url");
        String escalationProperty = CRITERIA + "webhook-url";
        if (escalation == null && escalationEnv != null && !escalationEnv.isBlank()) {
            escalation = escalationEnv;
            escalationProperty = ESCALATION_ENV;
        }
        if (escalation != null) {
            add(routes, warnings, firstIndex, escalationProperty, escalation, "slack", List.of("escalation"), List.of(), false, "");
        }
        String watch = string(binder, "console.remediation.watch-webhook-url");
        if (watch != null) {
            add(routes, warnings, firstIndex, "console.remediation.watch-webhook-url", watch, "json", List.of("watch"),
                    List.of(), false, " (the body is now the generic JSON document: action, resource, regressions and "
                            + "rolledBack are under \"facts\")");
        }
        Map<String, String> retryProperties = new LinkedHashMap<>();
        NotifyProperties.Retry retry = retry(binder, warnings, retryProperties);
        return new LegacySettings(List.copyOf(routes), retry, Map.copyOf(retryProperties), List.copyOf(warnings));
    }

    private static void add(List<Migrated> routes, List<String> warnings, int firstIndex, String property, String url,
                            String format, List<String> sources, List<String> groups, boolean fallback, String note) {
        String r = NEW + "routes[" + (firstIndex + routes.size()) + "].";
        routes.add(new Migrated(property, new NotifyProperties.Route(url, format, sources, List.of(groups.toArray(String[]::new)),
                List.of(), List.of(), fallback)));
        StringBuilder how = new StringBuilder(r + "url=<the same URL>");
        if (!format.equals("slack")) {
            how.append(", ").append(r).append("format=").append(format);
        }
        how.append(", ").append(r).append("sources=").append(String.join(",", sources));
        if (!groups.isEmpty()) {
            how.append(", ").append(r).append("groups=").append(String.join(",", groups));
        }
        if (fallback) {
            how.append(", ").append(r).append("fallback=true");
        }
        warnings.add(property + " is deprecated and was translated into a notification route; write it as " + how + note);
    }

    private static NotifyProperties.@Nullable Retry retry(Binder binder, List<String> warnings, Map<String, String> properties) {
        Integer retries = binder.bind(PROBE + "retries", Integer.class).orElse(null);
        Duration backoff = binder.bind(PROBE + "backoff", Duration.class).orElse(null);
        Integer attempts = binder.bind(CRITERIA + "webhook-attempts", Integer.class).orElse(null);
        Duration initial = binder.bind(CRITERIA + "webhook-initial-backoff", Duration.class).orElse(null);
        Duration max = binder.bind(CRITERIA + "webhook-max-backoff", Duration.class).orElse(null);
        Duration timeout = binder.bind(CRITERIA + "webhook-timeout", Duration.class).orElse(null);
        boolean probeSet = retries != null || backoff != null;
        boolean criteriaSet = attempts != null || initial != null || max != null || timeout != null;
        if (!probeSet && !criteriaSet) {
            return null;
        }
        String old = String.join(", ", setNames(retries, backoff, attempts, initial, max, timeout));
        boolean newSet = binder.bind(NEW + "retry", Bindable.mapOf(String.class, String.class)).isBound();
        if (newSet) {
            warnings.add(old + " ignored: " + NEW + "retry.* is set and is the one retry policy now; remove the old settings");
            return null;
        }
        NotifyProperties.Retry fromProbe = null;
        if (probeSet) {
            int r = retries != null ? Math.max(0, retries) : 3;
            Duration b = backoff != null ? backoff : Duration.ofMillis(500);
            fromProbe = new NotifyProperties.Retry(r + 1, b, b.multipliedBy(1L << Math.min(Math.max(r - 1, 0), 20)),
                    Duration.ofSeconds(10));
            properties.put("attempts", PROBE + "retries");
            properties.put("initial-backoff", PROBE + "backoff");
            properties.put("max-backoff", PROBE + "backoff");
            properties.put("timeout", PROBE + "backoff");
        }
        NotifyProperties.Retry fromCriteria = null;
        if (criteriaSet) {
            fromCriteria = new NotifyProperties.Retry(attempts != null ? attempts : 5,
                    initial != null ? initial : Duration.ofSeconds(1), max != null ? max : Duration.ofSeconds(30),
                    timeout != null ? timeout : Duration.ofSeconds(5));
            properties.put("attempts", CRITERIA + "webhook-attempts");
            properties.put("initial-backoff", CRITERIA + "webhook-initial-backoff");
            properties.put("max-backoff", CRITERIA + "webhook-max-backoff");
            properties.put("timeout", CRITERIA + "webhook-timeout");
        }
        if (fromProbe != null && fromCriteria != null && !fromProbe.equals(fromCriteria)) {
            throw new NotifyConfigException(PROBE + "retries",
                    "the old probe and escalation retry settings (" + old + ") disagree and there is one retry policy now; "
                            + "set " + NEW + "retry.attempts, initial-backoff, max-backoff and timeout instead and remove them");
        }
        NotifyProperties.Retry chosen = fromCriteria != null ? fromCriteria : fromProbe;
        warnings.add(old + " deprecated and translated into the one retry policy; write it as " + NEW + "retry.attempts="
                + chosen.attempts() + ", " + NEW + "retry.initial-backoff=" + millis(chosen.initialBackoff()) + ", " + NEW
                + "retry.max-backoff=" + millis(chosen.maxBackoff()) + ", " + NEW + "retry.timeout=" + millis(chosen.timeout()));
        return chosen;
    }

    private static List<String> setNames(@Nullable Object retries, @Nullable Object backoff, @Nullable Object attempts,
                                         @Nullable Object initial, @Nullable Object max, @Nullable Object timeout) {
        List<String> names = new ArrayList<>();
        if (retries != null) names.add(PROBE + "retries");
        if (backoff != null) names.add(PROBE + "backoff");
        if (attempts != null) names.add(CRITERIA + "webhook-attempts");
        if (initial != null) names.add(CRITERIA + "webhook-initial-backoff");
        if (max != null) names.add(CRITERIA + "webhook-max-backoff");
        if (timeout != null) names.add(CRITERIA + "webhook-timeout");
        return names;
    }

    private static String millis(Duration d) {
        return d.toMillis() + "ms";
    }

    private static @Nullable String string(Binder binder, String name) {
        String v = binder.bind(name, String.class).orElse(null);
        return v == null || v.isBlank() ? null : v.strip();
    }
}
