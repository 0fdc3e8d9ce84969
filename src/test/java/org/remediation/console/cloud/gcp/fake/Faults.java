package org.remediation.console.cloud.gcp.fake;

import com.google.protobuf.Any;
import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;
import com.google.rpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Fault injection at the wire, shared by every fake: a request whose description (gRPC method
 * name such as {@code GetConnector}, or {@code METHOD /path} for HTTP) contains a registered
 * pattern gets the fault instead of an answer, as many times as registered. Every request is logged.
 */
public final class Faults {

    /** One injected answer. {@code delay} without a status means: answer normally, but late. */
    public record Fault(int httpStatus, Code grpcCode, String message, Map<String, String> errorInfo,
                        String reason, Duration delay) {

        public static Fault permissionDenied(String permission) {
            return new Fault(403, Code.PERMISSION_DENIED, "Permission '" + permission
                    + "' denied on resource (or it may not exist).", Map.of("permission", permission),
                    "IAM_PERMISSION_DENIED", Duration.ZERO);
        }

        public static Fault serviceDisabled(String service) {
            return new Fault(403, Code.PERMISSION_DENIED, service + " has not been used in project before or it is"
                    + " disabled.", Map.of("service", service, "consumer", "projects/netra-staging"),
                    "SERVICE_DISABLED", Duration.ZERO);
        }

        /**
         * User credentials without a quota project: Google bills the call to its CLI's own project and
         * answers SERVICE_DISABLED for that consumer (as quoted in pulumi/pulumi-gcp#2896).
         */
        public static Fault quotaProjectMissing(String service) {
            return new Fault(403, Code.PERMISSION_DENIED, "Your application is authenticating by using local Application"
                    + " Default Credentials. The " + service + " API requires a quota project, which is not set by"
                    + " default. To learn how to set your quota project, see"
                    + " https://cloud.google.com/docs/authentication/adc-troubleshooting/user-creds .",
                    Map.of("consumer", "projects/764086051850", "service", service), "SERVICE_DISABLED", Duration.ZERO);
        }

        public static Fault rateLimited() {
            return new Fault(429, Code.RESOURCE_EXHAUSTED, "Quota exceeded for quota metric 'Read requests'.",
                    Map.of(), "RATE_LIMIT_EXCEEDED", Duration.ZERO);
        }

        public static Fault unavailable() {
            return new Fault(503, Code.UNAVAILABLE, "The service is currently unavailable.", Map.of(), "",
                    Duration.ZERO);
        }

        /** HTTP 500 / gRPC INTERNAL, as Google's front ends answer an internal failure. */
        public static Fault internal() {
            return new Fault(500, Code.INTERNAL, "Internal error encountered.", Map.of(), "", Duration.ZERO);
        }

        public static Fault conflict() {
            return new Fault(409, Code.ABORTED, "The resource was modified concurrently.", Map.of(), "",
                    Duration.ZERO);
        }

        public static Fault preconditionFailed() {
            return new Fault(412, Code.FAILED_PRECONDITION, "Precondition check failed: fingerprint mismatch.",
                    Map.of(), "conditionNotMet", Duration.ZERO);
        }

        /** Answers normally after {@code delay} (past the client's deadline: outcome unknown to it). */
        public static Fault slow(Duration delay) {
            return new Fault(0, Code.OK, "", Map.of(), "", delay);
        }

        boolean answersNormally() {
            return httpStatus == 0;
        }

        StatusRuntimeException toGrpc() {
            Status.Builder status = Status.newBuilder().setCode(grpcCode.getNumber()).setMessage(message);
            if (!reason.isEmpty()) {
                status.addDetails(Any.pack(ErrorInfo.newBuilder().setReason(reason).setDomain("googleapis.com")
                        .putAllMetadata(errorInfo).build()));
            }
            return StatusProto.toStatusRuntimeException(status.build());
        }

        String toJson() {
            StringBuilder metadata = new StringBuilder();
            errorInfo.forEach((k, v) -> metadata.append(metadata.isEmpty() ? "" : ",")
                    .append('"').append(k).append("\":\"").append(v).append('"'));
            String details = reason.isEmpty() ? "[]" : "[{\"@type\":\"type.googleapis.com/google.rpc.ErrorInfo\","
                    + "\"reason\":\"" + reason + "\",\"domain\":\"googleapis.com\",\"metadata\":{" + metadata + "}}]";
            return "{\"error\":{\"code\":" + httpStatus + ",\"message\":\"" + message.replace("\"", "'")
                    + "\",\"status\":\"" + grpcCode.name() + "\",\"details\":" + details + "}}";
        }
    }

    private record Armed(String pattern, Fault fault, int[] remaining) {
    }

    private final List<Armed> armed = new CopyOnWriteArrayList<>();
    private final List<Armed> lost = new CopyOnWriteArrayList<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();

    /** The next {@code times} requests matching {@code pattern} get {@code fault}. */
    public Faults inject(String pattern, Fault fault, int times) {
        armed.add(new Armed(pattern, fault, new int[] {times}));
        return this;
    }

    public Faults inject(String pattern, Fault fault) {
        return inject(pattern, fault, 1);
    }

    public void clear() {
        armed.clear();
        lost.clear();
    }

    /**
     * The next {@code times} changes matching {@code pattern} are carried out (the operation starts)
     * but answered with {@code fault}: the caller cannot tell whether Google accepted them — what a
     * 500, a 503 from a front end or a reset connection after the send looks like.
     */
    public Faults loseAnswer(String pattern, Fault fault, int times) {
        lost.add(new Armed(pattern, fault, new int[] {times}));
        return this;
    }

    /** For fakes, after carrying out a change: the error to answer with instead, if one is armed. */
    synchronized Optional<Fault> lostAnswer(String request) {
        for (Armed a : lost) {
            if (request.contains(a.pattern()) && a.remaining()[0] > 0) {
                if (--a.remaining()[0] == 0) {
                    lost.remove(a);
                }
                return Optional.of(a.fault());
            }
        }
        return Optional.empty();
    }

    /** Requests seen whose description contains {@code pattern}. */
    public long count(String pattern) {
        return requests.stream().filter(r -> r.contains(pattern)).count();
    }

    public List<String> requests() {
        return new ArrayList<>(requests);
    }

    /** Logs the request and returns the fault to answer with, if one is armed for it. */
    synchronized Optional<Fault> take(String request) {
        requests.add(request);
        for (Iterator<Armed> it = armed.iterator(); it.hasNext(); ) {
            Armed a = it.next();
            if (request.contains(a.pattern()) && a.remaining()[0] > 0) {
                if (--a.remaining()[0] == 0) {
                    armed.remove(a);
                }
                return Optional.of(a.fault());
            }
        }
        return Optional.empty();
    }

    /**
     * For gRPC fakes: answers with the armed fault (true: the caller returns), or sleeps for a slow
     * one and lets the call proceed (false).
     */
    boolean grpcFault(String method, io.grpc.stub.StreamObserver<?> response) {
        Optional<Fault> fault = take(method);
        if (fault.isEmpty()) {
            return false;
        }
        if (fault.get().answersNormally()) {
            sleep(fault.get().delay());
            return false;
        }
        response.onError(fault.get().toGrpc());
        return true;
    }

    static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
