package io.throughgate.sharinglog.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

class CheckpointTest {

    static final byte[] ROOT = HexFormat.of().parseHex(
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");
    static final Instant ISSUED = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void bodyIsTheTlogCheckpointTextWithATimeExtensionLine() {
        Checkpoint checkpoint = new Checkpoint("throughgate/sharing-log", 8, ROOT, ISSUED);

        assertEquals("""
                throughgate/sharing-log
                8
                XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=
                time 2026-11-22T10:00:00Z
                """, checkpoint.body());
    }

    @Test
    void parseReadsWhatBodyWrites() {
        Checkpoint checkpoint = new Checkpoint("throughgate/sharing-log", 1234567, ROOT,
                Instant.parse("2026-11-22T10:00:00.123456789Z"));

        assertEquals(checkpoint, Checkpoint.parse(checkpoint.body()));
    }

    @Test
    void emptyTreeIsSizeZero() {
        Checkpoint checkpoint = new Checkpoint("throughgate/sharing-log", 0, new byte[32], ISSUED);

        assertEquals("0", checkpoint.body().split("\n")[1]);
        assertEquals(checkpoint, Checkpoint.parse(checkpoint.body()));
    }

    @Test
    void equalityComparesTheRootHashContent() {
        Checkpoint checkpoint = new Checkpoint("throughgate/sharing-log", 8, ROOT, ISSUED);
        byte[] otherRoot = ROOT.clone();
        otherRoot[0] ^= 1;

        assertEquals(checkpoint, new Checkpoint("throughgate/sharing-log", 8, ROOT.clone(), ISSUED));
        assertEquals(checkpoint.hashCode(), new Checkpoint("throughgate/sharing-log", 8, ROOT.clone(), ISSUED)
                .hashCode());
        assertNotEquals(checkpoint, new Checkpoint("throughgate/sharing-log", 8, otherRoot, ISSUED));
    }

    @Test
    void rootHashCannotBeChangedFromOutside() {
        byte[] root = ROOT.clone();
        Checkpoint checkpoint = new Checkpoint("throughgate/sharing-log", 8, root, ISSUED);

        root[0] ^= 1;
        checkpoint.rootHash()[1] ^= 1;

        assertEquals(HexFormat.of().formatHex(ROOT), HexFormat.of().formatHex(checkpoint.rootHash()));
    }

    @Test
    void refusesABlankOrigin() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Checkpoint("  ", 8, ROOT, ISSUED));

        assertEquals("origin must not be blank: '  '", e.getMessage());
    }

    @Test
    void refusesAnOriginOfTwoLines() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Checkpoint("throughgate/sharing-log\n9", 8, ROOT, ISSUED));

        assertEquals("origin 'throughgate/sharing-log\\n9' must be one line without control characters, found U+000A",
                e.getMessage());
    }

    @Test
    void refusesANegativeSize() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Checkpoint("throughgate/sharing-log", -1, ROOT, ISSUED));

        assertEquals("treeSize must be 0 or more, was -1", e.getMessage());
    }

    @Test
    void refusesARootThatIsNot32Bytes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Checkpoint("throughgate/sharing-log", 8, new byte[20], ISSUED));

        assertEquals("rootHash must be 32 bytes (SHA-256), was 20 bytes", e.getMessage());
    }

    @Test
    void parseRefusesASizeWithALeadingZero() {
        String body = new Checkpoint("throughgate/sharing-log", 8, ROOT, ISSUED).body().replace("\n8\n", "\n08\n");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Checkpoint.parse(body));

        assertEquals("line 2, the tree size, must be a decimal number without leading zeros, was '08'",
                e.getMessage());
    }

    @Test
    void parseRefusesUnpaddedBase64() {
        String body = new Checkpoint("throughgate/sharing-log", 8, ROOT, ISSUED).body().replace("=\n", "\n");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Checkpoint.parse(body));

        assertEquals("line 3, the root hash, is not in the standard padded base64 form (RFC 4648 section 4): "
                + "'XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg'", e.getMessage());
    }

    @Test
    void parseRefusesABodyWithoutTheTimeLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Checkpoint.parse("throughgate/sharing-log\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n"));

        assertEquals("the checkpoint body must have 4 lines (origin, tree size, root hash, time), has 3",
                e.getMessage());
    }

    @Test
    void parseRefusesAnotherExtensionLine() {
        String body = new Checkpoint("throughgate/sharing-log", 8, ROOT, ISSUED).body().replace("time ", "when ");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Checkpoint.parse(body));

        assertEquals("line 4 must be the extension line 'time <instant>', was 'when 2026-11-22T10:00:00Z'",
                e.getMessage());
    }
}
