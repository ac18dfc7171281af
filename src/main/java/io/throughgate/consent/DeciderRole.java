package io.throughgate.consent;

import java.util.Arrays;
import java.util.Optional;

/** Who made a consent decision. */
public enum DeciderRole {

    /** The child (or young adult) themselves. */
    CHILD("child"),
    /** A person with parental responsibility for the child. */
    PARENTAL_RESPONSIBILITY("parental-responsibility"),
    /** The local authority that looks after the child (shares parental responsibility under a care order). */
    LOCAL_AUTHORITY("local-authority");

    private final String code;

    DeciderRole(String code) {
        this.code = code;
    }

    /** The word used in requests and the consent policy, e.g. {@code parental-responsibility}. */
    public String code() {
        return code;
    }

    /** The role with this code, or empty. */
    public static Optional<DeciderRole> fromCode(String code) {
        return Arrays.stream(values()).filter(role -> role.code.equals(code)).findFirst();
    }
}
