package org.remediation.console.probe;

import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.remediation.console.audit.AuditService;
import org.remediation.console.base.InvalidInputException;
import org.remediation.console.base.Problems;
import org.remediation.console.base.identity.CurrentUser;
import org.remediation.console.base.identity.Roles;
import org.remediation.console.base.identity.SignedIn;
import org.remediation.console.base.identity.SystemActor;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Results of {@link ProbeKind#EXTERNAL} targets, pushed by a REPORTER service account. A push goes
 * through the same pipeline as a run (stored, windowed, states, criteria, notifications). Nothing is
 * written when any part of it is refused.
 *
 * <p>Audit: a refused identity (not the target's named reporter) and every state change a push causes.
 * A green push every minute is not audited one by one: it changes nothing a person decided, it is
 * stored as a result already, and thousands of them a day would bury the events the audit is for.
 */
@Service
@SignedIn
public class ExternalResultService {

    /** How far ahead of the console's clock a checkedAt may be (the pusher's clock may run fast). */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(30);
    static final double MAX_DURATION_MS = Duration.ofHours(1).toMillis();
    static final int MAX_MESSAGE = 500;
    static final int MAX_UNIT = 20;

    private final TargetRepository repository;
    private final Staleness staleness;
    private final ResultPipeline pipeline;
    private final ProbeStatistics statistics;
    private final AuditService audit;
    private final Clock clock;

    ExternalResultService(TargetRepository repository, Staleness staleness, ResultPipeline pipeline,
                          ProbeStatistics statistics, AuditService audit, Clock clock) {
        this.repository = repository;
        this.staleness = staleness;
        this.pipeline = pipeline;
        this.statistics = statistics;
        this.audit = audit;
        this.clock = clock;
    }

    /** Records one pushed result of target {@code key}; returns it as stored. */
    @RolesAllowed(Roles.REPORTER)
    public ProbeResult push(String key, ExternalResult body) {
        String who = CurrentUser.require();
        Instant now = clock.instant();
        ProbeTarget t = repository.findByKey(key).map(ProbeTargetService::toTarget)
                .orElseThrow(() -> new InvalidInputException("key", "No probe target with key '" + key + "'."));
        if (!t.kind().isPushed()) {
            throw new InvalidInputException("key", "Target '" + key + "' is a " + t.kind() + " probe, which the console "
                    + "runs itself; only EXTERNAL targets accept pushed results.");
        }
        if (!t.enabled()) {
            throw new InvalidInputException("key", "Target '" + key + "' is disabled; an admin enables it before results are accepted.");
        }
        String reporter = ExternalProbe.reporter(t);
        if (reporter == null || !reporter.equals(who)) {
            SystemActor.run(() -> audit.append(who, "probe.external.refused", "probe:" + key,
                    Map.of("reason", "not the target's reporter", "reporter", String.valueOf(reporter))));
            throw new AccessDeniedException("Your account may not push results to target '" + key + "': each EXTERNAL "
                    + "target names the one service account that reports it.");
        }
        Duration staleAfter = ExternalProbe.staleAfter(t);
        Problems p = new Problems();
        Instant checkedAt = checkedAt(body.checkedAt(), now, staleAfter, p);
        ProbeResult result = result(t, body, checkedAt == null ? now : checkedAt, who, p);
        p.throwIfAny();
        synchronized (staleness) {
            ProbeResult last = statistics.status(key).map(TargetStatus::last).orElse(null);
            Instant floor = staleness.orderFloor(key); // stored results and pushes: memory alone forgets at a restart
            if (last != null && last.startedAt().isAfter(floor)) {
                floor = last.startedAt();
            }
            if (body.checkedAt() != null && result.startedAt().isBefore(floor)) {
                throw new InvalidInputException("checkedAt", "checkedAt " + result.startedAt() + " is before the target's "
                        + "latest result (" + floor + "); results are kept in order. Leave checkedAt out to use "
                        + "the time the console receives the result.");
            }
            staleness.stored(key, result.startedAt(), now, who);
            StateChange change = pipeline.accept(t, result);
            if (change != null) {
                SystemActor.run(() -> audit.append(who, "probe.external.state", "probe:" + key, Map.of("from",
                        change.from().name(), "to", change.to().name(), "outcome", result.outcome().name())));
            }
        }
        return result;
    }

    private static @Nullable Instant checkedAt(@Nullable Instant at, Instant now, Duration staleAfter, Problems p) {
        if (at == null) {
            return null;
        }
        p.check(!at.isAfter(now.plus(CLOCK_SKEW)), "checkedAt", "checkedAt " + at + " is in the future (the console's "
                + "time is " + now + "; at most " + CLOCK_SKEW.toSeconds() + " s of clock skew is accepted).");
        p.check(!at.isBefore(now.minus(staleAfter)), "checkedAt", "checkedAt " + at + " is older than the target's "
                + "staleAfter (" + Durations.format(staleAfter) + "): a late result cannot fill in evidence for time "
                + "already counted as silent.");
        return at;
    }

    private static ProbeResult result(ProbeTarget t, ExternalResult b, Instant at, String who, Problems p) {
        p.check(b.success() != null, "success", "success is required: true when the check passed, false when it failed.");
        Double ms = b.durationMs();
        p.check(ms == null || (Double.isFinite(ms) && ms >= 0 && ms <= MAX_DURATION_MS), "durationMs",
                "durationMs must be from 0 to 3600000 (one hour).");
        Double value = b.value();
        p.check(value == null || Double.isFinite(value), "value", "value must be a finite number.");
        String unit = b.unit() == null ? null : b.unit().strip();
        p.check(unit == null || unit.length() <= MAX_UNIT, "unit", "unit is too long (max " + MAX_UNIT + " characters).");
        p.check(unit == null || unit.isEmpty() || value != null, "unit", "A unit needs a value.");
        String message = b.message() == null ? null : b.message().strip();
        p.check(message == null || message.length() <= MAX_MESSAGE, "message",
                "message is too long (max " + MAX_MESSAGE + " characters).");
        p.check(message == null || message.chars().noneMatch(c -> c < 0x20 && c != '\t'), "message",
                "message must be one line (no line breaks or control characters).");
        if (!p.isEmpty()) {
            return new ProbeResult(t.key(), at, Duration.ZERO, Outcome.ERROR, null, null, Map.of());
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("reporter", who);
        if (value != null) {
            m.put(ProbeResult.METRIC_VALUE, value);
            if (unit != null && !unit.isEmpty()) {
                m.put("unit", unit);
            }
        }
        boolean ok = Boolean.TRUE.equals(b.success());
        if (ok && message != null && !message.isEmpty()) {
            m.put("message", message);
        }
        Duration d = Duration.ofNanos(Math.round((ms == null ? 0 : ms) * 1_000_000));
        return ok ? new ProbeResult(t.key(), at, d, Outcome.UP, null, null, m)
                : new ProbeResult(t.key(), at, d, Outcome.DOWN, "reported-failure",
                        message == null || message.isEmpty() ? "The external check reported a failure" : message, m);
    }
}
