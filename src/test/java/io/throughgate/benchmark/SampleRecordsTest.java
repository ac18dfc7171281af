package io.throughgate.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.throughgate.record.identifier.NhsNumber;

class SampleRecordsTest {

    @Test
    void givesValidTestNhsNumbers() {
        for (long n = 0; n < 20_000; n++) {
            String number = SampleRecords.nhsNumber(n);
            assertTrue(number.startsWith("999") && NhsNumber.isValid(number), number);
        }
    }

    @Test
    void givesEachRecordAFreshIdInValidJson() throws Exception {
        SampleRecords records = new SampleRecords();
        SampleRecords.Sample first = records.next();
        SampleRecords.Sample second = records.next();
        JsonNode json = new ObjectMapper().readTree(first.json());
        assertEquals(first.recordId(), json.path("recordId").asText());
        assertEquals(SampleRecords.SENDER, json.path("sender").asText());
        assertNotEquals(first.recordId(), second.recordId());
        assertTrue(first.json().length() > 900 && first.json().length() < 1400, "about 1 KiB");
    }

    @Test
    void countsTheAcceptedLinesOfABatchAnswer() {
        String answer = "{\"line\":1,\"status\":202,\"receipt\":{}}\n{\"line\":2,\"status\":422,\"problem\":{}}\n"
                + "{\"line\":3,\"status\":202,\"receipt\":{\"status\":202}}\n";
        assertEquals(2, BatchIngestionPhase.acceptedLines(answer));
    }
}
