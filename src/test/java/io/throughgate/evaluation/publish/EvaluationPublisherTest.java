package io.throughgate.evaluation.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;

import io.throughgate.evaluation.EvaluationYear;

/** When a month's tables are due: {@code publish-after} (5 days) after the month ends; the year starts in April. */
class EvaluationPublisherTest {

    private static final EvaluationConfig FIVE_DAYS = () -> Period.ofDays(5);

    @Test
    void aMonthsTablesAreDueFiveDaysAfterItEnds() {
        // November ends on the 30th: its tables are due on 6 December, 5 days after the 1st.
        assertEquals(YearMonth.of(2026, 10), EvaluationPublisher.dueMonth(LocalDate.of(2026, 12, 5), FIVE_DAYS));
        assertEquals(YearMonth.of(2026, 11), EvaluationPublisher.dueMonth(LocalDate.of(2026, 12, 6), FIVE_DAYS));
        assertEquals(YearMonth.of(2026, 11), EvaluationPublisher.dueMonth(LocalDate.of(2026, 12, 31), FIVE_DAYS));
    }

    @Test
    void theEvaluationYearRunsFromAprilToMarch() {
        assertEquals(YearMonth.of(2026, 4), EvaluationYear.start(YearMonth.of(2026, 4)));
        assertEquals(YearMonth.of(2026, 4), EvaluationYear.start(YearMonth.of(2027, 3)));
        assertEquals(YearMonth.of(2025, 4), EvaluationYear.start(YearMonth.of(2026, 1)));
    }
}
