package org.remediation.console.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SelfAddressTest {

    @Test
    void selfIsNeverGuessedBeforeTheServerPortIsKnown() {
        SelfAddress self = new SelfAddress();
        assertThat(self.resolve(Map.of("host", "127.0.0.1"))).containsEntry("host", "127.0.0.1");
        assertThatThrownBy(() -> self.resolve(Map.of("url", "http://{self}/x"))).hasMessageContaining("not known yet");
    }
}
