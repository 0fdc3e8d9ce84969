package org.remediation.console.cloud.gcp.fake;

import com.google.cloud.compute.v1.BackendService;
import com.google.cloud.compute.v1.Error;
import com.google.cloud.compute.v1.Errors;
import com.google.cloud.compute.v1.HealthCheck;
import com.google.cloud.compute.v1.Operation;
import com.google.cloud.compute.v1.SslCertificate;
import com.google.cloud.compute.v1.SslCertificateList;
import com.google.cloud.compute.v1.TestPermissionsRequest;
import com.google.cloud.compute.v1.TestPermissionsResponse;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compute Engine v1 over HTTP/JSON: health checks (global, regional) get/patch, backend services
 * get/patch guarded by their fingerprint (412 when stale), SSL certificates get/list, global and
 * regional operations, testIamPermissions on health checks.
 */
public final class FakeCompute {

    private static final Pattern PATH = Pattern.compile(
            "/compute/v1/projects/([^/]+)/(global|regions/[^/]+)/([a-zA-Z]+)(?:/([^/]+))?(?:/(testIamPermissions))?");

    private final Map<String, HealthCheck> healthChecks = new ConcurrentHashMap<>();
    private final Map<String, BackendService> backendServices = new ConcurrentHashMap<>();
    private final Map<String, SslCertificate> certificates = new ConcurrentHashMap<>();
    private final PendingOperations operations = new PendingOperations();
    private final Map<String, String> operationTarget = new ConcurrentHashMap<>();
    private final Map<String, PendingOperations.Op> byRequestId = new ConcurrentHashMap<>();
    private final List<String> sentRequestIds = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Set<String> deniedPermissions = ConcurrentHashMap.newKeySet();
    private final Faults faults;

    FakeCompute(Faults faults) {
        this.faults = faults;
    }

    /** {@code scope} is {@code global} or {@code regions/us-central1}. */
    public void putHealthCheck(String scope, HealthCheck hc) {
        healthChecks.put(scope + "/" + hc.getName(), hc);
    }

    public HealthCheck healthCheck(String scope, String name) {
        return healthChecks.get(scope + "/" + name);
    }

    public void putBackendService(BackendService bs) {
        backendServices.put(bs.getName(), bs.toBuilder().setFingerprint(fingerprint()).build());
    }

    public BackendService backendService(String name) {
        return backendServices.get(name);
    }

    public void putCertificate(SslCertificate cert) {
        certificates.put(cert.getName(), cert);
    }

    public void failNextOperation(String message) {
        operations.failNext(message);
    }

    public void denyPermission(String permission) {
        deniedPermissions.add(permission);
    }

    private static String fingerprint() {
        return java.util.Base64.getEncoder().encodeToString(Long.toString(System.nanoTime()).getBytes());
    }

    void handle(HttpExchange ex) throws IOException {
        String method = HttpJson.method(ex);
        String path = ex.getRequestURI().getPath();
        if (!"GET".equals(method)) {
            sentRequestIds.add(path + " " + query(ex, "requestId")); // every change as sent, faulted or not
        }
        if (HttpJson.fault(ex, faults, method + " " + path)) {
            return;
        }
        Matcher m = PATH.matcher(path);
        if (!m.matches()) {
            HttpJson.error(ex, 404, "NOT_FOUND", "no such path " + path);
            return;
        }
        String scope = m.group(2);
        String collection = m.group(3);
        String name = m.group(4);
        try {
            switch (collection) {
                case "healthChecks" -> healthChecks(ex, method, scope, name, m.group(5) != null);
                case "backendServices" -> backendServices(ex, method, scope, name);
                case "sslCertificates" -> certificates(ex, name);
                case "operations" -> operation(ex, scope, name);
                default -> HttpJson.error(ex, 404, "NOT_FOUND", "unknown collection " + collection);
            }
        } catch (InvalidProtocolBufferException e) {
            HttpJson.error(ex, 400, "INVALID_ARGUMENT", "Invalid JSON payload: " + e.getMessage());
        }
    }

