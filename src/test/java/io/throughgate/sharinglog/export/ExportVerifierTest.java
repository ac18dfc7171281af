package io.throughgate.sharinglog.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.throughgate.sharinglog.checkpoint.LogVerifyingKey;
import io.throughgate.sharinglog.checkpoint.TestLogKeys;

class ExportVerifierTest {

    @TempDir
    Path folder;
    ExportFixture.Export export;
    LogVerifyingKey key;

    @BeforeEach
    void create() throws IOException {
        export = ExportFixture.create(folder);
        key = export.key().verifyingKey();
    }

    @Test
    void untamperedExportVerifies() {
        ExportVerification verification = ExportVerifier.verify(export.document(), key);

        assertEquals(new ExportVerification(true, 2, 5, List.of()), verification);
    }

    @Test
    void oneChangedCharacterOfALeafIsCaughtAndNamed() {
        ObjectNode entry = export.entry(1);
        entry.put("leaf", entry.get("leaf").asText().replace("health-nhse-health-justice",
                "health-nhse-health-justicE"));

        ExportVerification verification = ExportVerifier.verify(export.document(), key);

        assertFalse(verification.verified());
        assertEquals(3, verification.problems().size(), verification.problems().toString());
        assertTrue(verification.problems().get(0).startsWith("entry 3: leafHash does not match the hash of leaf"),
                verification.problems().get(0));
        assertEquals("entry 3: the inclusion proof does not lead from the leaf to the checkpoint's root hash at tree "
                + "size 5", verification.problems().get(1));
        assertEquals("entry 3: entry differs from the parsed leaf", verification.problems().get(2));
    }

    @Test
    void changedEntryIsCaughtAndNamed() {
        ((ObjectNode) export.entry(0).get("entry")).put("recipient", "yoi-wetherby");

        assertEquals(List.of("entry 1: entry differs from the parsed leaf"), problems());
    }

    @Test
    void changedProofHashIsCaughtAndNamed() {
        ArrayNode proof = (ArrayNode) export.entry(0).get("inclusionProof");
        byte[] hash = Base64.getDecoder().decode(proof.get(1).asText());
        hash[0] ^= 1;
        proof.set(1, Base64.getEncoder().encodeToString(hash));

        assertEquals(List.of("entry 1: the inclusion proof does not lead from the leaf to the checkpoint's root hash "
                + "at tree size 5"), problems());
    }

    @Test
    void truncatedProofIsCaughtAndNamed() {
        ((ArrayNode) export.entry(1).get("inclusionProof")).remove(2);

        assertEquals(List.of("entry 3: the inclusion proof does not lead from the leaf to the checkpoint's root hash "
                + "at tree size 5"), problems());
    }

    @Test
    void changedNoteIsCaughtByItsSignature() {
        ObjectNode checkpoint = export.checkpoint();
        checkpoint.put("note", checkpoint.get("note").asText().replace("time 2026-11-22T09:59:50Z",
                "time 2026-11-22T09:59:51Z"));

        List<String> problems = problems();

        assertTrue(problems.get(0).startsWith("checkpoint: the note's signature does not verify with the given "
                + "public key"), problems.toString());
        assertEquals("checkpoint: issuedAt \"2026-11-22T09:59:50Z\" is not what the signed note says "
                + "(2026-11-22T09:59:51Z)", problems.get(1));
        assertEquals(2, problems.size(), problems.toString());
    }

    @Test
    void anotherKeyIsCaught() throws IOException {
        LogVerifyingKey other = TestLogKeys.write(folder, "other").load().verifyingKey();

        ExportVerification verification = ExportVerifier.verify(export.document(), other);

        String keyId = export.checkpoint().get("keyId").asText();
        String otherKeyId = HexFormat.of().formatHex(other.keyId("throughgate/sharing-log"));
        assertEquals(List.of("checkpoint: the note's signature does not verify with the given public key (key "
                + "throughgate/sharing-log " + keyId + "; this public key's id under that name is " + otherKeyId
                + ")"), verification.problems());
    }

    @Test
    void checkpointMemberThatDiffersFromTheNoteIsCaught() {
        export.checkpoint().put("treeSize", 6);

        assertEquals(List.of("checkpoint: treeSize 6 is not what the signed note says (5)"), problems());
    }

    @Test
    void unknownFormatIsRefused() {
        export.document().put("format", "throughgate-sharing-log-export/2");

        assertEquals(List.of("unknown format \"throughgate-sharing-log-export/2\"; this verifier reads "
                + "throughgate-sharing-log-export/1"), problems());
    }

    @Test
    void missingEntriesAreNamed() {
        export.document().remove("entries");

        assertEquals(List.of("missing member entries"), problems());
    }

    @Test
    void missingCheckpointLeavesTheEntriesUnproven() {
        export.document().remove("checkpoint");

        assertEquals(List.of("missing member checkpoint", "the entries cannot be proven without a readable signed "
                + "checkpoint"), problems());
    }

    @Test
    void missingMembersOfAnEntryAreNamed() {
        export.entry(1).remove("inclusionProof");
        export.entry(0).remove("entry");

        assertEquals(List.of("entry 1: missing member entry", "entry 3: missing member inclusionProof"), problems());
    }

    @Test
    void indexOutsideTheCheckpointIsCaught() {
        export.entry(1).put("index", 5);

        assertEquals(List.of("entry 5: index 5 is not in the checkpoint's tree of 5 entries"), problems());
    }

    @Test
    void leafWithADuplicateMemberIsRefused() {
        ObjectNode entry = export.entry(0);
        entry.put("leaf", entry.get("leaf").asText().replace("{\"agreementId\"", "{\"recipient\":\"yot-camden\","
                + "\"agreementId\""));

        List<String> problems = problems();

        assertTrue(problems.get(problems.size() - 1).startsWith("entry 1: leaf is not valid JSON: Duplicate field "
                + "'recipient'"), problems.toString());
    }

    @Test
    void membersOutsideTheSignedPartsAreIgnored() {
        export.document().put("scope", "whole log");
        export.document().putObject("consentDecisions").put("note", "not covered by the signature");

        assertTrue(ExportVerifier.verify(export.document(), key).verified());
    }

    @Test
    void emptyExportOfAnEmptyLogVerifiesNothing() {
        export.document().remove("checkpoint");
        export.document().putArray("entries");

        assertEquals(new ExportVerification(true, 0, 0, List.of()), ExportVerifier.verify(export.document(), key));
    }

    private List<String> problems() {
        return ExportVerifier.verify(export.document(), key).problems();
    }
}
