package io.throughgate.disclosure;

import java.util.Arrays;
import java.util.Optional;

/** The tables of counts the hub publishes, each protected under its own rule from contracts/disclosure.yaml. */
public enum PublishedTable {

    /** Timeliness of resettlement per borough and month of release: GET /v1/timeliness and the console. */
    TIMELINESS("timeliness"),
    /** The evaluation's monthly admissions, releases, planning meetings and transitions to adult services. */
    EVALUATION_CUSTODY("evaluation-custody"),
    /** The evaluation's monthly milestones met on time, met late and missed. */
    EVALUATION_MILESTONES("evaluation-milestones"),
    /** The evaluation's monthly consent to evaluation given, refused and withdrawn. */
    EVALUATION_CONSENT("evaluation-consent"),
    /** The replay of a draft agreement over the sharing log: POST /v1/agreements/replay, for a DPIA annex. */
    AGREEMENT_REPLAY("agreement-replay");

    private final String code;

    PublishedTable(String code) {
        this.code = code;
    }

    /** The table's name in contracts/disclosure.yaml. */
    public String code() {
        return code;
    }

    /** The table of a name, if the hub publishes one. */
    public static Optional<PublishedTable> fromCode(String code) {
        return Arrays.stream(values()).filter(table -> table.code.equals(code)).findFirst();
    }
}
