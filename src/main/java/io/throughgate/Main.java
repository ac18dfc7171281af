package io.throughgate;

import java.io.PrintStream;
import java.util.Arrays;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import io.throughgate.benchmark.BenchmarkCommand;
import io.throughgate.cli.KafkaBrokerCommand;
import io.throughgate.cli.LintCommand;
import io.throughgate.cli.PseudonymKeysCommand;
import io.throughgate.cli.SharingLogCommand;
import io.throughgate.cli.SignAgreementCommand;
import io.throughgate.devcerts.DevelopmentCertificates;
import io.throughgate.subscriber.SubscribeCommand;

/**
 * The hub's command line: {@code serve} (the default) runs the hub; the other commands are tools that run without
 * starting it.
 */
@QuarkusMain
public final class Main {

    private static final String USAGE = """
            Usage: java -jar target/quarkus-app/quarkus-run.jar [COMMAND] [OPTIONS]

            Throughgate, the secure inter-agency data exchange hub for children's resettlement.

            Commands:
              serve           run the hub (the default). Configuration comes from environment variables and
                              system properties; see the configuration table in README.md.
                              -Dquarkus.profile=dev runs it with the development certificates of certs-dev/.
              dev-certs       (re)generate the development CA and certificates in certs-dev/
              lint-contracts  check the contracts (directory, schemas, agreements and their signatures) and
                              report every problem with its file and line
              sign-agreement  sign an agreement as a data protection officer (detached CMS signature)
              pseudonym-keys  create the pseudonym key store, add a key (rotation), list the keys
              subscribe       an example partner subscriber: read an agency's inbox, verify and decrypt each message
              sharing-log     verify: check the whole sharing log in the database and name the first entry that
                              fails; verify-export: check a data protection officer's export offline;
                              witness: check the hub's latest checkpoint extends the last one seen
              benchmark       measure the hub (single and batch ingestion, latency, memory) against its own
                              broker on this machine and compare with the performance targets; --replicas
                              measures one and two replicas on a broker process and PostgreSQL
              kafka-broker    run the in-process broker in a process of its own, for replicas on one machine
              help            show this text

            'COMMAND --help' explains a command's options.

            Exit status: 0 on success, 1 on failure, 2 on a usage error.
            """;

    private Main() {
    }

    public static void main(String... args) {
        String command = args.length == 0 ? "serve" : args[0];
        String[] options = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
        switch (command) {
            // Camel is started by io.throughgate.ops.CamelStarter once Kafka is up.
            case "serve" -> Quarkus.run(options);
            case "dev-certs" -> System.exit(DevelopmentCertificates.run(options, System.out, System.err));
            case "lint-contracts" -> System.exit(LintCommand.run(options, System.out, System.err));
            case "sign-agreement" -> System.exit(SignAgreementCommand.run(options, System.out, System.err));
            case "pseudonym-keys" -> System.exit(PseudonymKeysCommand.run(options, System.out, System.err));
            case "subscribe" -> System.exit(SubscribeCommand.run(options, System.out, System.err));
            case "sharing-log" -> System.exit(SharingLogCommand.run(options, System.out, System.err));
            case "benchmark" -> System.exit(BenchmarkCommand.run(options, System.out, System.err));
            case "kafka-broker" -> System.exit(KafkaBrokerCommand.run(options, System.out, System.err));
            case "help", "--help", "-h" -> printUsage(System.out, 0);
            default -> {
                System.err.println("unknown command '" + command + "'");
                printUsage(System.err, 2);
            }
        }
    }

    private static void printUsage(PrintStream out, int status) {
        out.print(USAGE);
        System.exit(status);
    }
}
