package org.remediation.console.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.remediation.console.audit.AuditFilter;
import org.remediation.console.audit.AuditService;
import org.remediation.console.audit.ChainVerification;
import org.remediation.console.base.Problems;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit trail for scripts: the audit view's JSONL export with the view's filters, and its chain
 * verification. Who may read them is {@link AuditService}'s decision (ADMIN and COMMANDER, as the view).
 */
@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "Audit", description = "Export and verify the audit trail (docs/api/probe-targets-and-audit.md)")
class AuditController {

    static final String NDJSON = "application/x-ndjson";
    private static final Set<String> FILTERS = Set.of("actor", "action", "subject", "from", "to");

    private final AuditService audit;

    AuditController(AuditService audit) {
        this.audit = audit;
    }

    @GetMapping(produces = {NDJSON, "application/jsonl"})
    @Operation(summary = "Export audit events as JSON Lines, oldest first (ADMIN, COMMANDER)", description = "Filters "
            + "as in the audit view: actor, action and subject match a prefix; from (inclusive) and to (exclusive) are "
            + "ISO-8601 instants (2026-12-01T05:00:00Z) or local date-times read as UTC, like the view's pickers.")
    @ApiResponse(responseCode = "200", description = "One JSON object per line",
            content = @Content(mediaType = NDJSON))
    @ApiResponse(responseCode = "403", description = "Neither ADMIN nor COMMANDER",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "422", description = "A filter that cannot be read, or an unknown parameter",
            content = @Content(mediaType = "application/problem+json"))
    void export(@Parameter(description = "Actor name prefix") @RequestParam(required = false) @Nullable String actor,
                @Parameter(description = "Action prefix, e.g. probe.target") @RequestParam(required = false) @Nullable String action,
                @Parameter(description = "Subject prefix, e.g. probe:") @RequestParam(required = false) @Nullable String subject,
                @Parameter(description = "From this instant on") @RequestParam(required = false) @Nullable String from,
                @Parameter(description = "Before this instant") @RequestParam(required = false) @Nullable String to,
                HttpServletRequest request, HttpServletResponse response) throws IOException {
        AuditFilter filter = filter(request, actor, action, subject, from, to);
        String type = request.getHeader("Accept") != null && request.getHeader("Accept").contains("application/jsonl")
                ? "application/jsonl" : NDJSON;
        ContentTypeOnFirstWrite out = new ContentTypeOnFirstWrite(response, type + ";charset=UTF-8");
        audit.exportJsonl(filter, out);
        out.flush();
    }

    @GetMapping(path = "/verify", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Verify the audit chain and its anchor (ADMIN, COMMANDER)", description = "As the view's "
            + "'Verify chain': valid, events checked, the first broken event and why. 200 either way: read 'valid'.")
    @ApiResponse(responseCode = "200", description = "The verification")
    @ApiResponse(responseCode = "403", description = "Neither ADMIN nor COMMANDER",
            content = @Content(mediaType = "application/problem+json"))
    ChainVerification verify() {
        return audit.verify();
    }

    private static AuditFilter filter(HttpServletRequest request, @Nullable String actor, @Nullable String action,
                                      @Nullable String subject, @Nullable String from, @Nullable String to) {
        Problems p = new Problems();
        List<String> unknown = request.getParameterMap().keySet().stream().filter(k -> !FILTERS.contains(k)).sorted().toList();
        // a misspelt filter would silently export everything
        p.check(unknown.isEmpty(), unknown.isEmpty() ? "" : unknown.getFirst(), "Unknown parameter(s) " + unknown
                + "; the filters are actor, action, subject, from and to.");
        Instant f = instant(p, "from", from);
        Instant t = instant(p, "to", to);
        p.check(f == null || t == null || f.isBefore(t), "to", "to (" + t + ") must be after from (" + f + ").");
        p.throwIfAny();
        return new AuditFilter(actor, action, subject, f, t);
    }

    private static @Nullable Instant instant(Problems p, String field, @Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(text.strip()).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                p.add(field, "'" + text + "' is not a date-time; write e.g. 2026-12-01T05:00:00Z (or without the Z for UTC).");
                return null;
            }
        }
    }

    /**
     * Sets the content type when the first byte goes out, so that a refusal before the export starts
     * still becomes a problem document rather than a JSONL response.
     */
    private static final class ContentTypeOnFirstWrite extends OutputStream {
        private final HttpServletResponse response;
        private final String type;
        private @Nullable OutputStream out;

        ContentTypeOnFirstWrite(HttpServletResponse response, String type) {
            this.response = response;
            this.type = type;
        }

        private OutputStream out() throws IOException {
            if (out == null) {
                response.setContentType(type);
                out = response.getOutputStream();
            }
            return out;
        }

        @Override
        public void write(int b) throws IOException {
            out().write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out().write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            out().flush();
        }
    }
}
