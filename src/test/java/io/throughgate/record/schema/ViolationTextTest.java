package io.throughgate.record.schema;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Children's data must never appear in a violation: for every sample, every value is replaced by a marker (which
 * breaks formats, enums, patterns, consts and lengths) and no violation may contain the marker.
 */
class ViolationTextTest {

    private static final String MARKER = "QZMARKER";
    private static final int NUMBER_MARKER = 987654321;

    private static final Map<String, Function<JsonNode, JsonNode>> POISONS = Map.of(
            "every string a marker", leaf -> leaf.isTextual() ? TextNode.valueOf(MARKER + "-7f3a") : leaf,
            "every string a long marker", leaf -> leaf.isTextual() ? TextNode.valueOf(MARKER.repeat(300)) : leaf,
            "every number and boolean a marker",
            leaf -> leaf.isNumber()
                    ? IntNode.valueOf(NUMBER_MARKER)
                    : leaf.isBoolean() ? TextNode.valueOf(MARKER) : leaf,
            "every string a number marker", leaf -> leaf.isTextual() ? IntNode.valueOf(NUMBER_MARKER) : leaf,
            "every value a boolean", leaf -> leaf.isValueNode() ? BooleanNode.TRUE : leaf);

    static List<Path> samples() {
        return Stream.concat(Samples.files("valid").stream(), Samples.files("invalid").stream())
                .toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void neverQuotesASubmittedValueInAViolation(Path sample) {
        JsonNode original = Samples.read(sample);
        POISONS.forEach((name, poison) -> {
            JsonNode poisoned = replaceLeaves(original.deepCopy(), poison);
            List<Violation> violations = Samples.SCHEMAS.validate(poisoned);
            assertFalse(violations.isEmpty(), name + " must break the record");
            for (Violation violation : violations) {
                String text = violation.pointer() + " " + violation.reason();
                assertFalse(text.contains(MARKER) || text.contains(String.valueOf(NUMBER_MARKER)),
                        name + ": " + text);
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void neverQuotesTheOffendingValueOfAnInvalidSample(Path sample) {
        JsonNode record = Samples.read(sample);
        for (Violation violation : Samples.SCHEMAS.validate(record)) {
            JsonNode value = record.at(violation.pointer());
            if (value.isValueNode() && value.asText().length() > 2) {
                assertFalse(violation.reason().contains(value.asText()), violation.toString());
            }
            assertTrue(violation.reason().length() > 0);
        }
    }

    private static JsonNode replaceLeaves(JsonNode node, Function<JsonNode, JsonNode> poison) {
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                object.set(name, replaceLeaves(object.get(name), poison));
            }
            return object;
        }
        if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, replaceLeaves(array.get(i), poison));
            }
            return array;
        }
        return poison.apply(node);
    }
}
