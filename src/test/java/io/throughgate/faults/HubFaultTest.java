package io.throughgate.faults;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The hub under load while its broker dies, while it dies itself, and while its sharing-log indexer cannot reach
 * the database: afterwards every accepted record is in each of its recipients' inboxes exactly once, no record is
 * partly visible, retries deliver once, and the sharing log is complete and verifies ({@link FaultScenario}).
 * Real processes: the packaged hub and a Kafka broker each in a JVM of their own, killed with SIGKILL; PostgreSQL.
 * Tagged {@code fault}: not part of {@code mvn test}; run after packaging with {@code mvn surefire:test
 * -Dgroups=fault} (see the README).
 */
@Tag("fault")
@Timeout(value = 8, unit = java.util.concurrent.TimeUnit.MINUTES)
class HubFaultTest {

    private static final int THREADS = 4;

    @Test
    void deliversEachAcceptedRecordOnceWhenTheBrokerIsKilledMidLoadAndRestarted() throws Exception {
        try (FaultScenario scenario = FaultScenario.start("broker-killed")) {
            scenario.load.start(THREADS);
            scenario.awaitAccepted(100, Duration.ofSeconds(120));
            scenario.log("killing the broker (SIGKILL)");
            scenario.broker.kill();
            ChildProcess.pause(Duration.ofSeconds(4));
            scenario.broker.start();
            scenario.log("broker restarted");
            scenario.awaitAccepted(100, Duration.ofSeconds(120));
            scenario.verifyExchange();
        }
    }

    @Test
    void deliversEachAcceptedRecordOnceWhenTheHubIsKilledMidLoadAndRestarted() throws Exception {
        try (FaultScenario scenario = FaultScenario.start("hub-killed")) {
            scenario.load.start(THREADS);
            scenario.awaitAccepted(150, Duration.ofSeconds(120));
            scenario.log("killing the hub (SIGKILL)");
            scenario.hub.kill();
            scenario.hub.start();
            scenario.log("hub restarted");
            scenario.awaitAccepted(100, Duration.ofSeconds(120));
            scenario.verifyExchange();
        }
    }

    @Test
    void sharingLogCatchesUpWhenTheDatabaseIsUnavailableToTheIndexerForAWhile() throws Exception {
        try (FaultScenario scenario = FaultScenario.start("indexer-database-down")) {
            scenario.load.start(THREADS);
            scenario.awaitAccepted(50, Duration.ofSeconds(120));
            int before = scenario.load.accepted();
            scenario.log("blocking the sharing log's tables for 10 s");
            int terminated = scenario.database.blockSharingLog(Duration.ofSeconds(10));
            scenario.log("sharing log unblocked; " + terminated + " blocked connections were terminated");
            assertTrue(terminated > 0, "the indexer tried to append while the log was blocked");
            assertTrue(scenario.load.accepted() > before + 10, "ingestion went on while the indexer could not");
            scenario.awaitAccepted(50, Duration.ofSeconds(120));
            scenario.verifyExchange();
        }
    }
}
