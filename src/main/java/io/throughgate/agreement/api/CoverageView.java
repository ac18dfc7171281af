package io.throughgate.agreement.api;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
     * @param title its title, from the version in force (or else the latest), null when the file cannot be read
     * @param status the status on the day of the version in force, or else of the latest version
     * @param versionInForce the version in force on the day, null when none is
     * @param signedVersion the latest version the YOT's DPO has validly signed, null when none
     * @param dpoSigned whether the YOT's DPO has validly signed the latest version
     */
    @Schema(name = "BoroughAgreement", description = "One agreement a borough YOT is party to, and which version it "
            + "signed.")
    public record Membership(String id, String title, AgreementStatus status,
            @Schema(examples = "3") Integer versionInForce,
            @Schema(examples = "3") Integer signedVersion,
            boolean dpoSigned) {
    }

    /**
     * How far one agreement has got with the boroughs.
     *
     * @param id the agreement's id
     * @param title its title, null when the file cannot be read
     * @param status the status on the day of the version in force, or else of the latest version
     * @param versionInForce the version in force on the day, null when none is
     * @param latestVersion the latest version, which may be a draft being signed
     * @param boroughsParty how many borough YOTs are party to the latest version
     * @param boroughsSigned how many of them have validly signed it
     */
    @Schema(name = "AgreementBoroughTally", description = "How many borough YOTs are party to an agreement's latest "
            + "version and signed it.")
    public record AgreementTally(String id, String title, AgreementStatus status,
            @Schema(examples = "3") Integer versionInForce,
            @Schema(examples = "4") int latestVersion,
            int boroughsParty,
            int boroughsSigned) {
    }

    /**
     * The coverage of the agreements on a day.
     *
     * @param states every version of every agreement, in id then version order
     * @param directory the agency directory, whose {@code yot} agencies are the boroughs' YOTs
     * @param today the day the statuses are for
     */
    public static CoverageView of(List<AgreementState> states, AgencyDirectory directory, LocalDate today) {
        Map<String, List<AgreementState>> versionsById = new LinkedHashMap<>();
        states.forEach(state -> versionsById.computeIfAbsent(state.id(), id -> new ArrayList<>()).add(state));
        List<Agency> yots = directory.ofKind(AgencyKind.YOT);
        List<Borough> boroughs = new ArrayList<>();
        for (Agency yot : yots) {
            List<Membership> memberships = new ArrayList<>();
            versionsById.forEach((id, versions) -> {
                AgreementState latest = versions.get(versions.size() - 1);
                if (versions.stream().anyMatch(state -> state.parties().contains(yot.code()))) {
                    AgreementState shown = inForce(versions, today).orElse(latest);
                    Integer signed = versions.stream().filter(state -> SignedParties.of(state).contains(yot.code()))
                            .map(AgreementState::version).reduce((earlier, later) -> later).orElse(null);
                    memberships.add(new Membership(id, title(shown), shown.verdict(today).status(), inForce(versions,
                            today).map(AgreementState::version).orElse(null), signed, SignedParties.of(latest)
                                    .contains(yot.code())));
                }
            });
            boroughs.add(new Borough(yot.code(), yot.displayName(), yot.details().gssCode().orElse(null),
                    memberships));
        }
        List<AgreementTally> summary = new ArrayList<>();
        versionsById.forEach((id, versions) -> {
            AgreementState latest = versions.get(versions.size() - 1);
            AgreementState shown = inForce(versions, today).orElse(latest);
            Set<String> signed = SignedParties.of(latest);
            List<String> party = yots.stream().map(Agency::code).filter(latest.parties()::contains).toList();
            summary.add(new AgreementTally(id, title(shown), shown.verdict(today).status(), inForce(versions, today)
                    .map(AgreementState::version).orElse(null), latest.version(), party.size(),
                    (int) party.stream()
                            .filter(signed::contains).count()));
        });
        return new CoverageView(today, boroughs, summary);
    }

    private static Optional<AgreementState> inForce(List<AgreementState> versions, LocalDate today) {
        return versions.stream().filter(state -> state.inForceOn(today)).findFirst();
    }

    private static String title(AgreementState state) {
        return state.agreement().map(Agreement::title).orElse(null);
    }
}
