package org.remediation.console.cloud.gcp.fake;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * What every HTTP/JSON fake must understand of Google's clients: PATCH sent as POST with
 * {@code X-HTTP-Method-Override}, gzip-compressed request bodies, and JSON error bodies.
 */
public final class HttpJson {

    private HttpJson() {
    }

    /** The method the client meant. */
    /** Request bodies received gzip-compressed so far, by any fake in this JVM. */
    public static int gzippedBodies() {
        return GZIPPED.get();
    }

    /** Requests that arrived as POST with X-HTTP-Method-Override: PATCH. */
    public static int overriddenPatches() {
        return OVERRIDDEN.get();
    }

    private static final java.util.concurrent.atomic.AtomicInteger OVERRIDDEN = new java.util.concurrent.atomic.AtomicInteger();

    static String method(HttpExchange ex) {
        String override = ex.getRequestHeaders().getFirst("X-HTTP-Method-Override");
        if ("PATCH".equalsIgnoreCase(override) && "POST".equals(ex.getRequestMethod())) {
            OVERRIDDEN.incrementAndGet();
        }
        return override != null ? override.toUpperCase() : ex.getRequestMethod();
    }

    /** How many request bodies arrived gzip-compressed (tests check the path is exercised). */
    static final java.util.concurrent.atomic.AtomicInteger GZIPPED = new java.util.concurrent.atomic.AtomicInteger();

    static String body(HttpExchange ex) throws IOException {
        InputStream in = ex.getRequestBody();
        if ("gzip".equalsIgnoreCase(ex.getRequestHeaders().getFirst("Content-Encoding"))) {
            GZIPPED.incrementAndGet();
            in = new GZIPInputStream(in);
        }
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    static void send(HttpExchange ex, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    static void error(HttpExchange ex, int status, String grpcStatus, String message) throws IOException {
        send(ex, status, "{\"error\":{\"code\":" + status + ",\"message\":\"" + message.replace("\"", "'")
                + "\",\"status\":\"" + grpcStatus + "\"}}");
    }

    /**
     * Applies an armed fault: answers with its error (true = handled) or sleeps for a slow one and
     * lets the request proceed (false).
     */
    static boolean fault(HttpExchange ex, Faults faults, String request) throws IOException {
        Optional<Faults.Fault> fault = faults.take(request);
        if (fault.isEmpty()) {
            return false;
        }
        if (fault.get().answersNormally()) {
            Faults.sleep(fault.get().delay());
            return false;
        }
        send(ex, fault.get().httpStatus(), fault.get().toJson());
        return true;
    }

    static String describe(HttpExchange ex) {
        return method(ex) + " " + ex.getRequestURI().getPath();
    }
}
