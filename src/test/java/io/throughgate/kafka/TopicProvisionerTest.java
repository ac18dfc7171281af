package io.throughgate.kafka;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.throughgate.directory.AgencyDirectory;

@QuarkusTest
class TopicProvisionerTest {

    @Inject
    KafkaConnection kafka;

    @Inject
    AgencyDirectory directory;

    @Test
    void createsTheHubsTopicsAndAnInboxForEveryAgencyAtStart() throws Exception {
        Set<String> topics = kafka.admin().listTopics().names().get(10, TimeUnit.SECONDS);
        assertTrue(topics.containsAll(Topics.all(directory)), "missing: " + Topics.all(directory).stream()
                .filter(topic -> !topics.contains(topic)).toList());
        assertTrue(topics.contains("tg.inbox.yot-camden"));
        assertTrue(topics.contains("tg.inbox.yoi-feltham"));
    }
}
