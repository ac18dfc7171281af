package io.throughgate.audit;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import io.throughgate.api.Problem;

/**
 * Why a DPO looks a child up (the console asks; the API takes it as {@code reason}), chosen from a list rather than
 * typed, so that the audit of DPO queries records the reason without free text that could hold a child's details.
 */
public enum AuditReason {

    SUBJECT_ACCESS_REQUEST("subject-access-request", "A subject access request"),
    COMPLAINT("complaint", "A complaint or concern"),
    INCIDENT("incident", "A data protection incident"),
    AUDIT("audit", "A data protection audit"),
    AGREEMENT_REVIEW("agreement-review", "A review of a sharing agreement");

    private final String code;
    private final String label;

    AuditReason(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    /** The reason with this code, if there is one. */
    public static Optional<AuditReason> of(String code) {
        return Arrays.stream(values()).filter(reason -> reason.code.equals(code)).findFirst();
    }

    /**
     * Reads the optional {@code reason} member of a DPO's query, adding a violation when it is not one of the codes.
     *
     * @param query the query's body
     * @param violations where a violation is added
     * @return the reason, or empty when none was given or it is not a code
     */
    public static Optional<AuditReason> read(JsonNode query, List<Problem.Violation> violations) {
        JsonNode value = query.path("reason");
        if (value.isMissingNode()) {
            return Optional.empty();
        }
        Optional<AuditReason> reason = value.isTextual() ? of(value.asText()) : Optional.empty();
        if (reason.isEmpty()) {
            violations.add(new Problem.Violation("/reason", "must be one of " + Arrays.stream(values()).map(
                    AuditReason::code).collect(Collectors.joining(", "))));
        }
        return reason;
    }
}
