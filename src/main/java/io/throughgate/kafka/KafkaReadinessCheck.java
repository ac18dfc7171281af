package io.throughgate.kafka;

import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the Kafka cluster answers: the hub cannot accept a record it cannot deliver. */
@Readiness
@ApplicationScoped
public class KafkaReadinessCheck implements HealthCheck {

    private static final long TIMEOUT_SECONDS = 3;

    @Inject
    KafkaConnection kafka;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("kafka")
                .withData("mode", kafka.isEmbedded() ? "in-process" : "external");
        try {
            String clusterId = kafka.admin().describeCluster().clusterId().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return response.up().withData("clusterId", clusterId).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return response.down().withData("reason", "interrupted").build();
        } catch (Exception e) {
            return response.down().withData("reason", e.getClass().getSimpleName()).build();
        }
    }
}
