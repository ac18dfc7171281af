package io.throughgate.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import io.throughgate.agreement.AgreementState;
import io.throughgate.agreement.FieldAction;
import io.throughgate.agreement.Flow;
import io.throughgate.agreement.PinnedSchema;
import io.throughgate.agreement.SchemaFieldCatalog;
import io.throughgate.cli.ContractsBootstrap;
import io.throughgate.config.ClockProducer;
import io.throughgate.consent.ConsentAnswer;
import io.throughgate.exchange.GatedRecord;
import io.throughgate.failure.ErrorCode;
import io.throughgate.failure.Result;
import io.throughgate.gate.FieldGate;
import io.throughgate.gate.FieldTransforms;
import io.throughgate.record.RecordType;
import io.throughgate.record.identifier.CroNumber;
import io.throughgate.record.identifier.NhsNumber;
import io.throughgate.record.identifier.NomisNumber;
import io.throughgate.record.identifier.PncId;
import io.throughgate.record.identifier.ProbationCrn;
import io.throughgate.record.identifier.UniquePupilNumber;
import io.throughgate.record.schema.RecordSchemas;
import io.throughgate.record.schema.Violation;
import io.throughgate.testing.ExpectedFields;

/**
 * Coverage-guided fuzz tests of the envelope parser, the validators and the gate. In a plain {@code mvn test} each
 * runs only its seed inputs (Jazzer's regression mode, from {@code HostileInputFuzzTestInputs/}); with
 * {@code JAZZER_FUZZ=1} Jazzer mutates inputs for the {@code maxDuration} of each (see the README).
 *
 * <p>
 * Every input has each {@code ~} replaced by {@link #CANARY}, so that the fuzzer puts a recognisable value wherever
 * it likes; no problem detail or violation reason may ever contain it.
 */
class HostileInputFuzzTest {

    static final String CANARY = "Kanary7Q";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final RecordParser PARSER = new RecordParser();
    private static final ContractsBootstrap CONTRACTS = ContractsBootstrap.load(Path.of("contracts"), List.of(Path.of(
            "certs-dev/ca/ca.crt")), Clock.system(ClockProducer.LONDON));
    private static final RecordSchemas SCHEMAS = RecordSchemas.load(CONTRACTS.contracts());
    private static final Set<ErrorCode> PARSE_FAILURES = Set.of(ErrorCode.MALFORMED_RECORD,
            ErrorCode.RECORD_TOO_LARGE);
    private static final FieldGate GATE = new FieldGate(new MarkingTransforms());
    private static final SchemaFieldCatalog FIELDS = new SchemaFieldCatalog(CONTRACTS.schemas());
    private static final List<Flow> FLOWS = CONTRACTS.agreements().stream().map(AgreementState::agreement)
            .flatMap(Optional::stream).flatMap(agreement -> agreement.flows().stream()).toList();
    private static final List<JsonNode> SAMPLES = samples();
    private static final ExpectedFields EXPECTED = ExpectedFields.shipped();
    private static final String SEALED_SUFFIX = "/encrypted";

    @FuzzTest(maxDuration = "30s")
    @DictionaryEntries({"~", "\"", "{", "}", "[", "]", ":", ",", "\\u", "\\ud800", "1e999", "\"recordId\"",
            "\"subject\"", "\"body\"", "\"type\"", "\"release-notification\"", "\"schemaVersion\"", "\"sender\""})
    void theParserAnswersEveryInputWithARecordOrADocumentedFailure(byte[] input) {
        byte[] body = withCanary(input);
        Result<JsonNode> parsed = PARSER.parse(body);
        parsed.fold(record -> {
            assertTrue(record.isObject());
            // What the schemas say of any well-formed record is a list of violations, never an exception.
            for (Violation violation : SCHEMAS.validate(record)) {
                assertTrue(violation.pointer().isEmpty() || violation.pointer().startsWith("/"));
                assertFalse(violation.reason().contains(CANARY), "the reason echoes the input: " + violation
                        .reason());
            }
            return record;
        }, failure -> {
            assertTrue(PARSE_FAILURES.contains(failure.code()), failure.code().toString());
            assertFalse(failure.message().contains(CANARY), "the detail echoes the input: " + failure.message());
            assertTrue(failure.pointer().isEmpty() || failure.pointer().startsWith("/"), failure.pointer());
            return failure;
        });
    }

