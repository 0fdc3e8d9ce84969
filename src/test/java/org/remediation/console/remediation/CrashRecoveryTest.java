package org.remediation.console.remediation;

import org.springframework.security.test.context.support.WithMockUser;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.remediation.console.ConsoleApplication;
import org.remediation.console.cloud.Attributes;
import org.remediation.console.cloud.CloudGateway;
import org.remediation.console.cloud.sandbox.Fault;
import org.remediation.console.cloud.sandbox.SandboxAdminService;
import org.remediation.console.security.Role;
import org.remediation.console.support.As;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Whole-application restarts on one H2 file: actions running when the console stops are reconciled
 * by the next start (completed, or failed when their operation never finishes); the simulated
 * endpoints are sick under the outage connector and heal after a scale-up.
 */
@WithMockUser(username = "viewer", roles = "VIEWER") // reads need a signed-in caller
class CrashRecoveryTest {

    @TempDir
    Path dataDir;

    @Test
    void actionsRunningAtShutdownAreReconciledAfterTheRestart() throws Exception {
        String url = "jdbc:h2:file:" + dataDir.resolve("console") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        long completes;
        long hangs;
        try (ConfigurableApplicationContext first = start(url, "--console.remediation.operation-timeout=30m",
                "--console.sandbox.faults.[backendservice.update]=PERMISSION_DENIED")) {
            RemediationService service = first.getBean(RemediationService.class);
            assertThat(As.user("admin", Role.ADMIN, () -> first.getBean(SandboxAdminService.class).faults()))
                    .anySatisfy(f -> assertThat(f.target() + "=" + f.fault() + " by " + f.setBy())
                            .isEqualTo("backendservice.update=PERMISSION_DENIED by configuration"));
            assertThat(first.getBean(JdbcTemplate.class).queryForObject("select count(*) from audit_event where "
                    + "action = 'sandbox.fault.set' and subject = 'sandbox:backendservice.update'", Long.class)).isEqualTo(1);
            int port = port(first);
            assertThat(statuses(port, "/sandbox/frontend/health")).containsOnly(200);
            assertThat(statuses(port, "/sandbox/backend/health")).contains(503);
            assertThat(echo(port, "hello #1278")).isEqualTo("hello #1278");

            As.user("admin", Role.ADMIN, () -> first.getBean(SandboxAdminService.class)
                    .setFault(ActionTestSupport.DATABASE.toString(), Fault.HANG));
            ActionTestSupport.ensureP3Incident(first.getBean(org.remediation.console.incident.IncidentService.class),
                    first.getBean(org.remediation.console.incident.RunbookService.class));
            completes = ActionTestSupport.request(service, "operator", ActionKind.HEALTH_CHECK, ActionTestSupport.HEALTH_CHECK,
                    Map.of("checkIntervalSec", "10")).id();
            hangs = ActionTestSupport.request(service, "operator", ActionKind.SQL_FLAG, ActionTestSupport.DATABASE,
                    Map.of("flag", "work_mem", "value", "8192")).id();
            assertThat(As.user("operator", Role.OPERATOR, () -> service.execute(completes)).status()).isEqualTo(ActionStatus.RUNNING);
            assertThat(As.user("operator", Role.OPERATOR, () -> service.execute(hangs)).status()).isEqualTo(ActionStatus.RUNNING);
        } // the console stops while both operations are in flight

        try (ConfigurableApplicationContext second = start(url, "--console.remediation.operation-timeout=4s")) {
            RemediationService service = second.getBean(RemediationService.class);
            ActionRecord done = ActionTestSupport.awaitEnd(service, completes);
            assertThat(done.status()).as(done.resultMessage()).isEqualTo(ActionStatus.SUCCEEDED);
            assertThat(second.getBean(CloudGateway.class).read(ActionTestSupport.HEALTH_CHECK)
                    .require(Attributes.CHECK_INTERVAL_SECONDS)).isEqualTo("10");
            ActionRecord hung = ActionTestSupport.awaitEnd(service, hangs);
            assertThat(hung.status()).isEqualTo(ActionStatus.FAILED);
            assertThat(hung.resultMessage()).contains("did not finish").contains("outcome unknown")
                    .contains("stays locked until the operation ends");
            JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
            // The sandbox still lists the hung operation: a second change must not race it.
            assertThat(jdbc.queryForList("select action_id from remediation_lock", Long.class)).containsExactly(hangs);

            // The cure: scale the connector up; the simulated backend heals.
            ActionRecord scale = ActionTestSupport.request(service, "operator", ActionKind.SCALE_CONNECTOR,
                    ActionTestSupport.CONNECTOR, Map.of("minInstances", "3", "maxInstances", "10"));
            As.user("commander", Role.COMMANDER, () -> service.approve(scale.id()));
            As.user("operator", Role.OPERATOR, () -> service.execute(scale.id()));
            assertThat(ActionTestSupport.awaitEnd(service, scale.id()).status()).isEqualTo(ActionStatus.SUCCEEDED);
            assertThat(statuses(port(second), "/sandbox/backend/health")).containsOnly(200);
            assertThat(statuses(port(second), "/sandbox/database/health")).containsOnly(200);
        }
    }

    private static java.util.List<Integer> statuses(int port, String path) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        java.util.List<Integer> codes = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            codes.add(client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode());
        }
        return codes;
    }

    private static String echo(int port, String text) throws Exception {
        CompletableFuture<String> reply = new CompletableFuture<>();
        WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/sandbox/ws"), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        reply.complete(data.toString());
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);
        ws.sendText(text, true);
        String answer = reply.get(10, TimeUnit.SECONDS);
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        return answer;
    }

    private static int port(ConfigurableApplicationContext ctx) {
        return Integer.parseInt(ctx.getEnvironment().getProperty("local.server.port"));
    }

    private static ConfigurableApplicationContext start(String url, String... extra) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("--spring.datasource.url=" + url,
                "--server.port=0", "--spring.profiles.active=default", "--console.sandbox.operation-duration=3s",
                "--console.remediation.poll-interval=100ms", "--console.sandbox.max-endpoint-delay=100ms"));
        args.addAll(java.util.List.of(extra));
        return new SpringApplicationBuilder(ConsoleApplication.class).run(args.toArray(String[]::new));
    }

}
