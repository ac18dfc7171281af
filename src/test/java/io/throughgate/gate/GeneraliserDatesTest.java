package io.throughgate.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;

import io.throughgate.agreement.Generalisation;

/** Dates and date-times to their month or year; an instant's month and year are London's. */
class GeneraliserDatesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "2009-05-02, 2009-05",
            "2009-12-31, 2009-12",
            "2008-02-29, 2008-02",
            "2010-01-01, 2010-01"})
    void generalisesADateToItsYearAndMonth(String date, String yearMonth) {
        assertEquals(text(yearMonth), Generaliser.generalise(TextNode.valueOf(date), Generalisation.YEAR_MONTH));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "2026-04-17T09:30:00Z, 2026-04, an ordinary day",
            "2026-03-31T23:30:00Z, 2026-04, half past midnight of 1 April in British Summer Time",
            "2026-03-31T22:59:59Z, 2026-03, still 31 March in British Summer Time",
            "2026-04-30T23:00:00Z, 2026-05, midnight of 1 May in British Summer Time",
            "2026-01-31T23:30:00Z, 2026-01, still 31 January in Greenwich Mean Time",
            "2026-10-31T23:30:00Z, 2026-10, still 31 October after the clocks went back",
            "2026-03-29T00:30:00Z, 2026-03, the night the clocks go forward",
            "2026-05-01T00:30:00+02:00, 2026-04, an offset east of London",
            "2026-04-30T20:30:00-03:00, 2026-05, an offset west of London",
            "2026-04-17T09:30:00.123456789+01:00, 2026-04, fractions of a second",
            "2026-04-17t09:30:00z, 2026-04, lower-case separators (RFC 3339 allows them)"})
    void generalisesADateTimeToItsYearAndMonthInLondon(String dateTime, String yearMonth, String why) {
        assertEquals(text(yearMonth), Generaliser.generalise(TextNode.valueOf(dateTime), Generalisation.YEAR_MONTH),
                why);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "2009-05-02, 2009",
            "2009-12-31, 2009",
            "2025-12-31T23:30:00Z, 2025",
            "2026-12-31T23:30:00-01:00, 2027",
            "2027-01-01T00:30:00+01:00, 2026"})
    void generalisesADateOrDateTimeToItsYear(String value, String year) {
        assertEquals(text(year), Generaliser.generalise(TextNode.valueOf(value), Generalisation.YEAR));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", " ", "2009-02-30", "2009-02-29", "2009-13-01", "2009-00-10", "2009-5-2", "02/05/2009",
            "2009-05", "2009", " 2009-05-02", "2009-05-02 ", "2026-04-17T09:30:00", "2026-04-17T25:30:00Z",
            "2026-04-17 09:30:00Z", "2026-04-17T09:30:00+25:00", "tomorrow", "NW1 2DB"})
    void cannotGeneraliseTextThatIsNotADateOrDateTime(String value) {
        for (Generalisation how : new Generalisation[]{Generalisation.YEAR_MONTH, Generalisation.YEAR}) {
            assertEquals(Optional.empty(), Generaliser.generalise(TextNode.valueOf(value), how), how.code());
        }
    }

    @ParameterizedTest
    @EnumSource(value = Generalisation.class, names = {"YEAR_MONTH", "YEAR"})
    void cannotGeneraliseOtherTypesOfValueToADate(Generalisation how) throws Exception {
        for (String json : new String[]{"20090502", "2009", "null", "true", "[\"2009-05-02\"]",
                "{\"date\": \"2009-05-02\"}"}) {
            JsonNode value = new ObjectMapper().readTree(json);
            assertEquals(Optional.empty(), Generaliser.generalise(value, how), json);
        }
    }

    private static Optional<JsonNode> text(String text) {
        return Optional.of(TextNode.valueOf(text));
    }
}
