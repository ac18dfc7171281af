package io.throughgate.kafka;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.apache.camel.component.kafka.KafkaComponent;
import org.apache.camel.quarkus.main.events.BeforeStart;

/**
 * Brings Kafka up before Camel starts its Kafka endpoints: starts the in-process broker when the hub runs one,
 * points Camel's Kafka component at the cluster and creates the missing topics.
 */
@ApplicationScoped
public class KafkaLifecycle {

    @Inject
    KafkaConnection kafka;

    @Inject
    TopicProvisioner topics;

    void beforeCamelStarts(@Observes BeforeStart event) {
        String bootstrapServers = kafka.bootstrapServers();
        KafkaComponent component = event.getCamelContext().getComponent("kafka", KafkaComponent.class);
        component.getConfiguration().setBrokers(bootstrapServers);
        topics.createMissingTopics();
    }
}
