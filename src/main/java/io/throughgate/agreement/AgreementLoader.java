package io.throughgate.agreement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.throughgate.contract.ContractFiles;
import io.throughgate.contract.ContractProblem;
import io.throughgate.contract.Digests;
import io.throughgate.directory.AgencyDirectory;

/**
 * Loads every version of every agreement of the contracts: {@code agreements/<id>/v<version>/agreement.yaml} with
 * its signatures {@code agreements/<id>/v<version>/signatures/<agency>.p7s}. A broken version is reported, never
 * fatal: it is simply not enforced. A version signed by every party supersedes the versions before it from its
 * first day, so a draft of the next version can be written, reviewed and signed while the last one stays in force.
 */
public final class AgreementLoader {

    /** The agreements' folder inside the contracts folder. */
    public static final String FOLDER = "agreements";
    private static final Pattern AGREEMENT = Pattern.compile("agreements/([a-z0-9-]+)/v([1-9][0-9]{0,3})/agreement"
            + "\\.yaml");
    private static final Pattern SIGNATURE = Pattern.compile("agreements/([a-z0-9-]+)/v([1-9][0-9]{0,3})/signatures/"
            + "([a-z0-9-]+)\\.p7s");

    private final ContractFiles contracts;
    private final AgencyDirectory directory;
    private final AgreementLinter linter;
    private final SignatureVerifier verifier;

    public AgreementLoader(ContractFiles contracts, AgencyDirectory directory, AgreementLinter linter,
            SignatureVerifier verifier) {
        this.contracts = contracts;
        this.directory = directory;
        this.linter = linter;
        this.verifier = verifier;
    }

    /** Loads, lints and verifies every version of every agreement, in id then version order. */
    public List<AgreementState> loadAll(Instant now) {
        Map<String, List<String>> signaturesByVersion = new LinkedHashMap<>();
        Map<String, TreeSet<Integer>> versionsById = new TreeMap<>();
        List<ContractProblem> strayFiles = new ArrayList<>();
        for (String file : contracts.list(FOLDER)) {
            Matcher agreement = AGREEMENT.matcher(file);
            Matcher signature = SIGNATURE.matcher(file);
            if (agreement.matches()) {
                versionsById.computeIfAbsent(agreement.group(1), id -> new TreeSet<>()).add(Integer.valueOf(agreement
                        .group(2)));
            } else if (signature.matches()) {
                signaturesByVersion.computeIfAbsent(signature.group(1) + "/v" + signature.group(2),
                        version -> new ArrayList<>()).add(signature.group(3));
            } else if (!file.endsWith("README.md")) {
                strayFiles.add(new ContractProblem(file, 0, "", "not a v<version>/agreement.yaml or "
                        + "v<version>/signatures/<agency>.p7s"));
            }
        }
        List<AgreementState> states = new ArrayList<>();
        versionsById.forEach((id, versions) -> {
            List<AgreementState> loaded = new ArrayList<>();
            for (int version : versions) {
                loaded.add(load(id, version, signaturesByVersion.getOrDefault(id + "/v" + version, List.of()), now,
                        strayFiles));
            }
            states.addAll(withSuccessors(loaded));
        });
        strayFiles.stream().filter(stray -> versionsById.keySet().stream().noneMatch(id -> stray.file().startsWith(
                FOLDER + "/" + id + "/"))).forEach(stray -> states.add(AgreementState.unreadable(stray)));
        return states;
    }

    /**
     * The versions of one agreement, each told from which day a later version signed by every party supersedes it.
     *
     * @param versions the versions, oldest first
     */
    private static List<AgreementState> withSuccessors(List<AgreementState> versions) {
        List<AgreementState> told = new ArrayList<>();
        for (int i = 0; i < versions.size(); i++) {
            Optional<LocalDate> supersededFrom = versions.subList(i + 1, versions.size()).stream().filter(
                    AgreementState::signedByEveryParty).map(later -> later.agreement().orElseThrow().validFrom())
                    .min(LocalDate::compareTo);
            told.add(versions.get(i).supersededFrom(supersededFrom));
        }
        return told;
    }

    private AgreementState load(String id, int version, List<String> signers, Instant now,
            List<ContractProblem> strayFiles) {
        String folder = FOLDER + "/" + id + "/v" + version;
        String file = folder + "/agreement.yaml";
        byte[] content = contracts.read(file);
        AgreementParser.Parsed parsed = AgreementParser.parse(file, content);
        List<ContractProblem> problems = new ArrayList<>(parsed.problems());
        strayFiles.stream().filter(stray -> stray.file().startsWith(folder + "/")).forEach(problems::add);
        Set<String> parties = parsed.agreement().map(agreement -> AgreementParties.of(agreement, directory))
                .orElse(Set.of());
        parsed.agreement().ifPresent(agreement -> problems.addAll(linter.lint(file, id, version, agreement,
                parsed)));
        List<SignatureCheck> signatures = new ArrayList<>();
        for (String party : signers) {
            String signatureFile = folder + "/signatures/" + party + ".p7s";
            if (!parties.contains(party)) {
                problems.add(new ContractProblem(signatureFile, 0, "", party + " is not a party to " + id
                        + " version " + version));
                continue;
            }
            signatures.add(verifier.verify(party, content, contracts.read(signatureFile), now));
        }
        return new AgreementState(id, version, file, parsed.agreement(), problems, parties, signatures,
                Digests.sha256Hex(content), Optional.empty());
    }
}
