package io.throughgate.ops;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only once Camel and every route of {@code routes/} have started: records travel only through them. */
@Readiness
@ApplicationScoped
public class CamelReadinessCheck implements HealthCheck {

    @Inject
    CamelContext camel;

    @Override
    public HealthCheckResponse call() {
        long started = camel.getRoutes().stream().filter(route -> camel.getRouteController().getRouteStatus(route
                .getRouteId()) == ServiceStatus.Started).count();
        boolean ready = camel.isStarted() && started > 0 && started == camel.getRoutes().size();
        return HealthCheckResponse.named("routes").status(ready).withData("started", started)
                .withData("routes", camel.getRoutes().size()).build();
    }
}
