package io.throughgate.faults;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;

import io.throughgate.Main;
import io.throughgate.cli.KafkaBrokerCommand;
import io.throughgate.devcerts.DevelopmentKafkaTls;
import io.throughgate.testing.KafkaBrokerTestResource;

/**
 * The Kafka broker in a JVM of its own (the {@code kafka-broker} command), on fixed ports and a data folder that
 * survive a SIGKILL.
 */
final class FaultBroker implements AutoCloseable {

    private final int port = KafkaBrokerTestResource.freePort();
    private final ChildProcess process;

    FaultBroker(Path folder) {
        int controllerPort = KafkaBrokerTestResource.freePort();
        process = new ChildProcess("Kafka broker", List.of("-Xmx384m",
                "-Djava.util.logging.manager=org.jboss.logmanager.LogManager", "-cp", classPath(),
                Main.class.getName(), "kafka-broker", "--data", folder.resolve("kafka").toAbsolutePath().toString(),
                "--port", String.valueOf(port), "--controller-port", String.valueOf(controllerPort)), Map.of(),
                folder
                        .resolve("kafka.log"));
    }

    /** Starts (or restarts) the broker and waits until it answers clients. */
    void start() {
        process.start(() -> process.printedSinceStart(KafkaBrokerCommand.READY), Duration.ofSeconds(180));
    }

    /** Kills the broker with SIGKILL. */
    void kill() {
        process.kill();
    }

    /**
     * Makes the broker refuse every write to a topic while it takes those to other topics and serves reads: the
     * topic's {@code max.message.bytes} below the size of any batch of messages, so that producers get {@code
     * MESSAGE_TOO_LARGE}, as they do from a broker whose size limit their messages exceed.
     */
    void refuseWrites(String topic) {
        alterTopic(topic, new AlterConfigOp(new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "100"),
                AlterConfigOp.OpType.SET));
    }

    /** Lets a topic take writes again (see {@link #refuseWrites}). */
    void acceptWrites(String topic) {
        alterTopic(topic, new AlterConfigOp(new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, ""),
                AlterConfigOp.OpType.DELETE));
    }

    private void alterTopic(String topic, AlterConfigOp operation) {
        try (Admin admin = Admin.create(clientProperties())) {
            admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC, topic), List.of(
                    operation))).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot change " + topic + "'s settings", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    String bootstrapServers() {
        return "localhost:" + port;
    }

    /** Kafka client settings for this broker. */
    Map<String, Object> clientProperties() {
        Map<String, Object> properties = new HashMap<>(DevelopmentKafkaTls.hub(KafkaBrokerTestResource.CERTS)
                .clientProperties());
        properties.put("bootstrap.servers", bootstrapServers());
        return properties;
    }

    /** The tests' class path: Surefire's full one, as its own JVM sees only a manifest jar. */
    private static String classPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    @Override
    public void close() {
        process.close();
    }
}
