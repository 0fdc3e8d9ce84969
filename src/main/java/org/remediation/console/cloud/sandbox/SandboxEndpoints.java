package org.remediation.console.cloud.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The simulated services of the #1278 staging environment, on the console's own port. Latency and
 * HTTP 503s follow the sandbox's capacity: fix the connector and they heal.
 */
@RestController
@RequestMapping("/sandbox")
@ConditionalOnProperty(name = "console.cloud.provider", havingValue = "sandbox", matchIfMissing = true)
class SandboxEndpoints {

    private final EndpointSimulator simulator;

    SandboxEndpoints(EndpointSimulator simulator) {
        this.simulator = simulator;
    }

    @GetMapping("/frontend/health")
    ResponseEntity<Map<String, Object>> frontend() throws InterruptedException {
        return respond("frontend");
    }

    @GetMapping("/auth/health")
    ResponseEntity<Map<String, Object>> auth() throws InterruptedException {
        return respond("auth");
    }

    @GetMapping("/backend/health")
    ResponseEntity<Map<String, Object>> backend() throws InterruptedException {
        return respond("backend");
    }

    @GetMapping("/backend/agent")
    ResponseEntity<Map<String, Object>> agent() throws InterruptedException {
        return respond("agent");
    }

    /**
     * The load check's target ("VPC connector handles 20+ concurrent connections"): a probe with
     * {@code concurrency: 20} sends 20 at once; only as many as the connector has places for succeed.
     */
    @GetMapping("/backend/load")
    ResponseEntity<Map<String, Object>> load() throws InterruptedException {
        EndpointSimulator.Response r = simulator.load(Thread::sleep);
        Map<String, Object> body = body(r);
        body.put("concurrentCapacity", simulator.concurrentCapacity());
        return ResponseEntity.status(r.status()).body(body);
    }

    @GetMapping("/database/health")
    ResponseEntity<Map<String, Object>> database() throws InterruptedException {
        return respond("database");
    }

    private ResponseEntity<Map<String, Object>> respond(String service) throws InterruptedException {
        EndpointSimulator.Response r = simulator.call(service);
        Thread.sleep(r.latencyMs()); // requests run on virtual threads: sleeping costs no platform thread
        return ResponseEntity.status(r.status()).body(body(r));
    }

    private static Map<String, Object> body(EndpointSimulator.Response r) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("service", r.service());
        body.put("status", r.status() == 200 ? "ok" : "unavailable");
        body.put("simulatedLatencyMs", r.latencyMs());
        body.put("connectorUtilisation", Math.round(r.connectorUtilisation() * 100) / 100.0);
        return body;
    }
}
