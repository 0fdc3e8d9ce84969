package org.remediation.console.cloud.gcp.fake;

import com.google.cloud.vpcaccess.v1.Connector;
import com.google.cloud.vpcaccess.v1.CreateConnectorRequest;
import com.google.cloud.vpcaccess.v1.DeleteConnectorRequest;
import com.google.longrunning.Operation;
import com.google.cloud.vpcaccess.v1.GetConnectorRequest;
import com.google.cloud.vpcaccess.v1.ListConnectorsRequest;
import com.google.cloud.vpcaccess.v1.ListConnectorsResponse;
import com.google.cloud.vpcaccess.v1.VpcAccessServiceGrpc;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serverless VPC Access: the published gRPC service (get, list) plus the REST PATCH of a connector
 * and REST polling of its operation, with Google's limits (min 2–9, max 3–10, min &lt; max, no
 * decrease in place); CreateConnector and DeleteConnector as long-running operations (CREATING /
 * DELETING while they run) with the id pattern, ALREADY_EXISTS and overlapping /28 ranges refused.
 */
public final class FakeVpcAccess extends VpcAccessServiceGrpc.VpcAccessServiceImplBase {

    private final Map<String, Connector> connectors = new ConcurrentHashMap<>();
    private final PendingOperations operations = new PendingOperations();
    private final Faults faults;

    FakeVpcAccess(Faults faults) {
        this.faults = faults;
    }

    public void put(Connector connector) {
        connectors.put(connector.getName(), connector);
    }

    public Connector get(String name) {
        return connectors.get(name);
    }

    public PendingOperations operations() {
        return operations;
    }

    public void failNextOperation(String message) {
        operations.failNext(message);
    }

    @Override
    public void getConnector(GetConnectorRequest request, StreamObserver<Connector> response) {
        if (faults.grpcFault("GetConnector " + request.getName(), response)) {
                return;
            }
        Connector c = connectors.get(request.getName());
        if (c == null) {
            response.onError(Status.NOT_FOUND.withDescription("Resource '" + request.getName() + "' was not found")
                    .asRuntimeException());
            return;
        }
        response.onNext(c);
        response.onCompleted();
    }

    @Override
    public void listConnectors(ListConnectorsRequest request, StreamObserver<ListConnectorsResponse> response) {
        if (faults.grpcFault("ListConnectors " + request.getParent(), response)) {
                return;
            }
        ListConnectorsResponse.Builder b = ListConnectorsResponse.newBuilder();
        connectors.values().stream().filter(c -> c.getName().startsWith(request.getParent() + "/"))
                .sorted(java.util.Comparator.comparing(Connector::getName)).forEach(b::addConnectors);
        response.onNext(b.build());
        response.onCompleted();
    }

    /** Google's connector id rule, as its error quotes it: "Connector ID must follow the pattern …". */
    static final java.util.regex.Pattern CONNECTOR_ID = java.util.regex.Pattern.compile("^[a-z][-a-z0-9]{0,23}[a-z0-9]$");

    @Override
    public void createConnector(CreateConnectorRequest request, StreamObserver<Operation> response) {
        if (faults.grpcFault("CreateConnector " + request.getParent() + "/connectors/" + request.getConnectorId(), response)) {
            return;
        }
        try {
            response.onNext(create(request));
            response.onCompleted();
        } catch (io.grpc.StatusRuntimeException e) {
            response.onError(e);
        }
    }

    private synchronized Operation create(CreateConnectorRequest request) {
        String name = request.getParent() + "/connectors/" + request.getConnectorId();
        if (!CONNECTOR_ID.matcher(request.getConnectorId()).matches()) {
            throw Status.INVALID_ARGUMENT.withDescription("Connector ID must follow the pattern "
                    + CONNECTOR_ID.pattern()).asRuntimeException();
        }
        if (connectors.containsKey(name)) {
            throw Status.ALREADY_EXISTS.withDescription("Resource '" + name + "' already exists").asRuntimeException();
        }
        Connector wanted = request.getConnector();
        String problem = Connector.getDefaultInstance().equals(wanted) ? "connector is required" : rangeProblem(wanted);
        if (problem == null) {
            problem = problem(wanted.toBuilder().setMinInstances(0).setMaxInstances(0).build(), wanted.toBuilder());
        }
        if (problem != null) {
            throw Status.INVALID_ARGUMENT.withDescription(problem).asRuntimeException();
        }
        String opName = request.getParent() + "/operations/" + operations.nextId();
        Connector creating = wanted.toBuilder().setName(name).setState(Connector.State.CREATING).build();
        connectors.put(name, creating);
        operations.start(opName, name, "google.cloud.vpcaccess.v1.VpcAccessService.CreateConnector",
                () -> connectors.put(name, creating.toBuilder().setState(Connector.State.READY).build()),
                () -> connectors.remove(name));
        return Operation.newBuilder().setName(opName).setDone(false).build();
    }

