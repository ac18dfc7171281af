package io.throughgate.agreement;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.throughgate.contract.ContractProblem;

/**
 * A draft of an agreement, unsigned, read and checked as the hub would read it once signed, and compared with the
 * version of the same agreement in force: what {@code lint-contracts --compare} prints and what the replay of a draft
 * over the sharing log starts from.
 *
 * @param draft the draft, when it reads and lints without a problem
 * @param problems every problem with the draft, each with its line
 * @param inForce the version of the same agreement in force on the day, empty for a new agreement
 * @param comparison what the draft would change from that version, when the draft has no problem
 */
public record AgreementDraft(Optional<Agreement> draft, List<ContractProblem> problems,
        Optional<AgreementState> inForce, Optional<AgreementChanges.Comparison> comparison) {

    public AgreementDraft {
        problems = List.copyOf(problems);
    }

    /**
     * Reads, lints and compares a draft.
     *
     * @param file the draft's name, for its problems
     * @param content its bytes, UTF-8 YAML
     * @param versions every version of every agreement the hub knows
     * @param day the day whose version in force it is compared with
     * @param linter the contracts' linter
     * @param changes the comparison of agreements
     */
    public static AgreementDraft review(String file, byte[] content, List<AgreementState> versions, LocalDate day,
            AgreementLinter linter, AgreementChanges changes) {
        AgreementParser.Parsed parsed = AgreementParser.parse(file, content);
        List<ContractProblem> problems = new ArrayList<>(parsed.problems());
        if (parsed.agreement().isEmpty()) {
            return new AgreementDraft(Optional.empty(), problems, Optional.empty(), Optional.empty());
        }
        Agreement draft = parsed.agreement().get();
        problems.addAll(linter.lint(file, draft.id(), draft.version(), draft, parsed));
        Optional<AgreementState> inForce = versions.stream().filter(state -> state.id().equals(draft.id()) && state
                .inForceOn(day)).findFirst();
        if (!problems.isEmpty()) {
            return new AgreementDraft(Optional.empty(), problems, inForce, Optional.empty());
        }
        return new AgreementDraft(Optional.of(draft), problems, inForce, Optional.of(changes.compare(inForce.flatMap(
                AgreementState::agreement), draft, file, parsed)));
    }
}
