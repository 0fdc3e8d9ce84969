package org.remediation.console.cloud.gcp;

import com.google.api.client.http.GenericUrl;
import com.google.api.client.http.HttpRequest;
import com.google.api.client.http.json.JsonHttpContent;
import com.google.api.client.json.GenericJson;
import com.google.api.client.json.JsonObjectParser;
import com.google.api.client.json.gson.GsonFactory;
import com.google.cloud.vpcaccess.v1.Connector;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.remediation.console.cloud.Attributes;
import org.remediation.console.cloud.CloudChange;
import org.remediation.console.cloud.CloudException;
import org.remediation.console.cloud.OperationStatus;
import org.remediation.console.cloud.ResourceRef;

/**
 * Serverless VPC Access: reads over gRPC ({@code VpcAccessServiceClient}); the v1 gRPC API has no
 * update, so scaling is the REST {@code PATCH v1/{name}?updateMask=…} sent with google-http-client's
 * Apache transport (the JDK transport cannot send PATCH), and its operation is polled over REST.
 */
final class VpcAccessAdapter {

    static final String API = "vpcaccess.googleapis.com";
    private static final String DEFAULT_REST = "https://vpcaccess.googleapis.com/";
    /** The REST field names, in the order the update mask lists them. */
    private static final List<String> UPDATABLE = List.of(Attributes.MIN_INSTANCES, Attributes.MAX_INSTANCES,
            Attributes.MACHINE_TYPE);

    private final GcpClients clients;
    private final GcpCalls calls;
    private final String project;
    private final String restBase;

    VpcAccessAdapter(GcpClients clients, GcpCalls calls, GcpProperties props) {
        this.clients = clients;
        this.calls = calls;
        this.project = props.project();
        String rest = props.endpoints().vpcAccessRest();
        this.restBase = rest.isBlank() ? DEFAULT_REST : (rest.endsWith("/") ? rest : rest + "/");
    }

    String connectorName(ResourceRef ref) {
        return "projects/" + project + "/locations/" + ref.location() + "/connectors/" + ref.name();
    }

    Map<String, String> read(ResourceRef ref) {
        Connector c = calls.call(API, () -> clients.vpcAccess.get().getConnector(connectorName(ref)));
        Map<String, String> a = new LinkedHashMap<>();
        a.put(Attributes.STATE, c.getState().name());
        a.put(Attributes.MACHINE_TYPE, c.getMachineType());
        a.put(Attributes.MIN_INSTANCES, Integer.toString(c.getMinInstances()));
        a.put(Attributes.MAX_INSTANCES, Integer.toString(c.getMaxInstances()));
        a.put(Attributes.IP_CIDR_RANGE, c.getIpCidrRange());
        a.put(Attributes.NETWORK, c.getNetwork());
        return a;
    }

    /** Connector short names in a region (diagnostics' read probe). */
    List<String> list(String region) {
        return calls.call(API, () -> {
            List<String> names = new ArrayList<>();
            clients.vpcAccess.get().listConnectors("projects/" + project + "/locations/" + region)
                    .iterateAll().forEach(c -> names.add(c.getName().substring(c.getName().lastIndexOf('/') + 1)));
            return names;
        });
    }

    OperationId apply(CloudChange change) {
        Set<String> unknown = new java.util.TreeSet<>(change.desired().keySet());
        UPDATABLE.forEach(unknown::remove);
        if (!unknown.isEmpty()) {
            throw new CloudException(CloudException.Kind.INVALID_ARGUMENT,
                    "A connector's " + unknown + " cannot be changed in place; only " + UPDATABLE + " can.");
        }
        GenericJson body = new GenericJson();
        List<String> mask = new ArrayList<>();
        for (String field : UPDATABLE) {
            String value = change.desired().get(field);
            if (value != null) {
                body.set(field, Attributes.MACHINE_TYPE.equals(field) ? value : new BigDecimal(value).intValueExact());
                mask.add(field);
            }
        }
        GenericUrl url = new GenericUrl(restBase + "v1/" + connectorName(change.ref()));
        url.set("updateMask", String.join(",", mask));
        GenericJson operation = calls.mutate(API, () -> {
            HttpRequest request = clients.vpcAccessRest.get().buildRequest("PATCH", url,
                    new JsonHttpContent(GsonFactory.getDefaultInstance(), body));
            request.setParser(new JsonObjectParser(GsonFactory.getDefaultInstance()));
            return request.execute().parseAs(GenericJson.class);
        });
        return new OperationId(OperationId.Api.VPCACCESS, change.ref().location(), String.valueOf(operation.get("name")));
    }

