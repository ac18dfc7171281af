package io.throughgate.consent;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.throughgate.kafka.KafkaConnection;
import io.throughgate.testing.TestConsents;
import io.throughgate.testing.TestIdentifiers;

/**
 * A replica whose database refuses consent events for a while keeps following: it reports the failure (readiness
 * down), answers no consent check meanwhile, and catches up once the database is back. Before, its follower thread
 * stopped at the first failure and every consent-gated record answered 503 until a restart.
 */
@QuarkusTest
class ConsentFollowerRecoveryTest {

    @Inject
    KafkaConnection kafka;

    @Test
    void aFollowerWhoseStoreFailsRetriesAndCatchesUpWhenItIsBack() throws Exception {
        AtomicBoolean databaseDown = new AtomicBoolean(true);
        ConsentView view = new ConsentView();
        try (ConsentFollower follower = new ConsentFollower(kafka.clientProperties(), view, event -> {
            if (databaseDown.get()) {
                throw new IllegalStateException("cannot store consent event: SQL state 08001");
            }
        }); ConsentCatchUp catchUp = new ConsentCatchUp(kafka.clientProperties(), follower)) {
            String decision = TestConsents.permitHealthSharing(TestIdentifiers.nhsNumber(),
                    "FELTHAM-HC/CONSENT/2026/0951");

            await().atMost(Duration.ofSeconds(10)).until(() -> follower.failure().isPresent());
            assertThrows(TimeoutException.class, () -> catchUp.await(Duration.ofSeconds(2)),
                    "no check may complete while the events cannot be applied");

            databaseDown.set(false);
            catchUp.await(Duration.ofSeconds(30));
            assertTrue(follower.failure().isEmpty());
            assertTrue(view.find(UUID.fromString(decision)).isPresent(), "caught up after the outage");
            assertTrue(view.find(UUID.fromString(decision)).orElseThrow().appliesOn(LocalDate.now()));
        }
    }
}
