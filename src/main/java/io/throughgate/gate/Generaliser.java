package io.throughgate.gate;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;

import io.throughgate.agreement.Generalisation;

/**
 * Applies an agreement's {@code generalise:<how>} rule to one field's value.
 *
 * <ul>
 * <li>{@link Generalisation#YEAR_MONTH}: a date ({@code 2009-05-02}) to {@code "2009-05"}; a date-time with its
 * offset ({@code 2026-03-31T23:30:00Z}) to the year and month of that instant in Europe/London ({@code "2026-04"}),
 * the zone the records' dates are in.</li>
 * <li>{@link Generalisation#YEAR}: either to the year, as a string ({@code "2009"}) like every generalised date.</li>
 * <li>{@link Generalisation#POSTCODE_DISTRICT}: a UK postcode ({@code NW1 2DB}, {@code ec1a1bb}) to its outward
 * code, the district ({@code "NW1"}, {@code "EC1A"}); an address object (with a {@code postcode}) to an object that
 * holds only the district, {@code {"postcodeDistrict": "NW1"}}.</li>
 * </ul>
 *
 * <p>
 * Guarantees: pure and thread-safe; never throws for any value. A value that cannot be generalised (of the wrong
 * type, or not a valid date, date-time, postcode or address) gives empty, and the gate withholds the field; nothing
 * about the value is reported. Dates are read strictly: {@code 2009-02-30} and a date-time without an offset cannot
 * be generalised.
 */
public final class Generaliser {

    /** The zone the records' dates are in, and in which an instant's month and year are taken. */
    public static final ZoneId LONDON = ZoneId.of("Europe/London");
    /** The field of the object a generalised address becomes. */
    public static final String POSTCODE_DISTRICT = "postcodeDistrict";

    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter YEAR_MONTH = DateTimeFormatter.ofPattern("uuuu-MM");
    private static final DateTimeFormatter YEAR = DateTimeFormatter.ofPattern("uuuu");
    // The shapes of UK postcodes (as the record schemas' postcode pattern), upper case, the space optional.
    private static final Pattern POSTCODE = Pattern.compile("(GIR) ?0AA|([A-PR-UWYZ](?:[0-9]{1,2}|[A-HK-Y][0-9]{1,2}"
            + "|[0-9][A-HJKPSTUW]|[A-HK-Y][0-9][ABEHMNPRV-Y])) ?[0-9][ABD-HJLNP-UW-Z]{2}");

    private Generaliser() {
    }

    /**
     * The value made less precise as {@code how} says.
     *
     * @param value the field's value (any JSON value)
     * @param how the agreement's generalisation
     * @return the generalised value; empty when the value cannot be generalised that way
     */
    public static Optional<JsonNode> generalise(JsonNode value, Generalisation how) {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(how, "how");
        return switch (how) {
            case YEAR_MONTH -> date(value).map(date -> TextNode.valueOf(YEAR_MONTH.format(date)));
            case YEAR -> date(value).map(date -> TextNode.valueOf(YEAR.format(date)));
            case POSTCODE_DISTRICT -> postcodeDistrict(value);
        };
    }

    /** The calendar date of a date, or of a date-time's instant in London. */
    private static Optional<TemporalAccessor> date(JsonNode value) {
        if (!value.isTextual()) {
            return Optional.empty();
        }
        String text = value.textValue();
        try {
            if (text.indexOf('T') < 0 && text.indexOf('t') < 0) {
                return Optional.of(LocalDate.parse(text, DATE));
            }
            return Optional.of(OffsetDateTime.parse(text, DATE_TIME).atZoneSameInstant(LONDON).toLocalDate());
        } catch (DateTimeException e) {
            // The exception's message quotes the value: dropped.
            return Optional.empty();
        }
    }

    private static Optional<JsonNode> postcodeDistrict(JsonNode value) {
        if (value.isObject()) {
            return district(value.get("postcode"))
                    .map(district -> JsonNodeFactory.instance.objectNode().put(POSTCODE_DISTRICT, district));
        }
        return district(value).map(TextNode::valueOf);
    }

    private static Optional<String> district(JsonNode postcode) {
        if (postcode == null || !postcode.isTextual()) {
            return Optional.empty();
        }
        Matcher matcher = POSTCODE.matcher(upperCaseAscii(postcode.textValue().strip()));
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
    }

    /** ASCII letters to upper case, nothing else: Unicode case mapping would turn some other letters into A-Z. */
    private static String upperCaseAscii(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] >= 'a' && chars[i] <= 'z') {
                chars[i] = (char) (chars[i] - ('a' - 'A'));
            }
        }
        return new String(chars);
    }
}
