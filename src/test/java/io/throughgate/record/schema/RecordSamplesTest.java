package io.throughgate.record.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.throughgate.record.RecordType;

/** The samples of {@code contracts/samples}: valid ones pass, invalid ones fail exactly where expected.yaml says. */
class RecordSamplesTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    static List<Path> validSamples() {
        return Samples.files("valid");
    }

    static List<Path> invalidSamples() {
        return Samples.files("invalid");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validSamples")
    void acceptsValidSample(Path sample) {
        JsonNode record = Samples.read(sample);
        assertEquals(List.of(), Samples.SCHEMAS.validate(record));
        assertEquals(Samples.typeOf(sample), record.get("type").asText(), "sample lies in its type's folder");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidSamples")
    void rejectsInvalidSampleAtExactlyTheExpectedPointers(Path sample) throws IOException {
        List<String> pointers = Samples.SCHEMAS.validate(Samples.read(sample)).stream().map(Violation::pointer)
                .sorted().toList();
        assertEquals(expected(sample.getParent()).get(sample.getFileName().toString()), pointers,
                () -> "violations: " + Samples.SCHEMAS.validate(Samples.read(sample)));
    }

    @Test
    void everyRecordTypeHasTwoValidAndThreeInvalidSamples() {
        for (RecordType type : RecordType.values()) {
            long valid = validSamples().stream().filter(sample -> Samples.typeOf(sample).equals(type.code())).count();
            long invalid = invalidSamples().stream().filter(sample -> Samples.typeOf(sample).equals(type.code()))
                    .count();
            assertTrue(valid >= 2 && invalid >= 3, type.code() + ": " + valid + " valid, " + invalid + " invalid");
        }
    }

    @Test
    void expectedYamlNamesExactlyTheInvalidSamplesBesideIt() throws IOException {
        for (RecordType type : RecordType.values()) {
            Path folder = Path.of(type.code(), "invalid");
            Set<String> files;
            try (Stream<Path> listing = Files.list(Samples.ROOT.resolve(folder))) {
                files = listing.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".json"))
                        .collect(Collectors.toSet());
            }
            assertEquals(files, expected(folder).keySet(), type.code());
        }
    }

    /** expected.yaml: invalid file name to its sorted list of violation pointers. */
    private static Map<String, List<String>> expected(Path invalidFolder) throws IOException {
        JsonNode document = YAML.readTree(Samples.ROOT.resolve(invalidFolder).resolve("expected.yaml").toFile());
        Map<String, List<String>> expected = new TreeMap<>();
        document.fields().forEachRemaining(entry -> {
            List<String> pointers = new ArrayList<>();
            entry.getValue().forEach(pointer -> pointers.add(pointer.asText()));
            expected.put(entry.getKey(), pointers.stream().sorted().toList());
        });
        return expected;
    }

    @Test
    void samplesFolderHasAFolderPerRecordTypeAndNoOther() throws IOException {
        try (Stream<Path> folders = Files.list(Samples.ROOT)) {
            assertEquals(Arrays.stream(RecordType.values()).map(RecordType::code).collect(Collectors.toSet()),
                    folders.map(folder -> folder.getFileName().toString()).collect(Collectors.toSet()));
        }
    }
}
