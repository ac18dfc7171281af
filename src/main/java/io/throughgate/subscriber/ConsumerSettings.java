package io.throughgate.subscriber;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;

/**
 * The Kafka consumer settings an inbox subscriber needs, each with why. Deserializers are given to the consumer
 * directly: the key as a string (the pseudonym) and the value as raw bytes, because the signature is over the
 * value's exact bytes.
 */
final class ConsumerSettings {

    private ConsumerSettings() {
    }

    /**
     * The settings of the example subscriber.
     *
     * @param bootstrapServers the Kafka cluster, e.g. {@code localhost:19092} for the laptop hub's broker
     * @param groupId the consumer group: one per agency and application, e.g. {@code yoi-feltham-example-subscriber};
     *        in the partnership's cluster the ACLs allow only groups whose name starts with {@code <agency>-}
     * @param connection connection and security settings for a real cluster (e.g. {@code security.protocol=SSL},
     *        {@code ssl.keystore.location}, {@code ssl.truststore.location}); they cannot override the settings
     *        below
     */
    static Map<String, Object> of(String bootstrapServers, String groupId, Properties connection) {
        Map<String, Object> settings = new HashMap<>();
        connection.stringPropertyNames().forEach(name -> settings.put(name, connection.getProperty(name)));
        settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        settings.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        // The hub writes each record's deliveries in a Kafka transaction. read_committed shows only committed
        // transactions: a transaction the hub aborted (it answered 503 and the sender will retry) stays invisible.
        // With the default, read_uncommitted, you would also read those messages.
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // Commit offsets only once a message is processed (here: printed; in a real system: stored). An automatic
        // commit could mark a message done before it is stored, and a crash would then lose it.
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // A group with no committed offset starts at the oldest message still kept, so nothing delivered before the
        // subscriber's first start is missed.
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        settings.put(ConsumerConfig.CLIENT_ID_CONFIG, groupId);
        return settings;
    }
}
