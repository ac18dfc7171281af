package io.throughgate.consent;

import java.util.Optional;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only once the consent view holds every consent event: a check must never miss a withdrawal. */
@Readiness
@ApplicationScoped
public class ConsentReadinessCheck implements HealthCheck {

    @Inject
    ConsentRegistry registry;

    @Override
    public HealthCheckResponse call() {
        Optional<String> failure = registry.followerFailure();
        if (failure.isPresent()) {
            return HealthCheckResponse.named("consent").down().withData("reason", failure.get()).build();
        }
        try {
            registry.currentCheck();
            return HealthCheckResponse.up("consent");
        } catch (TimeoutException e) {
            return HealthCheckResponse.named("consent").down().withData("reason", "the consent view is behind")
                    .build();
        }
    }
}
