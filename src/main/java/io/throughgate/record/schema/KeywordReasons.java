package io.throughgate.record.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.ValidationMessage;

/**
 * The reason for each JSON Schema keyword, built only from the keyword and the schema's own values (limits, allowed
 * values, format names), never from the record.
 */
final class KeywordReasons {

    /** Enums with more members than this are described by their size, not listed. */
    private static final int LISTED_VALUES = 12;

    private static final Map<String, String> FORMATS = Map.of(
            "date", "must be a date (YYYY-MM-DD)",
            "date-time", "must be a date and time with a UTC offset (RFC 3339, e.g. 2025-07-01T10:00:00+01:00)",
            "uuid", "must be a UUID",
            "email", "must be an email address");

    /** What a pattern stands for, by the name of the common definition that declares it. */
    private static final Map<String, String> PATTERNS = Map.of(
            "agencyCode", "must be an agency code (e.g. yot-camden)",
            "gssCode", "must be a GSS code (e.g. E09000007)",
            "odsCode", "must be an ODS code of a GP practice (a letter and 5 digits)",
            "phone", "must be a UK telephone number (e.g. 020 7946 0000)",
            "postcode", "must be a UK postcode in upper case with one space (e.g. TW13 4ND)");

    private KeywordReasons() {
    }

    /** The property a message concerns, for keywords reported on the object that holds it; otherwise null. */
    static String reportedProperty(ValidationMessage message) {
        return switch (message.getType()) {
            case "required", "additionalProperties", "unevaluatedProperties" -> message.getProperty();
            // Reported on the property present; the first argument is the missing one the schema names.
            case "dependentRequired" -> String.valueOf(message.getArguments()[0]);
            default -> null;
        };
    }

    static String reason(ValidationMessage message) {
        JsonNode schema = message.getSchemaNode();
        return switch (message.getType()) {
            case "required" -> "is required";
            // Reported on the property present, which the schema names as the key of the missing one.
            case "dependentRequired" -> "is required when " + message.getProperty() + " is given";
            case "additionalProperties", "unevaluatedProperties" -> "is not allowed (unknown field)";
            case "type" -> "must be of JSON type " + schema.asText();
            case "const" -> "must be " + schema;
            case "enum" -> enumReason(schema);
            case "format" -> formatReason(schema.asText());
            case "pattern" -> patternReason(message);
            case "maxLength" -> "must be at most " + schema.asInt() + " characters long";
            case "minLength" -> schema.asInt() == 1
                    ? "must not be empty"
                    : "must be at least " + schema.asInt() + " characters long";
            case "maxItems" -> "must have at most " + schema.asInt() + " items";
            case "minItems" -> "must have at least " + schema.asInt() + " item" + (schema.asInt() == 1 ? "" : "s");
            case "maximum" -> "must be at most " + schema.asText();
            case "minimum" -> "must be at least " + schema.asText();
            case "uniqueItems" -> "must not repeat an item";
            case "oneOf" -> "must match exactly one of the shapes the schema allows";
            case "false" -> "is not allowed";
            default -> "is not valid (" + message.getType() + ")";
        };
    }

    private static String enumReason(JsonNode values) {
        if (values.size() > LISTED_VALUES) {
            return "must be one of the " + values.size() + " values the schema allows";
        }
        List<String> allowed = new ArrayList<>();
        values.forEach(value -> allowed.add(value.isTextual() ? value.textValue() : value.toString()));
        return "must be one of: " + String.join(", ", allowed);
    }

    private static String formatReason(String format) {
        return IdentifierFormat.named(format).map(IdentifierFormat::requirement)
                .orElseGet(() -> FORMATS.getOrDefault(format, "must be a valid " + format));
    }

    private static String patternReason(ValidationMessage message) {
        String location = message.getSchemaLocation().getFragment().toString();
        for (Map.Entry<String, String> pattern : PATTERNS.entrySet()) {
            if (location.endsWith("/$defs/" + pattern.getKey() + "/pattern")) {
                return pattern.getValue();
            }
        }
        return "does not have the required form";
    }
}