    /**
     * A connector needs an unused /28 (unless it names a subnet) that overlaps no other connector's
     * range (https://cloud.google.com/vpc/docs/configure-serverless-vpc-access; the status code of an
     * overlap is unverified: modelled as INVALID_ARGUMENT at create time).
     */
    private String rangeProblem(Connector wanted) {
        if (!wanted.getSubnet().getName().isEmpty()) {
            return null;
        }
        String range = wanted.getIpCidrRange();
        if (!range.matches("\\d{1,3}(\\.\\d{1,3}){3}/28")) {
            return "ip_cidr_range must be a /28 range such as 10.8.0.0/28 (got '" + range + "')";
        }
        for (Connector other : connectors.values()) {
            if (other.getNetwork().equals(wanted.getNetwork()) && overlaps(other.getIpCidrRange(), range)) {
                return "ip_cidr_range " + range + " overlaps the range " + other.getIpCidrRange() + " of " + other.getName();
            }
        }
        return null;
    }

    private static boolean overlaps(String a, String b) {
        long[] x = cidr(a);
        long[] y = cidr(b);
        return x != null && y != null && x[0] <= y[1] && y[0] <= x[1];
    }

    private static long[] cidr(String text) {
        String[] parts = text.split("/");
        if (parts.length != 2) {
            return null;
        }
        long ip = 0;
        for (String octet : parts[0].split("\\.")) {
            ip = ip * 256 + Long.parseLong(octet);
        }
        long size = 1L << (32 - Integer.parseInt(parts[1]));
        long start = ip & ~(size - 1);
        return new long[] {start, start + size - 1};
    }

    /** Google deletes a connector even while services use it (their egress then fails). */
    @Override
    public void deleteConnector(DeleteConnectorRequest request, StreamObserver<Operation> response) {
        if (faults.grpcFault("DeleteConnector " + request.getName(), response)) {
            return;
        }
        synchronized (this) {
            Connector current = connectors.get(request.getName());
            if (current == null) {
                response.onError(Status.NOT_FOUND.withDescription("Resource '" + request.getName() + "' was not found")
                        .asRuntimeException());
                return;
            }
            String opName = request.getName().substring(0, request.getName().indexOf("/connectors/"))
                    + "/operations/" + operations.nextId();
            connectors.put(request.getName(), current.toBuilder().setState(Connector.State.DELETING).build());
            operations.start(opName, request.getName(), "google.cloud.vpcaccess.v1.VpcAccessService.DeleteConnector",
                    () -> connectors.remove(request.getName()), () -> connectors.put(request.getName(), current));
            response.onNext(Operation.newBuilder().setName(opName).setDone(false).build());
        }
        response.onCompleted();
    }

    /** {@code /v1/projects/P/locations/R/connectors/N} (PATCH) and {@code …/operations/O} (GET). */
    void handleRest(HttpExchange ex) throws IOException {
        String method = HttpJson.method(ex);
        String name = ex.getRequestURI().getPath().substring("/v1/".length());
        if (HttpJson.fault(ex, faults, method + " /v1/" + name)) {
            return;
        }
        if ("GET".equals(method) && name.endsWith("/operations")) {
            StringBuilder list = new StringBuilder();
            operations.all().stream().filter(op -> op.name.startsWith(name + "/"))
                    .forEach(op -> list.append(list.isEmpty() ? "" : ",").append(operationJson(op)));
            HttpJson.send(ex, 200, "{\"operations\":[" + list + "]}");
            return;
        }
        if ("GET".equals(method) && name.contains("/operations/")) {
            PendingOperations.Op op = operations.poll(name);
            if (op == null) {
                HttpJson.error(ex, 404, "NOT_FOUND", "operation " + name + " not found");
                return;
            }
            HttpJson.send(ex, 200, operationJson(op));
            return;
        }
        if (!"PATCH".equals(method)) {
            HttpJson.error(ex, 405, "UNIMPLEMENTED", method + " is not supported here");
            return;
        }
        patch(ex, name);
    }

