package org.remediation.testidp;

import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * A man in the middle of the provider's token endpoint, armed by {@link ProviderState.Next#TAMPERED}: it
 * rewrites the signed ID token's payload to put the person into {@code console-admins}, keeping the original
 * header and signature, as an attacker who cannot sign would.
 */
final class TamperingTokenEndpoint extends OncePerRequestFilter {

    private final ProviderState parts;

    TamperingTokenEndpoint(ProviderState parts) {
        this.parts = parts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!parts.take(ProviderState.Next.TAMPERED)) {
            chain.doFilter(request, response);
            return;
        }
        ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, wrapper);
        try {
            Map<String, Object> body = JSONObjectUtils.parse(new String(wrapper.getContentAsByteArray(), StandardCharsets.UTF_8));
            String[] jwt = String.valueOf(body.get("id_token")).split("\\.");
            Map<String, Object> claims = JSONObjectUtils.parse(new Base64URL(jwt[1]).decodeToString());
            claims.put("groups", List.of("console-admins"));
            body.put("id_token", jwt[0] + "." + Base64URL.encode(JSONObjectUtils.toJSONString(claims)) + "." + jwt[2]);
            byte[] tampered = JSONObjectUtils.toJSONString(body).getBytes(StandardCharsets.UTF_8);
            wrapper.resetBuffer();
            wrapper.getOutputStream().write(tampered);
        } catch (java.text.ParseException e) {
            throw new IOException("token response is not JSON", e);
        }
        wrapper.copyBodyToResponse();
    }
}
