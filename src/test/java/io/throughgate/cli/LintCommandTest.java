package io.throughgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lint-contracts} checks the timeliness milestones and the disclosure rules with the other contracts. */
class LintCommandTest {

    @Test
    void theShippedContractsHaveNoProblem() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = LintCommand.run(new String[0], new PrintStream(out), new PrintStream(new ByteArrayOutputStream()));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, status, printed);
        assertTrue(printed.contains("6 timeliness milestones, 0 problems"), printed);
    }

    @Test
    void aMilestoneNamingAFieldNoSchemaHasIsAProblemWithItsLine(@TempDir Path copy) throws IOException {
        copyContracts(copy);
        Path timeliness = copy.resolve("timeliness.yaml");
        Files.writeString(timeliness, Files.readString(timeliness).replace("date: /body/addressConfirmedOn",
                "date: /body/addressAgreedOn"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = LintCommand.run(new String[]{"--contracts", copy.toString()}, new PrintStream(out),
                new PrintStream(new ByteArrayOutputStream()));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(1, status, printed);
        int line = Files.readAllLines(timeliness).indexOf("        date: /body/addressAgreedOn") + 1;
        assertTrue(printed.contains("timeliness.yaml:" + line + ", milestone accommodation-confirmed: field "
                + "/body/addressAgreedOn is not in the schema of release-notification"), printed);
    }

    /** A borough left out of the extract's sub-regions could only be generalised to London as a whole. */
    @Test
    void aBoroughWithoutASubRegionIsAProblem(@TempDir Path copy) throws IOException {
        copyContracts(copy);
        Path disclosure = copy.resolve("disclosure.yaml");
        Files.writeString(disclosure, Files.readString(disclosure).replace("north: [yot-barnet, yot-enfield, "
                + "yot-haringey]", "north: [yot-barnet, yot-haringey]"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = LintCommand.run(new String[]{"--contracts", copy.toString()}, new PrintStream(out),
                new PrintStream(new ByteArrayOutputStream()));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(1, status, printed);
        assertTrue(printed.contains("disclosure.yaml: extract.subRegions names no sub-region for yot-enfield"),
                printed);
    }

    /** A draft in the next version's folder is compared with the version in force, and a widening is refused. */
    @Test
    void comparesTheNextVersionWithTheOneInForce(@TempDir Path copy) throws IOException {
        copyContracts(copy);
        Path inForce = copy.resolve("agreements/london-resettlement-direct-care/v3/agreement.yaml");
        Path draft = copy.resolve("agreements/london-resettlement-direct-care/v4/agreement.yaml");
        Files.createDirectories(draft.getParent());
        String ycsRules = "      /subject/nomisNumber: share\n      /subject/dateOfBirth: generalise:year-month\n";
        Files.writeString(draft, Files.readString(inForce).replace("version: 3", "version: 4").replace(ycsRules,
                ycsRules + "      /subject/gender: share\n      /body/licenceConditions: share\n"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = LintCommand.run(new String[]{"--contracts", copy.toString(), "--compare",
                "london-resettlement-direct-care"}, new PrintStream(out), new PrintStream(new ByteArrayOutputStream()));
        String printed = out.toString(StandardCharsets.UTF_8);

        assertEquals(1, status, printed);
        assertTrue(
                printed.contains("agreement london-resettlement-direct-care version 4: unsigned: no party has signed"),
                printed);
        assertTrue(printed.contains("compare agreements/london-resettlement-direct-care/v4/agreement.yaml with "
                + "london-resettlement-direct-care version 3 in force: "), printed);
        assertTrue(printed.contains("  flow release-to-ycs-placements, release-notification /subject/gender: newly "
                + "released (nothing -> share)\n"), printed);
        int line = Files.readAllLines(draft).lastIndexOf("      /body/licenceConditions: share") + 1;
        assertTrue(printed.contains("agreements/london-resettlement-direct-care/v4/agreement.yaml:" + line
                + ", flow release-to-ycs-placements, field /body/licenceConditions: the draft widens the sharing of "
                + "/body/licenceConditions"), printed);
    }

    private static void copyContracts(Path target) throws IOException {
        Path source = Path.of("contracts");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path to = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(file, to);
                }
            }
        }
    }
}
