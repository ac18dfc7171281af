package io.throughgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The {@code kafka-broker} command's options. (The fault tests run the broker itself through it.) */
class KafkaBrokerCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void helpNamesEveryOption() {
        assertEquals(0, run("--help"));
        String help = out.toString(StandardCharsets.UTF_8);
        for (String option : new String[]{"--data", "--port", "--controller-port",
                "THROUGHGATE_KAFKA_BOOTSTRAP_SERVERS"}) {
            assertTrue(help.contains(option), option);
        }
    }

    @Test
    void refusesABadPortAndAControllerOnTheClientPort() {
        assertEquals(2, run("--port", "http"));
        assertEquals(2, run("--port", "70000"));
        assertEquals(2, run("--port", "29092", "--controller-port", "29092"));
        assertEquals(2, run("--data"));
        String said = err.toString(StandardCharsets.UTF_8);
        assertTrue(said.contains("kafka-broker: --port: 'http' is not a whole number from 1 to 65534"), said);
        assertTrue(said.contains("kafka-broker: --controller-port must differ from --port"), said);
    }

    private int run(String... args) {
        return KafkaBrokerCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err,
                true, StandardCharsets.UTF_8));
    }
}
