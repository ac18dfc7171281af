package io.throughgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PseudonymKeysCommandTest {

    @TempDir
    Path folder;

    private int run(ByteArrayOutputStream out, String... args) {
        return PseudonymKeysCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(
                new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    @Test
    void addingAKeyDoesNotMakeItActive() {
        String store = folder.resolve("keys.p12").toString();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(0, run(out, "--keystore", store, "--password", "pw", "--add", "k1"));
        assertEquals(0, run(out, "--keystore", store, "--password", "pw", "--add", "k2"));
        assertTrue(out.toString(StandardCharsets.UTF_8).endsWith("keys [k1, k2], active k1\n"), out.toString(
                StandardCharsets.UTF_8));
    }

    @Test
    void rotatesToANewKeyThatTheStoreMarksActiveWhateverItsIdSortsAs() {
        String store = folder.resolve("keys.p12").toString();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 1; i <= 10; i++) {
            assertEquals(0, run(out, "rotate", "--keystore", store, "--password", "pw"));
        }
        // "k10" sorts below "k9" as a string; the store's mark, not an ordering, says which key is active.
        assertTrue(out.toString(StandardCharsets.UTF_8).endsWith("keys [k1, k10, k2, k3, k4, k5, k6, k7, k8, k9], "
                + "active k10\n"), out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void activatesAnEarlierKey() {
        String store = folder.resolve("keys.p12").toString();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(0, run(out, "rotate", "--keystore", store, "--password", "pw"));
        assertEquals(0, run(out, "rotate", "--keystore", store, "--password", "pw"));
        assertEquals(0, run(out, "activate", "k1", "--keystore", store, "--password", "pw"));
        assertTrue(out.toString(StandardCharsets.UTF_8).endsWith("keys [k1, k2], active k1\n"), out.toString(
                StandardCharsets.UTF_8));
        assertEquals(1, run(new ByteArrayOutputStream(), "activate", "k7", "--keystore", store, "--password", "pw"));
        assertEquals(2, run(new ByteArrayOutputStream(), "spin", "--keystore", store, "--password", "pw"));
    }

    @Test
    void createsTheStoreAndRotatesToAHigherKey() {
        String store = folder.resolve("keys.p12").toString();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(0, run(out, "--keystore", store, "--password", "pw", "--add", "k1"));
        assertEquals(0, run(out, "rotate", "--keystore", store, "--password", "pw"));
        assertTrue(out.toString(StandardCharsets.UTF_8).endsWith("keys [k1, k2], active k2\n"), out.toString(
                StandardCharsets.UTF_8));
    }

    @Test
    void refusesAKeyIdAlreadyInTheStore() {
        String store = folder.resolve("keys.p12").toString();
        assertEquals(0, run(new ByteArrayOutputStream(), "--keystore", store, "--password", "pw", "--add", "k1"));
        assertEquals(1, run(new ByteArrayOutputStream(), "--keystore", store, "--password", "pw", "--add", "k1"));
    }

    @Test
    void needsTheStoreAndItsPassword() {
        assertEquals(2, run(new ByteArrayOutputStream(), "--add", "k1"));
    }
}
