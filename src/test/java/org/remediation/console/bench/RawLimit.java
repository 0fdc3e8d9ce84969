package org.remediation.console.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The machine's raw limit for HTTP probes: ApacheBench (C, a new TCP connection per request, as a
 * prober opens one per run) against the same nginx, per CPU-second of ab itself. A shell runs ab and
 * then prints its own /proc stat, whose cutime + cstime are the CPU of the child it waited for.
 */
final class RawLimit {

    private RawLimit() {
    }

    static double requestsPerCpuSecond(String url, int requests) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("sh", "-c", "ab -q -n " + requests + " -c 16 " + url + " > /dev/null 2>&1 && cat /proc/$$/stat")
                .redirectErrorStream(true).start();
        String stat = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (p.waitFor() != 0 || !stat.contains(")")) {
            throw new IllegalStateException("ab failed (apt-get install apache2-utils): " + stat);
        }
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(f[13]) + Long.parseLong(f[14]); // fields 16 and 17: cutime, cstime
        return requests / (ticks / 100.0);
    }
}
