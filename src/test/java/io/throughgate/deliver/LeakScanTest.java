package io.throughgate.deliver;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import jakarta.inject.Inject;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultExchange;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.throughgate.agreement.Agreement;
import io.throughgate.agreement.AgreementRegistry;
import io.throughgate.agreement.AgreementState;
import io.throughgate.database.HubDatabase;
import io.throughgate.directory.Agency;
import io.throughgate.directory.AgencyDirectory;
import io.throughgate.exchange.IngestContext;
import io.throughgate.gate.FieldTransforms;
import io.throughgate.identity.AgencyIdentity;
import io.throughgate.identity.Role;
import io.throughgate.kafka.KafkaConnection;
import io.throughgate.kafka.Topics;
import io.throughgate.testing.DatabaseCells;
import io.throughgate.testing.ExpectedFields;
import io.throughgate.testing.HttpsInbox;
import io.throughgate.testing.Inboxes;
import io.throughgate.testing.TestClients;
import io.throughgate.testing.TestIdentifiers;

/**
 * The leak scan: records whose every free-text field holds a unique marker, and whose identifiers are fresh, go
 * through the whole flow under the shipped agreements and a mix of consent decisions (release notifications with and
 * without evaluation consent, health summaries with and without consent and after a withdrawal, a record that goes to
 * the dead-letter topic). Then every inbox topic, the dead-letter, sharing-log and consent-event topics, every cell
 * of the database, the receipts and the hub's log output are searched for every marker. A value may appear only in
 * its own record's delivery, under an agreement that shares the field in clear for the record's type (with the
 * consent the rule asks for) by the hand-written table of {@link ExpectedFields}; anywhere else it is a leak.
 */
@QuarkusTest
class LeakScanTest {

    private static final String PNC_LETTERS = "ZABCDEFGHJKLMNPQRTUVWXY";
    private static final ExpectedFields EXPECTED = ExpectedFields.shipped();

    @Inject
    KafkaConnection kafka;

    @Inject
    AgreementRegistry agreements;

    @Inject
    FieldTransforms transforms;

    @Inject
    HubDatabase database;

    @Inject
    DeadLetters deadLetters;

    @Inject
    CamelContext camel;

    @Inject
    AgencyDirectory directory;

    private final String run = "Lk" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private int markers;

    /** A record sent in the scan: its id, type, marked values by pointer, and the consents in force when sent. */
    private record Marked(String recordId, String type, Map<String, String> values, Set<String> consents,
            String json) {
    }

