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
 * One version of an agreement as the hub found it: what it says, every problem with it, its parties, the verdict on
 * each signature, and from when a later version signed by every party supersedes it. Its status depends on the
 * day, so it is computed on demand.
 *
 * @param id the agreement's folder name
 * @param version the version, from its folder ({@code v<version>}), which the file must repeat
 * @param file the agreement file, relative to the contracts folder
 * @param agreement the agreement, when the file could be read
 * @param problems every problem in the file, located
 * @param parties the agencies that must sign
 * @param signatures the verdict on each signature file found
 * @param sha256 the hex SHA-256 of the file, which the signatures cover
 * @param supersededFrom the first day of the earliest later version that every party has signed, if there is one:
 *        from that day this version is no longer in force
 */
public record AgreementState(String id, int version, String file, Optional<Agreement> agreement,
        List<ContractProblem> problems, Set<String> parties, List<SignatureCheck> signatures, String sha256,
        Optional<LocalDate> supersededFrom) {

    public AgreementState {
        Objects.requireNonNull(id, "id");
        problems = List.copyOf(problems);
        parties = Set.copyOf(parties);
        signatures = List.copyOf(signatures);
        Objects.requireNonNull(supersededFrom, "supersededFrom");
    }

    /**
     * A file in the agreements' folder that belongs to no version of any agreement: reported as an invalid
     * agreement named after its folder, so that it is seen.
     */
    static AgreementState unreadable(ContractProblem stray) {
        String[] path = stray.file().split("/");
        String id = path.length > 2 ? path[1] : stray.file();
        return new AgreementState(id, 0, stray.file(), Optional.empty(), List.of(stray), Set.of(), List.of(), "",
                Optional.empty());
    }

    /** This version, superseded from a day (or never). */
    AgreementState supersededFrom(Optional<LocalDate> day) {
        return new AgreementState(id, version, file, agreement, problems, parties, signatures, sha256, day);
    }

    /**
     * Whether every party has validly signed this version, well formed as it is: it is in force on the days of its
     * validity that no later signed version has taken.
     */
    public boolean signedByEveryParty() {
        AgreementStatus status = terms();
        return status == AgreementStatus.IN_FORCE || status == AgreementStatus.NOT_YET_VALID
                || status == AgreementStatus.EXPIRED || status == AgreementStatus.SUPERSEDED;
    }

    /** Its status on a day whose dates it fits: in force, unless a problem or a signature says otherwise. */
    private AgreementStatus terms() {
        return agreement.map(terms -> verdict(terms.validFrom()).status()).orElse(AgreementStatus.INVALID);
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
        if (supersededFrom.isPresent() && !day.isBefore(supersededFrom.get())) {
            return new Verdict(AgreementStatus.SUPERSEDED, List.of("superseded from " + supersededFrom.get()
                    + " by a later version"));
        }
        return new Verdict(AgreementStatus.IN_FORCE, List.of());
    }

    /** Whether the agreement is enforced on a day. */
    public boolean inForceOn(LocalDate day) {
        return verdict(day).status() == AgreementStatus.IN_FORCE;
    }
}
