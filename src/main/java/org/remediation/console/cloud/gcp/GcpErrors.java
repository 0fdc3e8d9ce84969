package org.remediation.console.cloud.gcp;

import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.http.HttpResponseException;
import com.google.api.gax.rpc.ApiException;
import com.google.api.gax.rpc.StatusCode;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.rpc.ErrorInfo;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.remediation.console.cloud.CloudException;
import org.remediation.console.cloud.CloudException.Kind;

/**
 * Turns what Google's clients throw (GAX {@link ApiException} over gRPC and HTTP/JSON, the
 * discovery clients' {@link GoogleJsonResponseException}, I/O timeouts) into a typed
 * {@link CloudException} a person can act on.
 */
final class GcpErrors {

    /** Compute and older APIs name the permission only in the message. */
    private static final Pattern PERMISSION_IN_MESSAGE = Pattern.compile(
            "(?:Required '|Permission ')([a-zA-Z]+(?:\\.[a-zA-Z]+){2,})'");

    private GcpErrors() {
    }

    /** What the wire said, independent of the client library. */
    record WireError(Kind kind, String message, @Nullable String reason, Map<String, String> metadata) {
    }

    static CloudException translate(Throwable thrown, String api, String project) {
        Throwable t = unwrap(thrown);
        if (t instanceof CloudException ce) {
            return ce;
        }
        WireError wire = wireError(t);
        return toCloudException(wire, api, project, t);
    }

    /**
     * Projects of Google's own CLI: user credentials without a quota project are billed to them, and
     * Google answers SERVICE_DISABLED naming one of these as the consumer (e.g. pulumi-gcp#2896,
     * python-dialogflow#297) although the API is enabled in the console's project.
     */
    private static final java.util.Set<String> GCLOUD_PROJECTS = java.util.Set.of("projects/764086051850",
            "projects/32555940559");

    static CloudException toCloudException(WireError wire, String api, String project, @Nullable Throwable cause) {
        if (wire.message().contains("requires a quota project")
                || GCLOUD_PROJECTS.contains(wire.metadata().getOrDefault("consumer", ""))) {
            return new CloudException(Kind.CREDENTIALS, "The console signs in to Google with user credentials that"
                    + " name no quota project, so " + api + " bills the call to Google's own CLI project and refuses it."
                    + " Run: gcloud auth application-default set-quota-project " + project
                    + " (or run the console as a service account).", cause);
        }
        if ("SERVICE_DISABLED".equals(wire.reason()) || wire.message().contains("has not been used in project")
                || wire.message().contains("is disabled")) {
            String service = wire.metadata().getOrDefault("service", api);
            return new CloudException(Kind.SERVICE_DISABLED, "The API " + service + " is not enabled in project "
                    + project + ". Enable it: gcloud services enable " + service + " --project=" + project, cause);
        }
        if ("operationInProgress".equals(wire.reason())) {
            return new CloudException(Kind.BUSY, api + " is busy with another operation on this resource ("
                    + wire.message() + ")", cause);
        }
        if (wire.kind() == Kind.PERMISSION_DENIED) {
            String permission = wire.metadata().get("permission");
            if (permission == null) {
                Matcher m = PERMISSION_IN_MESSAGE.matcher(wire.message());
                permission = m.find() ? m.group(1) : null;
            }
            if (permission != null) {
                String role = PermissionRoles.grantingRole(permission);
                return new CloudException(Kind.PERMISSION_DENIED, "Permission '" + permission
                        + "' is missing; grant the role " + role + " to the console's service account.",
                        permission, role, cause);
            }
            return new CloudException(Kind.PERMISSION_DENIED, api + " refused the call: " + wire.message(), cause);
        }
        String text = switch (wire.kind()) {
            case CONFLICT -> "The resource changed since the preview (" + wire.message() + "). Preview again.";
            case DEADLINE_EXCEEDED -> api + " did not answer in time; the change may or may not have happened."
                    + " Re-read the resource before trying again.";
            case RATE_LIMITED -> api + " is rate limiting the console: " + wire.message();
            case UNAVAILABLE -> api + " is unavailable: " + wire.message();
            case INTERNAL_ERROR -> api + " answered with an internal error: " + wire.message();
            default -> api + ": " + wire.message();
        };
        return new CloudException(wire.kind(), text, cause);
    }

    static WireError wireError(Throwable t) {
        if (t instanceof ApiException api) {
            // HTTP/JSON clients keep Google's error body (message, ErrorInfo) only on the cause
            for (Throwable c = api.getCause(); c != null; c = c.getCause()) {
                if (c instanceof HttpResponseException http) {
                    WireError body = fromJsonBody(http.getStatusCode(), http.getContent(), api.getMessage());
                    return new WireError(kindOf(api.getStatusCode().getCode()), body.message(), body.reason(),
                            body.metadata());
                }
            }
            ErrorInfo info = api.getErrorDetails() == null ? null : api.getErrorDetails().getErrorInfo();
            return new WireError(kindOf(api.getStatusCode().getCode()), grpcMessage(api),
                    info == null ? null : info.getReason(), info == null ? Map.of() : info.getMetadataMap());
        }
        if (t instanceof HttpResponseException http) {
            String content = http instanceof GoogleJsonResponseException g && g.getContent() != null
                    ? g.getContent() : http.getContent();
            return fromJsonBody(http.getStatusCode(), content, http.getStatusMessage());
        }
        if (t instanceof IOException auth && auth.getClass().getName().startsWith("com.google.auth.")) {
            // google-auth's (package-private) GoogleAuthException: a token that cannot be refreshed
            // (invalid_grant, reauthentication required) is not a network fault
            return new WireError(Kind.CREDENTIALS, "Google refused the console's credentials (" + auth.getMessage()
                    + "). Renew them: a new key for the service account, or 'gcloud auth application-default login'.",
                    null, Map.of());
        }
        if (t instanceof IOException && String.valueOf(t.getMessage()).contains("default credentials were not found")) {
            return new WireError(Kind.CREDENTIALS, "Application Default Credentials were not found. Set "
                    + "GOOGLE_APPLICATION_CREDENTIALS to a service account key file, run 'gcloud auth application-default"
                    + " login', or run the console on Google Cloud with a service account.", null, Map.of());
        }
        if (t instanceof SocketTimeoutException || t instanceof InterruptedIOException) {
            return new WireError(Kind.DEADLINE_EXCEEDED, String.valueOf(t.getMessage()), null, Map.of());
        }
        if (t instanceof IOException) {
            return new WireError(Kind.UNAVAILABLE, String.valueOf(t.getMessage()), null, Map.of());
        }
        // Not an answer from Google at all: a bug or a library failure, never "the request was invalid".
        return new WireError(Kind.INTERNAL_ERROR, t.getClass().getSimpleName() + ": " + t.getMessage(), null, Map.of());
    }

