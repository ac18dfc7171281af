package io.throughgate.benchmark;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.KafkaConsumer;

import io.throughgate.devcerts.DevelopmentKafkaTls;

/**
 * The benchmark's replica mode: the hub as it scales out, with one and then two replicas, each a process of its own
 * on one Kafka broker process and one PostgreSQL database, sharing one pseudonym key store, each with its own node
 * id. The client spreads the requests in flight evenly over the replicas. Each configuration starts from an empty
 * broker and database; after its load, {@link DeliveryCheck} checks every accepted record was delivered once and
 * the shared sharing log verifies.
 *
 * <p>
 * Where {@code taskset} is available and the machine has at least two processors, replica n runs on processor
 * n - 1 alone (so one replica has one processor, two replicas two); the broker, PostgreSQL and this load generator
 * run on any processor.
 */
final class ReplicaRun {

    private static final String INBOX = "tg.inbox." + SampleRecords.RECIPIENT;
    private static final int CONNECTIONS_PER_REPLICA = 20;

    private final BenchmarkSettings settings;
    private final ReplicaSettings replicaSettings;
    private final PrintStream out;
    private final Progress progress;
    private final SampleRecords records = new SampleRecords();

    ReplicaRun(BenchmarkSettings settings, ReplicaSettings replicaSettings, PrintStream out, boolean terminal) {
        this.settings = settings;
        this.replicaSettings = replicaSettings;
        this.out = out;
        this.progress = new Progress(out, terminal);
    }

    /** Runs one replica, then two; returns their figures. */
    ReplicaResults run() throws IOException, InterruptedException, SQLException {
        Machine machine = Machine.current();
        String arrangement = arrangement(machine);
        out.println("replicas: " + arrangement);
        List<ReplicaResult> runs = new ArrayList<>();
        try (progress) {
            for (int replicas = 1; replicas <= 2; replicas++) {
                runs.add(runWith(replicas, machine));
            }
        }
        return new ReplicaResults(machine, arrangement, level(), runs);
    }

    private ReplicaResult runWith(int replicas, Machine machine) throws IOException, InterruptedException,
            SQLException {
        Path keys = Files.createTempDirectory("throughgate-benchmark-keys-");
        Deque<AutoCloseable> opened = new ArrayDeque<>();
        try {
            out.printf(Locale.ROOT, "%d replica%s: starting a Kafka broker process on port %d and a new PostgreSQL "
                    + "database%n", replicas, replicas == 1 ? "" : "s", settings.kafkaPort());
            BrokerProcess broker = BrokerProcess.start(settings.jar(), settings.kafkaPort(), log("broker", replicas));
            opened.push(broker);
            ReplicaDatabase database = ReplicaDatabase.create(replicaSettings.databaseUrl(), replicaSettings
                    .databaseUser(), replicaSettings.databasePassword());
            opened.push(database);
            List<HubClient> clients = new ArrayList<>();
            List<ProcessHandle> handles = new ArrayList<>();
            for (int n = 1; n <= replicas; n++) {
                int port = settings.httpsPort() + n - 1;
                Path log = log("replica-" + n, replicas);
                HubProcess hub = HubProcess.start(settings.jar(), settings.hubJavaOptions(), port, properties(n,
                        database, keys), launcher(n, machine), log);
                opened.push(hub);
                HubClient client = new HubClient(settings.certsDir(), SampleRecords.SENDER, port, Math.max(64,
                        level()));
                opened.push(client);
                // One at a time: the first creates the shared pseudonym key store and the database's tables.
                hub.awaitReady(client, log);
                out.println("replica " + n + " ready, pid " + hub.pid() + ", HTTPS port " + port);
                clients.add(client);
                handles.add(hub.handle());
            }
            Set<String> accepted = ConcurrentHashMap.newKeySet();
            Throughput load = SingleIngestionPhase.run(String.format(Locale.ROOT, "%d replica%s, concurrency %d",
                    replicas, replicas == 1 ? "" : "s", level()), clients, records, settings, level(), handles,
                    progress, accepted::add);
            out.println("checking every accepted record was delivered once and the sharing log verifies");
            BenchmarkKafka kafka = new BenchmarkKafka(settings.kafkaPort(), settings.certsDir());
            DeliveryCheck check;
            try (KafkaConsumer<String, byte[]> inbox = kafka.consumerAtEnd(INBOX)) {
                check = DeliveryCheck.of(accepted, inbox, SampleRecords.RECIPIENT, database.dataSource(), settings
                        .certsDir());
            }
            out.println(ReplicasTable.checkLine(check));
            return new ReplicaResult(replicas, load, check);
        } finally {
            while (!opened.isEmpty()) {
                try {
                    opened.pop().close();
                } catch (Exception e) {
                    out.println("benchmark: could not stop cleanly: " + e.getMessage());
                }
            }
            OwnedProcess.deleteTree(keys);
        }
    }

    /** The requests in flight, spread over the replicas: the highest of --levels. */
    private int level() {
        return settings.levels().stream().mapToInt(Integer::intValue).max().orElse(64);
    }

    private List<String> properties(int replica, ReplicaDatabase database, Path keys) {
        List<String> properties = new ArrayList<>(List.of("-Dthroughgate.kafka.bootstrap-servers=localhost:"
                + settings.kafkaPort(), "-Dthroughgate.database.kind=postgresql",
                "-Dthroughgate.database.url="
                        + database.url(),
                "-Dthroughgate.database.username=" + replicaSettings.databaseUser(), "-Dthroughgate.node.id="
                        + "benchmark-replica-" + replica,
                "-Dthroughgate.pseudonym.keystore=" + keys.resolve("pseudonym-keys.p12"),
                // Within PostgreSQL's default 100 connections for two replicas and the checks after the load.
                "-Dquarkus.datasource.postgresql.jdbc.max-size=" + CONNECTIONS_PER_REPLICA));
        // The broker process takes only mutual TLS: each replica connects with the hub's Kafka certificate.
        DevelopmentKafkaTls.hub(settings.certsDir()).hubSettings().forEach((name, value) -> properties.add("-D" + name
                + "=" + value));
        if (!replicaSettings.databasePassword().isEmpty()) {
            properties.add("-Dthroughgate.database.password=" + replicaSettings.databasePassword());
        }
        return properties;
    }

    /** {@code taskset -c <n-1>}: replica n on a processor of its own, where the machine allows it. */
    private static List<String> launcher(int replica, Machine machine) {
        return pinning(machine)
                ? List.of("taskset", "-c", String.valueOf((replica - 1) % machine.processors()))
                : List.of();
    }

    private static boolean pinning(Machine machine) {
        return machine.processors() >= 2 && Files.isExecutable(Path.of("/usr/bin/taskset"));
    }

    private static String arrangement(Machine machine) {
        return pinning(machine)
                ? "replica n runs on processor n-1 alone (taskset); the Kafka broker process, PostgreSQL and the "
                        + "load generator share all " + machine.processors() + " processors"
                : "no processor pinning (taskset missing or one processor): the replicas, the broker, PostgreSQL "
                        + "and the load generator share all " + machine.processors() + " processors";
    }

    private Path log(String what, int replicas) {
        return settings.json().resolveSibling("benchmark-" + replicas + "-replica" + (replicas == 1 ? "" : "s")
                + "-" + what + ".log");
    }
}
