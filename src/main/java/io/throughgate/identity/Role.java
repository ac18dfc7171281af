package io.throughgate.identity;

/** What a caller may do beyond sending and receiving its own agency's records. */
public enum Role {

    /** Any authenticated agency system: push records, record consent, read its own agreements. */
    AGENCY,
    /** The agency's data protection officer: review agreements, consent and the sharing log. */
    DPO;

    /** The subject alternative name URI that grants the role in a certificate, e.g. {@code urn:throughgate:role:dpo}. */
    public String certificateUri() {
        return "urn:throughgate:role:" + name().toLowerCase();
    }
}
