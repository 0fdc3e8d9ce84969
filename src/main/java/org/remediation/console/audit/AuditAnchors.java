package org.remediation.console.audit;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Properties;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The latest anchor of this database's chain, kept in a file outside the database
 * ({@code console.audit.anchor-dir}). One file per database location, so that two consoles on one
 * machine (two checkouts, the tests' many in-memory databases) never check against each other's anchor.
 */
@Component
class AuditAnchors {

    /** The chain's head as anchored: event {@code seq} had {@code hash} (made with {@code keyId}) at {@code at}. */
    record Anchor(long seq, String hash, int keyId, Instant at) {
    }

    private final Path dir;
    private final DataSource dataSource;
    private volatile @Nullable Path file;

    AuditAnchors(AuditProperties properties, DataSource dataSource) {
        String configured = properties.anchorDir();
        this.dir = (configured == null || configured.isBlank()
                ? Path.of(System.getProperty("user.home"), ".config", "remediation-console", "anchors")
                : Path.of(configured)).toAbsolutePath().normalize();
        this.dataSource = dataSource;
    }

    /** The anchor file of the database the console is connected to (its URL as the driver reports it). */
    Path file() {
        Path f = file;
        if (f == null) {
            String url = new JdbcTemplate(dataSource).execute((java.sql.Connection c) -> c.getMetaData().getURL());
            f = dir.resolve("audit-anchor-" + databaseId(url == null ? "" : url) + ".properties");
            file = f;
        }
        return f;
    }

    /**
     * A short name for where the database lives: the JDBC URL without parameters (which may hold a
     * password), an H2 file path made absolute (the default {@code ./data} is relative).
     */
    static String databaseId(String url) {
        String location = url.split("[;?]", 2)[0];
        String h2File = location.startsWith("jdbc:h2:file:") ? location.substring("jdbc:h2:file:".length()) : null;
        if (h2File != null) {
            location = "jdbc:h2:file:" + Path.of(h2File).toAbsolutePath().normalize();
        }
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(location.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    Optional<Anchor> latest() {
        if (!Files.isRegularFile(file())) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file(), StandardCharsets.UTF_8)) {
            p.load(r);
            return Optional.of(new Anchor(Long.parseLong(p.getProperty("seq")), p.getProperty("hash"),
                    Integer.parseInt(p.getProperty("keyId")), Instant.parse(p.getProperty("at"))));
        } catch (IOException | RuntimeException e) {
            // an unreadable anchor must not pass for "no anchor": verify() reports it
            throw new IllegalStateException("the audit anchor " + file() + " is unreadable: " + e.getMessage(), e);
        }
    }

    /** Replaces the anchor atomically (a crash leaves the old one or the new one, never half of one). */
    synchronized void write(Anchor a) {
        Properties p = new Properties();
        p.setProperty("seq", String.valueOf(a.seq()));
        p.setProperty("hash", a.hash());
        p.setProperty("keyId", String.valueOf(a.keyId()));
        p.setProperty("at", a.at().toString());
        try {
            Files.createDirectories(file().getParent());
            Path tmp = Files.createTempFile(file().getParent(), file().getFileName().toString(), ".tmp");
            StringWriter text = new StringWriter();
            p.store(text, "audit chain anchor (docs/security.md)");
            Files.writeString(tmp, text.toString(), StandardCharsets.UTF_8);
            Files.move(tmp, file(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the audit anchor " + file(), e);
        }
    }

    /** Keeps an anchor that no longer applies next to the file, for whoever investigates. */
    synchronized Path setAside(Instant now) {
        Path aside = file().resolveSibling(file().getFileName() + ".replaced-" + now.toEpochMilli());
        try {
            Files.move(file(), aside);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move the audit anchor " + file() + " aside", e);
        }
        return aside;
    }
}
