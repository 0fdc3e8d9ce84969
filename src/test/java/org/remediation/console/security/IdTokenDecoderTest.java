package org.remediation.console.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.remediation.console.support.OidcProvider;
import org.remediation.console.support.SsoConsoleTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * The ID token check the console's sign-in uses (the decoder Spring builds for the registration, with the
 * provider's published keys): only what the provider signed, for this client, still valid, gets through.
 */
class IdTokenDecoderTest extends SsoConsoleTest {

    @Autowired
    JwtDecoderFactory<ClientRegistration> decoders;

    @Autowired
    ClientRegistrationRepository registrations;

    private JwtDecoder decoder() {
        return decoders.createDecoder(registrations.findByRegistrationId("sso"));
    }

    @Test
    void aTokenThatTheProviderSignedForThisClientIsAccepted() throws Exception {
        assertThat(decoder().decode(sign(PROVIDER.signingKey(), b -> b)).getSubject()).isEqualTo("subject-1");
    }

    @Test
    void aTokenWhosePayloadWasChangedAfterSigningIsRefused() throws Exception {
        String[] parts = sign(PROVIDER.signingKey(), b -> b).split("\\.");
        String forged = claims(b -> b.claim("groups", List.of("console-admins"))).toString();
        String tampered = parts[0] + "." + Base64URL.encode(forged) + "." + parts[2];
        assertThatThrownBy(() -> decoder().decode(tampered)).isInstanceOf(JwtException.class)
                .hasMessageContaining("signature");
    }

    @Test
    void aTokenSignedWithAnotherKeyUnderTheProvidersKeyIdIsRefused() throws Exception {
        RSAKey impostor = new RSAKeyGenerator(2048).keyID(PROVIDER.signingKey().getKeyID()).generate();
        assertThatThrownBy(() -> decoder().decode(sign(impostor, b -> b))).isInstanceOf(JwtException.class)
                .hasMessageContaining("signature");
    }

    @Test
    void anExpiredTokenIsRefused() throws Exception {
        Instant past = Instant.now().minus(Duration.ofHours(2));
        assertThatThrownBy(() -> decoder().decode(sign(PROVIDER.signingKey(), b -> b.issueTime(Date.from(past))
                .expirationTime(Date.from(past.plus(Duration.ofMinutes(30))))))).isInstanceOf(JwtException.class)
                .hasMessageContaining("exp");
    }

    @Test
    void aTokenForAnotherClientOrFromAnotherIssuerIsRefused() throws Exception {
        assertThatThrownBy(() -> decoder().decode(sign(PROVIDER.signingKey(), b -> b.audience("another-app"))))
                .isInstanceOf(JwtException.class).hasMessageContaining("aud");
        assertThatThrownBy(() -> decoder().decode(sign(PROVIDER.signingKey(), b -> b.issuer("https://evil.example"))))
                .isInstanceOf(JwtException.class).hasMessageContaining("iss");
    }

    private static String sign(RSAKey key, UnaryOperator<JWTClaimsSet.Builder> change) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                claims(change));
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static JWTClaimsSet claims(UnaryOperator<JWTClaimsSet.Builder> change) {
        Instant now = Instant.now();
        return change.apply(new JWTClaimsSet.Builder().issuer(PROVIDER.issuer()).subject("subject-1")
                .audience(OidcProvider.CLIENT_ID).issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5)))).claim("groups", List.of("operators")))
                .build();
    }
}
