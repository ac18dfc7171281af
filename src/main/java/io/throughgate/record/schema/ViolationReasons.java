package io.throughgate.record.schema;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import com.networknt.schema.JsonNodePath;
import com.networknt.schema.ValidationMessage;

/**
 * Turns the validator's messages into {@link Violation}s. The validator's own texts embed submitted values (a const
 * or format message quotes the value), so they are never used: the pointer comes from the message's instance
 * location and the reason from its keyword and the schema ({@link KeywordReasons}).
 */
final class ViolationReasons {

    private static final String ONE_OF = "oneOf";
    private static final int NOT_A_VALUE_RULE = Integer.MAX_VALUE;

    private ViolationReasons() {
    }

    /** A violation with the keyword that found it. */
    private record Found(String keyword, Violation violation) {

        String pointer() {
            return violation.pointer();
        }
    }

    /** The violations of a set of validator messages, deduplicated and ordered by pointer. */
    static List<Violation> violations(Collection<ValidationMessage> messages) {
        if (messages.isEmpty()) {
            return List.of();
        }
        List<Found> found = new ArrayList<>(messages.size());
        for (ValidationMessage message : messages) {
            found.add(new Found(message.getType(), new Violation(pointer(message), KeywordReasons.reason(message))));
        }
        // A value of the wrong JSON type, or one too long, breaks the rules on its content too (enum, format,
        // pattern): only the most basic rule broken on a field is worth saying.
        Map<String, Integer> mostBasic = new HashMap<>();
        found.forEach(one -> mostBasic.merge(one.pointer(), valueRuleRank(one.keyword()), Math::min));
        TreeSet<Violation> specific = new TreeSet<>();
        List<Violation> alternatives = new ArrayList<>();
        for (Found one : found) {
            int rank = valueRuleRank(one.keyword());
            if (ONE_OF.equals(one.keyword())) {
                alternatives.add(one.violation());
            } else if (rank == NOT_A_VALUE_RULE || rank == mostBasic.get(one.pointer())) {
                specific.add(one.violation());
            }
        }
        // A oneOf failure is reported only when nothing more specific was found at or under its pointer: for the
        // pathway-update body, the chosen branch's own violations say what is wrong.
        for (Violation alternative : alternatives) {
            if (specific.stream().noneMatch(other -> within(other.pointer(), alternative.pointer()))) {
                specific.add(alternative);
            }
        }
        return List.copyOf(specific);
    }

    /** How basic a rule on a field's value is: type before length before content; other keywords are unranked. */
    private static int valueRuleRank(String keyword) {
        return switch (keyword) {
            case "type" -> 0;
            case "maxLength" -> 1;
            case "minLength", "enum", "const", "format", "pattern" -> 2;
            default -> NOT_A_VALUE_RULE;
        };
    }

    private static boolean within(String pointer, String ancestor) {
        return pointer.equals(ancestor) || pointer.startsWith(ancestor + "/");
    }

    /**
     * The RFC 6901 pointer of the field concerned: the instance location, plus the property for keywords that
     * report on a property of the object they validate (a missing required field, an unknown field).
     */
    static String pointer(ValidationMessage message) {
        StringBuilder pointer = new StringBuilder();
        JsonNodePath location = message.getInstanceLocation();
        for (int i = 0; i < location.getNameCount(); i++) {
            appendSegment(pointer, String.valueOf(location.getElement(i)));
        }
        String property = KeywordReasons.reportedProperty(message);
        if (property != null) {
            appendSegment(pointer, property);
        }
        return pointer.toString();
    }

    private static void appendSegment(StringBuilder pointer, String segment) {
        pointer.append('/').append(segment.replace("~", "~0").replace("/", "~1"));
    }
}
