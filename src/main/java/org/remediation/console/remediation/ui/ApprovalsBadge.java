package org.remediation.console.remediation.ui;

import com.vaadin.flow.component.html.Span;
import org.remediation.console.base.LiveEvents;
import org.remediation.console.base.identity.CurrentUser;
import org.remediation.console.base.identity.Roles;
import org.remediation.console.base.ui.LiveSubscription;
import org.remediation.console.base.ui.NavBadge;
import org.remediation.console.base.ui.Notices;
import org.remediation.console.remediation.ActionChanged;
import org.remediation.console.remediation.ActionRecord;
import org.remediation.console.remediation.ActionStatus;
import org.remediation.console.remediation.RemediationService;

/**
 * The two-person flow's signals in every tab of an OPERATOR or COMMANDER (issue 15, item 8): beside
 * "Approvals", how many requests wait for this user; a notice when one arrives, and to the requester
 * when theirs is approved, rejected or goes stale.
 */
@org.springframework.stereotype.Component
class ApprovalsBadge implements NavBadge {

    private final RemediationService service;
    private final LiveEvents live;

    ApprovalsBadge(RemediationService service, LiveEvents live) {
        this.service = service;
        this.live = live;
    }

    @Override
    public String path() {
        return "actions/inbox";
    }

    @Override
    public com.vaadin.flow.component.Component create() {
        Span count = new Span();
        count.setId("approvals-count");
        count.getElement().getThemeList().add("badge error pill small");
        if (!approver()) {
            count.setVisible(false);
            return count;
        }
        refresh(count);
        LiveSubscription.bind(count, live, ActionChanged.class, e -> {
            if (e.status() == ActionStatus.RUNNING) {
                return; // progress of a running action: nothing to approve, nothing to tell (and many of them)
            }
            refresh(count);
            tell(e);
        });
        return count;
    }

    private static boolean approver() {
        return CurrentUser.hasRole(Roles.OPERATOR) || CurrentUser.hasRole(Roles.COMMANDER);
    }

    private void refresh(Span count) {
        int waiting = service.inbox().size();
        count.setText(String.valueOf(waiting));
        count.getElement().setAttribute("aria-label", waiting + (waiting == 1 ? " approval waits" : " approvals wait"));
        count.setVisible(waiting > 0);
    }

    /** The people concerned hear of it where they are, not only when they open the page. */
    private void tell(ActionChanged e) {
        if (e.status() != ActionStatus.AWAITING_APPROVAL && e.status() != ActionStatus.READY
                && e.status() != ActionStatus.REJECTED && e.status() != ActionStatus.STALE) {
            return;
        }
        String me = CurrentUser.usernameOr("");
        ActionRecord a = service.get(e.actionId());
        boolean mine = a.requestedBy().equals(me);
        if (e.status() == ActionStatus.AWAITING_APPROVAL && !mine) {
            Notices.warning("Action #" + a.id() + " by " + a.requestedBy() + " waits for your approval: " + a.title()
                    + " (Approvals).");
        } else if (mine && e.status() == ActionStatus.READY && a.approvedBy() != null && "approved".equals(e.message())) {
            Notices.success("Your action #" + a.id() + " was approved by " + a.approvedBy() + ": you may execute it.");
        } else if (mine && e.status() == ActionStatus.REJECTED) {
            Notices.warning("Your action #" + a.id() + " was rejected: " + a.decidedNote());
        } else if (mine && e.status() == ActionStatus.STALE) {
            Notices.warning("Your action #" + a.id() + " went stale (the live state changed): preview it again.");
        }
    }
}
