package org.remediation.console.cloud.gcp;

import java.util.List;

/**
 * What the console found out about one Google API.
 *
 * @param api        the service name, e.g. {@code vpcaccess.googleapis.com}
 * @param title      a readable name
 * @param status     the verdict
 * @param missing    permissions found missing, each with the role that grants it
 * @param notes      what else the admin should know: resources not found, permissions that could
 *                   not be checked because the API has no testIamPermissions, errors
 */
public record ApiDiagnosis(String api, String title, Status status, List<MissingPermission> missing,
                           List<String> notes) {

    public enum Status {
        /** Reachable, every checked permission granted. */
        OK,
        /** Reachable, but permissions are missing. */
        MISSING_PERMISSIONS,
        /** The API is not enabled in the project. */
        DISABLED,
        /** Could not be reached (network, timeout, outage). */
        UNREACHABLE,
        /** The console's credentials are missing or incomplete (no ADC, no quota project): the note says how to fix. */
        CREDENTIALS,
        /** Google Cloud is not the console's provider, or no resource of this API is configured. */
        NOT_CHECKED
    }

    public record MissingPermission(String permission, String role) {
    }

    public ApiDiagnosis {
        missing = List.copyOf(missing);
        notes = List.copyOf(notes);
    }
}
