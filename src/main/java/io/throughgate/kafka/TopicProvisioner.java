package io.throughgate.kafka;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.jboss.logging.Logger;

import io.throughgate.directory.AgencyDirectory;
import io.throughgate.directory.AgencyDirectoryChanged;

/** Creates the hub's topics that are missing: its own and one inbox per agency of the directory. */
@ApplicationScoped
public class TopicProvisioner {

    private static final Logger LOG = Logger.getLogger(TopicProvisioner.class);
    private static final long TIMEOUT_SECONDS = 60;

    @Inject
    KafkaConnection kafka;

    @Inject
    KafkaConnectionConfig config;

    @Inject
    AgencyDirectory directory;

    /** Creates the inbox topics of agencies added to the directory while the hub runs. */
    void onDirectoryChanged(@Observes AgencyDirectoryChanged changed) {
        try {
            createMissingTopics();
        } catch (IllegalStateException e) {
            LOG.errorf("the inbox topics of the changed agency directory were not all created: %s", e.getMessage());
        }
    }

    /**
     * Creates every missing topic and waits for the cluster to confirm.
     *
     * @throws IllegalStateException if the cluster cannot be reached or refuses a topic
     */
    public void createMissingTopics() {
        if (!config.createTopics()) {
            return;
        }
        try {
            Set<String> existing = kafka.admin().listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            List<NewTopic> missing = Topics.all(directory).stream().filter(topic -> !existing.contains(topic))
                    .map(topic -> new NewTopic(topic, Optional.of(config.topicPartitions()),
                            Optional.of(config.topicReplicationFactor())).configs(Topics.settings(topic)))
                    .toList();
            if (missing.isEmpty()) {
                return;
            }
            kafka.admin().createTopics(missing).values().forEach((topic, created) -> awaitCreated(topic, created));
            LOG.infof("created %d Kafka topics", missing.size());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating Kafka topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot list Kafka topics: " + e.getMessage(), e);
        }
    }

    private static void awaitCreated(String topic, org.apache.kafka.common.KafkaFuture<Void> created) {
        try {
            created.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create Kafka topic " + topic + ": " + e.getCause(), e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating Kafka topic " + topic, e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not confirm topic " + topic + " in time", e);
        }
    }
}
