package org.remediation.console.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.remediation.console.base.SettingException;

/** The key setting: rotation, refusals in one line that never show a secret, the embedded default's key file. */
class AuditKeysTest {

    static final String A = AuditKeys.format(Map.of(1, AuditChainTest.secret('a')));

    @Test
    void severalKeysRotateTheHighestIdSignsAndEveryIdVerifies() {
        AuditKeys keys = AuditKeys.parse(AuditKeys.format(Map.of(3, AuditChainTest.secret('c')))
                + " , " + A, "CONSOLE_AUDIT_KEY");
        assertThat(keys.signingId()).isEqualTo(3);
        assertThat(keys.knows(1)).isTrue();
        assertThat(keys.knows(0)).as("the plain pre-key hash").isTrue();
        assertThat(keys.knows(2)).isFalse();
        assertThat(keys.mac(2)).isNull();
    }

    @Test
    void badKeySettingsAreRefusedInOneLineWithoutTheSecret() {
        String shortSecret = "1:c2hvcnQtc2VjcmV0";
        String secret = A.substring(2);
        for (String[] bad : new String[][] {
                {"0:" + secret, "key id 0, which is reserved"},
                {shortSecret, "at least 32"},
                {"1:not base64!", "not <key id>:<base64 secret>"},
                {"1:%%%%", "not base64"},
                {secret, "not <key id>:<base64 secret>"},
                {A + "," + A, "key id 1 is listed twice"},
                {A + ",", "entry 2 of 2"}}) {
            assertThatThrownBy(() -> AuditKeys.parse(bad[0], "CONSOLE_AUDIT_KEY"))
                    .isInstanceOf(SettingException.class)
                    .hasMessageStartingWith("CONSOLE_AUDIT_KEY: ")
                    .hasMessageContaining(bad[1])
                    .hasMessageNotContaining(secret).hasMessageNotContaining("c2hvcnQtc2VjcmV0")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        }
    }

    @Test
    void withNeitherKeyNorKeyFileTheStartIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> new AuditKeySource(new AuditProperties(null, "", null, Duration.ofMinutes(5), null)))
                .isInstanceOf(SettingException.class)
                .hasMessageStartingWith("CONSOLE_AUDIT_KEY: no audit key is configured");
    }

    @Test
    void aBadConfiguredKeyIsRefusedWhenTheBeanIsMade() {
        assertThatThrownBy(() -> new AuditKeySource(new AuditProperties("1:abc", "/unused", null, Duration.ofMinutes(5), null)))
                .isInstanceOf(SettingException.class).hasMessageContaining("at least 32");
    }

    @Test
    void theEmbeddedDefaultGeneratesItsKeyOnceReadableOnlyByItsUser(@TempDir Path home) throws Exception {
        Path file = home.resolve(".config/remediation-console/audit.key");
        AuditKeySource first = new AuditKeySource(new AuditProperties(null, file.toString(), null, Duration.ofMinutes(5), null));
        assertThat(file).doesNotExist(); // nothing is written until first use (the image's training run bakes no key)
        AuditKeys keys = first.keys();
        assertThat(keys.signingId()).isEqualTo(1);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
        String content = Files.readString(file);
        AuditKeys again = new AuditKeySource(new AuditProperties(null, file.toString(), null, Duration.ofMinutes(5), null)).keys();
        assertThat(Files.readString(file)).isEqualTo(content);
        byte[] probe = "x".getBytes();
        assertThat(again.mac(1).doFinal(probe)).isEqualTo(keys.mac(1).doFinal(probe));
    }

    @Test
    void consolesStartingAtTheSameMomentEndUpWithOneKey(@TempDir Path home) throws Exception {
        Path file = home.resolve("conf/audit.key");
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            var futures = new java.util.ArrayList<java.util.concurrent.Future<byte[]>>();
            for (int i = 0; i < 8; i++) {
                futures.add(pool.submit(() -> new AuditKeySource(new AuditProperties(null, file.toString(), null,
                        Duration.ofMinutes(5), null)).keys().mac(1).doFinal("x".getBytes())));
            }
            byte[] first = futures.getFirst().get(30, java.util.concurrent.TimeUnit.SECONDS);
            for (var f : futures) {
                assertThat(f.get(30, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(first);
            }
        } finally {
            pool.shutdownNow();
        }
        try (var files = Files.list(file.getParent())) {
            assertThat(files).as("no temporary files left").containsExactly(file);
        }
    }

    @Test
    void aBrokenKeyFileIsRefusedNamingTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("audit.key");
        Files.writeString(file, "garbage\n");
        AuditKeySource source = new AuditKeySource(new AuditProperties(null, file.toString(), null, Duration.ofMinutes(5), null));
        assertThatThrownBy(source::keys).isInstanceOf(SettingException.class)
                .hasMessageStartingWith("console.audit.key-file (" + file + "): the key is not <key id>:<base64 secret>");
    }

    @org.springframework.boot.context.properties.EnableConfigurationProperties(AuditProperties.class)
    @org.springframework.context.annotation.Import(AuditKeySource.class)
    static class KeysOnly {
    }

    final org.springframework.boot.test.context.runner.ApplicationContextRunner context =
            new org.springframework.boot.test.context.runner.ApplicationContextRunner().withUserConfiguration(KeysOnly.class);

    @Test
    void aBadKeyRefusesTheStartWithOneLine() {
        context.withPropertyValues("console.audit.key=1:c2hvcnQ=").run(started -> {
            assertThat(started).hasFailed();
            var analysis = new org.remediation.console.base.SettingFailureAnalyzer().analyze(started.getStartupFailure());
            assertThat(analysis).isNotNull();
            assertThat(analysis.getDescription()).isEqualTo("CONSOLE_AUDIT_KEY: the key (key id 1) has a secret of 5 bytes;"
                    + " at least 32 are needed (openssl rand -base64 32)");
        });
    }

    @Test
    void thePostgresProfileWithoutAKeyRefusesTheStart() throws Exception {
        var profile = new java.util.Properties();
        try (var in = getClass().getResourceAsStream("/application-postgres.properties")) {
            profile.load(in);
        }
        assertThat(profile.getProperty("console.audit.key-file")).as("no generated key under the postgres profile").isEmpty();
        context.withPropertyValues("console.audit.key-file=").run(started -> {
            assertThat(started).hasFailed();
            var analysis = new org.remediation.console.base.SettingFailureAnalyzer().analyze(started.getStartupFailure());
            assertThat(analysis.getDescription()).startsWith("CONSOLE_AUDIT_KEY: no audit key is configured").doesNotContain("\n");
        });
        context.withPropertyValues("console.audit.key-file=", "console.audit.key=" + A).run(started -> assertThat(started).hasNotFailed());
    }
}
