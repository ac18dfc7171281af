package io.throughgate.sharinglog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready while the sharing-log indexer reaches the database (it catches up by itself once it does again) and the log
 * is consistent with every checkpoint the hub signed.
 */
@Readiness
@ApplicationScoped
public class SharingLogReadinessCheck implements HealthCheck {

    @Inject
    SharingLog log;

    @Override
    public HealthCheckResponse call() {
        if (!log.indexerHealthy()) {
            return HealthCheckResponse.named("sharing-log").down().withData("reason",
                    "the indexer cannot reach the database").build();
        }
        return log.inconsistency().map(why -> HealthCheckResponse.named("sharing-log").down().withData("reason",
                "the log contradicts a signed checkpoint: " + why).build()).orElse(HealthCheckResponse.up(
                        "sharing-log"));
    }
}
