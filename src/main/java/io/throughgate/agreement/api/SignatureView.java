package io.throughgate.agreement.api;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.throughgate.agreement.SignatureCheck;

/**
 * The verdict on one party's signature file.
 *
 * @param party the agency the signature file is for
 * @param outcome {@code VALID}, {@code TAMPERED}, {@code WRONG_SIGNER}, {@code UNTRUSTED_SIGNER} or {@code MALFORMED}
 * @param signer the signer certificate's subject, null when it could not be read
 * @param signedAt the signing time the signature states, null when it could not be read
 * @param detail why, in words
 */
@Schema(name = "Signature", description = "The verdict on one party's signature of the agreement file.")
public record SignatureView(
        @Schema(examples = "yot-camden") String party,
        SignatureCheck.Outcome outcome,
        String signer,
        Instant signedAt,
        @Schema(examples = "signed by the data protection officer of yot-camden") String detail) {

    /** The view of a signature check. */
    public static SignatureView of(SignatureCheck check) {
        return new SignatureView(check.party(), check.outcome(), check.signer().orElse(null),
                check.signedAt().orElse(null), check.detail());
    }
}
