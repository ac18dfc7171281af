package io.throughgate.console;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.TemplateInstance;
import io.throughgate.agreement.SignatureCheck;
import io.throughgate.agreement.api.AgreementDetail;
import io.throughgate.agreement.api.AgreementsResource;
import io.throughgate.agreement.api.CoverageResource;
import io.throughgate.agreement.api.CoverageView;
import io.throughgate.agreement.api.MatrixView;
import io.throughgate.agreement.api.SignatureView;
import io.throughgate.directory.Agency;
import io.throughgate.directory.AgencyDirectory;
import io.throughgate.directory.AgencyKind;

/** The sharing agreements: the list with each one's status, and one agreement with its terms and signatures. */
@Path(ConsolePaths.ROOT + "/agreements")
@Produces(MediaType.TEXT_HTML)
public class AgreementPages {

    /**
     * One borough YOT's standing in an agreement.
     *
     * @param borough the YOT's name
     * @param state signed, missing (a party that has not signed), not valid (a signature that does not hold: the
     *        file changed, another signer, or a certificate expired or untrusted), or not a party
     * @param detail what the signature check said, if there is a signature
     */
    public record BoroughSignature(String borough, String state, String detail) {

        /** The GOV.UK tag colour for the state. */
        public String colour() {
            return switch (state) {
                case "Signed" -> "green";
                case "Missing" -> "yellow";
                case "Not valid" -> "red";
                default -> "grey";
            };
        }
    }

    @Inject
    ConsolePages pages;

    @Inject
    AgreementsResource agreements;

    @Inject
    AgencyDirectory directory;

    @Inject
    CoverageResource coverage;

    /**
     * One borough's row of the coverage grid.
     *
     * @param borough the YOT's name
     * @param cells its standing in each agreement, in the order of the grid's columns
     */
    public record CoverageRow(String borough, List<CoverageCell> cells) {
    }

    /**
     * A borough's standing in one agreement.
     *
     * @param standing Signed (the latest version), Missing or Not a party
     * @param signedVersion the latest version its DPO signed, null when none
     * @param versionInForce the version in force today, null when none
     */
    public record CoverageCell(String standing, Integer signedVersion, Integer versionInForce) {
    }

    @GET
    public TemplateInstance list() {
        CoverageView view = coverage.coverage();
        List<CoverageRow> rows = view.boroughs().stream().map(borough -> new CoverageRow(borough.displayName(), view
                .summary().stream().map(agreement -> borough.agreements().stream().filter(membership -> membership.id()
                        .equals(agreement.id())).findFirst().map(membership -> new CoverageCell(
                                membership
                                        .dpoSigned() ? "Signed" : "Missing",
                                membership.signedVersion(), membership
                                        .versionInForce()))
                        .orElse(new CoverageCell("Not a party", null, null)))
                .toList())).toList();
        return ConsoleTemplates.agreements(pages.page("Agreements", "agreements"), agreements.list(), view
                .summary(), rows);
    }

    @GET
    @Path("{id}")
    public TemplateInstance agreement(@PathParam("id") String id) {
        return page(id, ApiAnswers.body(agreements.show(id), AgreementDetail.class));
    }

    @GET
    @Path("{id}/versions/{version}")
    public TemplateInstance version(@PathParam("id") String id, @PathParam("version") int version) {
        return page(id, ApiAnswers.body(agreements.showVersion(id, version), AgreementDetail.class));
    }

    private TemplateInstance page(String id, AgreementDetail detail) {
        // An agreement whose file cannot be read has no matrix; its page still shows why.
        Response matrixAnswer = detail.content() == null
                ? agreements.matrix(id)
                : agreements.versionMatrix(id, detail.content().version());
        List<MatrixView.Entry> matrix = ApiAnswers.failed(matrixAnswer)
                ? List.of()
                : ApiAnswers.body(matrixAnswer, MatrixView.class).entries();
        String title = detail.content() == null ? id : detail.content().title();
        return ConsoleTemplates.agreement(pages.page(title, "agreements"), detail, matrix, boroughs(detail));
    }

    /** Every borough YOT of the directory, in its order, and where it stands in the agreement. */
    List<BoroughSignature> boroughs(AgreementDetail detail) {
        Map<String, SignatureView> signatures = detail.signatures().stream().collect(Collectors.toMap(
                SignatureView::party, Function.identity(),
                (first, second) -> first.outcome() == SignatureCheck.Outcome.VALID
                        ? first
                        : second));
        List<String> parties = detail.content() == null
                ? List.of()
                : detail.content().parties().agencies().stream()
                        .map(party -> party.code()).toList();
        return directory.ofKind(AgencyKind.YOT).stream().map(yot -> standing(yot, parties.contains(yot.code()),
                Optional.ofNullable(signatures.get(yot.code())))).toList();
    }

    private static BoroughSignature standing(Agency yot, boolean party, Optional<SignatureView> signature) {
        if (!party) {
            return new BoroughSignature(yot.displayName(), "Not a party", "");
        }
        if (signature.isEmpty()) {
            return new BoroughSignature(yot.displayName(), "Missing", "");
        }
        return new BoroughSignature(yot.displayName(), signature.get().outcome() == SignatureCheck.Outcome.VALID
                ? "Signed"
                : "Not valid", signature.get().detail());
    }
}
