package io.throughgate.benchmark;

import java.lang.management.ManagementFactory;

/**
 * The machine a run came from: processors, memory, Java and operating system, and its load average (one minute)
 * when the run began: other work on the machine takes processor time from the hub and the benchmark alike.
 */
record Machine(int processors, long memoryBytes, String java, String os, double loadAverage) {

    /** This machine. */
    static Machine current() {
        long memory = 0;
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            memory = os.getTotalMemorySize();
        }
        return new Machine(Runtime.getRuntime().availableProcessors(), memory, System.getProperty("java.vm.name")
                + " " + System.getProperty("java.runtime.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty(
                        "os.arch"),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
}
