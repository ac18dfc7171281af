package io.throughgate.record.schema;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Predicate;

import com.networknt.schema.ExecutionContext;
import com.networknt.schema.Format;

import io.throughgate.record.identifier.CroNumber;
import io.throughgate.record.identifier.NhsNumber;
import io.throughgate.record.identifier.NomisNumber;
import io.throughgate.record.identifier.PncId;
import io.throughgate.record.identifier.ProbationCrn;
import io.throughgate.record.identifier.UniquePupilNumber;

/**
 * The custom JSON Schema {@code format} values of the record schemas, one per identifier of a child, each checked
 * with its check-character rule. Registered with the validator so that {@code "format": "nhs-number"} is an
 * assertion, not an annotation.
 */
public enum IdentifierFormat implements Format {

    /** {@link NhsNumber}. */
    NHS_NUMBER("nhs-number", NhsNumber::isValid, "must be a valid NHS number (10 digits, correct check digit)"),
    /** {@link PncId}. */
    PNC_ID("pnc-id", PncId::isValid, "must be a valid PNC ID (YYYY/NNNNNNNL or YY/NNNNNNNL, correct check letter)"),
    /** {@link CroNumber}. */
    CRO_NUMBER("cro-number", CroNumber::isValid,
            "must be a valid CRO number (NNNNNN/YYL or SF YY/NNNNNNL, correct check letter)"),
    /** {@link UniquePupilNumber}. */
    UPN("upn", UniquePupilNumber::isValid,
            "must be a valid permanent Unique Pupil Number (check letter and 12 digits, correct check letter)"),
    /** {@link NomisNumber}. */
    NOMIS_NUMBER("nomis-number", NomisNumber::isValid, "must be a NOMIS prison number (e.g. A1234BC)"),
    /** {@link ProbationCrn}. */
    PROBATION_CRN("probation-crn", ProbationCrn::isValid, "must be a probation CRN (a letter and 6 digits)");

    private final String formatName;
    private final Predicate<String> rule;
    private final String requirement;

    IdentifierFormat(String formatName, Predicate<String> rule, String requirement) {
        this.formatName = formatName;
        this.rule = rule;
        this.requirement = requirement;
    }

    /** The {@code format} value in the schemas, e.g. {@code nhs-number}. */
    @Override
    public String getName() {
        return formatName;
    }

    /** Whether the text satisfies the identifier's rule. */
    public boolean test(String text) {
        return rule.test(text);
    }

    @Override
    public boolean matches(ExecutionContext executionContext, String value) {
        return rule.test(value);
    }

    /** The violation reason when a value breaks the rule; it names the rule, never the value. */
    public String requirement() {
        return requirement;
    }

    /** The format with this name, or empty. */
    public static Optional<IdentifierFormat> named(String name) {
        return Arrays.stream(values()).filter(format -> format.formatName.equals(name)).findFirst();
    }
}
