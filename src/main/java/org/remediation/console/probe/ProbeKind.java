package org.remediation.console.probe;

/**
 * The kinds of probe the engine can run. A cloud-resource probe is added later by appending a
 * constant here and registering a {@link Probe} bean for it; nothing else needs to change.
 */
public enum ProbeKind {
    HTTP, TCP, REDIS, POSTGRES, DNS, TLS, WEBSOCKET, CLOUD_RESOURCE
}
