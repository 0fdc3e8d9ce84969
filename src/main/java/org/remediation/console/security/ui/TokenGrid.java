package org.remediation.console.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import java.time.Instant;
import java.util.TreeSet;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.remediation.console.base.HumanTime;
import org.remediation.console.base.InvalidInputException;
import org.remediation.console.base.ui.ConfirmStep;
import org.remediation.console.base.ui.Notices;
import org.remediation.console.security.ApiTokenService;
import org.remediation.console.security.ApiTokenSummary;

/**
 * The tokens grid of both token views: what a token is, whether it may still act, and a revoke button
 * behind a confirmation. Never the token itself: the summary has only its prefix.
 */
final class TokenGrid extends Grid<ApiTokenSummary> {

    /**
     * {@code owner} labels the owner column (admins see everyone's tokens); null leaves the column out.
     */
    TokenGrid(ApiTokenService tokens, @Nullable Function<String, String> owner, Runnable onRevoked) {
        if (owner != null) {
            addColumn(t -> owner.apply(t.owner())).setHeader("Owner").setAutoWidth(true);
        }
        addColumn(ApiTokenSummary::name).setHeader("Name").setAutoWidth(true);
        addColumn(t -> t.prefix() + "…").setHeader("Prefix").setAutoWidth(true);
        addColumn(t -> String.join(", ", new TreeSet<>(t.roles().stream().map(Enum::name).toList())))
                .setHeader("Roles").setAutoWidth(true);
        addColumn(t -> HumanTime.timestamp(t.createdAt())).setHeader("Created").setAutoWidth(true);
        addColumn(t -> HumanTime.timestamp(t.expiresAt())).setHeader("Expires").setAutoWidth(true);
        addColumn(t -> time(t.lastUsedAt())).setHeader("Last used").setAutoWidth(true);
        addColumn(TokenGrid::status).setHeader("Status").setAutoWidth(true);
        addComponentColumn(t -> t.active() ? revokeButton(tokens, t, onRevoked) : new Span())
                .setHeader("").setKey("revoke").setAutoWidth(true);
        setAllRowsVisible(true);
    }

    /** active, expired, or revoked by whom (and why, when it was not a person's click). */
    static String status(ApiTokenSummary t) {
        if (t.revokedAt() != null) {
            String reason = t.revokeReason();
            return "revoked by " + t.revokedBy() + " " + HumanTime.timestamp(t.revokedAt())
                    + (reason == null || reason.startsWith("revoked by") ? "" : " (" + reason + ")");
        }
        return t.active() ? "active" : "expired";
    }

    private static String time(@Nullable Instant at) {
        return at == null ? "never" : HumanTime.timestamp(at);
    }

    private static Button revokeButton(ApiTokenService tokens, ApiTokenSummary t, Runnable onRevoked) {
        Button revoke = new Button("Revoke", e -> new ConfirmStep("revoke-token", "Revoke token '" + t.name() + "'?",
                "Whatever uses " + t.prefix() + "… (owner " + t.owner() + ") is refused from the next request on. "
                        + "A revoked token cannot be restored: create a new one if it is still needed.",
                null, "Revoke", () -> {
                    try {
                        tokens.revoke(t.id());
                        Notices.success("Token '" + t.name() + "' revoked");
                    } catch (InvalidInputException ex) {
                        Notices.showProblems(ex, java.util.Map.of());
                    }
                    onRevoked.run();
                }).open());
        revoke.setId("revoke-" + t.id());
        revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        return revoke;
    }
}
