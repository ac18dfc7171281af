package io.throughgate.kafka;

import java.util.HashMap;
import java.util.Map;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.apache.camel.component.kafka.KafkaComponent;
import org.apache.camel.quarkus.main.events.BeforeStart;
import org.apache.kafka.clients.CommonClientConfigs;

import io.quarkus.runtime.StartupEvent;

/**
 * Brings Kafka up before anything uses it: at start-up it starts the in-process broker when the hub runs one and
 * creates the missing topics; before Camel starts its routes it points Camel's Kafka component at the cluster.
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

    void beforeCamelStarts(@Observes BeforeStart event) {
        KafkaComponent component = event.getCamelContext().getComponent("kafka", KafkaComponent.class);
        Map<String, Object> settings = new HashMap<>(kafka.clientProperties());
        component.getConfiguration().setBrokers((String) settings.remove(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG));
        component.getConfiguration().setAdditionalProperties(settings);
    }
}
