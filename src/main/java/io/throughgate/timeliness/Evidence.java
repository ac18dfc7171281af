package io.throughgate.timeliness;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A record that meets a milestone: its type, the values it must hold, and where the day it was met comes from.
 *
 * @param recordType the record type
 * @param when each pointer (with {@code *} for any item of a list) and the value it must hold
 * @param date the pointer of the day it was met, or {@link #RECEIVED} for the day the hub received the record
 */
public record Evidence(String recordType, Map<String, String> when, String date) {

    /** The {@code date} that means the day the hub received the record. */
    public static final String RECEIVED = "received";

    static final ZoneId LONDON = ZoneId.of("Europe/London");

    public Evidence {
        when = Map.copyOf(when);
    }

    /** What the record is, in words, e.g. "a planning-meeting record with /body/meetingType initial-planning". */
    public String describe() {
        StringBuilder text = new StringBuilder("a " + recordType + " record");
        String conditions = when.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(condition -> condition
                .getKey() + " " + condition.getValue()).collect(java.util.stream.Collectors.joining(" and "));
        if (!conditions.isEmpty()) {
            text.append(" with ").append(conditions);
        }
        if (!date.equals(RECEIVED)) {
            text.append(", dated by ").append(date);
        }
        return text.toString();
    }

    /** The day a record met the milestone, or empty when the record does not meet it. */
    public Optional<LocalDate> metOn(String type, JsonNode record, LocalDate receivedOn) {
        if (!type.equals(recordType) || !when.entrySet().stream().allMatch(condition -> holds(record, condition
                .getKey(), condition.getValue()))) {
            return Optional.empty();
        }
        return date.equals(RECEIVED) ? Optional.of(receivedOn) : day(record.at(date));
    }

    /** Whether the value at a pointer, {@code *} standing for any item of a list, is the one given. */
    static boolean holds(JsonNode node, String pointer, String value) {
        int star = pointer.indexOf("/*");
        if (star < 0) {
            return node.at(pointer).isTextual() && node.at(pointer).asText().equals(value);
        }
        JsonNode list = node.at(pointer.substring(0, star));
        String rest = pointer.substring(star + 2);
        for (JsonNode item : list) {
            if (rest.isEmpty() ? item.isTextual() && item.asText().equals(value) : holds(item, rest, value)) {
                return true;
            }
        }
        return false;
    }

    /** A date, or a date and time taken as its day in London. */
    static Optional<LocalDate> day(JsonNode value) {
        if (!value.isTextual()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(value.asText()));
        } catch (DateTimeParseException notADate) {
            try {
                Instant instant = OffsetDateTime.parse(value.asText()).toInstant();
                return Optional.of(instant.atZone(LONDON).toLocalDate());
            } catch (DateTimeParseException notADateTime) {
                return Optional.empty();
            }
        }
    }
}
