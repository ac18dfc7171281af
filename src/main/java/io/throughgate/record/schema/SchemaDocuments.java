package io.throughgate.record.schema;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.throughgate.contract.ContractFiles;
import io.throughgate.contract.ContractProblem;
import io.throughgate.contract.InvalidContractException;
import io.throughgate.record.RecordType;

/**
 * The schema files read from the contracts folder and parsed, keyed by their {@code $id}. Reading fails with every
 * problem listed (unreadable file, not JSON, wrong {@code $id}), so one start-up attempt shows all of them.
 *
 * @param byId every schema document by its {@code $id}, common and envelope first, then the record types in
 *        {@link RecordType} order
 */
record SchemaDocuments(Map<String, JsonNode> byId) {

    /** The shared definitions' file and {@code $id}. */
    static final String COMMON_FILE = "schemas/common.schema.json";
    static final String COMMON_ID = "urn:throughgate:schema:common:1";
    /** The envelope's file and {@code $id}. */
    static final String ENVELOPE_FILE = "schemas/envelope.schema.json";
    static final String ENVELOPE_ID = "urn:throughgate:schema:envelope:1";

    SchemaDocuments {
        byId = Map.copyOf(byId);
    }

    /** The document with this {@code $id}; it exists for the common, envelope and every record type's id. */
    JsonNode get(String id) {
        JsonNode document = byId.get(id);
        if (document == null) {
            throw new IllegalArgumentException("no schema document has $id " + id);
        }
        return document;
    }

    /** Reads and parses the common, envelope and every record type's schema. */
    static SchemaDocuments read(ContractFiles contracts, ObjectMapper json) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(COMMON_ID, COMMON_FILE);
        files.put(ENVELOPE_ID, ENVELOPE_FILE);
        for (RecordType type : RecordType.values()) {
            files.put(type.schemaId(), type.schemaFile());
        }
        Map<String, JsonNode> documents = new LinkedHashMap<>();
        List<ContractProblem> problems = new ArrayList<>();
        files.forEach((id, file) -> {
            try {
                JsonNode document = json.readTree(new String(contracts.read(file), StandardCharsets.UTF_8));
                String declared = document.path("$id").asText("");
                if (!declared.equals(id)) {
                    problems.add(new ContractProblem(file, 0, "", "$id must be " + id + " but is '" + declared + "'"));
                }
                documents.put(id, document);
            } catch (JsonProcessingException e) {
                problems.add(new ContractProblem(file, e.getLocation() == null ? 0 : e.getLocation().getLineNr(), "",
                        "not valid JSON: " + e.getOriginalMessage()));
            } catch (UncheckedIOException e) {
                problems.add(new ContractProblem(file, 0, "", "cannot be read: " + e.getMessage()));
            }
        });
        if (!problems.isEmpty()) {
            throw new InvalidContractException(problems);
        }
        return new SchemaDocuments(documents);
    }
}
