package io.throughgate.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;

import io.throughgate.agreement.Generalisation;

/** Postcodes and addresses to the postcode district (the outward code). */
class GeneraliserPostcodeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0} -> {1} ({2})")
    @CsvSource({
            "M1 1AE, M1, A9 9AA",
            "B33 8TH, B33, A99 9AA",
            "CR2 6XH, CR2, AA9 9AA",
            "DN55 1PT, DN55, AA99 9AA",
            "W1A 0AX, W1A, A9A 9AA",
            "EC1A 1BB, EC1A, AA9A 9AA",
            "NW1 2DB, NW1, AA9 9AA",
            "SW1A 1AA, SW1A, AA9A 9AA",
            "TW13 4ND, TW13, AA99 9AA",
            "GIR 0AA, GIR, the one special postcode"})
    void generalisesAPostcodeToItsDistrict(String postcode, String district, String shape) {
        assertEquals(text(district), generalise(TextNode.valueOf(postcode)));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(quoteCharacter = '`', value = {
            "EC1A1BB, EC1A",
            "NW12DB, NW1",
            "M11AE, M1",
            "nw1 2db, NW1",
            "Sw1a 1aA, SW1A",
            "` NW1 2DB `, NW1"})
    void normalisesAPostcodeWithoutASpaceOrInLowerCase(String postcode, String district) {
        assertEquals(text(district), generalise(TextNode.valueOf(postcode)));
    }

    @Test
    void generalisesAnAddressToAnObjectHoldingOnlyTheDistrict() throws Exception {
        JsonNode address = JSON.readTree("""
                {"lines": ["Flat 3", "12 Arlington Road"], "town": "London", "postcode": "NW1 2DB"}""");
        assertEquals(Optional.of(JSON.readTree("{\"postcodeDistrict\": \"NW1\"}")), generalise(address));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{\"lines\": [\"12 Arlington Road\"], \"town\": \"London\"}",
            "{\"postcode\": \"not a postcode\"}", "{\"postcode\": 12}", "{\"postcode\": null}", "{}"})
    void cannotGeneraliseAnAddressWithoutAValidPostcode(String address) throws Exception {
        assertEquals(Optional.empty(), generalise(JSON.readTree(address)));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "NW1", "2DB", "NW1 2D", "NW1  2DB", "NW1-2DB", "QW1 2DB", "NW1 2CB", "NWW1 2DB",
            "N 2DB", "NW123 2DB", "12345", "ｎｗ１ ２ｄｂ", "\u017fW1A 1AA", "NW1 2DB, London", "2009-05-02"})
    void cannotGeneraliseTextThatIsNotAPostcode(String value) {
        assertEquals(Optional.empty(), generalise(TextNode.valueOf(value)));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"12", "null", "true", "[\"NW1 2DB\"]"})
    void cannotGeneraliseOtherTypesOfValueToADistrict(String json) throws Exception {
        assertEquals(Optional.empty(), generalise(JSON.readTree(json)));
    }

    @Test
    void cannotGeneraliseAPostcodeToADate() {
        assertEquals(Optional.empty(), Generaliser.generalise(TextNode.valueOf("NW1 2DB"), Generalisation.YEAR));
    }

    private static Optional<JsonNode> generalise(JsonNode value) {
        return Generaliser.generalise(value, Generalisation.POSTCODE_DISTRICT);
    }

    private static Optional<JsonNode> text(String text) {
        return Optional.of(TextNode.valueOf(text));
    }
}
