package io.throughgate.agreement.api;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.throughgate.agreement.Agreement;
import io.throughgate.agreement.AgreementState;
import io.throughgate.agreement.AgreementStatus;
import io.throughgate.directory.Agency;
import io.throughgate.directory.AgencyDirectory;
import io.throughgate.directory.AgencyKind;

/**
 * Which of the London boroughs' YOTs are party to which agreements, and whose DPO has signed: the view that shows
 * the partnership where the signing of agreements with 32 boroughs stands.
 *
 * @param date the day the statuses are for
 * @param boroughs every borough YOT, in directory order, with the agreements it is party to
 * @param summary per agreement, in id order: how many borough YOTs are party to it and how many have signed
 */
@Schema(name = "AgreementCoverage", description = "Which borough YOTs are party to which agreements, and who signed.")
public record CoverageView(LocalDate date, List<Borough> boroughs, List<AgreementTally> summary) {

    /**
     * One borough's YOT.
     *
     * @param agency the YOT's agency code
     * @param displayName its name in the directory
     * @param gssCode the borough's GSS code
     * @param agreements the agreements it is party to, in id order
     */
    @Schema(name = "BoroughCoverage", description = "One borough YOT and the agreements it is party to.")
    public record Borough(
            @Schema(examples = "yot-camden") String agency,
            @Schema(examples = "Camden Youth Offending Team") String displayName,
            @Schema(examples = "E09000007") String gssCode,
            List<Membership> agreements) {
    }

    /**
     * One agreement a borough's YOT is party to.
     *
     * @param id the agreement's id
     * @param title its title, null when the file cannot be read
     * @param status its status on the day
     * @param dpoSigned whether the YOT's DPO has validly signed it
     */
    @Schema(name = "BoroughAgreement", description = "One agreement a borough YOT is party to.")
    public record Membership(String id, String title, AgreementStatus status, boolean dpoSigned) {
    }

    /**
     * How far one agreement has got with the boroughs.
     *
     * @param id the agreement's id
     * @param title its title, null when the file cannot be read
     * @param status its status on the day
     * @param boroughsParty how many borough YOTs are party to it
     * @param boroughsSigned how many of them have validly signed it
     */
    @Schema(name = "AgreementBoroughTally", description = "How many borough YOTs are party to an agreement and signed.")
    public record AgreementTally(String id, String title, AgreementStatus status, int boroughsParty,
            int boroughsSigned) {
    }

    /**
     * The coverage of the agreements on a day.
     *
     * @param states every agreement file, in id order
     * @param directory the agency directory, whose {@code yot} agencies are the boroughs' YOTs
     * @param today the day the statuses are for
     */
    public static CoverageView of(List<AgreementState> states, AgencyDirectory directory, LocalDate today) {
        List<Agency> yots = directory.ofKind(AgencyKind.YOT);
        List<Borough> boroughs = new ArrayList<>();
        for (Agency yot : yots) {
            List<Membership> memberships = new ArrayList<>();
            for (AgreementState state : states) {
                if (state.parties().contains(yot.code())) {
                    memberships.add(new Membership(state.id(), title(state), state.verdict(today).status(),
                            SignedParties.of(state).contains(yot.code())));
                }
            }
            boroughs.add(new Borough(yot.code(), yot.displayName(), yot.details().gssCode().orElse(null),
                    memberships));
        }
        List<AgreementTally> summary = new ArrayList<>();
        for (AgreementState state : states) {
            Set<String> signed = SignedParties.of(state);
            List<String> party = yots.stream().map(Agency::code).filter(state.parties()::contains).toList();
            summary.add(new AgreementTally(state.id(), title(state), state.verdict(today).status(), party.size(),
                    (int) party.stream().filter(signed::contains).count()));
        }
        return new CoverageView(today, boroughs, summary);
    }

    private static String title(AgreementState state) {
        return state.agreement().map(Agreement::title).orElse(null);
    }
}