    private void healthChecks(HttpExchange ex, String method, String scope, String name, boolean testIam)
            throws IOException {
        String key = scope + "/" + name;
        HealthCheck current = healthChecks.get(key);
        if (current == null) {
            HttpJson.error(ex, 404, "NOT_FOUND", "The resource 'projects/p/" + key + "' was not found");
        } else if (testIam) {
            TestPermissionsRequest.Builder req = TestPermissionsRequest.newBuilder();
            JsonFormat.parser().ignoringUnknownFields().merge(HttpJson.body(ex), req);
            HttpJson.send(ex, 200, json(TestPermissionsResponse.newBuilder().addAllPermissions(req.getPermissionsList()
                    .stream().filter(p -> !deniedPermissions.contains(p)).toList()).build()));
        } else if ("GET".equals(method)) {
            HttpJson.send(ex, 200, json(current));
        } else if ("PATCH".equals(method)) {
            HealthCheck.Builder patch = HealthCheck.newBuilder();
            JsonFormat.parser().ignoringUnknownFields().merge(HttpJson.body(ex), patch);
            String foreign = subObjectNotOfType(patch.build(), current.getType());
            if (foreign != null) {
                // Compute keeps one protocol sub-object per check, the one its type names; its 400s read
                // "Invalid value for field 'resource.<field>': ''. …" (e.g. "HTTP healthCheck missing.",
                // TerriaJS/terriajs#5633); the reason text after it is ours
                HttpJson.error(ex, 400, "INVALID_ARGUMENT", "Invalid value for field 'resource." + foreign
                        + "': ''. The health check's type is " + current.getType() + ".");
                return;
            }
            HealthCheck.Builder next = current.toBuilder().mergeFrom(patch.build());
            if (next.getTimeoutSec() > next.getCheckIntervalSec()) {
                HttpJson.error(ex, 400, "INVALID_ARGUMENT",
                        "Invalid value for field 'resource.timeoutSec': must be less than or equal to checkIntervalSec");
                return;
            }
            answer(ex, start(ex, scope, scope + "/healthChecks/" + name, () -> healthChecks.put(key, next.build())));
        } else {
            HttpJson.error(ex, 405, "UNIMPLEMENTED", method);
        }
    }

    /** The protocol sub-object a patch sets although the check's type is another one, or null. */
    static String subObjectNotOfType(HealthCheck patch, String type) {
        Map<String, Boolean> set = Map.of("HTTP", patch.hasHttpHealthCheck(), "HTTPS", patch.hasHttpsHealthCheck(),
                "HTTP2", patch.hasHttp2HealthCheck(), "TCP", patch.hasTcpHealthCheck(), "SSL", patch.hasSslHealthCheck(),
                "GRPC", patch.hasGrpcHealthCheck());
        Map<String, String> field = Map.of("HTTP", "httpHealthCheck", "HTTPS", "httpsHealthCheck", "HTTP2",
                "http2HealthCheck", "TCP", "tcpHealthCheck", "SSL", "sslHealthCheck", "GRPC", "grpcHealthCheck");
        for (Map.Entry<String, Boolean> e : set.entrySet()) {
            if (e.getValue() && !e.getKey().equals(type)) {
                return field.get(e.getKey());
            }
        }
        return null;
    }

    private synchronized void backendServices(HttpExchange ex, String method, String scope, String name)
            throws IOException {
        BackendService current = backendServices.get(name);
        if (current == null) {
            HttpJson.error(ex, 404, "NOT_FOUND", "The resource 'projects/p/global/backendServices/" + name
                    + "' was not found");
        } else if ("GET".equals(method)) {
            HttpJson.send(ex, 200, json(current));
        } else if ("PATCH".equals(method)) {
            BackendService.Builder patch = BackendService.newBuilder();
            JsonFormat.parser().ignoringUnknownFields().merge(HttpJson.body(ex), patch);
            if (!patch.getFingerprint().equals(current.getFingerprint())) {
                HttpJson.error(ex, 412, "FAILED_PRECONDITION", "Supplied fingerprint does not match current"
                        + " fingerprint.");
                return;
            }
            BackendService.Builder next = current.toBuilder();
            if (patch.getHealthChecksCount() > 0) {
                next.clearHealthChecks();
            }
            next.mergeFrom(patch.build()).setFingerprint(fingerprint());
            answer(ex, start(ex, scope, "global/backendServices/" + name, () -> backendServices.put(name, next.build())));
        } else {
            HttpJson.error(ex, 405, "UNIMPLEMENTED", method);
        }
    }

