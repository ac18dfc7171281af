package io.throughgate.faults;

import java.nio.file.Path;

import io.throughgate.kafka.EmbeddedKafkaBroker;

/**
 * Runs the hub's Kafka broker on its own in this JVM, so that a fault test can kill it with SIGKILL and start it
 * again on the same ports and data. Arguments: data folder, client port, controller port. Prints {@link #READY}
 * once clients can connect, then runs until killed.
 */
public final class FaultBrokerMain {

    /** The line printed once the broker answers clients. */
    public static final String READY = "fault broker ready";

    private FaultBrokerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 3) {
            throw new IllegalArgumentException("expected: DATA_DIR PORT CONTROLLER_PORT, got " + args.length
                    + " arguments");
        }
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(Path.of(args[0]), Integer.parseInt(args[1]), Integer
                .parseInt(args[2]));
        broker.start();
        System.out.println(READY);
        System.out.flush();
        Thread.currentThread().join();
    }
}
