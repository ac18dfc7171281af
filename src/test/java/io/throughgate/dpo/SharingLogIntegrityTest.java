package io.throughgate.dpo;

import static io.throughgate.dpo.SharingLogFixtures.PARTNERSHIP;
import static io.throughgate.dpo.SharingLogFixtures.child;
import static io.throughgate.dpo.SharingLogFixtures.search;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.throughgate.cli.SharingLogCommand;
import io.throughgate.database.HubDatabase;
import io.throughgate.merkle.InclusionProofs;
import io.throughgate.sharinglog.LogVerification;
import io.throughgate.sharinglog.SharingLog;
import io.throughgate.sharinglog.SharingLogLeaf;
import io.throughgate.sharinglog.export.ExportVerification;
import io.throughgate.sharinglog.export.ExportVerifier;
import io.throughgate.testing.DatabaseCells;
import io.throughgate.testing.SqlStatements;
import io.throughgate.testing.TestClients;
import io.throughgate.testing.TestIdentifiers;

/**
 * The sharing log is tamper-evident: every entry has an inclusion proof under a signed checkpoint, and changing any
 * stored entry makes verification fail and name it. Expiry keeps what remains verifiable; nothing in the tables
 * is an identifier or a value.
 */
@QuarkusTest
class SharingLogIntegrityTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    SharingLog log;

    @Inject
    HubDatabase database;

    @Test
    void inclusionProofsVerifyForEveryEntryOfTheLog() throws Exception {
        for (int i = 0; i < 3; i++) {
            SharingLogFixtures.pushRelease(TestIdentifiers.nhsNumber(), "yot-newham");
        }
        JsonNode export = export("{\"limit\": 10000}");
        var key = SharingLogFixtures.publicKey();
        ExportVerification verification = ExportVerifier.verify(export, key);
        assertTrue(verification.verified(), () -> String.join("; ", verification.problems()));
        long treeSize = export.at("/checkpoint/treeSize").asLong();
        assertEquals(treeSize - log.verifier().verify().expired(), export.get("entries").size(),
                "every entry of the log that has not expired");
        byte[] root = Base64.getDecoder().decode(export.at("/checkpoint/rootHash").asText());
        for (JsonNode entry : export.get("entries")) {
            List<byte[]> path = new ArrayList<>();
            entry.get("inclusionProof").forEach(hash -> path.add(Base64.getDecoder().decode(hash.asText())));
            assertTrue(InclusionProofs.verify(entry.get("index").asLong(), treeSize, SharingLogLeaf.hash(entry.get(
                    "leaf").asText()), path, root), "entry " + entry.get("index"));
        }
    }

    @Test
    void theWholeLogVerifiesThroughTheApi() throws Exception {
        SharingLogFixtures.pushRelease(TestIdentifiers.nhsNumber(), "yot-sutton");
        String answer = TestClients.asDpo(PARTNERSHIP).when().post("/v1/sharing-log/verification").then()
                .statusCode(200).extract().asString();
        JsonNode verification = io.throughgate.json.Json
                .parse(answer.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertTrue(verification.path("verified").asBoolean() && verification.path("problems").isEmpty(), answer);
    }

    @ParameterizedTest
    @ValueSource(strings = {"text", "recipient column", "subject row", "leaf hash", "text and leaf hash"})
    void changingAStoredEntryMakesVerificationFailAndNameIt(String change) throws Exception {
        long before = checkpointNow();
        String nhsNumber = TestIdentifiers.nhsNumber();
        SharingLogFixtures.pushRelease(nhsNumber, "yot-bromley");
        long index = search(PARTNERSHIP, child(nhsNumber)).extract().jsonPath().getLong("entries[0].index");
        checkpointNow();
        Row original = row(index);
        try {
            tamper(change, original);
            LogVerification result = log.verifier().verify();
            assertFalse(result.verified(), "verification must fail after changing the " + change);
            LogVerification.Problem first = result.firstFailure().orElseThrow();
            if (change.equals("text and leaf hash")) {
                assertTrue(first.index() >= before && first.index() <= index, first.toString());
                assertTrue(first.problem().contains("to " + index) || first.problem().matches(
                        ".*from \\d+ to \\d+.*"), first.problem());
            } else {
                assertEquals(index, first.index(), first.problem());
                assertTrue(first.problem().startsWith("entry " + index), first.problem());
            }
        } finally {
            restore(original);
        }
        assertTrue(log.verifier().verify().verified(), "restored");
    }

    @Test
    void theVerifyCommandReadsTheDatabaseAndNamesTheFirstEntryThatFails() throws Exception {
        String nhsNumber = TestIdentifiers.nhsNumber();
        SharingLogFixtures.pushRelease(nhsNumber, "yot-hounslow");
        long index = search(PARTNERSHIP, child(nhsNumber)).extract().jsonPath().getLong("entries[0].index");
        checkpointNow();
        assertEquals(0, verifyCommand(new ByteArrayOutputStream()));
        Row original = row(index);
        try {
            tamper("text", original);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertEquals(1, verifyCommand(out));
            String report = out.toString(StandardCharsets.UTF_8);
            assertTrue(report.startsWith("entry " + index + ":"), report);
            assertTrue(report.contains("NOT verified"), report);
        } finally {
            restore(original);
        }
    }

    /** Runs {@code sharing-log verify} on the test's own database. */
    private int verifyCommand(ByteArrayOutputStream out) {
        Config config = ConfigProvider.getConfig();
        String datasource = "quarkus.datasource." + database.kind().datasourceName();
        List<String> args = new ArrayList<>(List.of("verify", "--database-url", config.getValue(datasource
                + ".jdbc.url", String.class), "--database-user", config.getValue(datasource + ".username",
                        String.class)));
        config.getOptionalValue(datasource + ".password", String.class).filter(password -> !password.isBlank())
                .ifPresent(password -> args.addAll(List.of("--database-password", password)));
        return SharingLogCommand.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                System.err);
    }

    @Test
    void expiringOldEntriesKeepsWhatRemainsVerifiable() throws Exception {
        SharingLogFixtures.pushRelease(TestIdentifiers.nhsNumber(), "yot-merton");
        SharingLogFixtures.indexed(log);
        Instant cutoff = Instant.now();
        checkpointNow();
        String nhsNumber = TestIdentifiers.nhsNumber();
        SharingLogFixtures.pushRelease(nhsNumber, "yot-merton");
        SharingLogFixtures.indexed(log);

        int expired = log.retention().expireReceivedBefore(cutoff, Instant.now());

        assertTrue(expired > 0);
        LogVerification result = log.verifier().verify();
        assertTrue(result.verified(), () -> result.problems().toString());
        assertTrue(result.expired() >= expired);
        ExportVerification later = ExportVerifier.verify(export(child(nhsNumber)), SharingLogFixtures.publicKey());
        assertTrue(later.verified() && later.entriesChecked() > 0, () -> later.problems().toString());
    }

    @Test
    void theTablesHoldNoIdentifierAndNoFieldValue() throws Exception {
        String nhsNumber = TestIdentifiers.nhsNumber();
        String recordId = SharingLogFixtures.pushRelease(nhsNumber, "yot-haringey");
        SharingLogFixtures.pushHealthSummary(nhsNumber, "Tablelessvalue clinical note");
        search(PARTNERSHIP, child(nhsNumber)).statusCode(200);
        String marker = "log" + recordId.substring(0, 8);
        List<String> cells = DatabaseCells.everyTextCell(database.dataSource());
        assertTrue(cells.stream().anyMatch(cell -> cell.contains(recordId)), "the entries are there");
        for (String forbidden : List.of(nhsNumber, "A1234BC", marker, "Agar Grove", "NW1 9UG", "07700 900123",
                "Sam Marker", "Tablelessvalue", "Jordan")) {
            assertTrue(cells.stream().noneMatch(cell -> cell.contains(forbidden)), "a table holds " + forbidden);
        }
    }

    private long checkpointNow() throws Exception {
        SharingLogFixtures.indexed(log);
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement statement = connection.prepareStatement("SELECT tree_size FROM sharing_log_head");
                ResultSet row = statement.executeQuery()) {
            row.next();
            long size = row.getLong(1);
            log.checkpoints().covering(size, Instant.now());
            return size;
        }
    }

    private JsonNode export(String criteria) throws Exception {
        String body = TestClients.asDpo(PARTNERSHIP).contentType(ContentType.JSON).body(criteria).when().post(
                "/v1/sharing-log/export").then().statusCode(200).extract().asString();
        return JSON.readTree(body);
    }

    /** An entry's stored columns that the tampering changes. */
    private record Row(long index, String text, String leafHash, String recipient, List<String> subjects) {
    }

    private Row row(long index) throws SQLException {
        try (Connection connection = database.dataSource().getConnection()) {
            String text;
            String leafHash;
            String recipient;
            try (PreparedStatement statement = connection.prepareStatement("SELECT entry_json, leaf_hash, recipient "
                    + "FROM sharing_log_entry WHERE entry_index = ?")) {
                statement.setLong(1, index);
                try (ResultSet row = statement.executeQuery()) {
                    row.next();
                    text = row.getString(1);
                    leafHash = row.getString(2);
                    recipient = row.getString(3);
                }
            }
            List<String> subjects = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT pseudonym FROM sharing_log_subject WHERE entry_index = ?")) {
                statement.setLong(1, index);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        subjects.add(rows.getString(1));
                    }
                }
            }
            return new Row(index, text, leafHash, recipient, subjects);
        }
    }

    private void tamper(String change, Row row) throws SQLException {
        String otherText = row.text().replace(row.recipient(), "yot-croydon");
        switch (change) {
            case "text" -> update("UPDATE sharing_log_entry SET entry_json = ? WHERE entry_index = ?", otherText,
                    row.index());
            case "recipient column" -> update("UPDATE sharing_log_entry SET recipient = ? WHERE entry_index = ?",
                    "yot-croydon", row.index());
            case "subject row" -> update("DELETE FROM sharing_log_subject WHERE pseudonym = ? AND entry_index = ?",
                    row.subjects().get(0), row.index());
            case "leaf hash" -> update("UPDATE sharing_log_entry SET leaf_hash = ? WHERE entry_index = ?", HexFormat
                    .of().formatHex(new byte[32]), row.index());
            case "text and leaf hash" -> {
                update("UPDATE sharing_log_entry SET entry_json = ?, recipient = 'yot-croydon' WHERE entry_index = ?",
                        otherText, row.index());
                update("UPDATE sharing_log_entry SET leaf_hash = ? WHERE entry_index = ?", HexFormat.of().formatHex(
                        SharingLogLeaf.hash(otherText)), row.index());
            }
            default -> throw new IllegalArgumentException(change);
        }
    }

    private void restore(Row row) throws SQLException {
        update("UPDATE sharing_log_entry SET entry_json = ?, leaf_hash = ?, recipient = ? WHERE entry_index = ?",
                row.text(), row.leafHash(), row.recipient(), row.index());
        update("DELETE FROM sharing_log_subject WHERE entry_index = ?", row.index());
        for (String pseudonym : row.subjects()) {
            update("INSERT INTO sharing_log_subject (pseudonym, entry_index) VALUES (?, ?)", pseudonym, row.index());
        }
    }

    private void update(String sql, Object... parameters) throws SQLException {
        SqlStatements.update(database, sql, parameters);
    }
}