    private void certificates(HttpExchange ex, String name) throws IOException {
        if (name == null) {
            HttpJson.send(ex, 200, json(SslCertificateList.newBuilder().addAllItems(certificates.values()).build()));
            return;
        }
        SslCertificate cert = certificates.get(name);
        if (cert == null) {
            HttpJson.error(ex, 404, "NOT_FOUND", "The resource 'projects/p/global/sslCertificates/" + name
                    + "' was not found");
        } else {
            HttpJson.send(ex, 200, json(cert));
        }
    }

    /**
     * Starts the change's operation, or — when the request repeats a {@code requestId} already seen —
     * answers with the operation that id started and changes nothing (Compute's documented
     * idempotency: "the server will know to ignore the request if it has already been completed").
     */
    private Operation start(HttpExchange ex, String scope, String target, Runnable effect) {
        String requestId = query(ex, "requestId");
        if (requestId != null && byRequestId.containsKey(requestId)) {
            return operation(byRequestId.get(requestId), scope);
        }
        String opName = operations.nextId();
        operationTarget.put(opName, target);
        PendingOperations.Op op = operations.start(opName, "projects/p/" + target, "patch", effect, () -> { });
        if (requestId != null) {
            byRequestId.put(requestId, op);
        }
        return operation(op, scope);
    }

    /** Answers a change, unless the test armed a lost answer for it (the change happened all the same). */
    private void answer(HttpExchange ex, Operation op) throws IOException {
        var lost = faults.lostAnswer(HttpJson.describe(ex));
        if (lost.isPresent()) {
            HttpJson.send(ex, lost.get().httpStatus(), lost.get().toJson());
        } else {
            HttpJson.send(ex, 200, json(op));
        }
    }

    /** Every change request as sent ({@code path requestId}), in order, including those answered with a fault. */
    public List<String> sentRequestIds() {
        return List.copyOf(sentRequestIds);
    }

    /** How many distinct changes (request ids) were started: repeats of one id count once. */
    public int startedChanges() {
        return byRequestId.size();
    }

    private static String query(HttpExchange ex, String name) {
        String q = ex.getRequestURI().getRawQuery();
        if (q == null) {
            return null;
        }
        for (String part : q.split("&")) {
            int eq = part.indexOf('=');
            if (eq > 0 && part.substring(0, eq).equals(name)) {
                return java.net.URLDecoder.decode(part.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private void operation(HttpExchange ex, String scope, String name) throws IOException {
        if (name == null) {
            // list; the only filter the console sends is status != DONE
            String filter = String.valueOf(query(ex, "filter"));
            com.google.cloud.compute.v1.OperationList.Builder list = com.google.cloud.compute.v1.OperationList.newBuilder();
            operationTarget.keySet().stream().map(operations::peek).filter(java.util.Objects::nonNull)
                    .filter(op -> !filter.replace(" ", "").equals("status!=DONE") || !op.done)
                    .filter(op -> scope.equals(scopeOf(op))).forEach(op -> list.addItems(operation(op, scope)));
            HttpJson.send(ex, 200, json(list.build()));
            return;
        }
        PendingOperations.Op op = operations.poll(name);
        if (op == null) {
            HttpJson.error(ex, 404, "NOT_FOUND", "The resource 'operations/" + name + "' was not found");
        } else {
            HttpJson.send(ex, 200, json(operation(op, scope)));
        }
    }

    private Operation operation(PendingOperations.Op op, String scope) {
        Operation.Builder b = Operation.newBuilder().setName(op.name).setOperationType("patch")
                .setTargetLink("https://www.googleapis.com/compute/v1/" + op.target)
                .setStatus(op.done ? Operation.Status.DONE : Operation.Status.RUNNING).setProgress(op.done ? 100 : 0);
        if (scope.startsWith("regions/")) {
            b.setRegion(scope.substring("regions/".length()));
        }
        if (op.done && op.error != null) {
            b.setHttpErrorStatusCode(400).setHttpErrorMessage("BAD REQUEST")
                    .setError(Error.newBuilder().addErrors(Errors.newBuilder().setCode("INVALID_USAGE").setMessage(op.error)));
        }
        return b.build();
    }

    private String scopeOf(PendingOperations.Op op) {
        String target = operationTarget.get(op.name);
        return target.startsWith("regions/") ? target.substring(0, target.indexOf('/', "regions/".length())) : "global";
    }

    private static String json(Message message) throws InvalidProtocolBufferException {
        return JsonFormat.printer().print(message);
    }
}
