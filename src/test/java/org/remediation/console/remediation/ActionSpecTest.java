package org.remediation.console.remediation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.remediation.console.base.InvalidInputException;
import org.remediation.console.cloud.ResourceRef;

class ActionSpecTest {

    @Test
    void theContractExampleParses() {
        ActionSpec spec = ActionSpec.parse(
                "scale-connector resource=VPC_CONNECTOR/us-central1/staging-connector minInstances=3 maxInstances=10");
        assertThat(spec.kind()).isEqualTo(ActionKind.SCALE_CONNECTOR);
        assertThat(spec.resource()).isEqualTo(ResourceRef.parse("VPC_CONNECTOR/us-central1/staging-connector"));
        assertThat(spec.params()).isEqualTo(Map.of("minInstances", "3", "maxInstances", "10"));
        assertThat(ActionSpec.parse(spec.format())).isEqualTo(spec);
    }

    @Test
    void quotedValuesAndAMissingResourceAreAccepted() {
        ActionSpec spec = ActionSpec.parse("  sql-flag   flag=max_connections value=\"500\" ");
        assertThat(spec.resource()).isNull();
        assertThat(spec.params()).containsEntry("value", "500");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "scale-up minInstances=3", "scale-connector minInstances", "scale-connector =3",
            "scale-connector resource=SQL_INSTANCE/us-central1/db minInstances=3",
            "scale-connector resource=nonsense", "sql-tier tier=a tier=b", "sql-tier tier=\"db-custom-2-7680"})
    void badSpecsAreRejectedOnTheSpecField(String text) {
        assertThatThrownBy(() -> ActionSpec.parse(text)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.names("spec")).isTrue());
    }

    /** The REST API names kind and resource as separate fields: the same readers, the same words, its own field. */
    @Test
    void kindAndResourceAreReadWithTheSpecsWordsOnTheFieldTheCallerNames() {
        assertThat(ActionSpec.kind("sql-tier", "kind")).isEqualTo(ActionKind.SQL_TIER);
        assertThatThrownBy(() -> ActionSpec.kind("scale-up", "kind")).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.problems()).singleElement().satisfies(p -> {
                    assertThat(p.field()).isEqualTo("kind");
                    assertThat(p.message()).startsWith("Unknown action kind 'scale-up'; expected one of scale-connector, ");
                }));
        assertThat(ActionSpec.resource(ActionKind.SQL_TIER, "SQL_INSTANCE/us-central1/db", "resource"))
                .isEqualTo(ResourceRef.parse("SQL_INSTANCE/us-central1/db"));
        assertThatThrownBy(() -> ActionSpec.resource(ActionKind.SQL_TIER, "VPC_CONNECTOR/us-central1/c", "resource"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> assertThat(p.toString()).isEqualTo("resource: sql-tier acts on a "
                                + org.remediation.console.cloud.ResourceKind.SQL_INSTANCE.label()
                                + ", not on VPC_CONNECTOR/us-central1/c.")));
        assertThatThrownBy(() -> ActionSpec.resource(ActionKind.SQL_TIER, "nonsense", "resource"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.getMessage())
                        .isEqualTo("resource: 'nonsense' is not KIND/location/name."));
    }
}
