package org.remediation.console.probe;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.LockSupport;

/** Benchmark target in its own process (so its CPU is not billed to the prober): /ok and /delay50. */
public final class BenchTarget {

    private BenchTarget() {
    }

    public static void main(String[] args) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(args[0])), 1024);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        byte[] ok = "ok".getBytes();
        server.createContext("/ok", ex -> {
            ex.sendResponseHeaders(200, ok.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(ok);
            }
        });
        server.createContext("/delay50", ex -> {
            long until = System.nanoTime() + 50_000_000L;
            while (System.nanoTime() < until - 200_000) {
                LockSupport.parkNanos(until - System.nanoTime() - 150_000);
            }
            while (System.nanoTime() < until) {
                Thread.onSpinWait();
            }
            ex.sendResponseHeaders(200, ok.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(ok);
            }
        });
        server.start();
        System.out.println("READY");
        Thread.currentThread().join();
    }
}
