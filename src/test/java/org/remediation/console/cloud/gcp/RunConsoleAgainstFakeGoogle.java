package org.remediation.console.cloud.gcp;

import java.util.ArrayList;
import java.util.List;
import org.remediation.console.ConsoleApplication;
import org.remediation.console.cloud.gcp.fake.FakeGoogle;
import org.springframework.boot.SpringApplication;

/**
 * Runs the whole console on the Google Cloud adapter against the fake Google servers (seeded with
 * the #1278 staging topology), so the Google path can be tried end to end without a Google account.
 * See README, section "Google Cloud", for the command. Extra arguments are passed to Spring Boot
 * (e.g. {@code --server.port=18080}); they win over the fake endpoints.
 */
public final class RunConsoleAgainstFakeGoogle {

    private RunConsoleAgainstFakeGoogle() {
    }

    public static void main(String[] args) {
        FakeGoogle google = FakeGoogle.start();
        Runtime.getRuntime().addShutdownHook(new Thread(google::close));
        List<String> all = new ArrayList<>();
        google.springProperties().forEach((k, v) -> all.add("--" + k + "=" + v));
        all.addAll(List.of(args));
        System.out.println("Fake Google: gRPC " + google.grpcEndpoint() + ", HTTP " + google.httpEndpoint());
        SpringApplication.run(ConsoleApplication.class, all.toArray(String[]::new));
    }
}
