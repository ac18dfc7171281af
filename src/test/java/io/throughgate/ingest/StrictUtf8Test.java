package io.throughgate.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The UTF-8 check agrees with the JDK's strict decoder, exhaustively on short sequences and on random bodies. */
class StrictUtf8Test {

    private final CharsetDecoder jdk = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final CharBuffer out = CharBuffer.allocate(64);

    @Test
    void agreesWithTheJdkOnEverySequenceOfOneAndTwoBytes() {
        for (int a = 0; a < 256; a++) {
            assertAgrees(new byte[]{(byte) a});
            for (int b = 0; b < 256; b++) {
                assertAgrees(new byte[]{(byte) a, (byte) b});
            }
        }
    }

    @Test
    void agreesWithTheJdkOnEveryThreeByteSequenceWithAMultiByteLead() {
        for (int a = 0xC0; a < 256; a++) {
            for (int b = 0; b < 256; b++) {
                for (int c = 0; c < 256; c++) {
                    assertAgrees(new byte[]{(byte) a, (byte) b, (byte) c});
                }
            }
        }
    }

    @Test
    void agreesWithTheJdkOnRandomBodiesRichInMultiByteForms() {
        Random random = new Random(20260417L);
        byte[] interesting = {0x41, 0x22, 0x0A, (byte) 0x80, (byte) 0x8F, (byte) 0x90, (byte) 0x9F, (byte) 0xA0,
                (byte) 0xBF, (byte) 0xC0, (byte) 0xC2, (byte) 0xDF, (byte) 0xE0, (byte) 0xE1, (byte) 0xED, (byte) 0xEF,
                (byte) 0xF0, (byte) 0xF3, (byte) 0xF4, (byte) 0xF5, (byte) 0xFF};
        for (int n = 0; n < 200_000; n++) {
            byte[] body = new byte[1 + random.nextInt(12)];
            for (int i = 0; i < body.length; i++) {
                body[i] = random.nextBoolean()
                        ? interesting[random.nextInt(interesting.length)]
                        : (byte) random.nextInt(256);
            }
            assertAgrees(body);
        }
    }

    @Test
    void checksOnlyTheRangeItIsGiven() {
        byte[] body = {(byte) 0xFF, 0x41, (byte) 0xE2, (byte) 0x82, (byte) 0xAC, (byte) 0xFF};
        assertEquals(-1, StrictUtf8.firstMalformed(body, 1, 5));
        assertEquals(2, StrictUtf8.firstMalformed(body, 1, 4));
    }

    private void assertAgrees(byte[] bytes) {
        jdk.reset();
        out.clear();
        boolean jdkAccepts = !jdk.decode(ByteBuffer.wrap(bytes), out, true).isError()
                && !jdk.flush(out).isError();
        int malformed = StrictUtf8.firstMalformed(bytes, 0, bytes.length);
        if (jdkAccepts != (malformed < 0)) {
            throw new AssertionError("disagrees with the JDK on " + HexFormat.ofDelimiter(" ")
                    .formatHex(bytes));
        }
    }
}
