package org.remediation.console.probe;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

@Entity
@Table(name = "probe_target")
class TargetEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(name = "target_key", nullable = false, unique = true)
    private String key = "";
    private String name = "";
    private String kind = "";
    @Column(name = "settings_json")
    private String settingsJson = "{}";
    @Column(name = "interval_ms")
    private long intervalMs;
    @Column(name = "timeout_ms")
    private long timeoutMs;
    private boolean enabled;
    @Column(name = "group_tag")
    private String group = "";
    @Column(name = "golden_step")
    private @Nullable Integer goldenStep;
    @Column(name = "cloud_resource")
    private @Nullable String cloudResource;
    @Version
    private long version;
    @Column(name = "created_at")
    private Instant createdAt = Instant.EPOCH;
    @Column(name = "updated_at")
    private Instant updatedAt = Instant.EPOCH;

    protected TargetEntity() {
    }

    TargetEntity(String key, Instant now) {
        this.key = key;
        this.createdAt = now;
    }

    void apply(ProbeTarget t, String settingsJson, Instant now) {
        name = t.name();
        kind = t.kind().name();
        this.settingsJson = settingsJson;
        intervalMs = t.interval().toMillis();
        timeoutMs = t.timeout().toMillis();
        enabled = t.enabled();
        group = t.group();
        goldenStep = t.goldenStep();
        cloudResource = t.cloudResource() == null ? null : t.cloudResource().toString();
        updatedAt = now;
    }

    void setEnabled(boolean enabled, Instant now) {
        this.enabled = enabled;
        this.updatedAt = now;
    }

    String getKey() { return key; }
    String getSettingsJson() { return settingsJson; }
    long getVersion() { return version; }

    ProbeTarget toTarget(java.util.Map<String, String> settings) {
        return new ProbeTarget(key, name, ProbeKind.valueOf(kind), settings, Duration.ofMillis(intervalMs),
                Duration.ofMillis(timeoutMs), enabled, group, goldenStep, version,
                cloudResource == null ? null : org.remediation.console.cloud.ResourceRef.parse(cloudResource));
    }
}
