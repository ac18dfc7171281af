package io.throughgate.agreement;

import java.util.Arrays;
import java.util.Optional;

/** What the hub does with one field for one recipient. */
public enum FieldAction {

    /** The value goes as it is. */
    SHARE("share"),
    /** An identifier is replaced by the recipient's pseudonym under the agreement (keyed hash). */
    PSEUDONYMISE("pseudonymise"),
    /** The value is made less precise: a date to its month or year, an address to its postcode district. */
    GENERALISE("generalise"),
    /** The value is encrypted so that only the recipient can read it. */
    ENCRYPT("encrypt"),
    /** The value does not go. Also the rule for every field an agreement does not name. */
    WITHHOLD("withhold");

    private final String code;

    FieldAction(String code) {
        this.code = code;
    }

    /** The word used in agreement files, e.g. {@code pseudonymise}. */
    public String code() {
        return code;
    }

    /** The action with this code, or empty. */
    public static Optional<FieldAction> fromCode(String code) {
        return Arrays.stream(values()).filter(action -> action.code.equals(code)).findFirst();
    }
}
