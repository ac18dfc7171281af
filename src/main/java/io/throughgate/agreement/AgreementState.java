package io.throughgate.agreement;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import io.throughgate.contract.ContractProblem;

/**
 * An agreement file as the hub found it: what it says, every problem with it, its parties and the verdict on each
 * signature. Its status depends on the day, so it is computed on demand.
 *
 * @param id the agreement's folder name
 * @param file the agreement file, relative to the contracts folder
 * @param agreement the agreement, when the file could be read
 * @param problems every problem in the file, located
 * @param parties the agencies that must sign
 * @param signatures the verdict on each signature file found
 * @param sha256 the hex SHA-256 of the file, which the signatures cover
 */
public record AgreementState(String id, String file, Optional<Agreement> agreement, List<ContractProblem> problems,
        Set<String> parties, List<SignatureCheck> signatures, String sha256) {

    public AgreementState {
        Objects.requireNonNull(id, "id");
        problems = List.copyOf(problems);
        parties = Set.copyOf(parties);
        signatures = List.copyOf(signatures);
    }

    /**
     * The status on a day, with every reason it is not in force.
     *
     * @param status the status
     * @param reasons why it is not in force (empty when it is)
     */
    public record Verdict(AgreementStatus status, List<String> reasons) {
    }

    /** The agreement's status on a day: in force only when well formed, signed by every party and valid. */
    public Verdict verdict(LocalDate day) {
        List<String> reasons = new ArrayList<>();
        problems.forEach(problem -> reasons.add(problem.toString()));
        if (!reasons.isEmpty() || agreement.isEmpty()) {
            return new Verdict(AgreementStatus.INVALID, reasons);
        }
        signatures.stream().filter(signature -> !signature.valid())
                .forEach(signature -> reasons.add(signature.party() + ": " + signature.outcome().name()
                        .toLowerCase().replace('_', ' ') + ": " + signature.detail()));
        if (!reasons.isEmpty()) {
            return new Verdict(AgreementStatus.SIGNATURE_INVALID, reasons);
        }
        Set<String> unsigned = new TreeSet<>(parties);
        signatures.forEach(signature -> unsigned.remove(signature.party()));
        if (unsigned.size() == parties.size()) {
            return new Verdict(AgreementStatus.UNSIGNED, List.of("no party has signed"));
        }
        if (!unsigned.isEmpty()) {
            return new Verdict(AgreementStatus.PARTLY_SIGNED, List.of("not signed by " + String.join(", ",
                    unsigned)));
        }
        Agreement terms = agreement.get();
        if (day.isBefore(terms.validFrom())) {
            return new Verdict(AgreementStatus.NOT_YET_VALID, List.of("valid from " + terms.validFrom()));
        }
        if (day.isAfter(terms.validUntil())) {
            return new Verdict(AgreementStatus.EXPIRED, List.of("expired after " + terms.validUntil()));
        }
        return new Verdict(AgreementStatus.IN_FORCE, List.of());
    }

    /** Whether the agreement is enforced on a day. */
    public boolean inForceOn(LocalDate day) {
        return verdict(day).status() == AgreementStatus.IN_FORCE;
    }
}
