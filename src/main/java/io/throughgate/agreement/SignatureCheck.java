package io.throughgate.agreement;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The verdict on one party's signature of an agreement.
 *
 * @param party the agency the signature file is for (its name, {@code signatures/<agency>.p7s})
 * @param outcome the verdict
 * @param signer the signer certificate's subject, when it could be read
 * @param signedAt the signing time the signature states, when it could be read
 * @param detail why, in words, for the DPO reviewing it
 */
public record SignatureCheck(String party, Outcome outcome, Optional<String> signer, Optional<Instant> signedAt,
        String detail) {

    public SignatureCheck {
        Objects.requireNonNull(party, "party");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(signer, "signer");
        Objects.requireNonNull(signedAt, "signedAt");
        Objects.requireNonNull(detail, "detail");
    }

    /** The verdicts. */
    public enum Outcome {
        /** Signed by the party's DPO, over these exact bytes, with a certificate from a trusted CA. */
        VALID,
        /** The file changed after it was signed: the message digest does not match (RFC 5652 section 5.4). */
        TAMPERED,
        /** Signed by someone other than the party's DPO. */
        WRONG_SIGNER,
        /** The signer's certificate is not from a trusted CA, or was not valid when it signed. */
        UNTRUSTED_SIGNER,
        /** The signature file cannot be read as a detached CMS signature. */
        MALFORMED
    }

    /** Whether the signature counts. */
    public boolean valid() {
        return outcome == Outcome.VALID;
    }
}
