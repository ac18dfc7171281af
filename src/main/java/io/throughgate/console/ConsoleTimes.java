package io.throughgate.console;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import io.quarkus.qute.TemplateExtension;

/**
 * Dates and times as the console shows them: London time, in the GOV.UK style ("3 December 2026 at 9:55pm"). In
 * templates, {@code {date.inWords}} and {@code {instant.inWords}}.
 */
final class ConsoleTimes {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mma", Locale.UK);

    private ConsoleTimes() {
    }

    @TemplateExtension(matchName = "inWords")
    static String day(LocalDate day) {
        return day == null ? "" : DAY.format(day);
    }

    @TemplateExtension(matchName = "inWords")
    static String moment(Instant instant) {
        if (instant == null) {
            return "";
        }
        var local = instant.atZone(LONDON);
        return DAY.format(local) + " at " + TIME.format(local).toLowerCase(Locale.UK);
    }
}
