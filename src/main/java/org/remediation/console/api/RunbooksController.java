package org.remediation.console.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.remediation.console.incident.IncidentService;
import org.remediation.console.incident.RunbookImport;
import org.remediation.console.incident.RunbookService;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Runbooks as code over HTTP: the same import and export as the Runbooks view, through the same
 * {@link RunbookService} methods, so the checks, messages, roles and audit are the view's.
 */
@RestController
@Tag(name = "Runbooks", description = "Open an incident from runbook YAML (docs/runbook-format.md); export a plan")
class RunbooksController {

    static final String YAML = YamlMedia.YAML;

    private final RunbookService runbooks;
    private final IncidentService incidents;

    RunbooksController(RunbookService runbooks, IncidentService incidents) {
        this.runbooks = runbooks;
        this.incidents = incidents;
    }

    /**
     * Opens a new incident, as "Open incident from runbook" does: a key that exists already is refused
     * (import never replaces a plan). A missing key or body reaches the service, which names what is missing
     * in the words the view shows.
     */
    @PostMapping(path = "/api/v1/runbooks", consumes = {YamlMedia.YAML, "application/x-yaml", "text/yaml", "text/x-yaml"},
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Open a new incident from runbook YAML (all or nothing; COMMANDER)")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(mediaType = YAML,
            schema = @Schema(type = "string", description = "Runbook YAML, format: docs/runbook-format.md")))
    @ApiResponse(responseCode = "201", description = "Opened; Location names the incident; warnings list criteria "
            + "whose probe targets do not exist yet")
    @ApiResponse(responseCode = "403", description = "The token does not act as COMMANDER",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "413", description = "The body is larger than console.api.max-body",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "415", description = "The body is not YAML",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "422", description = "Every problem with its YAML path and line; nothing was written",
            content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<IncidentJson.Imported> importRunbook(
            @Parameter(description = "The new incident's key, e.g. INC-1300") @RequestParam(defaultValue = "")
            String incidentKey, @RequestBody(required = false) @Nullable String yaml) {
        RunbookImport imported = runbooks.importAsIncident(incidentKey, yaml == null ? "" : yaml);
        URI location = ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/v1/incidents/{key}")
                .buildAndExpand(imported.incident().key()).toUri();
        return ResponseEntity.created(location).body(IncidentJson.Imported.of(imported));
    }

    @GetMapping(path = "/api/v1/incidents/{key}/runbook", produces = YAML)
    @Operation(summary = "The incident's plan as runbook YAML, as the Runbooks view exports it")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = YAML, schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "404", description = "No incident with this key",
            content = @Content(mediaType = "application/problem+json"))
    String export(@PathVariable String key) {
        if (incidents.find(key).isEmpty()) {
            throw new ApiProblems.NotFound("There is no incident " + key + ".");
        }
        return runbooks.export(key);
    }
}
