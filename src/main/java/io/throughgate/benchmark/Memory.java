package io.throughgate.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A process's resident memory from {@code /proc/<pid>/status} (Linux): {@code VmRSS}, resident now, and
 * {@code VmHWM}, the most it has been resident since it started. Both in bytes.
 */
record Memory(long rss, long highWaterMark) {

    static final Memory UNKNOWN = new Memory(0, 0);

    /** Reads the process's status; {@link #UNKNOWN} when it cannot be read (the process ended, not Linux). */
    static Memory of(long pid) {
        try {
            return parse(Files.readString(Path.of("/proc", Long.toString(pid), "status")));
        } catch (IOException | RuntimeException e) {
            return UNKNOWN;
        }
    }

    /** Parses the text of a {@code /proc/<pid>/status} file; a missing line counts as 0. */
    static Memory parse(String status) {
        return new Memory(kibLine(status, "VmRSS:") * 1024, kibLine(status, "VmHWM:") * 1024);
    }

    /** The larger of each figure. */
    Memory max(Memory other) {
        return new Memory(Math.max(rss, other.rss), Math.max(highWaterMark, other.highWaterMark));
    }

    private static long kibLine(String status, String name) {
        for (String line : status.split("\n")) {
            if (line.startsWith(name)) {
                // e.g. "VmRSS:\t  524288 kB"
                String[] parts = line.substring(name.length()).trim().split("\\s+");
                return Long.parseLong(parts[0]);
            }
        }
        return 0;
    }
}
