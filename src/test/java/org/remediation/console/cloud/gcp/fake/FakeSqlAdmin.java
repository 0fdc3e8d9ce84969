package org.remediation.console.cloud.gcp.fake;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Cloud SQL Admin v1 over HTTP/JSON as the discovery client calls it: instances get/list/patch
 * (the flag list replaced as a whole, guarded by settingsVersion), operations get, flags and tiers.
 */
public final class FakeSqlAdmin {

    private static final Pattern INSTANCE = Pattern.compile("/v1/projects/([^/]+)/instances(?:/([^/]+))?");
    private static final Pattern OPERATION = Pattern.compile("/v1/projects/([^/]+)/operations/([^/]+)");
    private static final Pattern OPERATIONS = Pattern.compile("/v1/projects/([^/]+)/operations");
    private static final Pattern TIERS = Pattern.compile("/v1/projects/([^/]+)/tiers");
    /**
     * A flag of type NONE, set by name only; Flag.type's reference names it as the example of "flags
     * which do not take a value" (https://cloud.google.com/sql/docs/mysql/admin-api/rest/v1/flags).
     */
    public static final String NO_VALUE_FLAG = "skip_grant_tables";
    static final List<String> TIER_NAMES = List.of("db-f1-micro", "db-g1-small", "db-custom-1-3840",
            "db-custom-2-7680", "db-custom-4-15360", "db-custom-8-30720");

    private final Map<String, JsonObject> instances = new ConcurrentHashMap<>();
    private final Map<String, String> operationTarget = new ConcurrentHashMap<>();
    private final PendingOperations operations = new PendingOperations();
    private final Faults faults;

    FakeSqlAdmin(Faults faults) {
        this.faults = faults;
    }

    public void put(String project, String name, String region, String version, String tier, Map<String, @Nullable String> flags) {
        JsonObject settings = new JsonObject();
        settings.addProperty("tier", tier);
        settings.addProperty("settingsVersion", "1");
        JsonArray list = new JsonArray();
        flags.forEach((n, v) -> list.add(flag(n, v)));
        settings.add("databaseFlags", list);
        JsonObject db = new JsonObject();
        db.addProperty("kind", "sql#instance");
        db.addProperty("name", name);
        db.addProperty("project", project);
        db.addProperty("region", region);
        db.addProperty("databaseVersion", version);
        db.addProperty("state", "RUNNABLE");
        db.add("settings", settings);
        instances.put(name, db);
    }

    public JsonObject get(String name) {
        return instances.get(name).deepCopy();
    }

    public void failNextOperation(String message) {
        operations.failNext(message);
    }

    /**
     * Starts an operation Google runs on its own on the instance (e.g. BACKUP_VOLUME); it runs until
     * {@link #finishOperation}. Meanwhile Cloud SQL refuses changes with 409 operationInProgress.
     */
    public String startOperation(String instance, String type) {
        String name = operations.nextId();
        operations.external(name, instance, type);
        operationTarget.put(name, instance);
        return name;
    }

    public void finishOperation(String name) {
        operations.finish(name);
    }

    /** A null value is a flag set by name only: Cloud SQL stores and returns it without "value". */
    private static JsonObject flag(String name, @Nullable String value) {
        JsonObject f = new JsonObject();
        f.addProperty("name", name);
        if (value != null) {
            f.addProperty("value", value);
        }
        return f;
    }

