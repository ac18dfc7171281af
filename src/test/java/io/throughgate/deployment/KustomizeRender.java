package io.throughgate.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.fabric8.zjsonpatch.JsonPatch;

/**
 * Renders a Kustomize folder by the rules the manifests use: {@code resources} (files, or folders with a
 * kustomization of their own), {@code namespace}, {@code replicas}, {@code images} and inline JSON 6902
 * {@code patches} with a target of group, kind and name. A patch that does not apply fails the rendering, as
 * {@code kubectl kustomize} would. Anything else in a kustomization is refused, so that this renderer never
 * silently ignores a rule.
 */
final class KustomizeRender {

    static final ObjectMapper YAML = new YAMLMapper();
    private static final List<String> KNOWN = List.of("apiVersion", "kind", "namespace", "resources", "replicas",
            "images", "patches");
    private static final List<String> CLUSTER_SCOPED = List.of("Namespace");
    private static final List<String> WORKLOADS = List.of("Deployment", "StatefulSet", "ReplicaSet",
            "ReplicationController");

    private KustomizeRender() {
    }

    /** The resources the folder's kustomization gives, each as its YAML tree. */
    static List<ObjectNode> render(Path folder) {
        try {
            JsonNode kustomization = YAML.readTree(folder.resolve("kustomization.yaml").toFile());
            kustomization.fieldNames().forEachRemaining(name -> {
                if (!KNOWN.contains(name)) {
                    throw new IllegalStateException(folder + "/kustomization.yaml: " + name + " is not rendered here");
                }
            });
            List<ObjectNode> resources = new ArrayList<>();
            for (JsonNode entry : kustomization.path("resources")) {
                Path resource = folder.resolve(entry.asText()).normalize();
                resources.addAll(Files.isDirectory(resource) ? render(resource) : documents(resource));
            }
            if (kustomization.has("namespace")) {
                resources.stream().filter(resource -> !CLUSTER_SCOPED.contains(resource.path("kind").asText()))
                        .forEach(resource -> ((ObjectNode) resource.get("metadata")).put("namespace",
                                kustomization.get("namespace").asText()));
            }
            for (JsonNode replicas : kustomization.path("replicas")) {
                // Kustomize's replicas field applies to workloads of that name.
                List<ObjectNode> workloads = resources.stream().filter(resource -> WORKLOADS.contains(resource.path(
                        "kind").asText())).toList();
                ObjectNode target = only(workloads, null, null, replicas.get("name").asText(), folder);
                ((ObjectNode) target.get("spec")).put("replicas", replicas.get("count").asInt());
            }
            for (JsonNode patch : kustomization.path("patches")) {
                JsonNode operations = YAML.readTree(patch.get("patch").asText());
                JsonNode target = patch.get("target");
                List<ObjectNode> matched = matching(resources, text(target, "group"), text(target, "kind"),
                        text(target, "name"));
                if (matched.isEmpty()) {
                    throw new IllegalStateException(folder + ": a patch targets nothing: " + target);
                }
                for (ObjectNode resource : matched) {
                    resources.set(resources.indexOf(resource), (ObjectNode) JsonPatch.apply(operations, resource));
                }
            }
            return resources;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every YAML document of a file. */
    static List<ObjectNode> documents(Path file) throws IOException {
        List<ObjectNode> documents = new ArrayList<>();
        try (var parser = new YAMLFactory().createParser(file.toFile())) {
            YAML.readValues(parser, JsonNode.class).forEachRemaining(document -> {
                if (document instanceof ObjectNode object) {
                    documents.add(object);
                }
            });
        }
        return documents;
    }

    private static ObjectNode only(List<ObjectNode> resources, String group, String kind, String name, Path folder) {
        List<ObjectNode> matched = matching(resources, group, kind, name);
        if (matched.size() != 1) {
            throw new IllegalStateException(folder + ": " + matched.size() + " resources named " + name);
        }
        return matched.get(0);
    }

    private static List<ObjectNode> matching(List<ObjectNode> resources, String group, String kind, String name) {
        return resources.stream().filter(resource -> group == null || resource.path("apiVersion").asText()
                .startsWith(group + "/")).filter(resource -> kind == null || kind.equals(
                        resource.path("kind")
                                .asText()))
                .filter(resource -> name == null || name.equals(resource.path("metadata").path(
                        "name").asText()))
                .toList();
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }
}
