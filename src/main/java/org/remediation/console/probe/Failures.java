package org.remediation.console.probe;

import java.io.IOException;
import org.remediation.console.base.egress.EgressDeniedException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/** Turns exceptions into an outcome, an error class and a sentence a responder understands. */
final class Failures {

    record Failure(Outcome outcome, String errorClass, String message) {
    }

    private Failures() {
    }

    private static final java.util.regex.Pattern USERINFO = java.util.regex.Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*://)[^/@\\s]+@");
    private static final java.util.regex.Pattern QUERY = java.util.regex.Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*://[^\\s?#]*)\\?[^\\s#]*");

    /** The failure with URLs in its text stripped of user info and query strings, where tokens live (issue 16). */
    static Failure classify(Throwable t, String what, Duration timeout) {
        Failure f = raw(t, what, timeout);
        return new Failure(f.outcome(), f.errorClass(), redact(f.message()));
    }

    /** {@code https://user:pw@host/p?token=x} → {@code https://host/p?…}. */
    static String redact(String text) {
        return QUERY.matcher(USERINFO.matcher(text).replaceAll("$1")).replaceAll("$1?…");
    }

    private static Failure raw(Throwable t, String what, Duration timeout) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof EgressDeniedException) {
                return new Failure(Outcome.ERROR, "egress-denied", message(c));
            }
            if (c instanceof SocketTimeoutException || c instanceof HttpTimeoutException
                    || c instanceof TimeoutException || c instanceof Run.DeadlineExceeded
                    || c instanceof InterruptedException) {
                return new Failure(Outcome.TIMEOUT, "timeout",
                        "No answer from " + what + " within " + timeout.toMillis() + " ms");
            }
            if (c instanceof ConnectException) {
                return new Failure(Outcome.DOWN, "connection-refused", "Connection to " + what + " refused");
            }
            if (c instanceof UnknownHostException) {
                return new Failure(Outcome.DOWN, "unknown-host", "Host name of " + what + " does not resolve");
            }
            if (c instanceof NoRouteToHostException) {
                return new Failure(Outcome.DOWN, "no-route", "No network route to " + what);
            }
            if (c instanceof SSLException) {
                return new Failure(Outcome.DOWN, "tls", "TLS with " + what + " failed: " + message(c));
            }
        }
        for (Throwable c = t; c != null; c = c.getCause()) { // also inside an ExecutionException of an async client
            if (c instanceof IOException) {
                return new Failure(Outcome.DOWN, "io", "Talking to " + what + " failed: " + message(c));
            }
        }
        return new Failure(Outcome.ERROR, "probe-error", "The probe of " + what + " failed: " + message(t));
    }

    static String message(Throwable t) {
        String m = t.getMessage();
        String s = m == null || m.isBlank() ? t.getClass().getSimpleName() : redact(m); // before the cut, which could halve a URL
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
