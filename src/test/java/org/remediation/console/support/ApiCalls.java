package org.remediation.console.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.remediation.console.security.ApiTokenService;
import org.remediation.console.security.Role;

/** Calls the REST API of a console on a loopback port with real API tokens, as a script would. */
public final class ApiCalls {

    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final long RUN = System.currentTimeMillis();

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    public ApiCalls(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /**
     * A personal token of an existing user, with the given roles (which the user must hold). Named per
     * JVM too: active names are unique per user, and a database kept from an earlier run holds "test-1".
     */
    public static String tokenFor(ApiTokenService tokens, String username, Role... roles) {
        return As.user(username, roles, () -> tokens.createPersonal("test-" + RUN + "-" + SEQ.incrementAndGet(), null,
                Set.of(roles))).value();
    }

    public HttpResponse<String> get(String path, @Nullable String token, String... headers)
            throws IOException, InterruptedException {
        return send("GET", path, token, null, null, headers);
    }

    public HttpResponse<String> post(String path, @Nullable String token, String contentType, String body,
                                     String... headers) throws IOException, InterruptedException {
        return send("POST", path, token, contentType, body, headers);
    }

    public HttpResponse<String> put(String path, @Nullable String token, String contentType, String body,
                                    String... headers) throws IOException, InterruptedException {
        return send("PUT", path, token, contentType, body, headers);
    }

    /** Any call; {@code headers} are name/value pairs. */
    public HttpResponse<String> send(String method, String path, @Nullable String token, @Nullable String contentType,
                                     @Nullable String body, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
