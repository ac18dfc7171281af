package io.throughgate.timeliness;

/**
 * Where an anchor's date comes from: a record type and the pointer of a date, or of a date and time taken as its day
 * in London.
 *
 * @param recordType the record type
 * @param pointer the JSON pointer of the date
 */
public record DateSource(String recordType, String pointer) {
}
