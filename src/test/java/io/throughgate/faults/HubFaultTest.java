package io.throughgate.faults;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The hub under load, single records and batches, while its broker dies, while it dies itself, and while its
 * sharing-log indexer cannot reach the database: afterwards every accepted record is in each of its recipients'
 * inboxes exactly once, no record is partly visible, a record the hub said was not delivered is in no inbox, retries
 * deliver once, and the sharing log is complete, names every message in an inbox and verifies ({@link
 * FaultScenario}). Real processes: the packaged hub and a Kafka broker each in a JVM of their own, killed with
 * SIGKILL while batches of records are being written (the broker twice, the hub three times); PostgreSQL. Each is
 * killed once between records' deliveries and their sharing-log events, where only the records' transactions keep
 * them all or nothing: the broker refuses the sharing log's writes for that ({@link
 * FaultScenario#killBetweenDeliveriesAndSharingLog}). Tagged {@code fault}: not part of {@code mvn test}; run after
 * packaging with {@code mvn -Pfault-tests surefire:test} (see the README).
 */
@Tag("fault")
@Timeout(value = 8, unit = java.util.concurrent.TimeUnit.MINUTES)
class HubFaultTest {

    private static final int SINGLE_THREADS = 2;
    private static final int BATCH_THREADS = 2;
    private static final int HUB_KILLS = 3;

    @Test
    void deliversEachAcceptedRecordOnceWhenTheBrokerIsKilledMidLoadAndRestarted() throws Exception {
        try (FaultScenario scenario = FaultScenario.start("broker-killed")) {
            scenario.load.start(SINGLE_THREADS, BATCH_THREADS);
            scenario.awaitAccepted(300, Duration.ofSeconds(120));
            scenario.killWhileWriting("the broker (1 of 2)", scenario.broker::kill);
            restartBroker(scenario);
            scenario.awaitAccepted(300, Duration.ofSeconds(120));
            scenario.killBetweenDeliveriesAndSharingLog("the broker (2 of 2)", scenario.broker::kill);
            restartBroker(scenario);
            scenario.acceptSharingLogWrites();
            scenario.awaitAccepted(300, Duration.ofSeconds(120));
            scenario.verifyExchange();
        }
    }

    @Test
    void deliversEachAcceptedRecordOnceWhenTheHubIsKilledMidLoadAndRestarted() throws Exception {
        try (FaultScenario scenario = FaultScenario.start("hub-killed")) {
            scenario.load.start(SINGLE_THREADS, BATCH_THREADS);
            scenario.awaitAccepted(300, Duration.ofSeconds(120));
            scenario.killBetweenDeliveriesAndSharingLog("the hub (1 of " + HUB_KILLS + ")", scenario.hub::kill);
            scenario.acceptSharingLogWrites();
            restartHub(scenario);
            for (int kill = 2; kill <= HUB_KILLS; kill++) {
                scenario.awaitAccepted(300, Duration.ofSeconds(120));
                scenario.killWhileWriting("the hub (" + kill + " of " + HUB_KILLS + ")", scenario.hub::kill);
                restartHub(scenario);
            }
            scenario.awaitAccepted(300, Duration.ofSeconds(120));
            scenario.verifyExchange();
        }
    }

    @Test
    void sharingLogCatchesUpWhenTheDatabaseIsUnavailableToTheIndexerForAWhile() throws Exception {
        try (FaultScenario scenario = FaultScenario.start("indexer-database-down")) {
            scenario.load.start(SINGLE_THREADS, BATCH_THREADS);
            scenario.awaitAccepted(300, Duration.ofSeconds(120));
            int before = scenario.load.accepted();
            scenario.log("blocking the sharing log's tables for 10 s");
            int terminated = scenario.database.blockSharingLog(Duration.ofSeconds(10));
            scenario.log("sharing log unblocked; " + terminated + " blocked connections were terminated");
            assertTrue(terminated > 0, "the indexer tried to append while the log was blocked");
            assertTrue(scenario.load.accepted() > before + 10, "ingestion went on while the indexer could not");
            scenario.awaitAccepted(100, Duration.ofSeconds(120));
            scenario.verifyExchange();
        }
    }

    private static void restartBroker(FaultScenario scenario) {
        ChildProcess.pause(Duration.ofSeconds(4));
        scenario.broker.start();
        scenario.log("broker restarted");
    }

    private static void restartHub(FaultScenario scenario) {
        scenario.hub.start();
        scenario.log("hub restarted");
    }
}
