package io.throughgate.timeliness;

/**
 * What the evaluation agreement let through to the evaluators about a child, as the copy delivered to them held it:
 * generalised already, and any of them null when the copy did not carry it.
 *
 * @param birthMonth the month of birth, e.g. 2008-05
 * @param gender the gender as recorded
 * @param ethnicity the ethnicity as recorded (an ONS 2021 category)
 */
public record EvaluationFacts(String birthMonth, String gender, String ethnicity) {

    /** Whether the copy carried none of them. */
    public boolean empty() {
        return birthMonth == null && gender == null && ethnicity == null;
    }
}
