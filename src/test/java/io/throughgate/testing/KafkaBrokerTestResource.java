package io.throughgate.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.throughgate.devcerts.DevelopmentKafkaTls;
import io.throughgate.directory.AgencyDirectoryLoader;
import io.throughgate.kafka.EmbeddedKafkaBroker;
import io.throughgate.kafka.InboxAcls;

/**
 * A real Kafka broker (KRaft, in this JVM) on free ports for the tests, in a fresh folder, secured as the hub's
 * in-process broker is: mutual TLS with the development certificates and each agency's ACLs from the directory. The
 * hub under test connects to it as to an external cluster, with its own Kafka certificate.
 */
@QuarkusTestResource(KafkaBrokerTestResource.class)
public class KafkaBrokerTestResource implements QuarkusTestResourceLifecycleManager {

    /** The development certificates the broker and its clients use. */
    public static final Path CERTS = Path.of("certs-dev");

    private static EmbeddedKafkaBroker broker;

    @Override
    public Map<String, String> start() {
        try {
            Path logDir = Files.createTempDirectory("throughgate-test-kafka");
            broker = new EmbeddedKafkaBroker(logDir, freePort(), freePort(), DevelopmentKafkaTls.broker(CERTS));
            broker.start();
            InboxAcls.reconcile(broker.adminProperties(), AgencyDirectoryLoader.parse(Files.readAllBytes(Path.of(
                    "contracts", AgencyDirectoryLoader.FILE))), LocalDate.now(ZoneId.of("Europe/London")));
            Map<String, String> settings = new HashMap<>(DevelopmentKafkaTls.hub(CERTS).hubSettings());
            settings.put("throughgate.kafka.bootstrap-servers", broker.bootstrapServers());
            return settings;
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
