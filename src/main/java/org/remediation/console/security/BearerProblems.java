package org.remediation.console.security;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * 401 and 403 of the API before a controller runs, as RFC 9457 problem documents with the RFC 6750
 * challenge, so a script sees why its token was refused ("expired at …", "revoked") and not a bare status.
 */
final class BearerProblems {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private BearerProblems() {
    }

    static AuthenticationEntryPoint entryPoint(String realmHint) {
        return (request, response, e) -> {
            String error = request.getHeader("Authorization") == null ? "" : ", error=\"invalid_token\"";
            response.setHeader("WWW-Authenticate", "Bearer realm=\"Remediation Console\"" + error);
            write(response, 401, "Not signed in", message(e, realmHint), request.getRequestURI());
        };
    }

    static AccessDeniedHandler denied(TokenUseAudit tokens) {
        return (request, response, e) -> {
            tokens.deniedForCurrentToken(request.getMethod() + " " + request.getRequestURI());
            response.setHeader("WWW-Authenticate", "Bearer error=\"insufficient_scope\"");
            write(response, 403, "Forbidden", message(e), request.getRequestURI());
        };
    }

    private static String message(AuthenticationException e, String hint) {
        String m = e.getMessage();
        return m == null || m.startsWith("Full authentication is required") ? hint : m;
    }

    private static String message(AccessDeniedException e) {
        String m = e.getMessage();
        return m == null || m.equals("Access Denied") ? "Your token's roles do not allow this." : m;
    }

    static void write(HttpServletResponse response, int status, String title, String detail, String instance)
            throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        problem.put("instance", instance);
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.getOutputStream().write(JSON.writeValueAsBytes(problem));
    }
}