    @FuzzTest(maxDuration = "30s")
    void theIdentifierChecksAnswerEveryText(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        boolean nhs = NhsNumber.isValid(text);
        PncId.isValid(text);
        CroNumber.isValid(text);
        NomisNumber.isValid(text);
        ProbationCrn.isValid(text);
        UniquePupilNumber.isValid(text);
        if (nhs) {
            assertTrue(text.matches("[0-9]{10}"), text);
            int sum = 0;
            for (int i = 0; i < 9; i++) {
                sum += (text.charAt(i) - '0') * (10 - i);
            }
            int check = 11 - sum % 11;
            assertNotEquals(10, check);
            assertEquals(check == 11 ? 0 : check, text.charAt(9) - '0');
        }
    }

    @FuzzTest(maxDuration = "30s")
    void theGateLetsThroughOnlyWhatTheRulesAllow(FuzzedDataProvider data) {
        ObjectNode record = SAMPLES.get(data.consumeInt(0, SAMPLES.size() - 1)).deepCopy();
        // Replace some leaves with fuzzed text, and add fields no schema names.
        List<String> leaves = leaves(record, "");
        for (int i = data.consumeInt(0, 4); i > 0; i--) {
            String pointer = leaves.get(data.consumeInt(0, leaves.size() - 1));
            String parent = pointer.substring(0, pointer.lastIndexOf('/'));
            JsonNode holder = parent.isEmpty() ? record : record.at(parent);
            String name = pointer.substring(pointer.lastIndexOf('/') + 1);
            if (holder instanceof ObjectNode object) {
                object.put(name, data.consumeString(40).replace("~", CANARY));
            }
        }
        if (data.consumeBoolean()) {
            ((ObjectNode) record.path("body")).put(data.consumeString(12), CANARY);
        }
        if (!SCHEMAS.validate(record).isEmpty()) {
            return;
        }
        String type = record.path("type").asText();
        boolean consented = data.consumeBoolean();
        for (Flow flow : FLOWS) {
            if (!flow.recordTypes().contains(type)) {
                continue;
            }
            GatedRecord gated = GATE.gate(record, flow, new PinnedSchema(FIELDS, type,
                    RecordType.SCHEMA_VERSION, "fuzz"), "fuzz", CONTRACTS.directory().find("yot-camden").orElseThrow(),
                    purpose -> new ConsentAnswer(consented, Optional.empty(), consented
                            ? "permitted"
                            : "no consent"));
            List<String> went = leaves(gated.value(), "");
            for (String pointer : went) {
                if (!pointer.startsWith("/body/") && !pointer.startsWith("/subject/")) {
                    assertTrue(GatedRecord.ENVELOPE.contains(pointer.substring(1)), "an unknown field went: "
                            + pointer);
                    continue;
                }
                boolean sealed = pointer.endsWith(SEALED_SUFFIX);
                String field = sealed ? pointer.substring(0, pointer.length() - SEALED_SUFFIX.length()) : pointer;
                ExpectedFields.Expected expected = EXPECTED.under(flow.id(), type, field).orElseThrow(
                        () -> new AssertionError(flow.id() + " let a field go that the table withholds: "
                                + pointer));
                assertTrue(expected.consent().isEmpty() || consented, flow.id() + " let " + pointer
                        + " go without consent");
                assertEquals(expected.action() == FieldAction.ENCRYPT, sealed, flow.id() + " " + pointer);
                JsonNode value = gated.value().at(pointer);
                switch (expected.action()) {
                    case SHARE -> assertEquals(record.at(pointer), value, pointer);
                    case PSEUDONYMISE -> assertEquals(MarkingTransforms.PSEUDONYM, value.asText(), pointer);
                    case GENERALISE -> assertEquals(MarkingTransforms.GENERALISED, value.asText(), pointer);
                    case ENCRYPT -> assertEquals(MarkingTransforms.SEALED, value.asText(), pointer);
                    case WITHHOLD -> throw new AssertionError("the table lists only what leaves: " + pointer);
                }
            }
            // And nothing the table lets leave is held back.
            for (String pointer : leaves(record, "")) {
                EXPECTED.under(flow.id(), type, pointer).filter(expected -> expected.consent().isEmpty() || consented)
                        .ifPresent(expected -> assertTrue(went.contains(expected.action() == FieldAction.ENCRYPT
                                ? pointer + SEALED_SUFFIX
                                : pointer), flow.id() + " held back " + pointer));
                encryptedAbove(flow.id(), type, pointer).filter(expected -> consented).ifPresent(
                        expected -> assertTrue(went.contains(expected.field() + SEALED_SUFFIX), flow.id()
                                + " did not seal " + expected.field()));
            }
        }
    }

