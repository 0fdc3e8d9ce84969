package org.remediation.console.cloud.gcp;

/**
 * What is needed to poll a Google operation after a restart: which API ran it, where (a region or
 * {@code global}) and the operation's name. String form {@code api/location/name}; the name may
 * itself contain slashes ({@code projects/p/locations/r/operations/o}).
 */
record OperationId(Api api, String location, String name) {

    enum Api { VPCACCESS, SQLADMIN, RUN, COMPUTE }

    static OperationId parse(String id) {
        String[] parts = id.split("/", 3);
        if (parts.length != 3) {
            throw new IllegalArgumentException("'" + id + "' is not a Google operation id (api/location/name)");
        }
        Api api;
        try {
            api = Api.valueOf(parts[0].toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + id + "' names no known Google API", e);
        }
        return new OperationId(api, parts[1], parts[2]);
    }

    @Override
    public String toString() {
        return api.name().toLowerCase(java.util.Locale.ROOT) + "/" + location + "/" + name;
    }
}
