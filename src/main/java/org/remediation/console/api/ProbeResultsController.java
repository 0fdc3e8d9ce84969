package org.remediation.console.api;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.remediation.console.base.InvalidInputException;
import org.remediation.console.probe.ExternalResult;
import org.remediation.console.probe.ExternalResultService;
import org.remediation.console.probe.ProbeResult;
import org.remediation.console.probe.ProbeTargetService;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Results of EXTERNAL probe targets, pushed by a CI smoke test or a cron job with a REPORTER token
 * (docs/probes.md). The service decides who may push and what is valid; this only maps JSON.
 */
@RestController
@RequestMapping("/api/v1/probe-targets")
class ProbeResultsController {

    private final ExternalResultService results;
    private final ProbeTargetService targets;

    ProbeResultsController(ExternalResultService results, ProbeTargetService targets) {
        this.results = results;
        this.targets = targets;
    }

    /** The body. A field it does not know is refused by name (a typo such as {@code sucess} must not pass as a bare push). */
    static final class Body {
        public @Nullable Boolean success;
        public @Nullable Double durationMs;
        public @Nullable Double value;
        public @Nullable String unit;
        public @Nullable String message;
        public @Nullable Instant checkedAt;
        final List<String> unknown = new ArrayList<>();

        @JsonAnySetter
        void unknown(String name, Object ignored) {
            unknown.add(name);
        }
    }

    /** The result as stored: {@code outcome} UP or DOWN, {@code checkedAt} its time in the windows. */
    record Stored(String targetKey, Instant checkedAt, String outcome, double durationMs, @Nullable Double value,
                  @Nullable Object unit, @Nullable Object message, @Nullable String errorClass, @Nullable String error) {
    }

    /**
     * 202: the result is counted at once (state, windows, criteria) and written to the database with the
     * next batch of results, within seconds.
     */
    @PostMapping(path = "/{key}/results", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    Stored push(@PathVariable String key, @RequestBody Body body) {
        if (!body.unknown.isEmpty()) {
            throw new InvalidInputException(body.unknown.stream().map(f -> new InvalidInputException.Problem(f,
                    "Unknown field '" + f + "'. Allowed: success, durationMs, value, unit, message, checkedAt.")).toList());
        }
        if (targets.find(key).isEmpty()) {
            throw new ApiProblems.NotFound("There is no probe target '" + key + "'.");
        }
        ProbeResult r = results.push(key, new ExternalResult(body.success, body.durationMs, body.value, body.unit,
                body.message, body.checkedAt));
        return new Stored(r.targetKey(), r.startedAt(), r.outcome().name(), r.durationMs(), r.metricValue(),
                r.measurements().get("unit"), r.error() != null ? r.error() : r.measurements().get("message"), r.errorClass(),
                r.error());
    }
}