    /** CreateConnector over gRPC; the operation is polled over REST like an update's. */
    OperationId create(ResourceRef ref, Map<String, String> a) {
        Connector.Builder c = Connector.newBuilder().setNetwork(a.getOrDefault(Attributes.NETWORK, ""))
                .setIpCidrRange(a.getOrDefault(Attributes.IP_CIDR_RANGE, ""))
                .setMachineType(a.getOrDefault(Attributes.MACHINE_TYPE, "e2-micro"));
        try {
            c.setMinInstances(Integer.parseInt(a.getOrDefault(Attributes.MIN_INSTANCES, "2")))
                    .setMaxInstances(Integer.parseInt(a.getOrDefault(Attributes.MAX_INSTANCES, "3")));
        } catch (NumberFormatException e) {
            throw new CloudException(CloudException.Kind.INVALID_ARGUMENT, "Connector instances must be whole numbers: "
                    + e.getMessage(), e);
        }
        String parent = "projects/" + project + "/locations/" + ref.location();
        com.google.longrunning.Operation op = calls.mutate(API, () -> clients.vpcAccess.get().createConnectorCallable()
                .call(com.google.cloud.vpcaccess.v1.CreateConnectorRequest.newBuilder().setParent(parent)
                        .setConnectorId(ref.name()).setConnector(c).build()));
        return new OperationId(OperationId.Api.VPCACCESS, ref.location(), op.getName());
    }

    OperationId delete(ResourceRef ref) {
        com.google.longrunning.Operation op = calls.mutate(API, () -> clients.vpcAccess.get().deleteConnectorCallable()
                .call(com.google.cloud.vpcaccess.v1.DeleteConnectorRequest.newBuilder().setName(connectorName(ref)).build()));
        return new OperationId(OperationId.Api.VPCACCESS, ref.location(), op.getName());
    }

    OperationStatus poll(OperationId id) {
        GenericUrl url = new GenericUrl(restBase + "v1/" + id.name());
        GenericJson op = calls.call(API, () -> {
            HttpRequest request = clients.vpcAccessRest.get().buildGetRequest(url);
            request.setParser(new JsonObjectParser(GsonFactory.getDefaultInstance()));
            return request.execute().parseAs(GenericJson.class);
        });
        boolean done = Boolean.TRUE.equals(op.get("done"));
        String error = null;
        if (op.get("error") instanceof Map<?, ?> err) {
            error = String.valueOf(err.get("message"));
        }
        String message = done ? (error == null ? "Connector operation done" : "Connector operation failed")
                : "Connector operation running";
        return new OperationStatus(id.toString(), done, done ? 100 : 50, message, error);
    }

    /**
     * The newest unfinished operation on the connector: VPC Access lists a location's operations,
     * each naming the connector in {@code metadata.target}.
     */
    /** Listing stops after this many pages (the newest operations come first). */
    static final int MAX_OPERATION_PAGES = 10;

    java.util.Optional<OperationStatus> running(ResourceRef ref) {
        String connector = connectorName(ref);
        String pageToken = "";
        for (int pages = 0; pages < MAX_OPERATION_PAGES; pages++) {
            GenericUrl url = new GenericUrl(restBase + "v1/projects/" + project + "/locations/" + ref.location() + "/operations");
            if (!pageToken.isEmpty()) {
                url.set("pageToken", pageToken);
            }
            GenericJson page = calls.call(API, () -> {
                HttpRequest request = clients.vpcAccessRest.get().buildGetRequest(url);
                request.setParser(new JsonObjectParser(GsonFactory.getDefaultInstance()));
                return request.execute().parseAs(GenericJson.class);
            });
            if (page.get("operations") instanceof List<?> ops) {
                for (Object o : ops) {
                    if (o instanceof Map<?, ?> op && !Boolean.TRUE.equals(op.get("done"))
                            && op.get("metadata") instanceof Map<?, ?> meta && connector.equals(meta.get("target"))) {
                        return java.util.Optional.of(new OperationStatus(new OperationId(OperationId.Api.VPCACCESS,
                                ref.location(), String.valueOf(op.get("name"))).toString(), false, 50, "VPC Access operation "
                                + op.get("name") + " (" + meta.get("method") + ")", null));
                    }
                }
            }
            pageToken = page.get("nextPageToken") instanceof String t ? t : "";
            if (pageToken.isEmpty()) {
                break;
            }
        }
        return java.util.Optional.empty();
    }
}
