package io.throughgate.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.KafkaUserAuthorizationSimple;
import io.strimzi.api.kafka.model.user.acl.AclRule;
import io.strimzi.api.kafka.model.user.acl.AclRuleGroupResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleTopicResource;
import io.throughgate.directory.AgencyDirectory;
import io.throughgate.directory.AgencyDirectoryLoader;
import io.throughgate.kafka.Topics;

/**
 * The Kubernetes manifests, checked as the cluster would read them: the base and each overlay rendered by
 * Kustomize's rules (every patch must apply), every resource read into the Kubernetes and Strimzi models with
 * unknown fields refused; a KafkaTopic for every agency's inbox; each agency's KafkaUser allowed to read its own
 * inbox in its own groups and nothing else; and every environment variable the hub's pod is given is one the hub
 * reads.
 */
class KubernetesManifestsTest {

    private static final Path K8S = Path.of("k8s");
    private static final Set<String> IMAGE_VARIABLES = Set.of("JAVA_OPTS_APPEND", "JAVA_APP_JAR");

    @Test
    void everyResourceOfTheBaseAndOverlaysReadsIntoItsModelWithoutUnknownFields() {
        for (Path folder : List.of(K8S.resolve("base"), K8S.resolve("overlays/dev"), K8S.resolve(
                "overlays/production"))) {
            List<String> problems = new ArrayList<>();
            List<ObjectNode> resources = KustomizeRender.render(folder);
            resources.forEach(resource -> StrictModels.read(resource, problems));
            assertTrue(problems.isEmpty(), folder + ":\n" + String.join("\n", problems));
            assertTrue(resources.size() > 70, folder + " rendered " + resources.size() + " resources");
        }
    }

    @Test
    void everyAgencyOfTheDirectoryHasItsInboxTopic() throws Exception {
        Set<String> topics = models(KafkaTopic.class).stream().map(topic -> topic.getSpec().getTopicName() != null
                ? topic.getSpec().getTopicName()
                : topic.getMetadata().getName()).collect(Collectors.toSet());
        List<String> missing = directory().all().stream().map(agency -> Topics.inbox(agency.code())).filter(
                topic -> !topics.contains(topic)).toList();
        assertEquals(List.of(), missing);
    }

    @Test
    void eachAgencysKafkaUserReadsOnlyItsOwnInboxInItsOwnGroups() throws Exception {
        AgencyDirectory directory = directory();
        List<KafkaUser> agencies = models(KafkaUser.class).stream().filter(user -> !user.getMetadata().getName()
                .equals("throughgate-hub")).toList();
        assertTrue(!agencies.isEmpty(), "at least one agency reads from Kafka");
        for (KafkaUser user : agencies) {
            String code = user.getMetadata().getName();
            assertTrue(directory.find(code).isPresent(), code + " is an agency of the directory");
            Set<String> granted = new TreeSet<>();
            for (AclRule rule : ((KafkaUserAuthorizationSimple) user.getSpec().getAuthorization()).getAcls()) {
                String resource = rule.getResource() instanceof AclRuleTopicResource topic
                        ? "topic " + lower(topic.getPatternType()) + " " + topic.getName()
                        : rule.getResource() instanceof AclRuleGroupResource group
                                ? "group " + lower(group.getPatternType()) + " " + group.getName()
                                : "other " + rule.getResource().getType();
                rule.getOperations().forEach(operation -> granted.add(resource + " " + lower(operation) + " "
                        + rule.getHost()));
            }
            assertEquals(new TreeSet<>(Set.of(
                    "topic literal " + Topics.inbox(code) + " read *",
                    "topic literal " + Topics.inbox(code) + " describe *",
                    "group prefix " + code + "- read *")), granted, code);
        }
    }

    @Test
    void everyVariableOfTheHubsPodIsOneTheHubReads() {
        Set<String> known = ConfigurationNames.environmentNames();
        Set<String> given = new TreeSet<>();
        for (StatefulSet statefulSet : models(StatefulSet.class)) {
            for (Container container : statefulSet.getSpec().getTemplate().getSpec().getContainers()) {
                container.getEnv().stream().map(EnvVar::getName).forEach(given::add);
            }
        }
        models(ConfigMap.class).stream().filter(map -> map.getMetadata().getName().equals("throughgate-config"))
                .forEach(map -> given.addAll(map.getData().keySet()));
        List<String> unknown = given.stream().filter(name -> !known.contains(name) && !IMAGE_VARIABLES.contains(
                name) && !name.equals("QUARKUS_PROFILE")).toList();
        assertEquals(List.of(), unknown, "variables the hub does not read (a typo is silently ignored)");
        assertTrue(given.contains("THROUGHGATE_KAFKA_BOOTSTRAP_SERVERS"), given.toString());
    }

    private static String lower(Object value) {
        return String.valueOf(value).toLowerCase(java.util.Locale.ROOT);
    }

    private static <T> List<T> models(Class<T> type) {
        List<String> problems = new ArrayList<>();
        List<T> found = new ArrayList<>();
        for (ObjectNode resource : KustomizeRender.render(K8S.resolve("base"))) {
            Object model = StrictModels.read(resource, problems);
            if (type.isInstance(model)) {
                found.add(type.cast(model));
            }
        }
        return found;
    }

    private static AgencyDirectory directory() throws Exception {
        return AgencyDirectoryLoader.parse(Files.readAllBytes(Path.of("contracts", AgencyDirectoryLoader.FILE)));
    }
}
