package io.throughgate.evaluation;

import java.time.YearMonth;

/** The evaluation's year: April to March, as MOPAC reports. */
public final class EvaluationYear {

    private EvaluationYear() {
    }

    /** The first month of the evaluation year a month is in. */
    public static YearMonth start(YearMonth month) {
        return YearMonth.of(month.getMonthValue() >= 4 ? month.getYear() : month.getYear() - 1, 4);
    }
}
