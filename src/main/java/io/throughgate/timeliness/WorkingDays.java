package io.throughgate.timeliness;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

/**
 * Working days in England and Wales: not Saturday or Sunday, and not a bank holiday of the years the calendar
 * covers.
 *
 * @param from the first day covered
 * @param to the last day covered
 * @param bankHolidays the bank holidays from {@code from} to {@code to}
 */
public record WorkingDays(LocalDate from, LocalDate to, Set<LocalDate> bankHolidays) {

    public WorkingDays {
        bankHolidays = Set.copyOf(bankHolidays);
    }

    /** Whether a day is a working day. */
    public boolean isWorkingDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY
                && !bankHolidays.contains(day);
    }

    /**
     * The day that is {@code count} working days after {@code start} (the start itself not counted).
     *
     * @throws IllegalArgumentException if the count runs beyond the days the calendar covers
     */
    public LocalDate plus(LocalDate start, int count) {
        LocalDate day = start;
        int counted = 0;
        while (counted < count) {
            day = day.plusDays(1);
            if (day.isAfter(to) || day.isBefore(from)) {
                throw new IllegalArgumentException("the bank holidays of " + day.getYear() + " are not in the "
                        + "calendar (it covers " + from + " to " + to + ")");
            }
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }
}
