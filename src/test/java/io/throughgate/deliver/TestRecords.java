package io.throughgate.deliver;

import java.time.LocalDate;

/** Realistic records for the exchange tests. */
final class TestRecords {

    private TestRecords() {
    }

    /** A health summary from HMYOI Feltham's health team about a 17-year-old, for a community health service. */
    static String healthSummary(String recordId, String nhsNumber, String receivingHealthService,
            String clinicalSummary) {
        return """
                {"recordId": "%s", "type": "health-summary", "schemaVersion": 1, "sender": "yoi-feltham",
                 "occurredAt": "2026-11-20T10:00:00Z",
                 "subject": {"nhsNumber": "%s", "name": {"given": "Ade", "family": "Example"},
                   "dateOfBirth": "%s"},
                 "body": {"responsibleYot": "yot-camden", "establishment": "yoi-feltham",
                   "receivingHealthService": "%s", "gpRegistered": true,
                   "clinician": {"name": "Healthcare lead", "role": "Nurse", "agency": "yoi-feltham"},
                   "selfHarmRisk": {"level": "low", "notes": "No incidents in custody."},
                   "clinicalSummary": "%s"}}
                """.formatted(recordId, nhsNumber, LocalDate.now().minusYears(17), receivingHealthService,
                clinicalSummary);
    }
}
