package org.remediation.console.probe.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProbeFormatTest {

    @Test
    void metricValuesReadInTheirUnitWithoutNoise() {
        assertThat(ProbeFormat.value(63.2, "%")).isEqualTo("63.2 %");
        assertThat(ProbeFormat.value(14.0, "req")).isEqualTo("14 req");
        assertThat(ProbeFormat.value(3.0, "")).isEqualTo("3");
        assertThat(ProbeFormat.value(0.125, "s")).isEqualTo("0.13 s");
        assertThat(ProbeFormat.value(123456.7, "By")).isEqualTo("123457 By");
        assertThat(ProbeFormat.value(-2.5, "")).isEqualTo("-2.5");
        assertThat(ProbeFormat.value(null, "%")).isEqualTo("—");
    }
}
