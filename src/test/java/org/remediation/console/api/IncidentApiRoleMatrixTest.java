package org.remediation.console.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.remediation.console.incident.IncidentService;
import org.remediation.console.incident.RunbookService;
import org.remediation.console.security.ApiTokenService;
import org.remediation.console.security.Role;
import org.remediation.console.security.UserAdminService;
import org.remediation.console.support.ApiCalls;
import org.remediation.console.support.As;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The role matrix extended to the incident API: each role's token on each endpoint gets what the services'
 * rules give it (reads: every role but METRICS; import: COMMANDER only), and a refused import writes nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IncidentApiRoleMatrixTest {

    private static final String KEY = IncidentApiFixture.newKey();

    @LocalServerPort int port;
    @Autowired ApiTokenService tokens;
    @Autowired UserAdminService admin;
    @Autowired RunbookService runbooks;
    @Autowired IncidentService incidents;
    @Autowired JdbcTemplate jdbc;

    Map<Role, String> token;

    @BeforeAll
    void openOneIncidentAndATokenPerRole() {
        As.user("commander", Role.COMMANDER, () -> runbooks.importAsIncident(KEY, IncidentApiFixture.RUNBOOK));
        token = IncidentApiFixture.tokens(tokens, admin);
    }

    static Stream<Arguments> reads() {
        List<String[]> endpoints = List.of(new String[] {"/api/v1/incidents"}, new String[] {"/api/v1/incidents/" + KEY},
                new String[] {"/api/v1/incidents/" + KEY + "/runbook"},
                new String[] {"/api/v1/incidents/" + KEY + "/timeline"},
                new String[] {"/api/v1/incidents/" + KEY + "/timeline", "Accept", "text/markdown"});
        List<Arguments> out = new ArrayList<>();
        for (String[] endpoint : endpoints) {
            for (Role role : Role.values()) {
                out.add(Arguments.of(role, endpoint, role == Role.METRICS ? 403 : 200));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} GET {1} → {2}")
    @MethodSource("reads")
    void eachRoleReadsAsTheServicesAllow(Role role, String[] endpoint, int expected) throws Exception {
        String[] headers = java.util.Arrays.copyOfRange(endpoint, 1, endpoint.length);
        HttpResponse<String> response = new ApiCalls(port).get(endpoint[0], token.get(role), headers);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expected);
        if (expected == 403) {
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
    }

    static Stream<Arguments> imports() {
        return Stream.of(Role.values()).map(r -> Arguments.of(r, r == Role.COMMANDER ? 201 : 403));
    }

    @ParameterizedTest(name = "{0} POST /api/v1/runbooks → {1}")
    @MethodSource("imports")
    void onlyACommandersTokenOpensAnIncidentAndARefusalWritesNothing(Role role, int expected) throws Exception {
        String key = IncidentApiFixture.newKey();
        long[] before = IncidentApiFixture.rows(jdbc);
        HttpResponse<String> response = new ApiCalls(port).post("/api/v1/runbooks?incidentKey=" + key, token.get(role),
                "application/yaml", IncidentApiFixture.RUNBOOK);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expected);
        if (expected == 403) {
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(IncidentApiFixture.rows(jdbc)).containsExactly(before);
            assertThat(As.viewer(() -> incidents.find(key))).isEmpty();
        } else {
            assertThat(As.viewer(() -> incidents.find(key))).isPresent();
        }
    }
}
