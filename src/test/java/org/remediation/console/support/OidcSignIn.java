package org.remediation.console.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser-like HTTP client (cookies, no automatic redirects) that signs in to the console through the
 * {@link OidcProvider}: the console's authorization request, the provider's sign-in form, the redirect back
 * with the code. Each step is kept, so tests can look at the requests and tamper with the callback.
 */
public final class OidcSignIn {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    /** What happened: the authorization request, the callback with code and state, and where the console sent us. */
    public record Result(URI authorizationRequest, URI callback, String landing) {
        public boolean signedIn() {
            return !landing.contains("/login");
        }
    }

    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final String console;

    public OidcSignIn(int consolePort) {
        this.console = "http://127.0.0.1:" + consolePort;
    }

    public Result signIn(String username) throws IOException, InterruptedException {
        return signIn(username, UnaryOperator.identity());
    }

    /** Signs in; {@code callbackTamper} may change the provider's redirect back before the console sees it. */
    public Result signIn(String username, UnaryOperator<URI> callbackTamper) throws IOException, InterruptedException {
        URI authorization = URI.create(location(get(URI.create(console + "/oauth2/authorization/sso"))));
        URI next = authorization;
        for (int step = 0; !next.toString().startsWith(console); step++) {
            if (step > 10) {
                throw new IllegalStateException("no way back to the console from " + next);
            }
            HttpResponse<String> response = get(next);
            if (response.statusCode() == 200 && next.getPath().equals("/login")) {
                response = postLogin(next, username, response.body());
            }
            next = next.resolve(location(response));
        }
        URI callback = next;
        String landing = location(get(callbackTamper.apply(callback)));
        return new Result(authorization, callback, landing);
    }

    /** GET on the console with this client's cookies. */
    public HttpResponse<String> console(String path) throws IOException, InterruptedException {
        return get(URI.create(console + path));
    }

    public HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> post(URI uri, String form, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postLogin(URI page, String username, String html) throws IOException, InterruptedException {
        Matcher csrf = CSRF.matcher(html);
        if (!csrf.find()) {
            throw new IllegalStateException("the provider's sign-in page carries no CSRF token");
        }
        return post(page, "username=" + enc(username) + "&password=" + enc(OidcProvider.PASSWORD) + "&_csrf="
                + enc(csrf.group(1)));
    }

    private static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElseThrow(() -> new IllegalStateException(
                "expected a redirect from " + response.uri() + ", got " + response.statusCode() + ": "
                        + response.body().substring(0, Math.min(300, response.body().length()))));
    }

    public static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
