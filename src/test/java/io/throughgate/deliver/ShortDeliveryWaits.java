package io.throughgate.deliver;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Waits and limits small enough for a test to reach them: 5 s in the writers' queue, 6 s for a request's answer,
 * three records in flight.
 */
public final class ShortDeliveryWaits implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("throughgate.delivery.queue-wait", "PT5S", "throughgate.delivery.commit-timeout", "PT6S",
                "throughgate.ingest.max-in-flight", "3");
    }
}
