package io.throughgate.dpo;

import static io.throughgate.dpo.SharingLogFixtures.PARTNERSHIP;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.throughgate.cli.SharingLogCommand;
import io.throughgate.database.HubDatabase;
import io.throughgate.merkle.ConsistencyProofs;
import io.throughgate.merkle.MerkleFrontier;
import io.throughgate.sharinglog.LogVerification;
import io.throughgate.sharinglog.SharingLog;
import io.throughgate.sharinglog.SharingLogLeaf;
import io.throughgate.sharinglog.checkpoint.Checkpoint;
import io.throughgate.sharinglog.checkpoint.LogSigningKey;
import io.throughgate.sharinglog.checkpoint.SignedCheckpoint;
import io.throughgate.testing.SqlStatements;
import io.throughgate.testing.TestClients;
import io.throughgate.testing.TestIdentifiers;

/**
 * Someone who can write the database rewrites an entry a signed checkpoint covers, recomputing its leaf hash and the
 * head's frontier so that the database agrees with itself. The hub refuses to sign the next checkpoint (and is not
 * ready, saying why), the whole-log verification names the rewritten range, and a witness holding the earlier
 * checkpoint sees a split when shown a later one signed over the rewritten log.
 */
@QuarkusTest
class SharingLogConsistencyTest {

    private static final Path STATE = Path.of("target/witness/witness-checkpoint.txt");

    @Inject
    SharingLog log;

    @Inject
    HubDatabase database;

