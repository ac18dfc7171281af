package io.throughgate.agreement;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The field rules of one flow, answering "what is the rule for this field?" in constant time per field. The most
 * specific rule wins: a rule on {@code /body/releaseAddress/postcode} overrides one on {@code /body/releaseAddress}.
 * A field that no rule covers is withheld (default deny). Array indices in a field's pointer match {@code *}.
 */
public final class FieldRuleSet {

    private final Map<String, FieldRule> rulesByField;
    private final Map<String, FieldRule> resolved = new ConcurrentHashMap<>();

    /** @param rules the rules; each field at most once */
    public FieldRuleSet(List<FieldRule> rules) {
        Map<String, FieldRule> byField = new LinkedHashMap<>();
        for (FieldRule rule : rules) {
            if (byField.putIfAbsent(rule.field(), rule) != null) {
                throw new IllegalArgumentException("field " + rule.field() + " has two rules");
            }
        }
        this.rulesByField = byField;
    }

    /** The rules as written, in file order. */
    public Collection<FieldRule> rules() {
        return rulesByField.values();
    }

    /**
     * The rule for a field.
     *
     * @param pointer the field's JSON pointer, with array indices (e.g. {@code /body/appointmentsBooked/0/date})
     *        or with {@code *} for them
     * @return the most specific rule covering the field, or {@link FieldRule#notNamed(String)}
     */
    public FieldRule ruleFor(String pointer) {
        String pattern = pattern(pointer);
        return resolved.computeIfAbsent(pattern, this::resolve);
    }

    private FieldRule resolve(String pattern) {
        for (String prefix = pattern; !prefix.isEmpty(); prefix = prefix.substring(0, prefix.lastIndexOf('/'))) {
            FieldRule rule = rulesByField.get(prefix);
            if (rule != null) {
                return rule;
            }
        }
        return FieldRule.notNamed(pattern);
    }

    /** The rule written for exactly this field (no parent's), if any. */
    public java.util.Optional<FieldRule> exactRule(String pointer) {
        return java.util.Optional.ofNullable(rulesByField.get(pattern(pointer)));
    }

    /**
     * The pointer with every array index (a segment of digits only) replaced by {@code *}. Record schemas have no
     * numeric property names. Called for every field of every copy, so it allocates nothing for a pointer without
     * an index.
     */
    public static String pattern(String pointer) {
        int length = pointer.length();
        int digit = 0;
        while (digit < length && !isDigit(pointer.charAt(digit))) {
            digit++;
        }
        if (digit == length) {
            return pointer;
        }
        StringBuilder pattern = new StringBuilder(length);
        int start = 1;
        while (start <= length) {
            int end = pointer.indexOf('/', start);
            if (end < 0) {
                end = length;
            }
            pattern.append('/');
            if (end > start && allDigits(pointer, start, end)) {
                pattern.append('*');
            } else {
                pattern.append(pointer, start, end);
            }
            start = end + 1;
        }
        return pattern.toString();
    }

    private static boolean allDigits(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!isDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** An ASCII digit, as JSON array indexes are written; {@link Character#isDigit} would take other scripts'. */
    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
