package io.throughgate.cli;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

import io.throughgate.agreement.AgreementState;
import io.throughgate.agreement.AgreementStatus;
import io.throughgate.config.ClockProducer;
import io.throughgate.contract.ContractProblem;
import io.throughgate.contract.InvalidContractException;
import io.throughgate.directory.AgencyKind;
import io.throughgate.disclosure.DisclosureContract;
import io.throughgate.timeliness.TimelinessContract;

/** The {@code lint-contracts} command: every problem in the contracts, located, and each agreement's status. */
public final class LintCommand {

    static final String HELP = """
            Usage: java -jar target/quarkus-app/quarkus-run.jar lint-contracts
                   [--contracts DIR] [--trusted-certificates PEM] [--compare AGREEMENT-ID [--draft FILE]] [--help]

            Checks the contracts as the hub loads them: the agency directory, the purposes, the record schemas, the
            consent policy, the timeliness milestones (their record types and fields against the schemas, and a
            problem when the bank holidays they count working days with end within a year), the small-number
            rules of every published table and the extract's sub-regions, one for every borough's YOT
            (contracts/disclosure.yaml), and every agreement
            (its fields, agencies, purposes and record types against the rest, including rules that name a field
            the record schema does not have) and verifies every agreement signature. Prints
            each problem as FILE:LINE, ENTRY: MESSAGE, then each agreement's status as of today. A signature
            that does not verify is a problem; an agreement not yet signed by every party is only a status.

            With --compare, it also prints what a draft of the agreement would change from the version in force
            today, rule by rule: flows and recipients gained or lost, fields newly released, newly withheld or
            changing form (shared, pseudonymised, generalised, encrypted), consent now needed or no longer needed.
            The draft is the latest version after the one in force (contracts/agreements/ID/vN/agreement.yaml),
            or FILE. A draft that widens the sharing of a special-category or criminal offence field without its
            rule naming the conditions it rests on (basis: {article9: [...], schedule1: [...]}) is a problem.
            POST /v1/agreements/replay says how often each change would have mattered.

              --contracts DIR              the contracts folder (default: contracts)
              --trusted-certificates PEM   the CAs that issue DPO certificates, PEM files separated by commas
                                           (default: certs-dev/ca/ca.crt,certs-dev/borough-ca/ca.crt); the
                                           directory pins which of them may vouch for each party's DPO
              --compare AGREEMENT-ID       compare a draft of the agreement with the version in force
              --draft FILE                 the draft to compare (default: the latest version after the one in force)

            Exit status: 0 no problem, 1 problems found, 2 usage error.
            """;

    private static final String DEVELOPMENT_CAS = "certs-dev/ca/ca.crt,certs-dev/borough-ca/ca.crt";

    private LintCommand() {
    }

    /** Runs the command; returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        CommandOptions options;
        try {
            options = CommandOptions.parse(args, Set.of("--help"), Set.of("--contracts", "--trusted-certificates",
                    "--compare", "--draft"));
            if (options.value("--draft").isPresent() && options.value("--compare").isEmpty()) {
                throw new IllegalArgumentException("--draft goes with --compare AGREEMENT-ID");
            }
        } catch (IllegalArgumentException e) {
            err.println("lint-contracts: " + e.getMessage());
            return 2;
        }
        if (options.has("--help")) {
            out.print(HELP);
            return 0;
        }
        Clock clock = Clock.system(ClockProducer.LONDON);
        ContractsBootstrap contracts;
        try {
            contracts = ContractsBootstrap.load(Path.of(options.value("--contracts").orElse("contracts")),
                    Arrays.stream(options.value("--trusted-certificates").orElse(DEVELOPMENT_CAS).split(","))
                            .map(String::strip).map(Path::of).toList(),
                    clock);
        } catch (InvalidContractException e) {
            e.problems().forEach(problem -> out.println(problem));
            out.println("lint-contracts: " + e.problems().size() + " problems");
            return 1;
        } catch (UncheckedIOException | IllegalStateException e) {
            err.println("lint-contracts: " + e.getMessage());
            return 1;
        }
        int problems = 0;
        LocalDate today = LocalDate.now(clock);
        Optional<String> calendar = contracts.timeliness().calendarEndingSoon(today);
        if (calendar.isPresent()) {
            out.println(TimelinessContract.FILE + ": " + calendar.get());
            problems++;
        }
        for (String unsent : contracts.timeliness().noticesWithoutFlow(contracts.agreements().stream().flatMap(
                agreement -> agreement.agreement().stream()).toList(), contracts.directory())) {
            out.println(TimelinessContract.FILE + ": " + unsent);
            problems++;
        }
        for (String yot : contracts.directory().ofKind(AgencyKind.YOT).stream().map(agency -> agency.code()).sorted()
                .toList()) {
            if (!contracts.disclosure().extract().subRegions().containsKey(yot)) {
                out.println(DisclosureContract.FILE + ": extract.subRegions names no sub-region for " + yot
                        + ": its children's borough could not be generalised short of London as a whole");
                problems++;
            }
        }
        for (AgreementState agreement : contracts.agreements()) {
            for (ContractProblem problem : agreement.problems()) {
                out.println(problem);
                problems++;
            }
        }
        for (AgreementState agreement : contracts.agreements()) {
            AgreementState.Verdict verdict = agreement.verdict(today);
            if (verdict.status() == AgreementStatus.SIGNATURE_INVALID) {
                problems += verdict.reasons().size();
            }
            out.println("agreement " + agreement.id() + " version " + agreement.version() + ": "
                    + verdict.status().name().toLowerCase().replace('_', ' ')
                    + (verdict.reasons().isEmpty() ? "" : ": " + String.join("; ", verdict.reasons())));
        }
        if (options.value("--compare").isPresent()) {
            try {
                problems += CompareCommand.compare(contracts, options.value("--compare").get(), options.value(
                        "--draft").map(Path::of), today, out);
            } catch (IllegalArgumentException | java.io.IOException e) {
                err.println("lint-contracts: " + e.getMessage());
                return 1;
            }
        }
        out.println("lint-contracts: " + contracts.directory().all().size() + " agencies, "
                + contracts.agreements().stream().map(AgreementState::id).distinct().count() + " agreements ("
                + contracts.agreements().size() + " versions), " + contracts.timeliness().milestones().size()
                + " timeliness milestones, " + problems + " problems");
        return problems == 0 ? 0 : 1;
    }
}
