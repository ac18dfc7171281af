package io.throughgate.consent;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.apache.kafka.common.TopicPartition;

import io.quarkus.runtime.StartupEvent;
import io.throughgate.config.StartupOrder;
import io.throughgate.database.HubDatabase;
import io.throughgate.kafka.KafkaConnection;

/**
 * The consent registry of this replica: appends decisions and withdrawals to the shared consent-event topic,
 * follows that topic into its in-memory view and the database, and answers consent checks from memory once the
 * view holds everything acknowledged before the question.
 */
@ApplicationScoped
public class ConsentRegistry {

    /** How long a caller waits for Kafka or for the view to catch up before the hub answers 503. */
    public static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Inject
    KafkaConnection kafka;

    @Inject
    HubDatabase database;

    @Inject
    Clock clock;

    private final ConsentView view = new ConsentView();
    private ConsentFollower follower;
    private ConsentCatchUp catchUp;
    private ConsentEventLog log;

    void start(@Observes @Priority(StartupOrder.CONSENT) StartupEvent event) {
        started();
    }

    private synchronized void started() {
        if (follower == null) {
            Map<String, Object> client = kafka.clientProperties();
            ConsentRepository repository = new ConsentRepository(database);
            follower = new ConsentFollower(client, view, repository::store);
            catchUp = new ConsentCatchUp(client, follower);
            log = new ConsentEventLog(client);
        }
    }

    /**
     * Records a decision: returns once Kafka has acknowledged it and this replica's view holds it.
     *
     * @throws TimeoutException if Kafka is unavailable; the decision may not have been recorded
     */
    public ConsentDecision record(ConsentDecision decision) throws TimeoutException {
        append(ConsentEvent.recorded(decision));
        return view.find(decision.id()).orElseThrow();
    }

    /**
     * Withdraws a decision: returns once Kafka has acknowledged the withdrawal and this replica's view holds it.
     * From then on every replica answers every check without the decision.
     *
     * @throws TimeoutException if Kafka is unavailable; the withdrawal may not have been recorded
     */
    public ConsentDecision withdraw(UUID decisionId, ConsentDecision.Withdrawal withdrawal) throws TimeoutException {
        append(ConsentEvent.withdrawn(decisionId, withdrawal));
        return view.find(decisionId).orElseThrow();
    }

    private void append(ConsentEvent event) throws TimeoutException {
        started();
        Map.Entry<TopicPartition, Long> written = log.append(event, TIMEOUT);
        try {
            follower.awaitApplied(Map.of(written.getKey(), written.getValue()), TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TimeoutException("interrupted while the consent view caught up");
        }
    }

    /**
     * A consent check that knows every decision and withdrawal acknowledged before this call, on any replica.
     *
     * @throws TimeoutException if Kafka is unavailable, so the hub cannot be sure of the current consent
     */
    public ConsentCheck currentCheck() throws TimeoutException {
        return currentCheck(System.nanoTime());
    }

    /**
     * A consent check that knows every decision and withdrawal acknowledged, on any replica, before the caller
     * arrived.
     *
     * @param arrivedAt {@link System#nanoTime()} when the record (or its batch) arrived
     * @throws TimeoutException if Kafka is unavailable, so the hub cannot be sure of the current consent
     */
    public ConsentCheck currentCheck(long arrivedAt) throws TimeoutException {
        started();
        catchUp.await(arrivedAt, TIMEOUT);
        return new ConsentCheck(view);
    }

    /** Why this replica's consent view cannot take in events now, or empty while it keeps up. */
    public Optional<String> followerFailure() {
        started();
        return follower.failure();
    }

    /** The decision with this id, as this replica knows it. */
    public Optional<ConsentDecision> find(UUID id) {
        return view.find(id);
    }

    /** The in-memory view, for listings. */
    public ConsentView view() {
        return view;
    }

    @PreDestroy
    synchronized void stop() {
        if (follower != null) {
            catchUp.close();
            follower.close();
            log.close();
        }
    }
}