    private synchronized void patch(HttpExchange ex, String name) throws IOException {
        Connector current = connectors.get(name);
        if (current == null) {
            HttpJson.error(ex, 404, "NOT_FOUND", "Resource '" + name + "' was not found");
            return;
        }
        if (current.getState() != Connector.State.READY) {
            HttpJson.error(ex, 409, "ABORTED", "The connector is " + current.getState() + "; try again later.");
            return;
        }
        String query = ex.getRequestURI().getQuery();
        String mask = query == null ? "" : java.net.URLDecoder.decode(query.replaceFirst("^.*updateMask=", "")
                .replaceFirst("&.*$", ""), java.nio.charset.StandardCharsets.UTF_8);
        JsonObject body = JsonParser.parseString(HttpJson.body(ex)).getAsJsonObject();
        Connector.Builder next = current.toBuilder();
        for (String field : mask.split(",")) {
            switch (field.trim()) {
                case "minInstances" -> next.setMinInstances(body.get("minInstances").getAsInt());
                case "maxInstances" -> next.setMaxInstances(body.get("maxInstances").getAsInt());
                case "machineType" -> next.setMachineType(body.get("machineType").getAsString());
                default -> {
                    HttpJson.error(ex, 400, "INVALID_ARGUMENT", "Invalid update mask path: '" + field + "'");
                    return;
                }
            }
        }
        String problem = problem(current, next);
        if (problem != null) {
            HttpJson.error(ex, 400, "INVALID_ARGUMENT", problem);
            return;
        }
        Connector target = next.setState(Connector.State.READY).build();
        String opName = name.substring(0, name.indexOf("/connectors/")) + "/operations/" + operations.nextId();
        connectors.put(name, current.toBuilder().setState(Connector.State.UPDATING).build());
        PendingOperations.Op op = operations.start(opName, name, "google.cloud.vpcaccess.v1.VpcAccessService.UpdateConnector",
                () -> connectors.put(name, target),
                () -> connectors.put(name, current.toBuilder().setState(Connector.State.READY).build()));
        var lost = faults.lostAnswer("PATCH /v1/" + name);
        if (lost.isPresent()) {
            HttpJson.send(ex, lost.get().httpStatus(), lost.get().toJson());
            return;
        }
        HttpJson.send(ex, 200, operationJson(op));
    }

    private static String problem(Connector current, Connector.Builder next) {
        if (next.getMinInstances() < 2 || next.getMinInstances() > 9) {
            return "min_instances must be between 2 and 9";
        }
        if (next.getMaxInstances() < 3 || next.getMaxInstances() > 10) {
            return "max_instances must be between 3 and 10";
        }
        if (next.getMinInstances() >= next.getMaxInstances()) {
            return "min_instances must be lower than max_instances";
        }
        if (next.getMinInstances() < current.getMinInstances() || next.getMaxInstances() < current.getMaxInstances()) {
            return "min_instances and max_instances cannot be decreased in place";
        }
        if (!java.util.Set.of("f1-micro", "e2-micro", "e2-standard-4").contains(next.getMachineType())) {
            return "machine_type must be one of f1-micro, e2-micro, e2-standard-4";
        }
        return null;
    }

    private static String operationJson(PendingOperations.Op op) {
        StringBuilder json = new StringBuilder("{\"name\":\"" + op.name + "\",\"done\":" + op.done);
        json.append(",\"metadata\":{\"@type\":\"type.googleapis.com/google.cloud.vpcaccess.v1.OperationMetadata\","
                + "\"method\":\"" + op.type + "\",\"target\":\"" + op.target + "\"}");
        if (op.done && op.error != null) {
            json.append(",\"error\":{\"code\":9,\"message\":\"").append(op.error).append("\"}");
        }
        return json.append('}').toString();
    }
}
