package io.throughgate.ingest;

import static io.throughgate.ingest.ParseResults.accepted;
import static io.throughgate.ingest.ParseResults.refused;
import static io.throughgate.ingest.ParseResults.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.throughgate.failure.ErrorCode;

/** One parser serves every request thread: results never leak from one parse into another. */
class RecordParserConcurrencyTest {

    private static final RecordParser PARSER = new RecordParser();

    @Test
    void givesEveryThreadItsOwnRecordsAndRefusals() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                work.add(threads.submit(() -> {
                    for (int i = 0; i < 2_000; i++) {
                        String id = thread + "-" + i;
                        assertEquals(id, accepted(PARSER.parse(utf8("{\"id\": \"" + id + "\", \"k" + i
                                + "\": [1, {\"x\": 2.5}]}"))).get("id").textValue());
                        assertEquals(ErrorCode.MALFORMED_RECORD, refused(PARSER.parse(utf8("{\"id\": \"" + id
                                + "\", \"id\": 1}"))).code());
                    }
                    return null;
                }));
            }
            for (Future<?> done : work) {
                done.get(60, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
