package io.throughgate.benchmark;

import java.io.IOException;
import java.io.PrintStream;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.throughgate.cli.CommandOptions;

/**
 * The {@code benchmark} command: measures the hub against the limits of its own broker on this machine and
 * compares the figures with the performance targets of DESIGN.md.
 */
public final class BenchmarkCommand {

    static final String HELP = """
            Usage: java -jar target/quarkus-app/quarkus-run.jar benchmark [--quick] [OPTIONS] [--help]
                   java -jar target/quarkus-app/quarkus-run.jar benchmark --replicas [DATABASE] [OPTIONS]

            Starts the hub as a child process of this artefact (development profile, its own temporary data folder,
            in-process Kafka broker and ports), waits until it is ready, then, in one run, against that broker and
            with the same records (release notifications from HMYOI Feltham, each with a fresh recordId and NHS
            number, sent with Feltham's development certificate from certs-dev/ over mutual TLS):

              1. the raw Kafka producer's records/s (acks=all, idempotent, linger 5 ms): the limit;
              2. hub single-record ingestion (POST /v1/records) at each concurrency level: records/s, the
                 latency of the HTTP answer, and the hub's processor time per record (all its threads, its
                 broker's included: a figure other work on the machine hardly changes), also split by thread
                 group (request workers, event loops and TLS, delivery writers, sharing log, database, consent,
                 garbage collection, JIT compiler, broker, other; from /proc on Linux);
              3. hub batch ingestion (POST /v1/records/batch, NDJSON): records/s and processor time per record,
                 likewise split;
              4. latency at a paced rate: raw producer-to-consumer, then hub push-to-subscriber (HTTP request sent
                 to the record on the recipient's inbox, read_committed): p50, p99, p99.9;
              5. the hub's resident memory (VmRSS, VmHWM) under load and after it.

            Prints a line per phase while it runs, then the figures and the targets of DESIGN.md as ratios, writes
            them as JSON, and stops the hub (also on Ctrl-C or failure). Run it from the repository root.

            With --replicas it measures the hub as it scales out instead: a Kafka broker process (kafka-broker)
            and a new PostgreSQL database, then one hub replica, then (on a new broker and database) two, each a
            process with its own node id, sharing one pseudonym key store; the client spreads the single-record
            requests in flight (the highest of --levels) over them. Where taskset is available, replica n runs on
            processor n-1 alone; the broker, PostgreSQL and the load generator share every processor. For each:
            records/s, latency and the replicas' processor time per record (summed, split by thread group); then
            it checks that every accepted record was delivered to the recipient's inbox exactly once and is in the
            sharing log, and that the sharing log verifies. It reports two replicas' records/s over one's
            (DESIGN.md's target: at least 1.6). PostgreSQL must be running (.ci/start-postgresql starts one):

              --database-url URL        a JDBC URL of the server, where each run's database is created and
                                        dropped afterwards (default jdbc:postgresql://127.0.0.1:5432/postgres)
              --database-user USER      a user allowed to create databases (default postgres)
              --database-password PW    its password (default none)

              --quick                   a smoke run of under a minute (1 s warm-up, 3 s per phase, one level)
              --warm-up SECONDS         each phase's warm-up, not counted (default 20)
              --duration SECONDS        each throughput phase's measuring time (default 20)
              --levels N,N,...          single-record concurrency levels (default 16,64,256)
              --batch-size N            records per batch (default 500)
              --batch-concurrency N     batches in flight (default 4)
              --rate N                  records/s of the latency phases (default 2000)
              --latency-duration SEC    measuring time of each latency phase (default 30)
              --https-port PORT         the hub's HTTPS port (default 18443)
              --kafka-port PORT         its broker's port; the controller takes PORT+1 (default 29092)
              --hub-java-options OPTS   JVM options for the hub (default "-Xmx512m -XX:+UseParallelGC", those
                                        of the README's run command); they replace the default
              --jar PATH                the hub's quarkus-run.jar (default: the one running this command)
              --certs DIR               the development certificates (default certs-dev)
              --json PATH               where the results go (default target/benchmark.json, with --replicas
                                        target/benchmark-replicas.json); the hub's log goes beside it, as
                                        benchmark-hub.log (with --replicas, a log per process and run)

            Exit status: 0 measured (whether or not the targets are met), 1 the run failed (with --replicas also
            when a check after the load failed), 2 usage error.
            """;

    // Held so the levels stay set: the JDK keeps loggers only weakly.
    private static final List<Logger> QUIET = List.of(Logger.getLogger("org.apache.kafka"), Logger.getLogger(
            "io.vertx"), Logger.getLogger("io.netty"));

    private BenchmarkCommand() {
    }

    /** Runs the command; returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        BenchmarkSettings settings;
        Optional<ReplicaSettings> replicas;
        try {
            CommandOptions options = CommandOptions.parse(args, Set.of("--help", "--quick", "--replicas"), Set.of(
                    "--warm-up", "--duration", "--levels", "--batch-size", "--batch-concurrency", "--rate",
                    "--latency-duration", "--https-port", "--kafka-port", "--hub-java-options", "--jar", "--certs",
                    "--json", "--database-url", "--database-user", "--database-password"));
            if (options.has("--help")) {
                out.print(HELP);
                return 0;
            }
            if (!options.positional().isEmpty()) {
                throw new IllegalArgumentException("unexpected argument '" + options.positional().get(0) + "'");
            }
            settings = BenchmarkSettings.of(options);
            replicas = options.has("--replicas") ? Optional.of(ReplicaSettings.of(options)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            err.println("benchmark: " + e.getMessage());
            return 2;
        }
        QUIET.forEach(logger -> logger.setLevel(Level.WARNING));
        String startedAt = Instant.now().toString();
        try {
            if (replicas.isPresent()) {
                ReplicaResults results = new ReplicaRun(settings, replicas.get(), out, System.console() != null)
                        .run();
                ReplicasTable.print(out, results);
                ResultsJson.write(settings.json(), results, startedAt);
                out.println("\nresults written to " + settings.json());
                return results.checksPassed() ? 0 : 1;
            }
            BenchmarkResults results = new BenchmarkRun(settings, out, System.console() != null).run();
            List<TargetCheck> targets = Targets.evaluate(results);
            ResultsTable.print(out, results, targets);
            ResultsJson.write(settings.json(), results, targets, startedAt);
            out.println("\nresults written to " + settings.json());
            return 0;
        } catch (IOException | SQLException | RuntimeException e) {
            err.println("benchmark: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("benchmark: interrupted");
            return 1;
        }
    }
}
