package io.throughgate.consent.fhir;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Builders for the FHIR R4 data types the consent mapping uses, leaving out every empty element (FHIR ele-1). */
final class FhirElements {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final DateTimeFormatter DATE_TIME = new DateTimeFormatterBuilder().appendPattern(
            "uuuu-MM-dd'T'HH:mm:ss").appendFraction(ChronoField.NANO_OF_SECOND, 0, 3, true).appendOffset("+HH:MM",
                    "Z")
            .toFormatter();

    private FhirElements() {
    }

    static ObjectNode object() {
        return JSON.objectNode();
    }

    /** A Coding; {@code display} may be null. */
    static ObjectNode coding(String system, String code, String display) {
        ObjectNode coding = JSON.objectNode().put("system", system).put("code", code);
        if (display != null) {
            coding.put("display", display);
        }
        return coding;
    }

    /** A CodeableConcept of one Coding. */
    static ObjectNode concept(ObjectNode coding) {
        ObjectNode concept = JSON.objectNode();
        concept.putArray("coding").add(coding);
        return concept;
    }

    /** A Reference by business identifier only (R4 Reference.identifier), for things the hub names by code. */
    static ObjectNode identified(String system, String value) {
        ObjectNode reference = JSON.objectNode();
        reference.putObject("identifier").put("system", system).put("value", value);
        return reference;
    }

    /** A Reference that only describes its target in words (R4 Reference.display). */
    static ObjectNode described(String display) {
        return JSON.objectNode().put("display", display);
    }

    /**
     * An R4 {@code dateTime} with seconds and a time zone offset, as the type requires when a time is given, in the
     * zone's local time so that its date is the local date; to the millisecond, the precision FHIR servers keep.
     */
    static String dateTime(Instant instant, ZoneId zone) {
        return DATE_TIME.format(instant.truncatedTo(ChronoUnit.MILLIS).atZone(zone));
    }
}
