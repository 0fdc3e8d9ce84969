package org.remediation.console.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** CPU time of this JVM and of every Chromium process on the machine, to say where a benchmark's time went. */
final class ProcessCpu {

    private static final long TICKS_PER_SECOND = 100; // USER_HZ on Linux

    private ProcessCpu() {
    }

    static double jvmSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
    }

    /** utime + stime of live processes whose command name starts with "chrom" (browser, renderers, GPU, driver). */
    static double chromiumSeconds() {
        return commandSeconds("chrom");
    }

    /** utime + stime of the live processes whose command name starts with {@code prefix}. */
    static double commandSeconds(String prefix) {
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            return procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .mapToLong(p -> ticksIf(p, prefix)).sum() / (double) TICKS_PER_SECOND;
        } catch (IOException e) {
            return Double.NaN;
        }
    }

    /** utime + stime of one process (its threads included), from {@code /proc/<pid>/stat}. */
    static double seconds(long pid) {
        return ticksIf(Path.of("/proc", Long.toString(pid)), "") / (double) TICKS_PER_SECOND;
    }

    /**
     * CPU-seconds of each thread group of a process: thread names (as the kernel keeps them, 15
     * characters) with digits removed, so "C2 CompilerThre", "GC Thread#", "ForkJoinPool-" add up.
     */
    static java.util.Map<String, Double> threadSeconds(long pid) {
        java.util.Map<String, Double> byName = new java.util.TreeMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            tasks.forEach(task -> {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    byName.merge(comm(stat).replaceAll("[0-9]", ""), ticks(stat) / (double) TICKS_PER_SECOND, Double::sum);
                } catch (IOException | RuntimeException gone) {
                    // the thread ended
                }
            });
        } catch (IOException e) {
            return byName;
        }
        return byName;
    }

    private static long ticksIf(Path proc, String prefix) {
        try {
            String stat = Files.readString(proc.resolve("stat"));
            return comm(stat).startsWith(prefix) ? ticks(stat) : 0;
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }

    /** The command (or thread) name of a {@code /proc/.../stat} line. */
    private static String comm(String stat) {
        return stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    }

    /** utime + stime of a {@code /proc/.../stat} line (fields 14 and 15), in clock ticks. */
    private static long ticks(String stat) {
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }
}
