package org.remediation.console.cloud.gcp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.remediation.console.cloud.CloudException;

/** Collects the outcome of the probes against one API into an {@link ApiDiagnosis}. */
final class ApiCheck {

    private final String api;
    private final String title;
    private final Map<String, String> missing = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();
    private boolean disabled;
    private boolean credentials;
    private boolean unreachable;
    private boolean probed;

    ApiCheck(String api, String title) {
        this.api = api;
        this.title = title;
    }

    /** Runs one read probe; a permission error records the permission the error names. */
    void probe(String what, Runnable call) {
        probed = true;
        try {
            call.run();
        } catch (CloudException e) {
            switch (e.kind()) {
                case PERMISSION_DENIED -> {
                    if (e.missingPermission() != null) {
                        missing.put(e.missingPermission(), String.valueOf(e.grantingRole()));
                    } else {
                        notes.add(what + ": " + e.getMessage());
                    }
                }
                case SERVICE_DISABLED -> {
                    disabled = true;
                    notes.add(e.getMessage());
                }
                case CREDENTIALS -> {
                    credentials = true;
                    notes.add(e.getMessage());
                }
                case UNAVAILABLE, DEADLINE_EXCEEDED, RATE_LIMITED, INTERNAL_ERROR -> {
                    unreachable = true;
                    notes.add(what + ": " + e.getMessage());
                }
                case NOT_FOUND -> notes.add(what + ": not found — check the console.gcp.resources configuration");
                default -> notes.add(what + ": " + e.getMessage());
            }
        } catch (RuntimeException e) {
            unreachable = true;
            notes.add(what + ": " + e.getMessage());
        }
    }

    void missing(String permission) {
        missing.put(permission, PermissionRoles.grantingRole(permission));
    }

    void note(String note) {
        notes.add(note);
    }

    ApiDiagnosis result() {
        ApiDiagnosis.Status status = !probed ? ApiDiagnosis.Status.NOT_CHECKED
                : credentials ? ApiDiagnosis.Status.CREDENTIALS
                : disabled ? ApiDiagnosis.Status.DISABLED
                : unreachable ? ApiDiagnosis.Status.UNREACHABLE
                : missing.isEmpty() ? ApiDiagnosis.Status.OK : ApiDiagnosis.Status.MISSING_PERMISSIONS;
        return new ApiDiagnosis(api, title, status, missing.entrySet().stream()
                .map(e -> new ApiDiagnosis.MissingPermission(e.getKey(), e.getValue())).toList(), notes);
    }
}