    @Test
    void noMarkerAppearsAnywhereAnAgreementDoesNotAllow() throws Exception {
        CapturedLog log = CapturedLog.install();
        List<Marked> sent = new ArrayList<>();
        List<String> answers = new ArrayList<>();
        try {
            // A release notification about a child who consented to evaluation: the evaluation team gets the
            // fields its agreement shares with consent; one about a child who did not.
            String evaluated = TestIdentifiers.nhsNumber();
            permit(evaluated, "evaluation", "eval", "LEAK-EVAL/" + run);
            sent.add(release(evaluated, Set.of("evaluation")));
            sent.add(release(TestIdentifiers.nhsNumber(), Set.of()));
            // Health summaries with and without the child's consent.
            String consented = TestIdentifiers.nhsNumber();
            permit(consented, "health-information-sharing", "health", "LEAK-HEALTH/" + run);
            sent.add(health(consented, Set.of("health-information-sharing")));
            sent.add(health(TestIdentifiers.nhsNumber(), Set.of()));
            // A consent withdrawn: the record before goes with it, the one after without.
            String withdrawn = TestIdentifiers.nhsNumber();
            String decision = permit(withdrawn, "health-information-sharing", "health", "LEAK-WD/" + run);
            sent.add(health(withdrawn, Set.of("health-information-sharing")));
            TestClients.as("yoi-feltham").contentType(ContentType.JSON)
                    .body("{\"evidenceReference\": \"LEAK-WD/" + run + "/withdrawn\"}")
                    .when().post("/v1/consents/" + decision + "/withdrawal").then().statusCode(200);
            sent.add(health(withdrawn, Set.of()));
            for (Marked record : sent) {
                answers.add(push(record));
            }
            sent.add(deadLettered());

            List<String> leaks = new ArrayList<>();
            for (String topic : Inboxes.inboxTopics(kafka.clientProperties())) {
                for (ConsumerRecord<String, byte[]> message : Inboxes.read(kafka.clientProperties(), topic)) {
                    scanDelivery(sent, message, topic, leaks);
                }
            }
            // The same inboxes read as each agency in force through the HTTPS inbox.
            LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
            for (Agency agency : directory.all()) {
                if (!agency.isValidOn(today)) {
                    continue;
                }
                for (ConsumerRecord<String, byte[]> message : HttpsInbox.readAll(agency.code())) {
                    scanDelivery(sent, message, "the HTTPS inbox of " + agency.code(), leaks);
                }
            }
            for (String topic : List.of(Topics.DEAD_LETTER, Topics.SHARING_LOG, Topics.CONSENT_EVENTS)) {
                for (ConsumerRecord<String, byte[]> message : Inboxes.read(kafka.clientProperties(), topic)) {
                    scan(sent, new String(message.value(), StandardCharsets.UTF_8) + " key=" + message.key(), topic,
                            leaks);
                }
            }
            for (String cell : DatabaseCells.everyTextCell(database.dataSource())) {
                scan(sent, cell, "the database", leaks);
            }
            for (String answer : answers) {
                scan(sent, answer, "a receipt", leaks);
            }
            for (String line : log.lines()) {
                scan(sent, line, "the hub's log", leaks);
            }
            assertTrue(leaks.isEmpty(), "leaks:\n" + String.join("\n", leaks));
            assertTrue(log.lines().size() > 0, "the log was captured");
        } finally {
            log.remove();
        }
    }

    /** Adds a leak for each marker in a delivered message (value, key, headers) that its agreement does not allow. */
    private void scanDelivery(List<Marked> sent, ConsumerRecord<String, byte[]> message, String where,
            List<String> leaks) {
        StringBuilder text = new StringBuilder(new String(message.value(), StandardCharsets.UTF_8)).append(" key=")
                .append(message.key());
        message.headers().forEach(header -> text.append(' ').append(header.key()).append('=').append(header
                .value() == null ? "" : new String(header.value(), StandardCharsets.UTF_8)));
        for (Marked record : sent) {
            record.values().forEach((pointer, value) -> {
                if (text.indexOf(value) >= 0 && !allowed(sent, value, message)) {
                    leaks.add(record.type() + " " + pointer + " reached " + where + " under " + Inboxes.header(
                            message, "tg_agreement_id"));
                }
            });
        }
    }

