package org.remediation.console.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A browser-like HTTP session (cookies, CSRF token) against a console on a loopback port. */
public final class WebSession {

    private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    private final HttpClient client;
    private final String base;

    public WebSession(int port) {
        this(port, "127.0.0.1");
    }

    /** A session from another loopback address (127.0.0.0/8): a different source for the login throttle. */
    public WebSession(int port, String from) {
        this.base = "http://127.0.0.1:" + port;
        try {
            this.client = HttpClient.newBuilder().cookieHandler(new CookieManager()).localAddress(java.net.InetAddress.getByName(from))
                    .followRedirects(HttpClient.Redirect.NEVER).build();
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(from, e);
        }
    }

    /** Posts the login form the way Vaadin's LoginForm does; returns the redirect target. */
    public String login(String username, String password) throws IOException, InterruptedException {
        String page = get("/login").body();
        Matcher m = CSRF.matcher(page);
        if (!m.find()) {
            throw new IllegalStateException("login page carries no CSRF token");
        }
        String form = "username=" + enc(username) + "&password=" + enc(password) + "&_csrf=" + enc(m.group(1));
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        return response.headers().firstValue("Location").orElse("");
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
