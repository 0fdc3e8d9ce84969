package org.remediation.console.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.remediation.console.base.InvalidInputException;
import org.remediation.console.cloud.CloudException;
import org.remediation.console.remediation.ActionFilter;
import org.remediation.console.remediation.ActionNotFoundException;
import org.remediation.console.remediation.ActionRecord;
import org.remediation.console.remediation.ActionRefusedException;
import org.remediation.console.remediation.ActionSpec;
import org.remediation.console.remediation.ActionStatus;
import org.remediation.console.remediation.RemediationService;
import org.remediation.console.remediation.SecondPersonRequiredException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Remediation actions for automation: request (answers with the preview), approve, execute, roll back,
 * read. Every call is the {@link RemediationService} method the views call, so its roles (OPERATOR or
 * COMMANDER change, every signed-in role reads) and rules (four eyes, locks, stale previews) hold here too.
 * Execution is asynchronous in the service: execute answers 202 with the status URL to poll.
 */
@RestController
@RequestMapping(ActionsController.PATH)
@Tag(name = "Actions", description = "Remediation actions: preview, request, approve, execute, roll back")
@ApiResponse(responseCode = "403", description = "The token's roles do not allow this, or the requester tries to approve",
        content = @Content(mediaType = "application/problem+json"))
@ApiResponse(responseCode = "422", description = "Invalid input: errors[] with field paths; nothing written",
        content = @Content(mediaType = "application/problem+json"))
class ActionsController {

    static final String PATH = "/api/v1/actions";
    /** Seconds a script should wait between polls of a running action (the tracker polls every second). */
    static final String RETRY_AFTER = "2";

    private final RemediationService service;

    ActionsController(RemediationService service) {
        this.service = service;
    }

    @GetMapping
    @Operation(summary = "List actions, newest first", description = "Filters as in the history view, plus incidentKey.")
    List<ActionJson.Action> list(@RequestParam(required = false) @Nullable String incidentKey,
                                 @RequestParam(required = false) @Nullable ActionStatus status,
                                 @Parameter(description = "Action kind (spec name)") @RequestParam(required = false) @Nullable String kind,
                                 @Parameter(description = "Matches resource, requester or reason") @RequestParam(required = false) @Nullable String text,
                                 @RequestParam(defaultValue = "100") int limit) {
        ActionFilter filter = new ActionFilter(status, kind == null ? null : ActionSpec.kind(kind, "kind"), text, incidentKey);
        return service.history(filter, limit).stream().map(a -> ActionJson.Action.of(a, null)).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "An action's status, preview, outcome and trail", description = "Poll this after execute.")
    @ApiResponse(responseCode = "404", description = "No such action", content = @Content(mediaType = "application/problem+json"))
    ActionJson.Action get(@PathVariable long id) {
        return ActionJson.Action.of(service.get(id), service.trail(id));
    }

