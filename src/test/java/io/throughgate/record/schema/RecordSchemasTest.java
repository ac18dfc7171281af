package io.throughgate.record.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.throughgate.contract.ContractFiles;
import io.throughgate.contract.InvalidContractException;

class RecordSchemasTest {

    private static final Path VALID_RELEASE = Path.of("release-notification", "valid",
            "01-wetherby-dto-midpoint-to-hackney.json");

    private static ObjectNode release() {
        return (ObjectNode) Samples.read(VALID_RELEASE);
    }

    @Test
    void reportsUnknownTypeAtTypeOnly() {
        ObjectNode record = release();
        record.put("type", "release-notice");
        assertEquals(List.of(new Violation("/type", "must be one of: placement-information, custody-admission, "
                + "planning-meeting, pathway-update, health-summary, rotl-event, release-notification, transfer, "
                + "transition-to-adult-services")), Samples.SCHEMAS.validate(record));
    }

    @Test
    void reportsMissingTypeAsRequired() {
        ObjectNode record = release();
        record.remove("type");
        assertEquals(List.of(new Violation("/type", "is required")), Samples.SCHEMAS.validate(record));
    }

    @Test
    void checksTheEnvelopeOfARecordOfUnknownType() {
        ObjectNode record = release();
        record.put("type", "court-result");
        record.remove("sender");
        record.put("occurredAt", "yesterday");
        assertEquals(List.of("/occurredAt", "/sender", "/type"),
                Samples.SCHEMAS.validate(record).stream().map(Violation::pointer).toList());
    }

    @Test
    void reportsTypeGivenAsANumberOnceAsAWrongJsonType() {
        ObjectNode record = release();
        record.put("type", 7);
        assertEquals(List.of(new Violation("/type", "must be of JSON type string")), Samples.SCHEMAS.validate(record));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "\"record\"", "42", "null"})
    void reportsARecordThatIsNotAnObjectAtTheRoot(String json) throws IOException {
        assertEquals(List.of(new Violation("", "must be of JSON type object")),
                Samples.SCHEMAS.validate(Samples.JSON.readTree(json)));
    }

    @Test
    void namesTheMissingFieldAndTheUnknownFieldByTheirOwnPointers() {
        ObjectNode record = release();
        ((ObjectNode) record.get("body")).remove("supervisingYot");
        ((ObjectNode) record.get("body").get("appointmentsBooked").get(1)).put("room", "3");
        assertEquals(List.of(new Violation("/body/appointmentsBooked/1/room", "is not allowed (unknown field)"),
                new Violation("/body/supervisingYot", "is required")), Samples.SCHEMAS.validate(record));
    }

    @Test
    void explainsABrokenIdentifierByItsRule() {
        ObjectNode record = release();
        ((ObjectNode) record.get("subject")).put("nhsNumber", "9993909964");
        assertEquals(List.of(new Violation("/subject/nhsNumber",
                "must be a valid NHS number (10 digits, correct check digit)")), Samples.SCHEMAS.validate(record));
    }

    @Test
    void reportsAnOverlongValueByItsLengthOnly() {
        ObjectNode record = release();
        ((ObjectNode) record.get("subject")).put("nhsNumber", "99939099630");
        assertEquals(List.of(new Violation("/subject/nhsNumber", "must be at most 10 characters long")),
                Samples.SCHEMAS.validate(record));
    }

    @Test
    void requiresTheAddressWhenTheConfirmationDateIsGiven() {
        ObjectNode record = release();
        ((ObjectNode) record.get("body")).remove("releaseAddress");
        assertEquals(List.of(new Violation("/body/releaseAddress", "is required when addressConfirmedOn is given")),
                Samples.SCHEMAS.validate(record));
    }

    @Test
    void reportsOnlyTheMissingPathwayOfAPathwayUpdate() {
        ObjectNode record = (ObjectNode) Samples.read(Path.of("pathway-update", "valid",
                "01-accommodation-confirmed.json"));
        ((ObjectNode) record.get("body")).remove("pathway");
        assertEquals(List.of(new Violation("/body/pathway", "is required")), Samples.SCHEMAS.validate(record));
    }

    @Test
    void validatesTheSameFromManyThreads() throws Exception {
        List<JsonNode> records = Samples.files("invalid").stream().map(Samples::read).toList();
        List<List<Violation>> expected = records.stream().map(Samples.SCHEMAS::validate).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<List<Violation>>>> runs = IntStream.range(0, 8)
                    .mapToObj(run -> pool.submit(() -> records.stream().map(Samples.SCHEMAS::validate).toList()))
                    .toList();
            for (Future<List<List<Violation>>> run : runs) {
                assertEquals(expected, run.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void refusesASchemaFileThatDeclaresAnotherId(@TempDir Path contracts) throws IOException {
        copySchemas(contracts);
        Path transfer = contracts.resolve("schemas/records/transfer.v1.schema.json");
        Files.writeString(transfer, Files.readString(transfer).replace("urn:throughgate:schema:transfer:1",
                "urn:throughgate:schema:transfer:2"));
        InvalidContractException problem = assertThrows(InvalidContractException.class,
                () -> RecordSchemas.load(new ContractFiles(contracts)));
        assertEquals(1, problem.problems().size());
        assertEquals("schemas/records/transfer.v1.schema.json", problem.problems().get(0).file());
        assertTrue(problem.getMessage().contains("$id must be urn:throughgate:schema:transfer:1"));
    }

    @Test
    void refusesMissingAndMalformedSchemaFilesListingEach(@TempDir Path contracts) throws IOException {
        copySchemas(contracts);
        Files.delete(contracts.resolve("schemas/records/rotl-event.v1.schema.json"));
        Files.writeString(contracts.resolve("schemas/records/transfer.v1.schema.json"), "{\n  \"$id\": ");
        InvalidContractException problem = assertThrows(InvalidContractException.class,
                () -> RecordSchemas.load(new ContractFiles(contracts)));
        assertEquals(List.of("schemas/records/rotl-event.v1.schema.json", "schemas/records/transfer.v1.schema.json"),
                problem.problems().stream().map(one -> one.file()).toList());
    }

    private static void copySchemas(Path contracts) throws IOException {
        Path source = Samples.CONTRACTS.resolve("schemas");
        try (var files = Files.walk(source)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = contracts.resolve("schemas").resolve(source.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
    }
}
