package org.remediation.console.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.remediation.console.base.InvalidInputException;
import org.remediation.console.probe.Durations;
import org.remediation.console.probe.ProbeStatistics;
import org.remediation.console.probe.ProbeTarget;
import org.remediation.console.probe.ProbeTargetService;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Probe targets as the targets view and a probe's page show them: the YAML export and import (ADMIN, the
 * same service methods as the view's buttons) and one target with its state and window statistics (any
 * signed-in role but METRICS, as {@link ProbeTargetService#find} allows). Results of external checks
 * are posted elsewhere ({@code ProbeResultsController}).
 */
@RestController
@RequestMapping("/api/v1/probe-targets")
@Tag(name = "Probe targets", description = "Export, import and read probe targets (docs/api/probe-targets-and-audit.md)")
class ProbeTargetsController {

    static final String YAML = YamlMedia.YAML;
    /** The board's tile and the default of a probe's page read 15 minutes. */
    static final Duration DEFAULT_WINDOW = Duration.ofMinutes(15);
    /** Statistics reach back 7 days (raw results and per-minute rollups). */
    static final Duration MAX_WINDOW = Duration.ofDays(7);

    private final ProbeTargetService targets;
    private final ProbeStatistics statistics;
    private final Clock clock;

    ProbeTargetsController(ProbeTargetService targets, ProbeStatistics statistics, Clock clock) {
        this.targets = targets;
        this.statistics = statistics;
        this.clock = clock;
    }

    @GetMapping(produces = YAML)
    @Operation(summary = "Export every target as YAML (ADMIN)", description = "The document the targets view's "
            + "'Export YAML' gives; PUT it back to import.")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = YAML))
    @ApiResponse(responseCode = "403", description = "The token's roles do not include ADMIN",
            content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<String> export() {
        return ResponseEntity.ok().contentType(new MediaType("application", "yaml", StandardCharsets.UTF_8))
                .body(targets.exportYaml());
    }

    @PutMapping(consumes = {YamlMedia.YAML, "application/x-yaml", "text/yaml", "text/x-yaml"},
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Import targets from YAML, all or nothing (ADMIN)", description = "Merges like the "
            + "targets view's 'Import YAML': targets in the document are created or updated (by key); targets "
            + "not in it are kept, never removed. Any problem refuses the whole document with 422 listing every "
            + "problem with its YAML path and line; nothing is written.")
    @ApiResponse(responseCode = "200", description = "Imported")
    @ApiResponse(responseCode = "403", description = "The token's roles do not include ADMIN",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "413", description = "Body over console.api.max-body (1 MB)",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "415", description = "Not sent as application/yaml",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "422", description = "Refused; errors[] has field, line and message of every problem",
            content = @Content(mediaType = "application/problem+json"))
    ImportSummary importYaml(@RequestBody @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @Content(mediaType = YAML, schema = @Schema(type = "string"))) String yaml) {
        ProbeTargetService.ImportReport report = targets.importYaml(yaml);
        return new ImportSummary(report.created(), report.updated(), 0, "merge");
    }

    @GetMapping(path = "/{key}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "One target: settings, state as the board shows it, last result, window statistics")
    @ApiResponse(responseCode = "200", description = "The target")
    @ApiResponse(responseCode = "404", description = "No target with this key",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "422", description = "window is not a duration from 1s to 168h",
            content = @Content(mediaType = "application/problem+json"))
    TargetDetail target(@PathVariable String key, @Parameter(description = "Statistics window: 30s, 15m, 1h … up to 168h "
            + "(7 days); default 15m") @RequestParam(required = false) @Nullable String window) {
        // the service's role check first: a METRICS token learns nothing, not even whether its window was valid
        ProbeTarget target = targets.find(key).orElseThrow(() -> new ApiProblems.NotFound(
                "There is no probe target with key '" + key + "'."));
        Duration w = window(window);
        return TargetDetail.of(target, w, statistics.status(key).orElse(null),
                statistics.window(key, w).orElse(null), clock.instant());
    }

    private static Duration window(@Nullable String text) {
        if (text == null) {
            return DEFAULT_WINDOW;
        }
        Duration d = Durations.parse(text);
        if (d == null || d.compareTo(Duration.ofSeconds(1)) < 0 || d.compareTo(MAX_WINDOW) > 0) {
            throw new InvalidInputException("window", "'" + text + "' is not a window from 1s to 168h (7 days); "
                    + "write e.g. 30s, 15m or 24h.");
        }
        return d;
    }

    /**
     * What an import changed. {@code removed} is always 0: an import merges (as in the view), so targets
     * missing from the document stay as they are; delete them in the view. {@code updated} counts every
     * target of the document that already existed, whether or not a value differed.
     */
    record ImportSummary(int created, int updated, int removed, String mode) {
    }
}
