package io.throughgate.agreement.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.throughgate.agreement.AgreementState;
import io.throughgate.agreement.AgreementStatus;
import io.throughgate.contract.ContractProblem;
import io.throughgate.directory.AgencyDirectory;
import io.throughgate.purpose.PurposeCatalog;

/**
 * An agreement file as the hub found it: what it says, who has signed it, who has not, its status today and every
 * problem with it.
 *
 * @param id the agreement's id
 * @param file the agreement file, relative to the contracts folder
 * @param sha256 the hex SHA-256 of the file, which the signatures cover
 * @param status its status today
 * @param reasons why it is not in force today (empty when it is)
 * @param content what it says; null when the file cannot be read (see {@code problems})
 * @param signatures the verdict on each signature file found
 * @param partiesNotSigned the parties without a valid signature, in directory order
 * @param problems every problem with the file, located
 */
@Schema(name = "Agreement", description = "An agreement: its content, signatures, status and problems.")
public record AgreementDetail(
        @Schema(examples = "london-resettlement-direct-care") String id,
        @Schema(examples = "agreements/london-resettlement-direct-care/agreement.yaml") String file,
        String sha256,
        AgreementStatus status,
        List<String> reasons,
        AgreementContentView content,
        List<SignatureView> signatures,
        List<String> partiesNotSigned,
        List<ContractProblem> problems) {

    /**
     * The detail of an agreement file on a day.
     *
     * @param state the agreement file as loaded
     * @param today the day its status is for
     * @param directory the agency directory, for parties' names and order
     * @param purposes the purpose catalog, for purposes' titles and DPV terms
     */
    public static AgreementDetail of(AgreementState state, LocalDate today, AgencyDirectory directory,
            PurposeCatalog purposes) {
        AgreementState.Verdict verdict = state.verdict(today);
        Set<String> signed = SignedParties.of(state);
        List<String> notSigned = AgreementContentView.inDirectoryOrder(state.parties(), directory).stream()
                .map(AgreementContentView.Party::code).filter(code -> !signed.contains(code)).toList();
        return new AgreementDetail(state.id(), state.file(), state.sha256(), verdict.status(), verdict.reasons(),
                state.agreement().map(agreement -> AgreementContentView.of(agreement, state.parties(), directory,
                        purposes)).orElse(null),
                state.signatures().stream().map(SignatureView::of).toList(), notSigned, state.problems());
    }
}
