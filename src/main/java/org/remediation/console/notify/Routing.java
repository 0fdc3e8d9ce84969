package org.remediation.console.notify;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The checked routing table and retry policy, built once at start from {@code console.notify.*}
 * plus the translated pre-0008 settings ({@link LegacySettings}). The first bad value refuses start
 * with a {@link NotifyConfigException} naming the property.
 */
@Component
class Routing {

    private static final Logger log = LoggerFactory.getLogger(Routing.class);
    private static final Pattern SEVERITY = Pattern.compile("p[0-3]");

    private final List<Route> routes;
    private final WebhookPoster.Policy policy;

    @Autowired
    Routing(NotifyProperties properties, Environment environment) {
        this(properties, LegacySettings.read(environment));
    }

    Routing(NotifyProperties properties, LegacySettings legacy) {
        List<Route> checked = new ArrayList<>();
        for (int i = 0; i < properties.routes().size(); i++) {
            checked.add(check("console.notify.routes[" + i + "]", properties.routes().get(i)));
        }
        for (LegacySettings.Migrated m : legacy.routes()) {
            checked.add(check(m.property(), m.route()));
        }
        this.routes = List.copyOf(checked);
        NotifyProperties.Retry migratedRetry = legacy.retry();
        this.policy = migratedRetry != null ? check(migratedRetry, legacy::retryProperty)
                : check(properties.retry(), name -> "console.notify.retry." + name);
        legacy.warnings().forEach(log::warn);
    }

    List<Route> routes() {
        return routes;
    }

    WebhookPoster.Policy policy() {
        return policy;
    }

    /** Every route that matches; fallback routes only when no other route does. */
    List<Route> matching(Notification n) {
        List<Route> direct = routes.stream().filter(r -> !r.fallback() && r.matches(n)).toList();
        return direct.isEmpty() ? routes.stream().filter(r -> r.fallback() && r.matches(n)).toList() : direct;
    }

    private static Route check(String prefix, NotifyProperties.Route r) {
        URI url = url(prefix.endsWith("]") ? prefix + ".url" : prefix, r.url());
        Format format = Format.of(r.format()).orElseThrow(() -> new NotifyConfigException(prefix + ".format",
                "unknown format '" + r.format() + "'; use slack or json"));
        Set<Notification.Source> sources = new LinkedHashSet<>();
        for (String s : r.sources()) {
            sources.add(source(prefix + ".sources", s));
        }
        Set<String> rules = lower(r.rules());
        rules.stream().filter(k -> !Notification.RULE_KINDS.contains(k)).findFirst().ifPresent(k -> {
            throw new NotifyConfigException(prefix + ".rules", "unknown rule kind '" + k
                    + "'; use still-not-met, phase-overran or regressed");
        });
        Set<String> severities = lower(r.severities());
        severities.stream().filter(s -> !SEVERITY.matcher(s).matches()).findFirst().ifPresent(s -> {
            throw new NotifyConfigException(prefix + ".severities", "unknown severity '" + s + "'; use P0, P1, P2 or P3");
        });
        Set<String> groups = new LinkedHashSet<>();
        r.groups().stream().map(String::strip).filter(g -> !g.isEmpty()).forEach(groups::add);
        return new Route(prefix, url, format, Set.copyOf(sources), Set.copyOf(groups), rules, severities, r.fallback());
    }

    private static URI url(String property, @Nullable String value) {
        if (value == null || value.isBlank()) {
            throw new NotifyConfigException(property, "a webhook URL is required");
        }
        try {
            URI u = new URI(value.strip());
            if (u.getScheme() == null || !Set.of("http", "https").contains(u.getScheme().toLowerCase(Locale.ROOT))
                    || u.getHost() == null) {
                throw new NotifyConfigException(property, "'" + Redaction.url(value) + "' is not an http(s) URL with a host");
            }
            return u;
        } catch (java.net.URISyntaxException e) {
            throw new NotifyConfigException(property, "not a valid URL (" + e.getReason() + ")");
        }
    }

    private static Notification.Source source(String property, String value) {
        for (Notification.Source s : Notification.Source.values()) {
            if (s.key().equalsIgnoreCase(value.strip())) {
                return s;
            }
        }
        throw new NotifyConfigException(property, "unknown source '" + value.strip() + "'; use probe, escalation or watch");
    }

    private static Set<String> lower(List<String> values) {
        Set<String> out = new LinkedHashSet<>();
        values.stream().map(v -> v.strip().toLowerCase(Locale.ROOT)).filter(v -> !v.isEmpty()).forEach(out::add);
        return Set.copyOf(out);
    }

    private static WebhookPoster.Policy check(NotifyProperties.Retry r, UnaryOperator<String> property) {
        positive(r.initialBackoff(), property.apply("initial-backoff"));
        positive(r.timeout(), property.apply("timeout"));
        if (r.attempts() < 1) {
            throw new NotifyConfigException(property.apply("attempts"), "must be at least 1 (was " + r.attempts() + ")");
        }
        if (r.maxBackoff().compareTo(r.initialBackoff()) < 0) {
            throw new NotifyConfigException(property.apply("max-backoff"), "must not be shorter than initial-backoff ("
                    + r.maxBackoff() + " < " + r.initialBackoff() + ")");
        }
        return r.policy();
    }

    private static void positive(Duration d, String property) {
        if (d.isNegative() || d.isZero()) {
            throw new NotifyConfigException(property, "must be longer than zero (was " + d + ")");
        }
    }
}
