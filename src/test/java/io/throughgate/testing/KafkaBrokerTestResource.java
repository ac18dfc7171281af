package io.throughgate.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.throughgate.kafka.EmbeddedKafkaBroker;

/**
 * A real Kafka broker (KRaft, in this JVM) on free ports for the tests, in a fresh folder. The hub under test
 * connects to it as to an external cluster.
 */
@QuarkusTestResource(KafkaBrokerTestResource.class)
public class KafkaBrokerTestResource implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedKafkaBroker broker;

    @Override
    public Map<String, String> start() {
        try {
            Path logDir = Files.createTempDirectory("throughgate-test-kafka");
            broker = new EmbeddedKafkaBroker(logDir, freePort(), freePort());
            broker.start();
            return Map.of("throughgate.kafka.bootstrap-servers", broker.bootstrapServers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        if (broker != null) {
            broker.close();
        }
    }

    /** Stops the broker, as an outage would; its data stays. */
    public static void stopBroker() {
        broker.close();
    }

    /** Starts the broker again on the same ports and data. */
    public static void restartBroker() {
        broker.start();
    }

    /** A port nobody listens on right now. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