    void handle(HttpExchange ex) throws IOException {
        String method = HttpJson.method(ex);
        String path = ex.getRequestURI().getPath();
        if (HttpJson.fault(ex, faults, method + " " + path)) {
            return;
        }
        Matcher m;
        if (path.equals("/v1/flags")) {
            HttpJson.send(ex, 200, "{\"kind\":\"sql#flagsList\",\"items\":[{\"kind\":\"sql#flag\",\"name\":"
                    + "\"max_connections\",\"type\":\"INTEGER\",\"minValue\":\"14\",\"maxValue\":\"262143\","
                    + "\"requiresRestart\":true,\"appliesTo\":[\"POSTGRES_15\"]},{\"kind\":\"sql#flag\",\"name\":"
                    + "\"log_min_duration_statement\",\"type\":\"INTEGER\",\"minValue\":\"-1\",\"maxValue\":"
                    + "\"2147483647\",\"requiresRestart\":false,\"appliesTo\":[\"POSTGRES_15\"]},{\"kind\":\"sql#flag\","
                    + "\"name\":\"" + NO_VALUE_FLAG + "\",\"type\":\"NONE\",\"requiresRestart\":true,"
                    + "\"appliesTo\":[\"MYSQL_8_0\"]}]}");
        } else if ((m = TIERS.matcher(path)).matches()) {
            StringBuilder items = new StringBuilder();
            TIER_NAMES.forEach(t -> items.append(items.isEmpty() ? "" : ",").append("{\"kind\":\"sql#tier\",\"tier\":\"")
                    .append(t).append("\"}"));
            HttpJson.send(ex, 200, "{\"kind\":\"sql#tiersList\",\"items\":[" + items + "]}");
        } else if ((m = OPERATIONS.matcher(path)).matches() && "GET".equals(method)) {
            listOperations(ex, m.group(1));
        } else if ((m = OPERATION.matcher(path)).matches()) {
            PendingOperations.Op op = operations.poll(m.group(2));
            if (op == null) {
                HttpJson.error(ex, 404, "NOT_FOUND", "The operation does not exist.");
            } else {
                HttpJson.send(ex, 200, operationJson(op, m.group(1)).toString());
            }
        } else if ((m = INSTANCE.matcher(path)).matches() && m.group(2) == null) {
            JsonArray items = new JsonArray();
            instances.values().forEach(items::add);
            JsonObject list = new JsonObject();
            list.add("items", items);
            HttpJson.send(ex, 200, list.toString());
        } else if (m.matches()) {
            JsonObject db = instances.get(m.group(2));
            if (db == null) {
                HttpJson.error(ex, 404, "NOT_FOUND", "The Cloud SQL instance does not exist.");
            } else if ("GET".equals(method)) {
                HttpJson.send(ex, 200, db.toString());
            } else if ("PATCH".equals(method)) {
                patch(ex, m.group(1), db, JsonParser.parseString(HttpJson.body(ex)).getAsJsonObject());
            } else {
                HttpJson.error(ex, 405, "UNIMPLEMENTED", method + " not supported");
            }
        } else {
            HttpJson.error(ex, 404, "NOT_FOUND", "no such path " + path);
        }
    }

    /** {@code operations.list?instance=}: newest first, as Cloud SQL lists them. */
    private void listOperations(HttpExchange ex, String project) throws IOException {
        String query = ex.getRequestURI().getQuery() == null ? "" : ex.getRequestURI().getQuery();
        Matcher instance = Pattern.compile("(?:^|&)instance=([^&]+)").matcher(query);
        if (!instance.find()) {
            HttpJson.error(ex, 400, "INVALID_ARGUMENT", "Missing instance parameter.");
            return;
        }
        JsonArray items = new JsonArray();
        // every operation on the instance, finished ones too, newest first
        operations.all().stream().filter(op -> op.target.equals(instance.group(1)))
                .sorted(java.util.Comparator.comparingLong((PendingOperations.Op op) -> op.startedNanos).reversed())
                .forEach(op -> items.add(operationJson(op, project)));
        JsonObject list = new JsonObject();
        list.addProperty("kind", "sql#operationsList");
        list.add("items", items);
        HttpJson.send(ex, 200, list.toString());
    }

