package io.throughgate.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

import io.throughgate.devcerts.DevelopmentKafkaTls;
import io.throughgate.directory.AgencyDirectory;
import io.throughgate.directory.AgencyDirectoryLoader;
import io.throughgate.kafka.EmbeddedKafkaBroker;
import io.throughgate.kafka.InboxAcls;

/**
 * The {@code kafka-broker} command: the hub's in-process broker in a process of its own, so that several hub replicas
 * on one machine can share it.
 */
public final class KafkaBrokerCommand {

    static final String HELP = """
            Usage: java -jar target/quarkus-app/quarkus-run.jar kafka-broker [--data DIR] [--port PORT]
                   [--controller-port PORT] [--certs DIR] [--contracts DIR] [--help]

            Runs the single-node Kafka broker the hub otherwise runs in-process (Apache Kafka, KRaft, one combined
            broker and controller), in this process, so that several hub replicas on one machine can share it.
            For trying replicas on one machine and for the benchmark's replica mode, like the in-process broker:
            in production the hub uses a Kafka cluster (k8s/base/kafka).

            Secured like the in-process broker: mutual TLS on every listener with the development certificates
            (the broker's own, hub/kafka-broker.p12; clients' from the CA ca/ca.crt), and ACLs set at start from
            the agency directory: each agency in force reads only tg.inbox.<code>, in groups <code>-*; the hub
            (hub/kafka-hub.p12) is a super user. Start each hub with THROUGHGATE_KAFKA_BOOTSTRAP_SERVERS=
            localhost:PORT, THROUGHGATE_KAFKA_SECURITY_PROTOCOL=SSL and the hub's key store and the CA as its
            THROUGHGATE_KAFKA_SSL_* settings (README, Configuration).

              --data DIR               the broker's data folder, created and formatted on first use and kept
                                       (default data/kafka-broker)
              --port PORT              the client listener on localhost (default 19092)
              --controller-port PORT   the KRaft controller listener on localhost (default: --port + 1)
              --certs DIR              the development certificates (default certs-dev)
              --contracts DIR          the folder of agencies.yaml (default contracts)

            Prints "kafka broker ready on localhost:PORT" once clients can connect, then runs until stopped
            (Ctrl-C or SIGTERM), when it shuts the broker down cleanly.

            Exit status: 0 stopped, 1 the broker failed, 2 usage error.
            """;

    /** What the command prints once clients can connect, then the bootstrap address. */
    public static final String READY = "kafka broker ready on ";

    private KafkaBrokerCommand() {
    }

    /** Runs the broker until the process is stopped; returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Path data;
        int port;
        int controllerPort;
        Path certs;
        Path contracts;
        try {
            CommandOptions options = CommandOptions.parse(args, Set.of("--help"), Set.of("--data", "--port",
                    "--controller-port", "--certs", "--contracts"));
            if (options.has("--help")) {
                out.print(HELP);
                return 0;
            }
            if (!options.positional().isEmpty()) {
                throw new IllegalArgumentException("unexpected argument " + options.positional().get(0));
            }
            data = Path.of(options.value("--data").orElse("data/kafka-broker"));
            port = options.intValue("--port", 19092, 1, 65534);
            controllerPort = options.intValue("--controller-port", port + 1, 1, 65535);
            if (controllerPort == port) {
                throw new IllegalArgumentException("--controller-port must differ from --port");
            }
            certs = Path.of(options.value("--certs").orElse("certs-dev"));
            contracts = Path.of(options.value("--contracts").orElse("contracts"));
        } catch (IllegalArgumentException e) {
            err.println("kafka-broker: " + e.getMessage());
            return 2;
        }
        AgencyDirectory directory;
        try {
            directory = AgencyDirectoryLoader.parse(Files.readAllBytes(contracts.resolve(AgencyDirectoryLoader.FILE)));
        } catch (IOException | RuntimeException e) {
            err.println("kafka-broker: cannot read the agency directory in " + contracts + ": " + e.getMessage());
            return 1;
        }
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(data, port, controllerPort, DevelopmentKafkaTls.broker(
                certs));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.close();
            stopped.countDown();
        }, "kafka-broker-shutdown"));
        try {
            Files.createDirectories(data);
            broker.start();
            InboxAcls.reconcile(broker.adminProperties(), directory, LocalDate.now(ZoneId.of("Europe/London")));
        } catch (IOException | RuntimeException e) {
            err.println("kafka-broker: the broker did not start: " + e.getMessage());
            return 1;
        }
        out.println(READY + broker.bootstrapServers());
        out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
