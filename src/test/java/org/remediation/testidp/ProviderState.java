package org.remediation.testidp;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/** What the test provider knows, shared between the tests' {@code OidcProvider} and {@link ProviderConfig}. */
public final class ProviderState {

    /** What the next ID token gets wrong (once), or {@link #GOOD}. */
    public enum Next { GOOD, EXPIRED, WRONG_NONCE, TAMPERED }

    public final int consolePort;
    public final RSAKey key;
    public final Map<String, List<String>> groups = new ConcurrentHashMap<>();
    public final Map<String, Boolean> noPreferredUsername = new ConcurrentHashMap<>();
    public final AtomicReference<Next> next = new AtomicReference<>(Next.GOOD);
    public final InMemoryUserDetailsManager users = new InMemoryUserDetailsManager();

    public ProviderState(int consolePort) {
        this.consolePort = consolePort;
        try {
            this.key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Takes the armed fault if it is this one. */
    boolean take(Next fault) {
        return next.compareAndSet(fault, Next.GOOD);
    }
}
