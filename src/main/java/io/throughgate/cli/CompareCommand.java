package io.throughgate.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import io.throughgate.agreement.AgreementChanges;
import io.throughgate.agreement.AgreementDraft;
import io.throughgate.agreement.AgreementLinter;
import io.throughgate.agreement.AgreementState;
import io.throughgate.agreement.SchemaFieldCatalog;
import io.throughgate.contract.ContractProblem;

/**
 * {@code lint-contracts --compare ID}: the changes a draft of an agreement would make to the version in force, rule
 * by rule, and a refusal of any widening of special-category or criminal offence data that names no condition.
 */
final class CompareCommand {

    private CompareCommand() {
    }

    /**
     * Prints the comparison.
     *
     * @param contracts the loaded contracts
     * @param id the agreement's id
     * @param draftFile a draft outside the contracts, or empty for the latest version after the one in force
     * @param today the day whose version in force is compared
     * @return how many problems were found
     * @throws IllegalArgumentException when there is no draft to compare
     */
    static int compare(ContractsBootstrap contracts, String id, Optional<Path> draftFile, LocalDate today,
            PrintStream out) throws IOException {
        List<AgreementState> versions = contracts.agreements().stream().filter(state -> state.id().equals(id))
                .toList();
        Optional<AgreementState> inForce = versions.stream().filter(state -> state.inForceOn(today)).findFirst();
        String file;
        byte[] content;
        if (draftFile.isPresent()) {
            file = draftFile.get().toString();
            content = Files.readAllBytes(draftFile.get());
        } else {
            int after = inForce.map(AgreementState::version).orElse(0);
            AgreementState draft = versions.stream().filter(state -> state.version() > after).reduce((earlier,
                    later) -> later).orElseThrow(() -> new IllegalArgumentException(
                            "agreement " + id + " has no "
                                    + "version after "
                                    + (after == 0 ? "none" : "version " + after + ", the one in force")
                                    + " to compare; write one in contracts/agreements/" + id + "/v" + (after + 1)
                                    + "/agreement.yaml or give --draft FILE"));
            file = draft.file();
            content = contracts.contracts().read(file);
        }
        SchemaFieldCatalog catalog = new SchemaFieldCatalog(contracts.schemas());
        AgreementDraft review = AgreementDraft.review(file, content, contracts.agreements(), today,
                new AgreementLinter(contracts.directory(), contracts.purposes(), catalog), new AgreementChanges(
                        catalog));
        review.problems().forEach(out::println);
        if (review.comparison().isEmpty()) {
            return review.problems().size();
        }
        AgreementChanges.Comparison comparison = review.comparison().get();
        out.println("compare " + file + " with " + review.inForce().map(state -> state.id() + " version " + state
                .version() + " in force").orElse("nothing in force (a new agreement)") + ": " + comparison.changes()
                        .size()
                + " changes");
        comparison.changes().forEach(change -> out.println("  " + change.describe()));
        for (ContractProblem refusal : comparison.refusals()) {
            out.println(refusal);
        }
        return comparison.refusals().size();
    }
}
