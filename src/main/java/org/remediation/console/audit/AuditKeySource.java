package org.remediation.console.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.remediation.console.base.SettingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Where the audit keys come from: {@code CONSOLE_AUDIT_KEY}, or (embedded default, nothing configured)
 * a key generated once into {@code console.audit.key-file}, outside {@code ./data} so that whoever
 * holds the database file does not hold the key. A configured key is checked when the bean is made, so
 * a bad one refuses the start; the file is read or written on first use (the start's runner), not
 * while the context is merely built (the Docker image's training run bakes no key).
 */
@Component
class AuditKeySource {

    private static final Logger log = LoggerFactory.getLogger(AuditKeySource.class);
    static final String SETTING = "CONSOLE_AUDIT_KEY";

    private final @Nullable Path keyFile;
    private volatile @Nullable AuditKeys keys;

    AuditKeySource(AuditProperties properties) {
        String key = properties.key();
        String file = properties.keyFile();
        if (key != null && !key.isBlank()) {
            this.keys = AuditKeys.parse(key, SETTING);
            this.keyFile = null;
        } else if (file != null && !file.isBlank()) {
            this.keyFile = Path.of(file).toAbsolutePath().normalize();
        } else {
            throw new SettingException(SETTING, "no audit key is configured; set CONSOLE_AUDIT_KEY=1:<base64 of 32 random"
                    + " bytes> (e.g. 1:$(openssl rand -base64 32)) and keep it outside the database (docs/security.md)");
        }
    }

    AuditKeys keys() {
        AuditKeys k = keys;
        if (k == null) {
            synchronized (this) {
                k = keys;
                if (k == null) {
                    k = fromFile(java.util.Objects.requireNonNull(keyFile));
                    keys = k;
                }
            }
        }
        return k;
    }

    private static AuditKeys fromFile(Path file) {
        String setting = "console.audit.key-file (" + file + ")";
        try {
            if (!Files.exists(file)) {
                generate(file);
                log.info("Audit key: generated {} (keep it with backups of ./data: events it signed verify only with it;"
                        + " production sets CONSOLE_AUDIT_KEY)", file);
            } else {
                log.info("Audit key: {}", file);
            }
            return AuditKeys.parse(Files.readString(file, StandardCharsets.UTF_8).strip(), setting);
        } catch (IOException e) {
            throw new SettingException(setting, "cannot read or create the audit key file: " + e.getMessage());
        }
    }

    /** 256 random bits as key id 1, created readable by this user only (never overwritten). */
    static void generate(Path file) throws IOException {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        Path dir = file.getParent();
        boolean posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
        if (dir != null && !Files.isDirectory(dir)) {
            if (posix) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(dir);
            }
        }
        // written whole under another name, then linked into place: a console starting at the same moment
        // sees no file or the whole key, never half of one, and never has its key replaced
        Path tmp = posix ? Files.createTempFile(dir, "audit.key", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : Files.createTempFile(dir, "audit.key", ".tmp");
        try {
            Files.writeString(tmp, AuditKeys.format(Map.of(1, secret)) + "\n", StandardCharsets.UTF_8);
            Files.createLink(file, tmp);
        } catch (FileAlreadyExistsException e) {
            // another console on this machine made it first: use that one
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