    /** The table's row that encrypts a container this leaf lies in, if any. */
    private static Optional<ExpectedFields.Expected> encryptedAbove(String flow, String type, String pointer) {
        for (int slash = pointer.lastIndexOf('/'); slash > 0; slash = pointer.lastIndexOf('/', slash - 1)) {
            Optional<ExpectedFields.Expected> row = EXPECTED.under(flow, type, pointer.substring(0, slash)).filter(
                    expected -> expected.action() == FieldAction.ENCRYPT);
            if (row.isPresent()) {
                return row;
            }
        }
        return Optional.empty();
    }

    private static List<String> leaves(JsonNode node, String pointer) {
        List<String> leaves = new ArrayList<>();
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
                Map.Entry<String, JsonNode> field = fields.next();
                leaves.addAll(leaves(field.getValue(), pointer + "/" + field.getKey()));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                leaves.addAll(leaves(node.get(i), pointer + "/" + i));
            }
        } else {
            leaves.add(pointer);
        }
        return leaves;
    }

    private static byte[] withCanary(byte[] input) {
        List<Byte> bytes = new ArrayList<>();
        byte[] canary = CANARY.getBytes(StandardCharsets.US_ASCII);
        for (byte b : input) {
            if (b == '~') {
                for (byte c : canary) {
                    bytes.add(c);
                }
            } else {
                bytes.add(b);
            }
        }
        byte[] body = new byte[bytes.size()];
        for (int i = 0; i < body.length; i++) {
            body[i] = bytes.get(i);
        }
        return body;
    }

    private static List<JsonNode> samples() {
        try (var types = Files.list(Path.of("contracts/samples"))) {
            List<JsonNode> samples = new ArrayList<>();
            for (Path type : types.sorted().toList()) {
                try (var files = Files.list(type.resolve("valid"))) {
                    for (Path file : files.sorted().toList()) {
                        samples.add(JSON.readTree(file.toFile()));
                    }
                }
            }
            return List.copyOf(samples);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Transforms that mark what they did, so the test sees which rule each leaf went under. */
    private static final class MarkingTransforms implements FieldTransforms {

        static final String PSEUDONYM = "pseudonymised";
        static final String GENERALISED = "generalised";
        static final String SEALED = "sealed";

        @Override
        public Optional<String> pseudonymise(String domain, String field, JsonNode value) {
            return Optional.of(PSEUDONYM);
        }

        @Override
        public Optional<JsonNode> generalise(JsonNode value, io.throughgate.agreement.Generalisation how) {
            return Optional.of(TextNode.valueOf(GENERALISED));
        }

        @Override
        public Optional<String> encrypt(JsonNode value, io.throughgate.directory.Agency recipient, String recordId,
                String pointer) {
            return Optional.of(SEALED);
        }

        @Override
        public String recordId(String domain, String recordId) {
            return "00000000-0000-8000-8000-000000000000";
        }
    }
}
