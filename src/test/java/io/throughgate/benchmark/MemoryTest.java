package io.throughgate.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MemoryTest {

    @Test
    void readsResidentAndPeakFromProcStatusInBytes() {
        String status = "Name:\tjava\nVmPeak:\t 9000000 kB\nVmHWM:\t  812340 kB\nVmRSS:\t  524288 kB\nThreads:\t80\n";
        assertEquals(new Memory(524_288L * 1024, 812_340L * 1024), Memory.parse(status));
    }

    @Test
    void readsThisProcess() {
        Memory memory = Memory.of(ProcessHandle.current().pid());
        assertTrue(memory.rss() > 0 && memory.highWaterMark() >= memory.rss(), memory.toString());
    }
}
