package io.throughgate.directory;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of agency the hub knows. An agency's code starts with its kind's code and a hyphen
 * ({@code yot-camden}, {@code yoi-feltham}), so a code alone tells a reader what kind of body it names.
 */
public enum AgencyKind {

    /** A borough Youth Offending Team (Youth Justice Service); each is a separate data controller. */
    YOT("yot", "Youth Offending Team", false),
    /** A young offender institution holding children. */
    YOI("yoi", "Young offender institution", true),
    /** A secure training centre. */
    STC("stc", "Secure training centre", true),
    /** A secure children's home. */
    SCH("sch", "Secure children's home", true),
    /** A secure school. */
    SSC("ssc", "Secure school", true),
    /** The Youth Custody Service, including its Placements team. */
    YCS("ycs", "Youth Custody Service", false),
    /** A health body: NHS England Health and Justice, an Integrated Care Board, a health team. */
    HEALTH("health", "Health", false),
    /** An evaluation team that receives pseudonymised records only. */
    EVAL("eval", "Evaluation", false),
    /** The Probation Service, for transition to adult services at 18. */
    PROBATION("probation", "Probation", false),
    /** The partnership itself; its DPO sees the whole sharing log. */
    PARTNERSHIP("partnership", "Partnership", false);

    private final String code;
    private final String description;
    private final boolean secureEstablishment;

    AgencyKind(String code, String description, boolean secureEstablishment) {
        this.code = code;
        this.description = description;
        this.secureEstablishment = secureEstablishment;
    }

    /** The lowercase code used in agency codes, the directory and agreements, e.g. {@code yot}. */
    public String code() {
        return code;
    }

    /** A short human description, e.g. "Youth Offending Team". */
    public String description() {
        return description;
    }

    /**
     * Whether agencies of this kind may record a child's consent decisions: the YOTs, the secure establishments and
     * health bodies, which work with the child directly.
     */
    public boolean mayRecordConsent() {
        return this == YOT || this == HEALTH || secureEstablishment;
    }

    /** The kind with this code, or empty when no kind has it. */
    public static Optional<AgencyKind> fromCode(String code) {
        return Arrays.stream(values()).filter(kind -> kind.code.equals(code)).findFirst();
    }
}
