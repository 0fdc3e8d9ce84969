package org.remediation.console.security;

import com.vaadin.flow.server.VaadinSession;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionAttributeListener;
import jakarta.servlet.http.HttpSessionBindingEvent;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.remediation.console.audit.AuditService;
import org.remediation.console.base.identity.SystemActor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Ends a user's sessions when their access ends (issue 16, item 4). Knows every signed-in HTTP session
 * by its user (Spring Security keeps the sign-in in a session attribute); on {@link AccessRevoked} each
 * open page is sent to the sign-in page over push, then the session is invalidated, so neither a click
 * nor a live update reaches that user again.
 */
@Component
class OpenSessions implements HttpSessionAttributeListener, HttpSessionListener {

    private static final Logger log = LoggerFactory.getLogger(OpenSessions.class);
    static final String ENDED_PAGE = "login?ended";
    private static final java.time.Duration PUSH_GRACE = java.time.Duration.ofMillis(500);
    private static final String KEY = HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY;

    private final Map<String, Set<HttpSession>> byUser = new ConcurrentHashMap<>();
    private final AuditService audit;

    OpenSessions(AuditService audit) {
        this.audit = audit;
    }

    @Override
    public void attributeAdded(HttpSessionBindingEvent e) {
        signedIn(e);
    }

    @Override
    public void attributeReplaced(HttpSessionBindingEvent e) {
        signedIn(e);
    }

    @Override
    public void attributeRemoved(HttpSessionBindingEvent e) {
        if (KEY.equals(e.getName())) {
            forget(e.getSession());
        }
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent e) {
        forget(e.getSession());
    }

    private void signedIn(HttpSessionBindingEvent e) {
        if (KEY.equals(e.getName()) && e.getSession().getAttribute(KEY) instanceof SecurityContext c
                && c.getAuthentication() != null && c.getAuthentication().isAuthenticated()) {
            forget(e.getSession()); // a new sign-in on the same session may be someone else
            byUser.computeIfAbsent(c.getAuthentication().getName(), u -> ConcurrentHashMap.newKeySet()).add(e.getSession());
        }
    }

    private void forget(HttpSession session) {
        byUser.values().forEach(sessions -> sessions.remove(session));
        byUser.values().removeIf(Set::isEmpty);
    }

    int openFor(String username) {
        return byUser.getOrDefault(username, Collections.emptySet()).size();
    }

    /** After the change committed, on its own thread: the admin's own page holds its session's lock. */
    @TransactionalEventListener(fallbackExecution = true)
    void on(AccessRevoked revoked) {
        Set<HttpSession> sessions = byUser.remove(revoked.username());
        if (sessions == null || sessions.isEmpty()) {
            return;
        }
        Thread.ofVirtual().name("end-sessions").start(() -> end(revoked, sessions));
    }

    private void end(AccessRevoked revoked, Set<HttpSession> sessions) {
        int ended = 0;
        for (HttpSession session : sessions) {
            try {
                vaadinSessionOf(session).ifPresent(OpenSessions::sendToSignIn);
                session.invalidate();
                ended++;
            } catch (IllegalStateException alreadyGone) {
                // invalidated meanwhile (signed out, expired): nothing left to end
            }
        }
        int count = ended;
        log.info("Ended {} session(s) of {}: {}", count, revoked.username(), revoked.why());
        SystemActor.run(() -> audit.append(SystemActor.NAME, "user.sessions-ended", "user:" + revoked.username(),
                Map.of("sessions", count, "reason", revoked.why())));
    }

    private static java.util.Optional<VaadinSession> vaadinSessionOf(HttpSession session) {
        for (String name : Collections.list(session.getAttributeNames())) {
            if (session.getAttribute(name) instanceof VaadinSession vaadin) {
                return java.util.Optional.of(vaadin);
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * Every open page of the session goes to the sign-in page now, over push, before the session is gone:
     * pushed inside the command (an automatic push would come after the lock is released, and could lose
     * the race with the invalidation), then a moment for the message to leave.
     */
    private static void sendToSignIn(VaadinSession vaadin) {
        try {
            vaadin.access(() -> vaadin.getUIs().forEach(ui -> {
                ui.getPage().setLocation(ENDED_PAGE);
                ui.push();
            })).get(5, TimeUnit.SECONDS);
            Thread.sleep(PUSH_GRACE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.debug("Could not redirect the open pages of a session being ended", e);
        }
    }
}
