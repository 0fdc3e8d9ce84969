package org.remediation.console.cloud;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Turns a resource's live state into probe measurements, on any {@link CloudGateway} (sandbox or
 * Google), so criteria such as "connector READY" or "certificate ACTIVE and ≥ 14 days" bind to the
 * same names everywhere. Read-only: it never changes anything.
 */
public class CloudResourceReader {

    /** 1 when the resource is healthy by its kind's rule, else 0. */
    public static final String UP = "up";
    public static final String MIN_INSTANCES = Attributes.MIN_INSTANCES;
    public static final String MAX_INSTANCES = Attributes.MAX_INSTANCES;
    /** Cloud Run: 1 while a change is rolling out. */
    public static final String RECONCILING = Attributes.RECONCILING;
    /** Cloud Run: number of revisions. */
    public static final String REVISION_COUNT = "revisionCount";
    public static final String CHECK_INTERVAL_SECONDS = Attributes.CHECK_INTERVAL_SECONDS;
    public static final String CHECK_TIMEOUT_SECONDS = Attributes.CHECK_TIMEOUT_SECONDS;
    public static final String HEALTHY_THRESHOLD = Attributes.HEALTHY_THRESHOLD;
    public static final String UNHEALTHY_THRESHOLD = Attributes.UNHEALTHY_THRESHOLD;
    /** Certificates: whole days until expiry (negative once expired). */
    public static final String DAYS_TO_EXPIRY = "daysToExpiry";
    /** Memorystore for Redis: the port clients connect to. */
    public static final String PORT = Attributes.PORT;
    public static final String MEMORY_SIZE_GB = Attributes.MEMORY_SIZE_GB;

    private final CloudGateway gateway;
    private final Clock clock;

    public CloudResourceReader(CloudGateway gateway, Clock clock) {
        this.gateway = gateway;
        this.clock = clock;
    }

    /** Reads the resource now; a failed read is an unhealthy reading that says why. */
    public CloudReading read(ResourceRef ref) {
        try {
            return measure(gateway.read(ref), clock.instant());
        } catch (CloudException e) {
            return new CloudReading(ref, clock.instant(), false, e.getMessage() == null ? e.kind().name()
                    : e.getMessage(), Map.of(UP, 0.0), Map.of(), e.kind());
        }
    }