    @PostMapping("/preview")
    @Operation(summary = "Preview an action without requesting it (writes nothing)")
    ActionJson.DryRun preview(@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema =
            @Schema(implementation = ActionRequest.class))) @RequestBody JsonNode body) {
        ActionRequest request = ActionRequest.read(body);
        return paths(request, () -> ActionJson.DryRun.of(service.preview(request.draft())));
    }

    @PostMapping
    @Operation(summary = "Request an action; answers with its preview, status and whether a second person must approve")
    @ApiResponse(responseCode = "201", description = "Requested: AWAITING_APPROVAL or READY; Location is its status")
    ResponseEntity<ActionJson.Action> request(@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
            schema = @Schema(implementation = ActionRequest.class))) @RequestBody JsonNode body) {
        ActionRequest request = ActionRequest.read(body);
        ActionRecord a = paths(request, () -> service.request(request.draft()));
        return ResponseEntity.created(URI.create(PATH + "/" + a.id())).body(ActionJson.Action.of(a, service.trail(a.id())));
    }

    @PostMapping("/{id}/approve")
    @Operation(summary = "Approve as a second person (never the requester, with any of their tokens)")
    @ApiResponse(responseCode = "409", description = "Not awaiting approval, or the live state changed since the preview",
            content = @Content(mediaType = "application/problem+json"))
    ActionJson.Action approve(@PathVariable long id) {
        return ActionJson.Action.of(service.approve(id), service.trail(id));
    }

    @PostMapping("/{id}/reject")
    @Operation(summary = "Reject an open action, with a reason")
    ActionJson.Action reject(@PathVariable long id, @RequestBody JsonNode body) {
        return ActionJson.Action.of(service.reject(id, reason(body, "reason")), service.trail(id));
    }

    @PostMapping("/{id}/preview")
    @Operation(summary = "Preview an open action again (after STALE or EXPIRED); approval is needed again")
    ActionJson.Action refresh(@PathVariable long id) {
        ActionRecord a;
        try {
            a = service.refreshPreview(id);
        } catch (ActionNotFoundException e) {
            throw e;
        } catch (InvalidInputException e) {
            throw ActionProblems.underParams(e, service.get(id).kind(), service);
        }
        return ActionJson.Action.of(a, service.trail(id));
    }

    @PostMapping("/{id}/execute")
    @Operation(summary = "Execute a READY action; it runs in the background", description = "202 with Location and"
            + " Retry-After: poll GET /api/v1/actions/{id} until finished is true (SUCCEEDED or FAILED).")
    @ApiResponse(responseCode = "202", description = "Started (RUNNING); poll the Location")
    @ApiResponse(responseCode = "200", description = "Already ended: the cloud refused the change (FAILED)")
    @ApiResponse(responseCode = "409", description = "Not READY, resource busy or locked, state changed, approval expired",
            content = @Content(mediaType = "application/problem+json"))
    ResponseEntity<ActionJson.Action> execute(@PathVariable long id) {
        ActionRecord a = service.execute(id);
        ActionJson.Action body = ActionJson.Action.of(a, service.trail(id));
        if (a.status() == ActionStatus.RUNNING) {
            return ResponseEntity.accepted().location(URI.create(PATH + "/" + id)).header("Retry-After", RETRY_AFTER).body(body);
        }
        return ResponseEntity.ok(body);
    }

    @PostMapping("/{id}/rollback")
    @Operation(summary = "Request the rollback of a SUCCEEDED action: a new action, previewed and approved like any")
    @ApiResponse(responseCode = "201", description = "The rollback action; execute it when READY")
    ResponseEntity<ActionJson.Action> rollback(@PathVariable long id, @RequestBody JsonNode body) {
        ActionRecord r = service.requestRollback(id, reason(body, "reason"));
        return ResponseEntity.created(URI.create(PATH + "/" + r.id())).body(ActionJson.Action.of(r, service.trail(r.id())));
    }

    /** A body {@code {"reason": "…"}}; the service says whether an empty reason will do. */
    private static String reason(@Nullable JsonNode body, String field) {
        if (body == null || !body.isObject()) {
            throw new InvalidInputException("$", "The body must be a JSON object such as {\"" + field + "\": \"…\"}.");
        }
        for (String name : body.propertyNames()) {
            if (!name.equals(field)) {
                throw new InvalidInputException(name, "Unknown field '" + name + "'; the only field is '" + field + "'.");
            }
        }
        JsonNode v = body.get(field);
        if (v != null && !v.isNull() && !v.isString()) {
            throw new InvalidInputException(field, "Expected a string.");
        }
        return v == null || v.isNull() ? "" : v.stringValue();
    }

    /** Runs a call on a request body, moving the service's parameter problems under {@code params.}. */
    private <T> T paths(ActionRequest request, java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (ActionNotFoundException e) {
            throw e;
        } catch (InvalidInputException e) {
            throw ActionProblems.underParams(e, request, service);
        }
    }

    @ExceptionHandler(ActionNotFoundException.class)
    ProblemDetail notFound(ActionNotFoundException e, HttpServletRequest request) {
        return ApiProblems.problem(HttpStatus.NOT_FOUND, "Not found", e.problems().getFirst().message(), request);
    }

    @ExceptionHandler(SecondPersonRequiredException.class)
    ProblemDetail secondPerson(SecondPersonRequiredException e, HttpServletRequest request) {
        return ApiProblems.problem(HttpStatus.FORBIDDEN, "A second person must approve; nothing was changed",
                e.getMessage(), request);
    }

    @ExceptionHandler(ActionRefusedException.class)
    ProblemDetail refused(ActionRefusedException e, HttpServletRequest request) {
        return ApiProblems.problem(HttpStatus.CONFLICT, "The action cannot proceed now", e.getMessage(), request);
    }

    @ExceptionHandler(CloudException.class)
    ProblemDetail cloud(CloudException e, HttpServletRequest request) {
        return ApiProblems.problem(HttpStatus.SERVICE_UNAVAILABLE, "The cloud could not be read; nothing was changed",
                e.getMessage(), request);
    }
}