    /**
     * Whether an agreement lets this value reach the inbox message in clear: the message delivers a record of the
     * scan that holds the value (an identifier of the same child may be in several records) in a field that the
     * message's agreement shares for the record's type, with the consent the rule asks for.
     */
    private boolean allowed(List<Marked> sent, String value, ConsumerRecord<String, byte[]> message) {
        String recordId = Inboxes.header(message, "ce_id");
        Agreement agreement = agreements.find(String.valueOf(Inboxes.header(message, "tg_agreement_id")))
                .flatMap(AgreementState::agreement).orElse(null);
        if (agreement == null) {
            return false;
        }
        String domain = "agreement:" + agreement.id() + ":" + agreement.version();
        for (Marked record : sent) {
            // A pseudonymising flow's copy carries a record id of its own, derived from the sender's.
            if (!record.recordId().equals(recordId) && !transforms.recordId(domain, record.recordId()).equals(
                    recordId)) {
                continue;
            }
            for (Map.Entry<String, String> field : record.values().entrySet()) {
                if (field.getValue().equals(value) && EXPECTED.sharesInClear(agreement.id(), record.type(), field
                        .getKey(), record.consents())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Where nothing of a record may appear at all. */
    private static void scan(List<Marked> sent, String text, String where, List<String> leaks) {
        for (Marked record : sent) {
            record.values().forEach((pointer, value) -> {
                if (text.contains(value)) {
                    leaks.add(record.type() + " " + pointer + " appears in " + where);
                }
            });
        }
    }

    private String marker() {
        // Fixed width and a closing letter, so that no marker is part of another.
        return run + "q" + String.format("%03d", markers++) + "z";
    }

    private String push(Marked record) {
        return TestClients.as("yoi-feltham").contentType(ContentType.JSON).body(record.json()).when()
                .post("/v1/records").then().statusCode(202).extract().asString();
    }

    private Marked release(String nhsNumber, Set<String> consents) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("/subject/nhsNumber", nhsNumber);
        values.put("/subject/pncId", pncId());
        values.put("/subject/nomisNumber", nomisNumber());
        values.put("/subject/localCaseId/id", "FEL-" + marker());
        values.put("/subject/name/given", marker());
        values.put("/subject/name/family", marker());
        values.put("/subject/ethnicity", marker());
        values.put("/body/releaseAddress/lines/0", "Flat " + marker());
        values.put("/body/gateCollection/name", "Sam " + marker());
        values.put("/body/gateCollection/relationship", marker());
        values.put("/body/noticeOfSupervisionConditions/0", marker());
        values.put("/body/appointmentsBooked/0/with", marker());
        values.put("/body/appointmentsBooked/0/location", marker());
        String recordId = UUID.randomUUID().toString();
        String json = """
                {"recordId": "%s", "type": "release-notification", "schemaVersion": 1, "sender": "yoi-feltham",
                 "occurredAt": "2026-11-20T10:00:00Z",
                 "subject": {"nhsNumber": "%s", "pncId": "%s", "nomisNumber": "%s",
                   "localCaseId": {"agency": "yoi-feltham", "id": "%s"},
                   "name": {"given": "%s", "family": "%s"}, "dateOfBirth": "%s",
                   "ethnicity": "%s", "lookedAfter": false},
                 "body": {"establishment": "yoi-feltham", "supervisingYot": "yot-camden", "releaseDate": "2026-12-04",
                   "releaseType": "dto-midpoint",
                   "releaseAddress": {"lines": ["%s"], "town": "London", "postcode": "NW1 9UG"},
                   "addressConfirmedOn": "2026-11-19",
                   "gateCollection": {"name": "%s", "relationship": "%s", "phone": "07700 900123"},
                   "noticeOfSupervisionConditions": ["%s"],
                   "appointmentsBooked": [{"pathway": "health", "date": "2026-12-05T10:30:00Z", "with": "%s",
                     "location": "%s"}]}}
                """.formatted(recordId, nhsNumber, values.get("/subject/pncId"), values.get("/subject/nomisNumber"),
                values.get("/subject/localCaseId/id"), values.get("/subject/name/given"),
                values.get("/subject/name/family"), LocalDate.now().minusYears(17), values.get("/subject/ethnicity"),
                values.get("/body/releaseAddress/lines/0"), values.get("/body/gateCollection/name"),
                values.get("/body/gateCollection/relationship"), values.get("/body/noticeOfSupervisionConditions/0"),
                values.get("/body/appointmentsBooked/0/with"), values.get("/body/appointmentsBooked/0/location"));
        return marked(recordId, "release-notification", values, json, consents);
    }

    private Marked health(String nhsNumber, Set<String> consents) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("/subject/nhsNumber", nhsNumber);
        values.put("/subject/name/given", marker());
        values.put("/subject/name/family", marker());
        values.put("/body/clinician/name", "Nurse " + marker());
        values.put("/body/selfHarmRisk/notes", marker());
        values.put("/body/clinicalSummary", marker());
        String recordId = UUID.randomUUID().toString();
        String json = """
                {"recordId": "%s", "type": "health-summary", "schemaVersion": 1, "sender": "yoi-feltham",
                 "occurredAt": "2026-11-20T10:00:00Z",
                 "subject": {"nhsNumber": "%s", "name": {"given": "%s", "family": "%s"}, "dateOfBirth": "%s"},
                 "body": {"responsibleYot": "yot-camden", "establishment": "yoi-feltham",
                   "receivingHealthService": "health-icb-north-central-london", "gpRegistered": true,
                   "clinician": {"name": "%s", "role": "Nurse", "agency": "yoi-feltham"},
                   "selfHarmRisk": {"level": "low", "notes": "%s"},
                   "clinicalSummary": "%s"}}
                """.formatted(recordId, nhsNumber, values.get("/subject/name/given"),
                values.get("/subject/name/family"), LocalDate.now().minusYears(17),
                values.get("/body/clinician/name"), values.get("/body/selfHarmRisk/notes"),
                values.get("/body/clinicalSummary"));
        return marked(recordId, "health-summary", values, json, consents);
    }

    private static Marked marked(String recordId, String type, Map<String, String> values, String json,
            Set<String> consents) {
        return new Marked(recordId, type, Map.copyOf(values), consents, json);
    }

    /** A release notification that fails unexpectedly after it was accepted: it goes to the dead-letter topic. */
    private Marked deadLettered() {
        Marked record = release(TestIdentifiers.nhsNumber(), Set.of());
        AgencyIdentity feltham = new AgencyIdentity(directory.find("yoi-feltham").orElseThrow(), Set.of(Role.AGENCY),
                "01");
        IngestContext context = new IngestContext(record.json().getBytes(StandardCharsets.UTF_8), feltham, Instant
                .now(), LocalDate.now());
        Exchange exchange = new DefaultExchange(camel);
        exchange.getMessage().setBody(context);
        exchange.setProperty(Exchange.EXCEPTION_CAUGHT, new IllegalStateException("a bug in the leak scan"));
        deadLetters.record(exchange);
        return record;
    }

    private static String permit(String nhsNumber, String purpose, String recipientKind, String evidence) {
        String consent = """
                {"subject": {"nhsNumber": "%s", "dateOfBirth": "%s"},
                 "purpose": "%s", "scope": {"recipientKinds": ["%s"]},
                 "decision": "permit", "validFrom": "%s", "decidedBy": {"role": "child"},
                 "evidenceReference": "%s"}
                """.formatted(nhsNumber, LocalDate.now().minusYears(17), purpose, recipientKind, LocalDate.now(),
                evidence);
        return TestClients.as("yoi-feltham").contentType(ContentType.JSON).body(consent).when().post("/v1/consents")
                .then().statusCode(201).extract().path("id");
    }

    /** A valid PNC ID: four-digit year, seven-digit serial, check letter of (two-digit year and serial) mod 23. */
    private static String pncId() {
        int serial = ThreadLocalRandom.current().nextInt(10_000_000);
        long checked = 22L * 10_000_000 + serial;
        return "2022/" + String.format("%07d", serial) + PNC_LETTERS.charAt((int) (checked % 23));
    }

    private static String nomisNumber() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "" + (char) ('A' + random.nextInt(26)) + String.format("%04d", random.nextInt(10_000))
                + (char) ('A' + random.nextInt(26)) + (char) ('A' + random.nextInt(26));
    }

    /** Every line the hub logs while the scan runs, as it would be written, with any exception's messages. */
    private static final class CapturedLog extends Handler {

        private final ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();

        static CapturedLog install() {
            CapturedLog handler = new CapturedLog();
            Logger.getLogger("").addHandler(handler);
            return handler;
        }

        void remove() {
            Logger.getLogger("").removeHandler(this);
        }

        List<String> lines() {
            return List.copyOf(lines);
        }

        @Override
        public void publish(LogRecord record) {
            StringBuilder line = new StringBuilder(record.getLoggerName() + " " + (record instanceof ExtLogRecord ext
                    ? ext.getFormattedMessage()
                    : String.valueOf(record.getMessage())));
            if (record.getParameters() != null) {
                for (Object parameter : record.getParameters()) {
                    line.append(' ').append(parameter);
                }
            }
            for (Throwable thrown = record.getThrown(); thrown != null; thrown = thrown.getCause()) {
                line.append(' ').append(thrown);
                if (thrown.getCause() == thrown) {
                    break;
                }
            }
            lines.add(line.toString());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