    /**
     * gax gives a gRPC failure the message {@code io.grpc.StatusRuntimeException: CODE: description};
     * a result shows Google's description (and, for a transport failure, what the channel saw) instead.
     */
    private static String grpcMessage(ApiException api) {
        for (Throwable c = api.getCause(); c != null; c = c.getCause()) {
            if (c instanceof io.grpc.StatusRuntimeException || c instanceof io.grpc.StatusException) {
                io.grpc.Status status = io.grpc.Status.fromThrowable(c);
                String text = status.getDescription() == null ? status.getCode().name() : status.getDescription();
                Throwable transport = status.getCause();
                return transport == null || transport.getMessage() == null ? text
                        : text + " (" + transport.getMessage() + ")";
            }
        }
        return String.valueOf(api.getMessage());
    }

    /** Parses Google's JSON error body ({@code error.message}, {@code error.details[ErrorInfo]}). */
    static WireError fromJsonBody(int status, @Nullable String body, @Nullable String fallback) {
        String message = fallback == null ? "HTTP " + status : fallback;
        String reason = null;
        Map<String, String> metadata = new HashMap<>();
        if (body != null && body.trim().startsWith("{")) {
            try {
                JsonObject root = JsonParser.parseString(body).getAsJsonObject();
                // raw bodies wrap the error; GoogleJsonResponseException keeps only the inner object
                JsonObject error = root.has("error") && root.get("error").isJsonObject()
                        ? root.getAsJsonObject("error") : root;
                if (error != null) {
                    if (error.has("message")) {
                        message = error.get("message").getAsString();
                    }
                    // Cloud SQL and other discovery APIs put the reason in the legacy errors[] list
                    if (error.has("errors") && error.get("errors").isJsonArray()) {
                        for (JsonElement e : error.getAsJsonArray("errors")) {
                            if (e.isJsonObject() && e.getAsJsonObject().has("reason")) {
                                reason = e.getAsJsonObject().get("reason").getAsString();
                            }
                        }
                    }
                    if (error.has("details")) {
                        for (JsonElement d : error.getAsJsonArray("details")) {
                            JsonObject detail = d.getAsJsonObject();
                            if (detail.has("reason")) {
                                reason = detail.get("reason").getAsString();
                            }
                            if (detail.has("metadata")) {
                                detail.getAsJsonObject("metadata").entrySet()
                                        .forEach(e -> metadata.put(e.getKey(), e.getValue().getAsString()));
                            }
                        }
                    }
                }
            } catch (RuntimeException ignored) {
                // not Google's error shape: keep the status line
            }
        }
        return new WireError(kindOfHttp(status), message, reason, metadata);
    }

    static Kind kindOfHttp(int status) {
        return switch (status) {
            case 403, 401 -> Kind.PERMISSION_DENIED;
            case 404 -> Kind.NOT_FOUND;
            case 409, 412 -> Kind.CONFLICT;
            case 429 -> Kind.RATE_LIMITED;
            case 503, 502 -> Kind.UNAVAILABLE;
            case 504, 408 -> Kind.DEADLINE_EXCEEDED;
            case 400, 405, 411, 413, 414, 422 -> Kind.INVALID_ARGUMENT;
            default -> status >= 500 ? Kind.INTERNAL_ERROR : Kind.INVALID_ARGUMENT;
        };
    }

    static Kind kindOf(StatusCode.Code code) {
        return switch (code) {
            case PERMISSION_DENIED, UNAUTHENTICATED -> Kind.PERMISSION_DENIED;
            case NOT_FOUND -> Kind.NOT_FOUND;
            case ABORTED, ALREADY_EXISTS, FAILED_PRECONDITION -> Kind.CONFLICT;
            case RESOURCE_EXHAUSTED -> Kind.RATE_LIMITED;
            case UNAVAILABLE -> Kind.UNAVAILABLE;
            case DEADLINE_EXCEEDED, CANCELLED -> Kind.DEADLINE_EXCEEDED;
            case INTERNAL, UNKNOWN, DATA_LOSS -> Kind.INTERNAL_ERROR;
            default -> Kind.INVALID_ARGUMENT;
        };
    }

    private static Throwable unwrap(Throwable t) {
        Throwable current = t;
        while ((current instanceof ExecutionException || current instanceof java.util.concurrent.CompletionException
                || current instanceof com.google.common.util.concurrent.UncheckedExecutionException
                || current.getClass() == RuntimeException.class || current instanceof java.io.UncheckedIOException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
