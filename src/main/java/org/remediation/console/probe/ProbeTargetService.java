package org.remediation.console.probe;

import org.remediation.console.base.identity.SignedIn;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.remediation.console.audit.AuditService;
import org.remediation.console.base.InvalidInputException;
import org.springframework.context.ApplicationEventPublisher;
import org.remediation.console.base.Problems;
import org.remediation.console.base.identity.Roles;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Probe targets: any signed-in user reads them, only ADMIN changes them. Every change is validated
 * (nothing is written when any field is bad), audited in the same transaction, and announced with
 * {@link ProbeTargetChanged} after commit so the scheduler and open views follow without a restart.
 */
@Service
@SignedIn
public class ProbeTargetService {


    private final TargetRepository repository;
    private final ProbeRunner runner;
    private final CredentialRefs credentials;
    private final AuditService audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ProbeTargetService(TargetRepository repository, ProbeRunner runner, CredentialRefs credentials,
                       AuditService audit, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.runner = runner;
        this.credentials = credentials;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<ProbeTarget> list() {
        return all();
    }

    @Transactional(readOnly = true)
    public Optional<ProbeTarget> find(String key) {
        return repository.findByKey(key).map(ProbeTargetService::toTarget);
    }

    /** For the engine itself (scheduler, demo seeding): no signed-in user there. */
    @Transactional(readOnly = true)
    List<ProbeTarget> all() {
        return repository.findAllByOrderByKey().stream().map(ProbeTargetService::toTarget).toList();
    }

    @Transactional
    @RolesAllowed({Roles.ADMIN, Roles.SYSTEM})
    public ProbeTarget create(TargetDraft draft) {
        Problems p = new Problems();
        ProbeTarget t = TargetRules.check(draft, runner, credentials::resolvable, p);
        if (t != null && repository.existsByKey(t.key())) {
            p.add("key", "A target with key '" + t.key() + "' already exists.");
        }
        p.throwIfAny();
        return save(new TargetEntity(t.key(), clock.instant()), t, "probe.target.created");
    }

    /** Edits a target; {@code expectedVersion} guards against overwriting someone else's edit. */
    @Transactional
    @RolesAllowed(Roles.ADMIN)
    public ProbeTarget update(String key, TargetDraft draft, long expectedVersion) {
        TargetEntity entity = entity(key);
        Problems p = new Problems();
        p.check(draft.key() == null || draft.key().strip().equals(key), "key", "The key cannot be changed; create a new target instead.");
        p.check(entity.getVersion() == expectedVersion, "version",
                "Someone else changed this target meanwhile. Reload it and apply your change again.");
        ProbeTarget t = TargetRules.check(withKey(draft, key), runner, credentials::resolvable, p);
        p.throwIfAny();
        return save(entity, t, "probe.target.updated");
    }

    @Transactional
    @RolesAllowed(Roles.ADMIN)
    public void setEnabled(String key, boolean enabled) {
        TargetEntity entity = entity(key);
        entity.setEnabled(enabled, clock.instant());
        repository.flush();
        audit.record(enabled ? "probe.target.enabled" : "probe.target.disabled", "probe:" + key, Map.of());
        events.publishEvent(new ProbeTargetChanged(key, toTarget(entity)));
    }

    @Transactional
    @RolesAllowed(Roles.ADMIN)
    public void delete(String key) {
        TargetEntity entity = entity(key);
        repository.delete(entity);
        audit.record("probe.target.deleted", "probe:" + key, Map.of());
        events.publishEvent(new ProbeTargetChanged(key, null));
    }

    /**
     * Creates or updates every target in the YAML document, all or nothing: any problem (reported with
     * its YAML path and line) rejects the whole import.
     */
    @Transactional
    @RolesAllowed(Roles.ADMIN)
    public ImportReport importYaml(String yaml) {
        List<TargetYaml.Entry> entries = TargetYaml.parse(yaml);
        Problems p = new Problems();
        List<ProbeTarget> valid = new ArrayList<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (TargetYaml.Entry e : entries) {
            Problems one = new Problems();
            e.readProblems().forEach(pr -> one.add(pr.field(), pr.message()));
            ProbeTarget t = TargetRules.check(e.draft(), runner, credentials::resolvable, one);
            if (!e.readProblems().isEmpty()) {
                t = null;
            }
            if (t != null && seen.putIfAbsent(t.key(), e.index()) != null) {
                one.add("key", "Key '" + t.key() + "' appears twice in this file (also at targets[" + seen.get(t.key()) + "]).");
            }
            one.list().forEach(pr -> p.add(e.path(pr.field()), pr.message() + " (line " + e.line(pr.field()) + ")"));
            if (t != null && one.isEmpty()) {
                valid.add(t);
            }
        }
        p.throwIfAny();
        int created = 0;
        for (ProbeTarget t : valid) {
            Optional<TargetEntity> existing = repository.findByKey(t.key());
            created += existing.isEmpty() ? 1 : 0;
            save(existing.orElseGet(() -> new TargetEntity(t.key(), clock.instant())), t,
                    existing.isEmpty() ? "probe.target.created" : "probe.target.updated");
        }
        audit.record("probe.targets.imported", "probe:*", Map.of("created", created, "updated", valid.size() - created));
        return new ImportReport(created, valid.size() - created);
    }

    @Transactional(readOnly = true)
    @RolesAllowed(Roles.ADMIN)
    public String exportYaml() {
        return TargetYaml.write(all());
    }

    /** How many targets an import created and updated. */
    public record ImportReport(int created, int updated) {
    }

    private ProbeTarget save(TargetEntity entity, ProbeTarget t, String action) {
        entity.apply(t, Json.write(new java.util.TreeMap<>(t.settings())), clock.instant());
        TargetEntity saved = repository.saveAndFlush(entity);
        ProbeTarget result = toTarget(saved);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("kind", t.kind().name());
        details.put("interval", Durations.format(t.interval()));
        details.put("timeout", Durations.format(t.timeout()));
        details.put("enabled", t.enabled());
        details.put("group", t.group());
        details.put("cloudResource", t.cloudResource() == null ? "none" : t.cloudResource().toString());
        details.put("settings", saved.getSettingsJson());
        audit.record(action, "probe:" + t.key(), details);
        events.publishEvent(new ProbeTargetChanged(t.key(), result));
        return result;
    }

    private TargetEntity entity(String key) {
        return repository.findByKey(key).orElseThrow(() -> new InvalidInputException("key", "No target with key '" + key + "'."));
    }

    private static TargetDraft withKey(TargetDraft d, String key) {
        return new TargetDraft(key, d.name(), d.kind(), d.settings(), d.interval(), d.timeout(), d.enabled(), d.group(),
                d.goldenStep(), d.cloudResource());
    }

    static ProbeTarget toTarget(TargetEntity e) {
        return e.toTarget(Json.readSettings(e.getSettingsJson()));
    }
}