    private synchronized void patch(HttpExchange ex, String project, JsonObject db, JsonObject body) throws IOException {
        String instanceName = db.get("name").getAsString();
        if (!operations.running(instanceName).isEmpty()) {
            // One administrative operation per instance; the legacy errors[] list carries the reason
            // (apache/airflow#62671, hashicorp/terraform-provider-google#4370).
            String message = "Operation failed because another operation was already in progress. Try your request"
                    + " after the current operation is complete.";
            HttpJson.send(ex, 409, "{\"error\":{\"code\":409,\"message\":\"" + message + "\",\"errors\":[{\"message\":\""
                    + message + "\",\"domain\":\"global\",\"reason\":\"operationInProgress\"}]}}");
            return;
        }
        JsonObject current = db.getAsJsonObject("settings");
        JsonObject wanted = body.has("settings") ? body.getAsJsonObject("settings") : new JsonObject();
        if (wanted.has("settingsVersion")
                && !wanted.get("settingsVersion").getAsString().equals(current.get("settingsVersion").getAsString())) {
            HttpJson.error(ex, 412, "FAILED_PRECONDITION", "Precondition check failed: settings version mismatch.");
            return;
        }
        if (wanted.has("tier") && !TIER_NAMES.contains(wanted.get("tier").getAsString())) {
            HttpJson.error(ex, 400, "INVALID_ARGUMENT", "Invalid request: Invalid tier " + wanted.get("tier").getAsString());
            return;
        }
        if (wanted.has("databaseFlags")) {
            for (JsonElement f : wanted.getAsJsonArray("databaseFlags")) {
                JsonObject flag = f.getAsJsonObject();
                if (NO_VALUE_FLAG.equals(flag.get("name").getAsString()) && flag.has("value")) {
                    // DatabaseFlags.value "must be omitted if the flag doesn't take a value"; Cloud SQL answers
                    // 400 invalidFlagValue "Value requested is not valid." (wording as in public Terraform
                    // reports, e.g. google/exposure-notifications-server#746; the detail after it is ours)
                    HttpJson.error(ex, 400, "INVALID_ARGUMENT", "Value requested is not valid. Failed to set "
                            + NO_VALUE_FLAG + ": the flag takes no value, got '" + flag.get("value").getAsString() + "'.");
                    return;
                }
                if ("max_connections".equals(flag.get("name").getAsString())) {
                    long v = Long.parseLong(flag.get("value").getAsString());
                    if (v < 14 || v > 262143) {
                        HttpJson.error(ex, 400, "INVALID_ARGUMENT", "Invalid flag value for max_connections: " + v);
                        return;
                    }
                }
            }
        }
        String name = db.get("name").getAsString();
        JsonObject next = db.deepCopy();
        JsonObject settings = next.getAsJsonObject("settings");
        wanted.entrySet().stream().filter(e -> !e.getKey().equals("settingsVersion"))
                .forEach(e -> settings.add(e.getKey(), e.getValue()));
        settings.addProperty("settingsVersion", Long.toString(current.get("settingsVersion").getAsLong() + 1));
        next.addProperty("state", "RUNNABLE");
        String opName = operations.nextId();
        operationTarget.put(opName, name);
        db.addProperty("state", "MAINTENANCE");
        PendingOperations.Op op = operations.start(opName, name, "UPDATE", () -> instances.put(name, next),
                () -> db.addProperty("state", "RUNNABLE"));
        var lost = faults.lostAnswer("PATCH /v1/projects/" + project + "/instances/" + name);
        if (lost.isPresent()) {
            HttpJson.send(ex, lost.get().httpStatus(), lost.get().toJson());
            return;
        }
        HttpJson.send(ex, 200, operationJson(op, project).toString());
    }

    private JsonObject operationJson(PendingOperations.Op op, String project) {
        JsonObject o = new JsonObject();
        o.addProperty("kind", "sql#operation");
        o.addProperty("name", op.name);
        o.addProperty("operationType", op.type);
        o.addProperty("targetId", operationTarget.getOrDefault(op.name, ""));
        o.addProperty("targetProject", project);
        o.addProperty("status", op.done ? "DONE" : op.pollsLeft < 2 ? "RUNNING" : "PENDING");
        if (op.done && op.error != null) {
            JsonObject err = new JsonObject();
            err.addProperty("code", "INTERNAL_ERROR");
            err.addProperty("message", op.error);
            JsonArray errors = new JsonArray();
            errors.add(err);
            JsonObject wrapper = new JsonObject();
            wrapper.addProperty("kind", "sql#operationErrors");
            wrapper.add("errors", errors);
            o.add("error", wrapper);
        }
        return o;
    }
}
