package io.throughgate.deliver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.throughgate.agreement.AgreementState;
import io.throughgate.cli.ContractsBootstrap;
import io.throughgate.exchange.Routing;

/**
 * Who receives a record, as a table over the shipped agreements and directory: the expected recipients and the
 * reasons a named recipient is passed over come from the agreements' {@code to:} rules and the directory as written
 * (for example the direct-care flow {@code placement-information-to-establishment}: to the establishment named at
 * {@code /body/establishment}, of kind yoi, stc, sch or ssc, and to YCS Placements).
 */
class RecipientResolverTableTest {

    private static final ContractsBootstrap CONTRACTS = ContractsBootstrap.load(Path.of("contracts"), List.of(Path
            .of("certs-dev/ca/ca.crt"), Path.of("certs-dev/borough-ca/ca.crt")), Clock.system(
                    ZoneId.of(
                            "Europe/London")));
    private static final String DIRECT_CARE = "london-resettlement-direct-care";
    private static final String TO_ESTABLISHMENT = DIRECT_CARE + ": agency named at /body/establishment (sch, ssc, "
            + "stc, yoi) names ";

    @ParameterizedTest(name = "{0} sends {1} with {2}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            yot-camden  | placement-information | {"establishment": "yoi-feltham"}      | london-resettlement-direct-care/yoi-feltham, london-resettlement-direct-care/ycs-placements | -
            yot-camden  | placement-information | {"establishment": "yot-hackney"}      | london-resettlement-direct-care/ycs-placements | yot-hackney is not a recipient this flow allows
            yot-camden  | placement-information | {"establishment": "yoi-nowhere"}      | london-resettlement-direct-care/ycs-placements | an agency that is not in the directory
            yot-camden  | placement-information | {"establishment": "yoi-cookham-wood"} | london-resettlement-direct-care/ycs-placements | yoi-cookham-wood is not in force
            yot-camden  | placement-information | {}                                    | london-resettlement-direct-care/ycs-placements | no recipient
            yoi-feltham | release-notification  | {"supervisingYot": "yot-camden"}      | london-resettlement-direct-care/yot-camden, london-resettlement-direct-care/ycs-placements | -
            """)
    void aRecordGoesToTheRecipientsItsAgreementsName(String sender, String type, String body, String recipients,
            String passedOver) throws Exception {
        Routing routing = route(sender, type, body);

        assertTrue(routing.senderPermitted(), "an agreement lets " + sender + " send " + type);
        List<String> planned = routing.deliveries().stream().map(delivery -> delivery.agreement().id() + "/"
                + delivery.recipient().code()).toList();
        for (String expected : Arrays.stream(recipients.split(",")).map(String::trim).toList()) {
            assertTrue(planned.contains(expected), expected + " among " + planned);
        }
        assertEquals(planned.size(), planned.stream().distinct().count(), "each recipient once per agreement");
        if (passedOver == null) {
            assertTrue(routing.unrouted().stream().noneMatch(line -> line.startsWith(DIRECT_CARE)), routing
                    .unrouted()::toString);
        } else {
            String expected = passedOver.equals("no recipient")
                    ? DIRECT_CARE + ": /body/establishment names no recipient"
                    : TO_ESTABLISHMENT + passedOver;
            assertTrue(routing.unrouted().contains(expected), expected + " among " + routing.unrouted());
        }
    }

    @ParameterizedTest(name = "{0} may not send {1}")
    @CsvSource(delimiter = '|', textBlock = """
            yot-camden  | release-notification
            yoi-feltham | placement-information
            """)
    void aSenderNoFlowAllowsIsNotPermitted(String sender, String type) throws Exception {
        Routing routing = route(sender, type, "{}");

        assertEquals(false, routing.senderPermitted());
        assertEquals(List.of(), routing.deliveries());
    }

    private static Routing route(String sender, String type, String body) throws Exception {
        JsonNode record = new ObjectMapper().readTree("""
                {"recordId": "5b0e2c7a-1d3f-4e8b-9a6c-7f2d1e0b3c4a", "type": "%s", "schemaVersion": 1,
                 "sender": "%s", "occurredAt": "2026-11-20T10:00:00Z", "subject": {}, "body": %s}
                """.formatted(type, sender, body));
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        List<AgreementState> inForce = CONTRACTS.agreements().stream().filter(state -> state.inForceOn(today))
                .toList();
        return new RecipientResolver(CONTRACTS.directory()).route(record, CONTRACTS.directory().find(sender)
                .orElseThrow(), inForce, today);
    }
}
