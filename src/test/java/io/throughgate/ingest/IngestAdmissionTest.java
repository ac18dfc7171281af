package io.throughgate.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigInteger;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.configuration.MemorySize;

/** Admission counts records and bytes, and gives the room back when the work ends, once. */
class IngestAdmissionTest {

    private static final long KIB = 1024;

    private final IngestAdmission admission = new IngestAdmission(10, new MemorySize(BigInteger.valueOf(100 * KIB)));

    @Test
    void aPushIsRefusedWhenItsBytesWouldPassTheLimitThoughRecordsRemain() {
        IngestAdmission.Admitted large = admission.tryAdmit(1, 60 * KIB);
        assertNotNull(large);
        assertNull(admission.tryAdmit(1, 41 * KIB), "60 KiB + 41 KiB is over 100 KiB");
        assertNotNull(admission.tryAdmit(1, 40 * KIB), "60 KiB + 40 KiB is within it");
    }

    @Test
    void aPushLargerThanTheLimitIsLetInOnAnIdleHubAlone() {
        IngestAdmission.Admitted batch = admission.tryAdmit(50, 500 * KIB);
        assertNotNull(batch, "counted as the limit");
        assertNull(admission.tryAdmit(1, 1));
        batch.close();
        assertNotNull(admission.tryAdmit(10, 100 * KIB), "all the room is back");
    }

    @Test
    void workAlreadyRunningKeepsItsRoomWhenTheClientGoes() {
        IngestAdmission.Admitted first = admission.tryAdmit(10, 0);
        AtomicInteger roomDuringWork = new AtomicInteger(-1);
        first.run(() -> {
            first.abandon();
            roomDuringWork.set(admission.tryAdmit(1, 0) == null ? 0 : 1);
            return null;
        });
        assertEquals(0, roomDuringWork.get(), "the client went, the work goes on and still counts");
        assertNotNull(admission.tryAdmit(10, 0), "the room is back when the work ended");
    }

    @Test
    void aPushGivenUpBeforeItsWorkBeganDoesNotRunAndGivesItsRoomBack() {
        IngestAdmission.Admitted abandoned = admission.tryAdmit(10, 0);
        abandoned.abandon();
        AtomicInteger runs = new AtomicInteger();
        assertNull(abandoned.run(runs::incrementAndGet));
        assertEquals(0, runs.get());
        IngestAdmission.Admitted all = admission.tryAdmit(10, 100 * KIB);
        assertNotNull(all, "its room was given back once");
        all.close();
        abandoned.close();
        assertNotNull(admission.tryAdmit(10, 0));
        assertNull(admission.tryAdmit(1, 0), "closing after giving up gives nothing back twice");
    }
}
