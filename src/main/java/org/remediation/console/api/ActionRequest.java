package org.remediation.console.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.remediation.console.base.InvalidInputException;
import org.remediation.console.base.Problems;
import org.remediation.console.cloud.ResourceRef;
import org.remediation.console.remediation.ActionDraft;
import org.remediation.console.remediation.ActionKind;
import org.remediation.console.remediation.ActionSpec;
import tools.jackson.databind.JsonNode;

/**
 * The body of {@code POST /api/v1/actions}: what the request form fills in. The action is named either
 * by {@code spec} (the one action-spec grammar incident tasks carry, read by {@link ActionSpec}) or by
 * {@code kind}, {@code resource} and {@code params}. Read by hand from the JSON tree so that unknown
 * fields and wrong types are reported with their paths, all at once, before any service is called.
 */
@Schema(name = "ActionRequest", description = "An action to request: spec, or kind + resource + params; and why.")
record ActionRequest(
        @Schema(description = "Action spec as incident tasks carry it", example =
                "scale-connector resource=VPC_CONNECTOR/us-central1/staging-connector minInstances=3 maxInstances=10")
        @Nullable String spec,
        @Schema(description = "Action kind (spec name)", example = "health-check") @Nullable String kind,
        @Schema(description = "KIND/location/name", example = "HEALTH_CHECK/global/netra-backend-hc") @Nullable String resource,
        @Schema(description = "Parameters of the kind (see the catalogue), values as strings") @Nullable Map<String, String> params,
        @Schema(description = "Why now; goes into the audit trail and the timeline", requiredMode = Schema.RequiredMode.REQUIRED)
        String reason,
        @Schema(description = "Incident task id this action carries out") @Nullable String taskId,
        @Schema(description = "Incident the action is for; its severity decides on approval") @Nullable String incidentKey,
        @Schema(description = "Severity asked for when linked to nothing (can only raise the rule)") @Nullable String incidentSeverity,
        @Schema(description = "Watch signals this many minutes after success (0-240)") @Nullable Integer watchMinutes,
        @Nullable List<String> watchSignals,
        @Nullable Boolean autoRollback) {

    private static final Set<String> TEXT = Set.of("spec", "kind", "resource", "reason", "taskId", "incidentKey",
            "incidentSeverity");

    /** Reads the body; every unknown field and wrong type at once, as 422 problems with their paths. */
    static ActionRequest read(@Nullable JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new InvalidInputException("$", "The body must be a JSON object.");
        }
        Problems problems = new Problems();
        for (String name : body.propertyNames()) {
            boolean known = TEXT.contains(name) || Set.of("params", "watchMinutes", "watchSignals", "autoRollback").contains(name);
            problems.check(known, name, "Unknown field '" + name + "'; known fields: spec, kind, resource, params, reason,"
                    + " taskId, incidentKey, incidentSeverity, watchMinutes, watchSignals, autoRollback.");
        }
        Map<String, @Nullable String> text = new LinkedHashMap<>();
        for (String name : TEXT) {
            JsonNode v = body.get(name);
            problems.check(v == null || v.isNull() || v.isString(), name, "Expected a string.");
            text.put(name, v != null && v.isString() ? v.stringValue() : null);
        }
        Map<String, String> params = null;
        JsonNode p = body.get("params");
        if (p != null && !p.isNull()) {
            if (!p.isObject()) {
                problems.add("params", "Expected an object of parameter names to values.");
            } else {
                params = new LinkedHashMap<>();
                for (Map.Entry<String, JsonNode> e : p.properties()) {
                    JsonNode v = e.getValue();
                    boolean scalar = v.isString() || v.isNumber() || v.isBoolean();
                    problems.check(scalar, "params." + e.getKey(), "Expected a string or a number.");
                    if (scalar) {
                        params.put(e.getKey(), v.asString());
                    }
                }
            }
        }
        JsonNode minutes = body.get("watchMinutes");
        problems.check(minutes == null || minutes.isNull() || (minutes.isIntegralNumber() && minutes.canConvertToInt()),
                "watchMinutes", "Expected a whole number of minutes.");
        List<String> signals = null;
        JsonNode s = body.get("watchSignals");
        if (s != null && !s.isNull()) {
            signals = new ArrayList<>();
            if (!s.isArray()) {
                problems.add("watchSignals", "Expected an array of signal keys.");
            } else {
                for (int i = 0; i < s.size(); i++) {
                    problems.check(s.get(i).isString(), "watchSignals[" + i + "]", "Expected a string.");
                    signals.add(s.get(i).asString());
                }
            }
        }
        JsonNode rollback = body.get("autoRollback");
        problems.check(rollback == null || rollback.isNull() || rollback.isBoolean(), "autoRollback", "Expected true or false.");
        problems.throwIfAny();
        return new ActionRequest(text.get("spec"), text.get("kind"), text.get("resource"), params,
                text.get("reason") == null ? "" : text.get("reason"), text.get("taskId"), text.get("incidentKey"),
                text.get("incidentSeverity"), minutes == null || minutes.isNull() ? null : minutes.intValue(), signals,
                rollback == null || rollback.isNull() ? null : rollback.booleanValue());
    }

    /** The draft the form would build: the action named by spec or by kind/resource/params, not both. */
    ActionDraft draft() {
        ActionKind k;
        ResourceRef ref;
        Map<String, String> values;
        if (spec != null) {
            if (kind != null || resource != null || params != null) {
                throw new InvalidInputException("spec", "Name the action either by spec or by kind, resource and params, not both.");
            }
            ActionSpec parsed = ActionSpec.parse(spec);
            if (parsed.resource() == null) {
                throw new InvalidInputException("spec", "The spec names no resource; add resource=KIND/location/name.");
            }
            k = parsed.kind();
            ref = parsed.resource();
            values = parsed.params();
        } else {
            Problems problems = new Problems();
            problems.check(kind != null && !kind.isBlank(), "kind", "Name the action kind (or give a spec).");
            problems.check(resource != null && !resource.isBlank(), "resource", "Choose the resource to change.");
            problems.throwIfAny();
            k = ActionSpec.kind(kind, "kind");
            ref = ActionSpec.resource(k, resource, "resource");
            values = new LinkedHashMap<>();
            if (params != null) { // as the form sends them: trimmed, a blank field left out
                params.forEach((name, v) -> {
                    if (!v.isBlank()) {
                        values.put(name, v.trim());
                    }
                });
            }
        }
        return ActionDraft.of(k, ref, values, reason).withIncident(taskId, incidentSeverity).forIncident(incidentKey)
                .withWatch(watchMinutes == null ? 0 : watchMinutes, watchSignals == null ? List.of() : watchSignals,
                        autoRollback != null && autoRollback);
    }
}
