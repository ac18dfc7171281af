package io.throughgate.agreement;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.throughgate.contract.ContractFiles;
import io.throughgate.contract.ContractProblem;
import io.throughgate.contract.Digests;
import io.throughgate.directory.AgencyDirectory;

/**
 * Loads every agreement of the contracts: {@code agreements/<id>/agreement.yaml} with its signatures
 * {@code agreements/<id>/signatures/<agency>.p7s}. A broken agreement is reported, never fatal: it is simply not
 * enforced.
 */
public final class AgreementLoader {

    /** The agreements' folder inside the contracts folder. */
    public static final String FOLDER = "agreements";
    private static final Pattern AGREEMENT = Pattern.compile("agreements/([a-z0-9-]+)/agreement\\.yaml");
    private static final Pattern SIGNATURE = Pattern.compile("agreements/([a-z0-9-]+)/signatures/([a-z0-9-]+)\\.p7s");

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

    /** Loads, lints and verifies every agreement, in id order. */
    public List<AgreementState> loadAll(Instant now) {
        Map<String, List<String>> signaturesById = new LinkedHashMap<>();
        List<String> agreementIds = new ArrayList<>();
        List<ContractProblem> strayFiles = new ArrayList<>();
        for (String file : contracts.list(FOLDER)) {
            Matcher agreement = AGREEMENT.matcher(file);
            Matcher signature = SIGNATURE.matcher(file);
            if (agreement.matches()) {
                agreementIds.add(agreement.group(1));
            } else if (signature.matches()) {
                signaturesById.computeIfAbsent(signature.group(1), id -> new ArrayList<>()).add(signature.group(2));
            } else if (!file.endsWith("README.md")) {
                strayFiles.add(new ContractProblem(file, 0, "", "not an agreement.yaml or signatures/<agency>.p7s"));
            }
        }
        List<AgreementState> states = new ArrayList<>();
        for (String id : agreementIds) {
            states.add(load(id, signaturesById.getOrDefault(id, List.of()), now, strayFiles));
        }
        return states;
    }

    private AgreementState load(String id, List<String> signers, Instant now, List<ContractProblem> strayFiles) {
        String file = FOLDER + "/" + id + "/agreement.yaml";
        byte[] content = contracts.read(file);
        AgreementParser.Parsed parsed = AgreementParser.parse(file, content);
        List<ContractProblem> problems = new ArrayList<>(parsed.problems());
        strayFiles.stream().filter(stray -> stray.file().startsWith(FOLDER + "/" + id + "/")).forEach(problems::add);
        Set<String> parties = parsed.agreement().map(agreement -> AgreementParties.of(agreement, directory))
                .orElse(Set.of());
        parsed.agreement().ifPresent(agreement -> problems.addAll(linter.lint(file, id, agreement, parsed)));
        List<SignatureCheck> signatures = new ArrayList<>();
        for (String party : signers) {
            String signatureFile = FOLDER + "/" + id + "/signatures/" + party + ".p7s";
            if (!parties.contains(party)) {
                problems.add(new ContractProblem(signatureFile, 0, "", party + " is not a party to " + id));
                continue;
            }
            signatures.add(verifier.verify(party, content, contracts.read(signatureFile), now));
        }
        return new AgreementState(id, file, parsed.agreement(), problems, parties, signatures,
                Digests.sha256Hex(content));
    }
}
