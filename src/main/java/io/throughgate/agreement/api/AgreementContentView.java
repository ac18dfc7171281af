package io.throughgate.agreement.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.throughgate.agreement.Agreement;
import io.throughgate.directory.Agency;
import io.throughgate.directory.AgencyDirectory;
import io.throughgate.purpose.PurposeCatalog;

/**
 * What an agreement says, item by item as the ICO Data Sharing Code asks an agreement to state them, and the
 * flows the hub enforces.
 *
 * @param id the agreement's id
 * @param version its version
 * @param title its title
 * @param summary what it is for
 * @param validFrom the first day it may be in force
 * @param validUntil the last day it may be in force
 * @param purposes the purposes of the sharing
 * @param parties the parties: the selector as written and the agencies it names
 * @param jointControllers whether the parties are joint controllers (otherwise each is a separate controller)
 * @param lawfulBasis the law the sharing rests on
 * @param dpia the data protection impact assessment and the DPOs' view
 * @param retention how long recipients keep the data and how they delete it
 * @param security the security measures the parties apply
 * @param individualsRights how individuals exercise their rights
 * @param reviewDate when the agreement is next reviewed
 * @param contacts who to contact about it
 * @param flows the flows, as written
 */
@Schema(name = "AgreementContent", description = "What an agreement says, item by item as the ICO Data Sharing Code "
        + "asks, and its flows.")
public record AgreementContentView(
        @Schema(examples = "london-resettlement-direct-care") String id,
        @Schema(examples = "1") int version,
        String title,
        String summary,
        LocalDate validFrom,
        LocalDate validUntil,
        List<PurposeView> purposes,
        Parties parties,
        boolean jointControllers,
        LawfulBasisView lawfulBasis,
        Dpia dpia,
        String retention,
        String security,
        String individualsRights,
        LocalDate reviewDate,
        List<Agreement.Contact> contacts,
        List<FlowView> flows) {

    /**
     * A purpose of the sharing.
     *
     * @param id the purpose's id in {@code contracts/purposes.yaml}
     * @param title what it is, in words
     * @param dpvTerm the W3C Data Privacy Vocabulary purpose
     */
    @Schema(name = "AgreementPurpose", description = "A purpose of the sharing.")
    public record PurposeView(
            @Schema(examples = "direct-care-resettlement") String id,
            String title,
            @Schema(examples = "dpv:ServiceProvision") String dpvTerm) {

        static PurposeView of(String id, PurposeCatalog catalog) {
            // A purpose missing from the catalog makes the agreement invalid; it is still shown as written.
            return catalog.find(id).map(purpose -> new PurposeView(id, purpose.title(), purpose.dpvTerm()))
                    .orElse(new PurposeView(id, null, null));
        }
    }

    /**
     * The parties to an agreement.
     *
     * @param selector the parties as the agreement writes them
     * @param agencies the agencies that selector names, in directory order; each one's DPO must sign
     */
    @Schema(name = "AgreementParties", description = "The parties: as written, and the agencies they name.")
    public record Parties(SelectorView selector, List<Party> agencies) {
    }

    /**
     * One party.
     *
     * @param code the agency code
     * @param displayName the agency's name in the directory
     */
    @Schema(name = "AgreementParty", description = "One agency party to an agreement.")
    public record Party(
            @Schema(examples = "yot-camden") String code,
            @Schema(examples = "Camden Youth Offending Team") String displayName) {

        static Party of(Agency agency) {
            return new Party(agency.code(), agency.displayName());
        }
    }

    /**
     * The data protection impact assessment.
     *
     * @param reference its reference
     * @param outcome what it concluded
     * @param dpoAdvice the data protection officers' view
     */
    @Schema(name = "Dpia", description = "The data protection impact assessment and the DPOs' view.")
    public record Dpia(String reference, String outcome, String dpoAdvice) {
    }

    /**
     * The view of an agreement.
     *
     * @param agreement the agreement
     * @param parties the codes of the agencies party to it
     * @param directory the agency directory, for names and order
     * @param purposes the purpose catalog, for titles and DPV terms
     */
    public static AgreementContentView of(Agreement agreement, Set<String> parties, AgencyDirectory directory,
            PurposeCatalog purposes) {
        Agreement.Governance governance = agreement.governance();
        return new AgreementContentView(agreement.id(), agreement.version(), agreement.title(), agreement.summary(),
                agreement.validFrom(), agreement.validUntil(),
                agreement.purposes().stream().map(id -> PurposeView.of(id, purposes)).toList(),
                new Parties(SelectorView.of(agreement.parties()), inDirectoryOrder(parties, directory)),
                agreement.jointControllers(), LawfulBasisView.of(agreement.lawfulBasis()),
                new Dpia(governance.dpiaReference(), governance.dpiaOutcome(), governance.dpoAdvice()),
                governance.retention(), governance.security(), governance.individualsRights(),
                governance.reviewDate(), governance.contacts(), agreement.flows().stream().map(FlowView::of).toList());
    }

    /** The parties in directory order, with their names. */
    static List<Party> inDirectoryOrder(Set<String> parties, AgencyDirectory directory) {
        return directory.all().stream().filter(agency -> parties.contains(agency.code())).map(Party::of).toList();
    }
}
