package io.throughgate.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** The benchmark's split of the hub's processor time by thread group, from Linux's per-thread {@code stat}. */
class ThreadGroupsTest {

    @Test
    void aStatLineGivesTheNameAndUserPlusSystemTime() {
        // proc(5): pid (comm) state ppid pgrp session tty_nr tpgid flags minflt cminflt majflt cmajflt utime stime ...
        String stat = "4242 (vert.x-eventloo) S 1 4200 4200 0 -1 4194368 120 0 0 0 250 37 0 0 20 0 60 0 900 0";
        ThreadGroups.ThreadTime time = ThreadGroups.parse(stat).orElseThrow();
        assertEquals("vert.x-eventloo", time.name());
        assertEquals(Duration.ofMillis((250 + 37) * 10), time.used());
        // A name may hold spaces and parentheses: it ends at the last ')'.
        ThreadGroups.ThreadTime odd = ThreadGroups.parse("7 (C2 Compiler (x)) R 1 1 1 0 -1 0 0 0 0 0 5 1 0 0")
                .orElseThrow();
        assertEquals("C2 Compiler (x)", odd.name());
        assertEquals(Duration.ofMillis(60), odd.used());
    }

    @Test
    void threadsGoToTheGroupOfWhatTheyDo() {
        assertEquals("request workers", ThreadGroups.of("executor-thread"));
        assertEquals("broker", ThreadGroups.of("executor-Fetch"));
        assertEquals("event loops and TLS", ThreadGroups.of("vert.x-eventloo"));
        assertEquals("delivery writers", ThreadGroups.of("delivery-writer"));
        assertEquals("delivery writers", ThreadGroups.of("kafka-producer-"));
        assertEquals("sharing log", ThreadGroups.of("sharing-log-ind"));
        assertEquals("broker", ThreadGroups.of("data-plane-kafk"));
        assertEquals("garbage collection", ThreadGroups.of("GC Thread#0"));
        assertEquals("garbage collection", ThreadGroups.of("G1 Conc#0"));
        assertEquals("JIT compiler", ThreadGroups.of("C2 CompilerThre"));
        assertEquals(ThreadGroups.OTHER, ThreadGroups.of("main"));
    }

    @Test
    void betweenTwoReadingsEachGroupGetsItsThreadsGrowth() {
        Map<Long, ThreadGroups.ThreadTime> before = Map.of(
                1L, new ThreadGroups.ThreadTime("executor-thread", Duration.ofMillis(100)),
                2L, new ThreadGroups.ThreadTime("GC Thread#0", Duration.ofMillis(50)),
                3L, new ThreadGroups.ThreadTime("executor-thread", Duration.ofMillis(70)));
        Map<Long, ThreadGroups.ThreadTime> after = Map.of(
                1L, new ThreadGroups.ThreadTime("executor-thread", Duration.ofMillis(160)),
                2L, new ThreadGroups.ThreadTime("GC Thread#0", Duration.ofMillis(80)),
                // Thread 3 ended; thread 4 started in between and counts from zero.
                4L, new ThreadGroups.ThreadTime("executor-thread", Duration.ofMillis(20)));
        Map<String, Duration> used = ThreadGroups.between(before, after);
        assertEquals(Duration.ofMillis(60 + 20), used.get("request workers"));
        assertEquals(Duration.ofMillis(30), used.get("garbage collection"));
        assertEquals(Duration.ZERO, used.get("broker"));
        assertEquals(ThreadGroups.GROUPS.size() + 1, used.size(), "every group is listed, and other");
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void thisProcessesThreadsAreRead() throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        Thread probe = new Thread(() -> {
            try {
                done.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "delivery-writer-probe");
        probe.start();
        try {
            Map<Long, ThreadGroups.ThreadTime> threads = ThreadGroups.threads(ProcessHandle.current().pid());
            // The kernel keeps the first 15 characters of a thread's name.
            assertTrue(threads.values().stream().anyMatch(thread -> thread.name().equals("delivery-write")
                    || thread.name().equals("delivery-writer")), threads.toString());
        } finally {
            done.countDown();
            probe.join();
        }
    }
}