    /** The measurements of one state as of {@code now}. */
    public static CloudReading measure(ResourceState state, Instant now) {
        Map<String, Double> m = new HashMap<>();
        Map<String, String> labels = new HashMap<>();
        String status = state.get(Attributes.STATE).orElse("UNKNOWN");
        labels.put(Attributes.STATE, status);
        boolean healthy;
        String summary;
        switch (state.ref().kind()) {
            case VPC_CONNECTOR -> {
                number(state, Attributes.MIN_INSTANCES, m);
                number(state, Attributes.MAX_INSTANCES, m);
                copy(state, Attributes.MACHINE_TYPE, labels);
                healthy = "READY".equals(status);
                summary = status + ", " + state.get(Attributes.MIN_INSTANCES).orElse("?") + "–"
                        + state.get(Attributes.MAX_INSTANCES).orElse("?") + " × "
                        + state.get(Attributes.MACHINE_TYPE).orElse("?");
            }
            case SQL_INSTANCE -> {
                copy(state, Attributes.TIER, labels);
                healthy = "RUNNABLE".equals(status);
                summary = status + ", " + state.get(Attributes.TIER).orElse("?");
            }
            case RUN_SERVICE -> {
                boolean reconciling = "true".equals(state.get(Attributes.RECONCILING).orElse("false"));
                m.put(RECONCILING, reconciling ? 1.0 : 0.0);
                m.put(REVISION_COUNT, (double) state.get(Attributes.REVISIONS).filter(r -> !r.isBlank())
                        .map(r -> r.split(",").length).orElse(0));
                number(state, Attributes.MIN_INSTANCES, m);
                number(state, Attributes.MAX_INSTANCES, m);
                copy(state, Attributes.LATEST_READY_REVISION, labels);
                copy(state, Attributes.TRAFFIC, labels);
                copy(state, Attributes.SERVING, labels);
                healthy = !reconciling && ("READY".equals(status) || !state.get(Attributes.STATE).isPresent());
                // What serves (traffic_statuses), not the latest revision: pinned traffic may leave it at 0 %.
                summary = (reconciling ? "reconciling" : "ready") + ", serving " + state.get(Attributes.SERVING)
                        .filter(s -> !s.isBlank()).or(() -> state.get(Attributes.LATEST_READY_REVISION)).orElse("?");
            }
            case HEALTH_CHECK -> {
                for (String a : new String[] {CHECK_INTERVAL_SECONDS, CHECK_TIMEOUT_SECONDS, HEALTHY_THRESHOLD,
                        UNHEALTHY_THRESHOLD}) {
                    number(state, a, m);
                }
                healthy = m.getOrDefault(CHECK_TIMEOUT_SECONDS, 0.0) <= m.getOrDefault(CHECK_INTERVAL_SECONDS, 0.0);
                summary = "every " + fmt(m.get(CHECK_INTERVAL_SECONDS)) + " s, timeout "
                        + fmt(m.get(CHECK_TIMEOUT_SECONDS)) + " s, healthy " + fmt(m.get(HEALTHY_THRESHOLD))
                        + ", unhealthy " + fmt(m.get(UNHEALTHY_THRESHOLD));
            }
            case BACKEND_SERVICE -> {
                copy(state, Attributes.HEALTH_CHECKS, labels);
                healthy = state.get(Attributes.HEALTH_CHECKS).filter(h -> !h.isBlank()).isPresent();
                summary = healthy ? "checked by " + labels.get(Attributes.HEALTH_CHECKS) : "no health check";
            }
            case SSL_CERTIFICATE -> {
                String managed = state.get(Attributes.MANAGED_STATUS).orElse(status);
                labels.put(Attributes.MANAGED_STATUS, managed);
                @Nullable Long days = daysToExpiry(state, now);
                if (days != null) {
                    m.put(DAYS_TO_EXPIRY, days.doubleValue());
                }
                healthy = ("ACTIVE".equals(managed) || "SELF_MANAGED".equals(managed)) && days != null && days > 0;
                summary = managed + (days == null ? ", expiry unknown" : ", expires in " + days + " days");
            }
            case REDIS_INSTANCE -> {
                number(state, Attributes.PORT, m);
                number(state, Attributes.MEMORY_SIZE_GB, m);
                for (String a : new String[] {Attributes.HOST, Attributes.NETWORK, Attributes.AUTHORIZED_NETWORK,
                        Attributes.CONNECT_MODE, Attributes.TIER, Attributes.REDIS_VERSION, Attributes.RESERVED_IP_RANGE}) {
                    copy(state, a, labels);
                }
                healthy = "READY".equals(status);
                summary = status + ", " + state.get(Attributes.HOST).orElse("?") + ":"
                        + state.get(Attributes.PORT).orElse("?") + " on network "
                        + state.get(Attributes.NETWORK).orElse("?") + " ("
                        + state.get(Attributes.CONNECT_MODE).orElse("?") + ")";
            }
            default -> throw new IllegalStateException("unknown kind " + state.ref().kind());
        }
        m.put(UP, healthy ? 1.0 : 0.0);
        return new CloudReading(state.ref(), state.readAt(), healthy, summary, m, labels, null);
    }

    private static @Nullable Long daysToExpiry(ResourceState state, Instant now) {
        return state.get(Attributes.EXPIRE_TIME).map(text -> {
            try {
                return Math.floorDiv(Duration.between(now, Instant.parse(text)).toHours(), 24L);
            } catch (DateTimeParseException e) {
                return null;
            }
        }).orElse(null);
    }

    private static void number(ResourceState state, String attribute, Map<String, Double> into) {
        state.get(attribute).ifPresent(v -> {
            try {
                into.put(attribute, Double.parseDouble(v));
            } catch (NumberFormatException ignored) {
                // not numeric on this adapter: left out rather than guessed
            }
        });
    }

    private static void copy(ResourceState state, String attribute, Map<String, String> into) {
        state.get(attribute).ifPresent(v -> into.put(attribute, v));
    }

    private static String fmt(Double d) {
        return d == null ? "?" : Long.toString(Math.round(d));
    }
}