    @Test
    void aRewrittenEntryIsCaughtBeforeSigningByVerificationAndByTheWitness() throws Exception {
        Files.createDirectories(STATE.getParent());
        Files.deleteIfExists(STATE);
        String nhsNumber = TestIdentifiers.nhsNumber();
        SharingLogFixtures.pushRelease(nhsNumber, "yot-lambeth");
        long index = SharingLogFixtures.search(PARTNERSHIP, SharingLogFixtures.child(nhsNumber)).extract().jsonPath()
                .getLong("entries[0].index");
        long signedSize = checkpointNow().orElseThrow().checkpoint().treeSize();
        assertEquals(0, witness(new ByteArrayOutputStream()), "the witness keeps the genuine checkpoint");
        Stored original = stored(index);
        try {
            rewrite(original);
            SharingLogFixtures.pushRelease(TestIdentifiers.nhsNumber(), "yot-lambeth");

            assertEquals(Optional.empty(), checkpointNow(), "no checkpoint is signed over the rewritten log");
            assertEquals(signedSize, log.checkpoints().latest().orElseThrow().checkpoint().treeSize());
            TestClients.anonymous().when().get("/q/health/ready").then().statusCode(503).body(containsString(
                    "contradicts a signed checkpoint"));

            LogVerification verification = log.verifier().verify();
            assertTrue(!verification.verified() && verification.firstFailure().orElseThrow().index() <= index,
                    verification.problems()::toString);

            // A hub that signed anyway (as before this check) would show the witness a later checkpoint.
            signOverTheRewrittenLog();
            ByteArrayOutputStream said = new ByteArrayOutputStream();
            assertEquals(1, witness(said), "the witness raises the alarm");
            assertTrue(said.toString(StandardCharsets.UTF_8).contains("SPLIT"), said::toString);
            assertEquals(signedSize, SignedCheckpoint.parse(Files.readString(STATE)).checkpoint().treeSize(),
                    "the witness keeps what it saw before");
        } finally {
            restore(original);
        }
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> checkpointNow().isPresent());
        TestClients.asDpo(PARTNERSHIP).when().post("/v1/sharing-log/verification").then().statusCode(200).body(
                "verified", equalTo(true));
        assertEquals(0, witness(new ByteArrayOutputStream()), "consistent again once restored");
    }

    @Test
    void aCheckpointRemovedFromTheDatabaseIsMissedAgainstTheOneKeptOnKafka() throws Exception {
        SharingLogFixtures.pushRelease(TestIdentifiers.nhsNumber(), "yot-lambeth");
        long size = checkpointNow().orElseThrow().checkpoint().treeSize();
        Optional<Object[]> removed = checkpointRow(size);
        try {
            update("DELETE FROM sharing_log_checkpoint WHERE tree_size = ?", size);

            LogVerification verification = log.verifier().verify();
            assertTrue(verification.problems().stream().anyMatch(problem -> problem.problem().equals("the database "
                    + "lacks the checkpoint of tree size " + size + " kept outside it: checkpoints were removed")),
                    verification.problems()::toString);
            SharingLogFixtures.pushRelease(TestIdentifiers.nhsNumber(), "yot-lambeth");
            assertEquals(Optional.empty(), checkpointNow(), "nothing is signed while checkpoints are missing");
        } finally {
            update("INSERT INTO sharing_log_checkpoint (tree_size, root_hash, issued_at, note, frontier) VALUES (?, ?, "
                    + "?, ?, ?)", removed.orElseThrow());
        }
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> checkpointNow().isPresent());
        assertTrue(log.verifier().verify().verified());
    }

    @Test
    void consistencyProofsBetweenTwoCheckpointsVerifyAndBadSizesAreRefused() throws Exception {
        SharingLogFixtures.pushRelease(TestIdentifiers.nhsNumber(), "yot-lambeth");
        Checkpoint first = checkpointNow().orElseThrow().checkpoint();
        SharingLogFixtures.pushRelease(TestIdentifiers.nhsNumber(), "yot-lambeth");
        Checkpoint second = checkpointNow().orElseThrow().checkpoint();

        List<String> proof = TestClients.as("yot-camden").when().get("/v1/sharing-log/proofs/consistency?from="
                + first.treeSize() + "&to=" + second.treeSize()).then().statusCode(200).extract().jsonPath()
                .getList("proof", String.class);
        assertTrue(ConsistencyProofs.verify(first.treeSize(), second.treeSize(), first.rootHash(), second.rootHash(),
                proof.stream().map(hash -> Base64.getDecoder().decode(hash)).toList()));

        for (String query : List.of("from=0&to=" + second.treeSize(), "from=x&to=" + second.treeSize(), "to=1",
                "from=" + second.treeSize() + "&to=" + first.treeSize(), "from=1&to=" + (second.treeSize() + 1000))) {
            TestClients.as("yot-camden").when().get("/v1/sharing-log/proofs/consistency?" + query).then()
                    .statusCode(400).contentType("application/problem+json").body("code", equalTo("invalid-request"));
        }
    }

    private Optional<Object[]> checkpointRow(long size) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT tree_size, root_hash, issued_at, note, "
                        + "frontier FROM sharing_log_checkpoint WHERE tree_size = ?")) {
            select.setLong(1, size);
            try (ResultSet row = select.executeQuery()) {
                return row.next()
                        ? Optional.of(new Object[]{row.getLong(1), row.getString(2), row.getObject(3,
                                java.time.OffsetDateTime.class), row.getString(4), row.getString(5)})
                        : Optional.empty();
            }
        }
    }

    private record Stored(long index, String text, String leafHash) {
    }

    private Optional<SignedCheckpoint> checkpointNow() throws Exception {
        SharingLogFixtures.indexed(log);
        return log.checkpoints().covering(head().size(), Instant.now());
    }

    private int witness(ByteArrayOutputStream out) {
        return SharingLogCommand.run(new String[]{"witness", "--hub", TestClients.baseUri(), "--state", STATE
                .toString()}, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true,
                        StandardCharsets.UTF_8));
    }

    /** Changes an entry's text and leaf hash together, and recomputes the head from every leaf. */
    private void rewrite(Stored entry) throws Exception {
        String rewritten = entry.text().replace("yot-lambeth", "yot-croydon");
        update("UPDATE sharing_log_entry SET entry_json = ?, recipient = 'yot-croydon', leaf_hash = ? WHERE "
                + "entry_index = ?", rewritten, HexFormat.of().formatHex(SharingLogLeaf.hash(rewritten)),
                entry
                        .index());
        recomputeHead();
    }

    private void restore(Stored entry) throws Exception {
        update("UPDATE sharing_log_entry SET entry_json = ?, recipient = 'yot-lambeth', leaf_hash = ? WHERE "
                + "entry_index = ?", entry.text(), entry.leafHash(), entry.index());
        update("DELETE FROM sharing_log_checkpoint WHERE tree_size = ?", forgedSize);
        recomputeHead();
    }

    /** The tree size of the checkpoint signed over the rewritten log, once there is one. */
    private long forgedSize = -1;

    /** Stores a checkpoint signed with the hub's log key over the rewritten head, as a hub without the check would. */
    private void signOverTheRewrittenLog() throws Exception {
        MerkleFrontier head = head();
        LogSigningKey key = LogSigningKey.load(Path.of("certs-dev/hub/sharing-log.key"), Path.of(
                "certs-dev/hub/sharing-log.crt"), log.origin());
        SignedCheckpoint forged = key.sign(new Checkpoint(log.origin(), head.size(), head.root(), Instant.now()));
        forgedSize = head.size();
        update("INSERT INTO sharing_log_checkpoint (tree_size, root_hash, issued_at, note, frontier) VALUES (?, ?, ?, "
                + "?, ?)", head.size(), HexFormat.of().formatHex(head.root()), java.time.OffsetDateTime.now(),
                forged
                        .note(),
                head.encode());
    }

    private void recomputeHead() throws SQLException {
        MerkleFrontier frontier = new MerkleFrontier();
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT leaf_hash FROM sharing_log_entry "
                        + "ORDER BY entry_index");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                frontier.append(HexFormat.of().parseHex(rows.getString(1)));
            }
        }
        update("UPDATE sharing_log_head SET tree_size = ?, frontier = ? WHERE id = 1", frontier.size(), frontier
                .encode());
    }

    private MerkleFrontier head() throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT tree_size, frontier FROM "
                        + "sharing_log_head");
                ResultSet row = select.executeQuery()) {
            row.next();
            return MerkleFrontier.decode(row.getLong(1), row.getString(2));
        }
    }

    private Stored stored(long index) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT entry_json, leaf_hash FROM "
                        + "sharing_log_entry WHERE entry_index = ?")) {
            select.setLong(1, index);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return new Stored(index, row.getString(1), row.getString(2));
            }
        }
    }

    private void update(String sql, Object... parameters) throws SQLException {
        SqlStatements.update(database, sql, parameters);
    }
}
