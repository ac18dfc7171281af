package io.throughgate.subscriber;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class SubscribeCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void helpExplainsTheOptions() {
        assertEquals(0, run("--help"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("--max-messages N"));
    }

    @Test
    void helpExplainsConsentWithdrawalNotices() {
        assertEquals(0, run("--help"));
        String help = out.toString(StandardCharsets.UTF_8);
        assertTrue(help.contains("consent withdrawal notices"), help);
        assertTrue(help.contains("io.throughgate.notice.consent-withdrawal-notice.v1"), help);
        assertTrue(help.contains("act on a noticeId once"), help);
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertEquals(2, run());
        assertEquals(2, run("--agency", "../yoi-feltham"));
        assertEquals(2, run("--agency", "yoi-feltham", "--max-messages", "0"));
        assertEquals(2, run("--agency", "yoi-feltham", "--colour"));
        assertEquals(2, run("--agency", "yoi-feltham", "extra"));
        assertEquals("""
                subscribe: --agency is required
                subscribe: '../yoi-feltham' is not an agency code
                subscribe: --max-messages needs a positive number, got '0'
                subscribe: unknown option '--colour'
                subscribe: unexpected argument 'extra'
                """, err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void missingOrMismatchedKeyMaterialFailsWithOne() {
        assertEquals(1, run("--agency", "yoi-nowhere"));
        assertEquals(1, run("--agency", "yoi-feltham", "--encryption-key",
                "certs-dev/agencies/yot-camden/yot-camden-encryption.key"));
        String reported = err.toString(StandardCharsets.UTF_8);
        assertTrue(reported.contains("subscribe: no such file: certs-dev/agencies/yoi-nowhere/yoi-nowhere-encryption"
                + ".key\n"), reported);
        assertTrue(reported.contains("subscribe: the encryption key does not belong to the encryption certificate"),
                reported);
    }

    private int run(String... args) {
        return SubscribeCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err,
                true, StandardCharsets.UTF_8));
    }
}
