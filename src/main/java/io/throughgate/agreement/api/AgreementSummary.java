package io.throughgate.agreement.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.throughgate.agreement.Agreement;
import io.throughgate.agreement.AgreementState;
import io.throughgate.agreement.AgreementStatus;

/**
 * One line of the central log of sharing agreements the ICO expects: an agreement file, whether it is in force
 * today and why not. Title, version and dates are null when the file cannot be read.
 *
 * @param id the agreement's id
 * @param title its title
 * @param version its version
 * @param status its status today
 * @param reasons why it is not in force today (empty when it is)
 * @param validFrom the first day it may be in force
 * @param validUntil the last day it may be in force
 * @param reviewDate when it is next reviewed
 * @param parties how many agencies are party to it
 * @param partiesSigned how many of them have validly signed it
 * @param sha256 the hex SHA-256 of the agreement file, which the signatures cover
 */
@Schema(name = "AgreementSummary", description = "An agreement file, its status today and why.")
public record AgreementSummary(
        @Schema(examples = "london-resettlement-direct-care") String id,
        String title,
        @Schema(examples = "1") Integer version,
        AgreementStatus status,
        List<String> reasons,
        LocalDate validFrom,
        LocalDate validUntil,
        LocalDate reviewDate,
        @Schema(examples = "52") int parties,
        @Schema(examples = "52") int partiesSigned,
        String sha256) {

    /** The summary of an agreement file on a day. */
    public static AgreementSummary of(AgreementState state, LocalDate today) {
        AgreementState.Verdict verdict = state.verdict(today);
        Optional<Agreement> agreement = state.agreement();
        return new AgreementSummary(state.id(), agreement.map(Agreement::title).orElse(null),
                agreement.map(Agreement::version).orElse(null), verdict.status(), verdict.reasons(),
                agreement.map(Agreement::validFrom).orElse(null), agreement.map(Agreement::validUntil).orElse(null),
                agreement.map(terms -> terms.governance().reviewDate()).orElse(null), state.parties().size(),
                SignedParties.of(state).size(), state.sha256());
    }
}
