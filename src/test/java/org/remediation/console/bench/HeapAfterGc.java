package org.remediation.console.bench;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;

/**
 * Heap in use right after explicit full collections of this JVM: the live set plus what a full GC
 * cannot free, the same at every sample (unlike the pools' "usage after the last collection", which
 * after a young collection still holds the old generation's garbage). Refuses to measure when
 * explicit collections are disabled or made concurrent, since then nothing was collected.
 */
public final class HeapAfterGc {

    private HeapAfterGc() {
    }

    /** Runs {@code collections} full GCs ({@link System#gc()}, stop-the-world) and returns the heap used after them. */
    public static long used(int collections) throws InterruptedException {
        HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        for (String option : new String[] {"DisableExplicitGC", "ExplicitGCInvokesConcurrent"}) {
            if (Boolean.parseBoolean(vm.getVMOption(option).getValue())) {
                throw new IllegalStateException("-XX:+" + option + " is set: System.gc() would not run a full collection");
            }
        }
        for (int i = 0; i < collections; i++) {
            if (i > 0) {
                Thread.sleep(300); // cleaners and reference handlers run between collections
            }
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
