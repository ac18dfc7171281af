package io.throughgate.kafka;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.quarkus.runtime.StartupEvent;
import io.throughgate.config.StartupOrder;

/**
 * Brings Kafka up before anything uses it: at start-up it starts the in-process broker when the hub runs one and
 * creates the missing topics.
 */
@ApplicationScoped
public class KafkaLifecycle {

    @Inject
    KafkaConnection kafka;

    @Inject
    TopicProvisioner topics;

    void onStart(@Observes @Priority(StartupOrder.KAFKA) StartupEvent event) {
        kafka.bootstrapServers();
        topics.createMissingTopics();
    }

}
