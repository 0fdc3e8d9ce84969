package org.remediation.console.remediation.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.remediation.console.cloud.sandbox.SandboxAdminService;
import org.remediation.console.remediation.DiffRow;
import org.remediation.console.remediation.SandboxTestSettings;
import org.remediation.console.security.Role;
import org.remediation.console.support.As;
import org.remediation.console.support.KaribuTest;
import org.springframework.beans.factory.annotation.Autowired;

/** The #1278 phase 2.1 env change through the request form: fields from the spec, masked preview, gcloud line. */
@SandboxTestSettings
class RunEnvRequestViewTest extends KaribuTest {

    @Autowired
    SandboxAdminService sandbox;

    @BeforeEach
    void outageState() {
        As.user("admin", Role.ADMIN, () -> {
            sandbox.faults().forEach(f -> sandbox.clearFault(f.target()));
            sandbox.resetTopology();
        });
    }

    @Test
    void theSeedsEnvChangeIsPreviewedWithSecretsMaskedAndTheGcloudLine() {
        login("operator", Role.OPERATOR);
        UI.getCurrent().navigate("actions/new", QueryParameters.simple(Map.of("spec",
                "run-env resource=RUN_SERVICE/us-central1/netra-backend set=CLOUD_SQL_CONNECTIONS_TIMEOUT=600,"
                        + "DB_CONNECTION_TIMEOUT=600,SQLALCHEMY_POOL_TIMEOUT=35.0")));
        assertThat(_get(TextField.class, s -> s.withId("param-set")).getValue())
                .isEqualTo("CLOUD_SQL_CONNECTIONS_TIMEOUT=600,DB_CONNECTION_TIMEOUT=600,SQLALCHEMY_POOL_TIMEOUT=35.0");
        assertThat(_get(TextField.class, s -> s.withId("param-sendAllTraffic")).getHelperText()).contains("true or false");
        _setValue(_get(TextArea.class, s -> s.withId("action-reason")), "phase 2.1: longer DB timeouts");
        _click(_get(Button.class, s -> s.withId("preview")));

        assertThat(_get(Pre.class, s -> s.withId("preview-gcloud")).getText()).isEqualTo("gcloud run services update "
                + "netra-backend --region=us-central1 --update-env-vars=CLOUD_SQL_CONNECTIONS_TIMEOUT=600,"
                + "DB_CONNECTION_TIMEOUT=600,SQLALCHEMY_POOL_TIMEOUT=35.0 --project=netra-staging");
        @SuppressWarnings("unchecked")
        Grid<DiffRow> diff = _get(Grid.class, s -> s.withId("preview-diff"));
        List<DiffRow> rows = IntStream.range(0, GridKt._size(diff)).mapToObj(i -> GridKt._get(diff, i)).toList();
        assertThat(rows).anySatisfy(r -> {
            assertThat(r.attribute()).isEqualTo("env.REDIS_AUTH_TOKEN");
            assertThat(r.before()).startsWith("masked:");
        });
        assertThat(rows).contains(new DiffRow("envSecret.DB_PASSWORD", "secret netra-db-password:latest",
                "secret netra-db-password:latest"));
        assertThat(rows.toString()).doesNotContain("sandbox-netra-backend-token");
    }
}
