package org.remediation.console.cloud.gcp;

import com.google.api.services.sqladmin.model.DatabaseFlags;
import com.google.api.services.sqladmin.model.DatabaseInstance;
import com.google.api.services.sqladmin.model.Flag;
import com.google.api.services.sqladmin.model.Operation;
import com.google.api.services.sqladmin.model.Settings;
import com.google.api.services.sqladmin.model.Tier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.remediation.console.cloud.Attributes;
import org.remediation.console.cloud.CloudChange;
import org.remediation.console.cloud.CloudException;
import org.remediation.console.cloud.OperationStatus;
import org.remediation.console.cloud.ResourceRef;

/**
 * Cloud SQL Admin on the discovery client {@code SQLAdmin}. A patch sends the tier and the WHOLE
 * database-flag list (Cloud SQL replaces the list), plus the settings version it was based on.
 */
final class SqlAdminAdapter {

    static final String API = "sqladmin.googleapis.com";

    private final GcpClients clients;
    private final GcpCalls calls;
    private final String project;

    SqlAdminAdapter(GcpClients clients, GcpCalls calls, GcpProperties props) {
        this.clients = clients;
        this.calls = calls;
        this.project = props.project();
    }

    private DatabaseInstance instance(String name) {
        return calls.call(API, () -> clients.sqlAdmin.get().instances().get(project, name).execute());
    }

    Map<String, String> read(ResourceRef ref) {
        DatabaseInstance db = instance(ref.name());
        Map<String, String> a = new LinkedHashMap<>();
        a.put(Attributes.STATE, String.valueOf(db.getState()));
        a.put(Attributes.DATABASE_VERSION, String.valueOf(db.getDatabaseVersion()));
        Settings s = db.getSettings();
        if (s != null) {
            a.put(Attributes.TIER, String.valueOf(s.getTier()));
            if (s.getDatabaseFlags() != null) {
                s.getDatabaseFlags().forEach(f -> a.put(Attributes.FLAG_PREFIX + f.getName(),
                        f.getValue() == null ? Attributes.FLAG_SET_WITHOUT_VALUE : f.getValue()));
            }
        }
        return a;
    }

    List<String> list() {
        return calls.call(API, () -> {
            var items = clients.sqlAdmin.get().instances().list(project).execute().getItems();
            return items == null ? List.<String>of() : items.stream().map(DatabaseInstance::getName).toList();
        });
    }

    OperationId apply(CloudChange change) {
        DatabaseInstance current = instance(change.ref().name());
        validate(change, String.valueOf(current.getDatabaseVersion()));
        Settings settings = new Settings().setSettingsVersion(current.getSettings().getSettingsVersion());
        Map<String, @Nullable String> flags = new LinkedHashMap<>(); // null: set without a value
        List<DatabaseFlags> existing = current.getSettings().getDatabaseFlags();
        if (existing != null) {
            existing.forEach(f -> flags.put(f.getName(), f.getValue()));
        }
        boolean flagsChanged = false;
        for (Map.Entry<String, String> e : change.desired().entrySet()) {
            if (Attributes.TIER.equals(e.getKey())) {
                settings.setTier(e.getValue());
            } else if (e.getKey().startsWith(Attributes.FLAG_PREFIX)) {
                String flag = e.getKey().substring(Attributes.FLAG_PREFIX.length());
                if (e.getValue().isEmpty()) {
                    flags.remove(flag);
                } else if (Attributes.FLAG_SET_WITHOUT_VALUE.equals(e.getValue())) {
                    flags.put(flag, null);
                } else {
                    flags.put(flag, e.getValue());
                }
                flagsChanged = true;
            } else {
                throw new CloudException(CloudException.Kind.INVALID_ARGUMENT, "A Cloud SQL instance's '" + e.getKey()
                        + "' cannot be changed here; only its tier and database flags can.");
            }
        }
        if (flagsChanged) {
            List<DatabaseFlags> whole = new ArrayList<>();
            // a flag without a value goes without "value": the API refuses one (DatabaseFlags.value)
            flags.forEach((n, v) -> whole.add(v == null ? new DatabaseFlags().setName(n) : new DatabaseFlags().setName(n).setValue(v)));
            settings.setDatabaseFlags(whole);
        }
        DatabaseInstance body = new DatabaseInstance().setSettings(settings);
        Operation op = calls.mutate(API, () -> clients.sqlAdmin.get().instances()
                .patch(project, change.ref().name(), body).execute());
        return new OperationId(OperationId.Api.SQLADMIN, change.ref().location(), op.getName());
    }

