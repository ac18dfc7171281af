package io.throughgate.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

import io.throughgate.kafka.EmbeddedKafkaBroker;

/**
 * The {@code kafka-broker} command: the hub's in-process broker in a process of its own, so that several hub replicas
 * on one machine can share it.
 */
public final class KafkaBrokerCommand {

    static final String HELP = """
            Usage: java -jar target/quarkus-app/quarkus-run.jar kafka-broker [--data DIR] [--port PORT]
                   [--controller-port PORT] [--help]

            Runs the single-node Kafka broker the hub otherwise runs in-process (Apache Kafka, KRaft, one combined
            broker and controller), in this process, so that several hub replicas on one machine can share it:
            start each with THROUGHGATE_KAFKA_BOOTSTRAP_SERVERS=localhost:PORT. For trying replicas on one machine
            and for the benchmark's replica mode, like the in-process broker: in production the hub uses a Kafka
            cluster (k8s/base/kafka).

              --data DIR               the broker's data folder, created and formatted on first use and kept
                                       (default data/kafka-broker)
              --port PORT              the client listener on localhost (default 19092)
              --controller-port PORT   the KRaft controller listener on localhost (default: --port + 1)

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
        try {
            CommandOptions options = CommandOptions.parse(args, Set.of("--help"), Set.of("--data", "--port",
                    "--controller-port"));
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
        } catch (IllegalArgumentException e) {
            err.println("kafka-broker: " + e.getMessage());
            return 2;
        }
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(data, port, controllerPort);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.close();
            stopped.countDown();
        }, "kafka-broker-shutdown"));
        try {
            Files.createDirectories(data);
            broker.start();
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
