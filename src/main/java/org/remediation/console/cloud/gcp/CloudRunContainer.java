package org.remediation.console.cloud.gcp;

import static org.remediation.console.cloud.Attributes.*;

import com.google.cloud.run.v2.Container;
import com.google.cloud.run.v2.EnvVar;
import com.google.cloud.run.v2.GRPCAction;
import com.google.cloud.run.v2.HTTPGetAction;
import com.google.cloud.run.v2.Probe;
import com.google.cloud.run.v2.TCPSocketAction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.remediation.console.cloud.CloudException;
import org.remediation.console.cloud.EnvValues;
import org.remediation.console.cloud.ResourceRef;

/** The first container's environment variables and startup probe as flat attributes, and back. */
final class CloudRunContainer {

    private CloudRunContainer() {
    }

    static void read(ResourceRef ref, Container c, Map<String, String> a) {
        for (EnvVar e : c.getEnvList()) {
            if (e.hasValueSource()) {
                var key = e.getValueSource().getSecretKeyRef();
                a.put(ENV_SECRET_PREFIX + e.getName(), key.getSecret() + ":"
                        + (key.getVersion().isEmpty() ? "latest" : key.getVersion()));
            } else {
                a.put(ENV_PREFIX + e.getName(), EnvValues.reported(ref, e.getName(), e.getValue()));
            }
        }
        a.putAll(probe(c));
    }

    private static Map<String, String> probe(Container c) {
        Map<String, String> a = new LinkedHashMap<>();
        Probe p = c.getStartupProbe();
        int containerPort = c.getPortsCount() > 0 ? c.getPorts(0).getContainerPort() : 8080;
        String type = !c.hasStartupProbe() ? "NONE" : p.hasHttpGet() ? "HTTP" : p.hasGrpc() ? "GRPC" : "TCP";
        int port = p.hasHttpGet() ? p.getHttpGet().getPort() : p.hasGrpc() ? p.getGrpc().getPort() : p.getTcpSocket().getPort();
        a.put(PROBE_TYPE, type);
        a.put(PROBE_PATH, p.hasHttpGet() ? p.getHttpGet().getPath() : "");
        a.put(PROBE_PORT, type.equals("NONE") ? "" : String.valueOf(port == 0 ? containerPort : port));
        // Unset fields take the API's defaults (Probe in google/cloud/run/v2/k8s.min.proto).
        a.put(PROBE_INITIAL_DELAY, String.valueOf(p.getInitialDelaySeconds()));
        a.put(PROBE_PERIOD, String.valueOf(p.getPeriodSeconds() == 0 ? 10 : p.getPeriodSeconds()));
        a.put(PROBE_TIMEOUT, String.valueOf(p.getTimeoutSeconds() == 0 ? 1 : p.getTimeoutSeconds()));
        a.put(PROBE_FAILURE_THRESHOLD, String.valueOf(p.getFailureThreshold() == 0 ? 3 : p.getFailureThreshold()));
        return a;
    }

    /**
     * Replaces the plain variables with {@code wanted} (name → value; a masked value keeps the current
     * one). Secret Manager variables keep their place and reference; the order of the others is kept.
     */
    static void applyEnv(ResourceRef ref, Container.Builder c, Map<String, String> wanted) {
        Map<String, String> rest = new TreeMap<>(wanted);
        List<EnvVar> next = new ArrayList<>();
        for (EnvVar e : c.getEnvList()) {
            if (e.hasValueSource()) {
                if (rest.containsKey(e.getName())) {
                    throw new CloudException(CloudException.Kind.INVALID_ARGUMENT, e.getName()
                            + " comes from Secret Manager; change the secret, not the variable.");
                }
                next.add(e);
            } else if (rest.containsKey(e.getName())) {
                String v = rest.remove(e.getName());
                if (EnvValues.isMasked(v) && !v.equals(EnvValues.reported(ref, e.getName(), e.getValue()))) {
                    throw new CloudException(CloudException.Kind.CONFLICT, "The value of " + e.getName()
                            + " changed since the preview.");
                }
                next.add(EnvValues.isMasked(v) ? e : e.toBuilder().setValue(v).build());
            }
        }
        rest.forEach((name, v) -> {
            if (EnvValues.isMasked(v)) {
                throw new CloudException(CloudException.Kind.CONFLICT, name + " no longer exists; preview again.");
            }
            next.add(EnvVar.newBuilder().setName(name).setValue(v).build());
        });
        c.clearEnv().addAllEnv(next);
    }

    /** Replaces the startup probe with the current one overlaid by the changed probe attributes. */
    static void applyProbe(Container.Builder c, Map<String, String> changed) {
        Map<String, String> p = new TreeMap<>(probe(c.build()));
        p.putAll(changed);
        Probe.Builder b = Probe.newBuilder().setInitialDelaySeconds(num(p, PROBE_INITIAL_DELAY))
                .setPeriodSeconds(num(p, PROBE_PERIOD)).setTimeoutSeconds(num(p, PROBE_TIMEOUT))
                .setFailureThreshold(num(p, PROBE_FAILURE_THRESHOLD));
        switch (p.get(PROBE_TYPE)) {
            case "HTTP" -> b.setHttpGet(HTTPGetAction.newBuilder().setPath(p.getOrDefault(PROBE_PATH, "/"))
                    .setPort(num(p, PROBE_PORT)));
            case "TCP" -> b.setTcpSocket(TCPSocketAction.newBuilder().setPort(num(p, PROBE_PORT)));
            case "GRPC" -> b.setGrpc(GRPCAction.newBuilder().setPort(num(p, PROBE_PORT)));
            default -> throw new CloudException(CloudException.Kind.INVALID_ARGUMENT,
                    "A startup probe is HTTP, TCP or GRPC, not '" + p.get(PROBE_TYPE) + "'.");
        }
        c.setStartupProbe(b);
    }

    private static int num(Map<String, String> p, String key) {
        try {
            return Integer.parseInt(p.getOrDefault(key, "0").trim());
        } catch (NumberFormatException e) {
            throw new CloudException(CloudException.Kind.INVALID_ARGUMENT, key + " must be a whole number.");
        }
    }
}
