package io.throughgate.record.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.throughgate.contract.ContractFiles;

/**
 * What JSON Schema cannot say of a record: dates from 1990-01-01 (births not after today, other dates not after
 * 2099-12-31), and no control character (U+0000 to U+001F) in text, but tabs and line breaks in narrative text.
 */
class PlausibleValuesTest {

    private static final RecordSchemas SCHEMAS = RecordSchemas.load(new ContractFiles(Path.of("contracts")));
    private static final String UPDATE = """
            {"recordId": "2f1c7a8e-0d4b-4d7e-9a51-6c3e2b1f0a99", "type": "pathway-update", "schemaVersion": 1,
             "sender": "yoi-feltham", "occurredAt": "2026-11-20T10:00:00Z",
             "subject": {"nomisNumber": "A4821KD", "name": {"given": "Ade", "family": "Example"},
               "dateOfBirth": "2009-05-02"},
             "body": {"pathway": "substance-misuse", "responsibleYot": "yot-camden",
               "summary": "Engaging weekly.", "referralDate": "2026-11-01"}}
            """;

    private static List<Violation> violations(String pointer, String value) throws Exception {
        ObjectNode record = (ObjectNode) new ObjectMapper().readTree(UPDATE);
        ObjectNode parent = (ObjectNode) record.at(pointer.substring(0, pointer.lastIndexOf('/')));
        parent.put(pointer.substring(pointer.lastIndexOf('/') + 1), value);
        return SCHEMAS.validate(record);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "line breaks in a narrative | /body/summary | 'Seen on Monday.\\nSeen again on Friday.' | ",
            "a bell in a narrative | /body/summary | 'Seen\\u0007' | must not contain control characters "
                    + "(U+0000 to U+001F) other than tabs and line breaks",
            "a line break in a name | /subject/name/family | 'Exa\\nmple' | must not contain control characters "
                    + "(U+0000 to U+001F)",
            "a NUL in a short text | /body/treatmentProvider | 'Drug service\\u0000' | must not contain control characters "
                    + "(U+0000 to U+001F)",
            "a birth before 1990 | /subject/dateOfBirth | 1989-12-31 | must be a date from 1990-01-01 to today",
            "a date before 1990 | /body/referralDate | 1899-12-31 | must be a date from 1990-01-01 to 2099-12-31",
            "a date after 2099 | /body/referralDate | 2100-01-01 | must be a date from 1990-01-01 to 2099-12-31",
            "a time before 1990 | /occurredAt | 1989-12-31T23:00:00Z | must be a date from 1990-01-01 to 2099-12-31"})
    void checksWhatTheSchemaCannot(String variant, String pointer, String value, String reason) throws Exception {
        String unescaped = new ObjectMapper().readValue("\"" + value + "\"", String.class);
        List<Violation> expected = reason == null ? List.of() : List.of(new Violation(pointer, reason));
        assertEquals(expected, violations(pointer, unescaped), variant);
    }

    @ParameterizedTest(name = "a birth {0} days from today")
    @CsvSource({"0, ''", "1, must be a date from 1990-01-01 to today"})
    void aBirthMayBeTodayButNotTomorrow(int days, String reason) throws Exception {
        String tomorrowOrToday = LocalDate.now(java.time.ZoneId.of("Europe/London")).plusDays(days).toString();
        List<Violation> expected = reason.isEmpty()
                ? List.of()
                : List.of(new Violation("/subject/dateOfBirth",
                        reason));
        assertEquals(expected, violations("/subject/dateOfBirth", tomorrowOrToday));
    }
}
