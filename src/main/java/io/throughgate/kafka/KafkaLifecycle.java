package io.throughgate.kafka;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.quarkus.runtime.StartupEvent;

/**
 * Brings Kafka up before anything uses it: at start-up it starts the in-process broker when the hub runs one and
 * creates the missing topics.
 */
@ApplicationScoped
public class KafkaLifecycle {

    /** Before the hub's other start-up observers, which may use Kafka. */
    static final int STARTUP_PRIORITY = 10;

    @Inject
    KafkaConnection kafka;

    @Inject
    TopicProvisioner topics;

    void onStart(@Observes @Priority(STARTUP_PRIORITY) StartupEvent event) {
        kafka.bootstrapServers();
        topics.createMissingTopics();
    }

}
