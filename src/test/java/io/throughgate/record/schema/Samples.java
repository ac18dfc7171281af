package io.throughgate.record.schema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.throughgate.contract.ContractFiles;

/** The shipped schemas, compiled once for all tests, and the sample records of {@code contracts/samples}. */
final class Samples {

    static final Path CONTRACTS = Path.of("contracts");
    static final Path ROOT = CONTRACTS.resolve("samples");
    static final ObjectMapper JSON = new ObjectMapper();
    static final RecordSchemas SCHEMAS = RecordSchemas.load(new ContractFiles(CONTRACTS));

    private Samples() {
    }

    /** Every sample file of one kind ({@code valid} or {@code invalid}), as paths relative to the samples folder. */
    static List<Path> files(String kind) {
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(file -> file.getParent().getFileName().toString().equals(kind))
                    .filter(file -> file.getFileName().toString().endsWith(".json")).map(ROOT::relativize).sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode read(Path relative) {
        try {
            return JSON.readTree(ROOT.resolve(relative).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The record type folder a sample lies in, e.g. {@code release-notification}. */
    static String typeOf(Path relative) {
        return relative.getName(0).toString();
    }
}
