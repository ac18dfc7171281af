package io.throughgate.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The shipped samples of {@code contracts/samples}, about a new child and with some fields changed. */
public final class SampleRecords {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SampleRecords() {
    }

    /**
     * A sample with a new record id, about a child known only by an NHS number.
     *
     * @param path the sample's path under {@code contracts/samples}
     * @param nhsNumber the child's NHS number
     * @param changes each field's pointer (its parent must exist) and its new text
     */
    public static String about(String path, String nhsNumber, Map<String, String> changes) throws IOException {
        ObjectNode record = (ObjectNode) JSON.readTree(Files.readString(Path.of("contracts/samples").resolve(path)));
        record.put("recordId", UUID.randomUUID().toString());
        ObjectNode subject = (ObjectNode) record.get("subject");
        subject.remove(List.of("pncId", "croNumber", "upn", "localCaseId", "nomisNumber", "probationCrn"));
        subject.put("nhsNumber", nhsNumber);
        for (Map.Entry<String, String> change : changes.entrySet()) {
            String pointer = change.getKey();
            JsonNode parent = record.at(pointer.substring(0, pointer.lastIndexOf('/')));
            ((ObjectNode) parent).put(pointer.substring(pointer.lastIndexOf('/') + 1), change.getValue());
        }
        return record.toString();
    }
}