    /** Checks tier and flag values against Cloud SQL's own lists before patching. */
    private void validate(CloudChange change, String databaseVersion) {
        List<String> problems = new ArrayList<>();
        String tier = change.desired().get(Attributes.TIER);
        if (tier != null && !tiers().contains(tier)) {
            problems.add("tier " + tier + " is not offered in project " + project + " (see tiers list)");
        }
        change.desired().forEach((k, v) -> {
            if (k.startsWith(Attributes.FLAG_PREFIX) && !v.isEmpty()) {
                String name = k.substring(Attributes.FLAG_PREFIX.length());
                Optional<SqlFlag> flag = flag(databaseVersion, name);
                if (flag.isEmpty()) {
                    problems.add("Cloud SQL has no flag " + name + " for " + databaseVersion);
                } else if (Attributes.FLAG_SET_WITHOUT_VALUE.equals(v)) {
                    if (!flag.get().takesNoValue()) {
                        problems.add(name + " needs a value (it is a " + flag.get().type() + " flag)");
                    }
                } else if (flag.get().problemWith(v) != null) {
                    problems.add(flag.get().problemWith(v));
                }
            }
        });
        if (!problems.isEmpty()) {
            throw new CloudException(CloudException.Kind.INVALID_ARGUMENT, String.join("; ", problems));
        }
    }

    OperationStatus poll(OperationId id) {
        Operation op = calls.call(API, () -> clients.sqlAdmin.get().operations().get(project, id.name()).execute());
        boolean done = "DONE".equals(op.getStatus());
        String error = null;
        if (op.getError() != null && op.getError().getErrors() != null && !op.getError().getErrors().isEmpty()) {
            error = op.getError().getErrors().stream()
                    .map(e -> e.getMessage() == null ? String.valueOf(e.getCode()) : e.getMessage())
                    .reduce((x, y) -> x + "; " + y).orElse("failed");
        }
        return new OperationStatus(id.toString(), done, done ? 100 : "RUNNING".equals(op.getStatus()) ? 50 : 0,
                "Cloud SQL operation " + op.getOperationType() + " " + op.getStatus(), error);
    }

    /**
     * The newest unfinished operation on the instance (a backup, maintenance, another console's
     * patch): Cloud SQL runs one administrative operation per instance at a time and lists them
     * newest first ({@code operations.list?instance=}).
     */
    Optional<OperationStatus> running(ResourceRef ref) {
        List<Operation> items = calls.call(API, () -> clients.sqlAdmin.get().operations().list(project)
                .setInstance(ref.name()).setMaxResults(50L).execute().getItems());
        if (items == null) {
            return Optional.empty();
        }
        return items.stream().filter(o -> "PENDING".equals(o.getStatus()) || "RUNNING".equals(o.getStatus()))
                .findFirst().map(o -> new OperationStatus(new OperationId(OperationId.Api.SQLADMIN, ref.location(),
                        o.getName()).toString(), false, "RUNNING".equals(o.getStatus()) ? 50 : 0, "Cloud SQL operation "
                        + o.getName() + " (" + o.getOperationType() + ", " + o.getStatus()
                        + (o.getInsertTime() == null ? "" : ", since " + o.getInsertTime()) + ")", null));
    }

    /** The flag as Cloud SQL describes it for {@code databaseVersion}, e.g. {@code POSTGRES_15}. */
    Optional<SqlFlag> flag(String databaseVersion, String name) {
        List<Flag> items = calls.call(API, () -> clients.sqlAdmin.get().flags().list()
                .setDatabaseVersion(databaseVersion).execute().getItems());
        if (items == null) {
            return Optional.empty();
        }
        return items.stream().filter(f -> name.equals(f.getName())).findFirst().map(f -> new SqlFlag(f.getName(),
                String.valueOf(f.getType()), f.getMinValue(), f.getMaxValue(),
                f.getAllowedStringValues() == null ? List.of() : List.copyOf(f.getAllowedStringValues()),
                Boolean.TRUE.equals(f.getRequiresRestart())));
    }

    /** The machine tiers the project may use, e.g. {@code db-custom-2-7680}. */
    List<String> tiers() {
        List<Tier> items = calls.call(API, () -> clients.sqlAdmin.get().tiers().list(project).execute().getItems());
        return items == null ? List.of() : items.stream().map(Tier::getTier).toList();
    }
}
