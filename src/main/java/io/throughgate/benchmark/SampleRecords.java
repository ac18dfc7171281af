package io.throughgate.benchmark;

import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import io.throughgate.record.identifier.NhsNumber;

/**
 * The records of a run: release notifications from HMYOI Feltham to Hackney YOT (and YCS Placements) under the
 * shipped direct-care agreement, about 1 KiB of JSON each, each with a fresh recordId and its own valid test NHS
 * number (the 999 range) so the hub does the whole work for every one: no receipt is replayed.
 */
final class SampleRecords {

    /** The sender, whose development certificate the run presents. */
    static final String SENDER = "yoi-feltham";
    /** The recipient whose inbox the latency phase reads. */
    static final String RECIPIENT = "yot-hackney";

    private static final String TEMPLATE = """
            {"recordId":"@ID@","type":"release-notification","schemaVersion":1,"sender":"yoi-feltham",\
            "occurredAt":"2026-06-27T11:00:00+01:00","subject":{"nhsNumber":"@NHS@","pncId":"2023/0012345T",\
            "nomisNumber":"G5821KX","localCaseId":{"agency":"yot-hackney","id":"HKY-YJ-04562"},\
            "name":{"given":"Daniel","family":"Osei"},"dateOfBirth":"2008-09-30","gender":"male",\
            "lookedAfter":false,"responsibleLocalAuthority":"E09000012"},"body":{"establishment":"yoi-feltham",\
            "supervisingYot":"yot-hackney","releaseDate":"2026-07-11","releaseType":"dto-midpoint",\
            "releaseAddress":{"lines":["Flat 9, Morning Lane Court","Morning Lane"],"town":"London",\
            "postcode":"E9 6LH"},"addressConfirmedOn":"2026-06-13","gateCollection":{"name":"Abena Osei",\
            "relationship":"sister","phone":"07700 900582"},"noticeOfSupervisionConditions":[\
            "Keep in touch with the supervising officer as instructed.",\
            "Live at the address approved by the supervising officer."],"appointmentsBooked":[\
            {"pathway":"case-management-and-transition","date":"2026-07-11T14:00:00+01:00",\
            "with":"YOT case manager","location":"Hackney Youth Justice Service, Mare Street"}]}}""";

    private final AtomicLong sequence = new AtomicLong();

    /** A new record with a fresh recordId. */
    Sample next() {
        String id = UUID.randomUUID().toString();
        return new Sample(id, TEMPLATE.replace("@ID@", id).replace("@NHS@", nhsNumber(sequence.getAndIncrement())));
    }

    /**
     * The n-th valid test NHS number: 999 followed by six digits and the modulus 11 check digit (NHS Data
     * Dictionary); nine-digit stems whose check digit would be 10 are skipped.
     */
    static String nhsNumber(long n) {
        long stem = 999_000_000L + Math.floorMod(n * 7, 1_000_000L);
        while (true) {
            String digits = Long.toString(stem);
            OptionalInt check = NhsNumber.checkDigit(digits);
            if (check.isPresent()) {
                return digits + check.getAsInt();
            }
            stem = stem == 999_999_999L ? 999_000_000L : stem + 1;
        }
    }

    /** A record and its id. */
    record Sample(String recordId, String json) {
    }
}
