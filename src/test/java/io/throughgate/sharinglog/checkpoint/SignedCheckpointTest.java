package io.throughgate.sharinglog.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class SignedCheckpointTest {

    private static final Checkpoint CHECKPOINT = new Checkpoint("throughgate/sharing-log", 8, CheckpointTest.ROOT,
            CheckpointTest.ISSUED);
    private static final byte[] KEY_ID = {(byte) 0xc7, 0x4f, 0x20, (byte) 0xa3};
    private static final byte[] SIGNATURE = new byte[64];

    static {
        Arrays.fill(SIGNATURE, (byte) 0xAB);
    }

    @Test
    void noteIsTheBodyABlankLineAndAnEmDashSignatureLine() {
        SignedCheckpoint signed = new SignedCheckpoint(CHECKPOINT, "throughgate/sharing-log", KEY_ID, SIGNATURE);

        // base64 of the key id c74f20a3 followed by 64 bytes 0xAB
        String signature = "x08go6" + "urq6".repeat(21) + "s=";

        assertEquals("""
                throughgate/sharing-log
                8
                XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=
                time 2026-11-22T10:00:00Z

                \u2014 throughgate/sharing-log\s""" + signature + "\n", signed.note());
    }

    @Test
    void parseReadsWhatNoteWrites() {
        SignedCheckpoint signed = new SignedCheckpoint(CHECKPOINT, "throughgate/sharing-log", KEY_ID, SIGNATURE);

        assertEquals(signed, SignedCheckpoint.parse(signed.note()));
    }

    @Test
    void parseRefusesAHyphenForTheEmDash() {
        String note = new SignedCheckpoint(CHECKPOINT, "throughgate/sharing-log", KEY_ID, SIGNATURE).note()
                .replace('\u2014', '-');

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SignedCheckpoint.parse(note));

        assertTrue(e.getMessage().startsWith("the signature line must start with an em dash (U+2014) and a space: "
                + "'- throughgate/sharing-log x08g"), e.getMessage());
    }

    @Test
    void parseRefusesANoteWithTwoSignatures() {
        String note = new SignedCheckpoint(CHECKPOINT, "throughgate/sharing-log", KEY_ID, SIGNATURE).note();
        String cosigned = note + note.substring(note.lastIndexOf('\u2014'));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SignedCheckpoint.parse(cosigned));

        assertEquals("the note must have exactly one signature line, has 2", e.getMessage());
    }

    @Test
    void parseRefusesANoteWithoutSignatures() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SignedCheckpoint.parse(CHECKPOINT.body()));

        assertEquals("the note has no blank line between its text and its signatures", e.getMessage());
    }

    @Test
    void parseRefusesASignatureOfTheWrongLength() {
        String note = CHECKPOINT.body() + "\n\u2014 throughgate/sharing-log AAAAAAAA\n";

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SignedCheckpoint.parse(note));

        assertEquals("the signature must hold a 4-byte key id and a 64-byte Ed25519 signature, 68 bytes, but has 6",
                e.getMessage());
    }

    @Test
    void parseRefusesControlCharacters() {
        String note = new SignedCheckpoint(CHECKPOINT, "throughgate/sharing-log", KEY_ID, SIGNATURE).note()
                .replace("\n8\n", "\n8\r\n");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SignedCheckpoint.parse(note));

        assertEquals("the note holds the control character U+000D; a signed note holds none but newlines",
                e.getMessage());
    }

    @Test
    void refusesAKeyNameWithAPlusSign() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SignedCheckpoint(CHECKPOINT, "throughgate+log", KEY_ID, SIGNATURE));

        assertEquals("keyName 'throughgate+log' must contain no space, plus sign or control character (C2SP "
                + "signed-note), found U+002B", e.getMessage());
    }

    @Test
    void refusesASignatureThatIsNot64Bytes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SignedCheckpoint(CHECKPOINT, "throughgate/sharing-log", KEY_ID, new byte[63]));

        assertEquals("signature must be 64 bytes, was 63", e.getMessage());
    }
}
