package io.throughgate.sharinglog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready while the sharing-log indexer reaches the database; it catches up by itself once it does again. */
@Readiness
@ApplicationScoped
public class SharingLogReadinessCheck implements HealthCheck {

    @Inject
    SharingLog log;

    @Override
    public HealthCheckResponse call() {
        return log.indexerHealthy()
                ? HealthCheckResponse.up("sharing-log")
                : HealthCheckResponse.named("sharing-log").down().withData("reason",
                        "the indexer cannot reach the database").build();
    }
}
