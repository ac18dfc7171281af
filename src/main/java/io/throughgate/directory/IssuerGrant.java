package io.throughgate.directory;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a certificate authority may vouch for beyond an ordinary agency identity. A certificate asserting more than
 * its issuer's grants is refused, whatever else it says.
 */
public enum IssuerGrant {

    /** The data protection officer role ({@code urn:throughgate:role:dpo}). */
    DPO("dpo"),
    /** The identity of an agency of kind {@code partnership}, whose DPO reviews every agency's sharing. */
    PARTNERSHIP("partnership");

    private final String code;

    IssuerGrant(String code) {
        this.code = code;
    }

    /** The code in {@code agencies.yaml}, e.g. {@code dpo}. */
    public String code() {
        return code;
    }

    /** The grant with this code, or empty when none has it. */
    public static Optional<IssuerGrant> fromCode(String code) {
        return Arrays.stream(values()).filter(grant -> grant.code.equals(code)).findFirst();
    }
}
