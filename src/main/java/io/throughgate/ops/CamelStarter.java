package io.throughgate.ops;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.apache.camel.quarkus.core.CamelRuntime;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.throughgate.config.StartupOrder;

/**
 * Starts Camel (and so the routes of {@code routes/}) once Kafka and the consent view are up, and stops it first
 * when the hub stops. The hub has its own command-line main, so Camel Quarkus does not start Camel by itself.
 */
@ApplicationScoped
public class CamelStarter {

    @Inject
    CamelRuntime camel;

    private boolean started;

    synchronized void start(@Observes @Priority(StartupOrder.ROUTES) StartupEvent event) {
        if (!started) {
            camel.start(new String[0]);
            started = true;
        }
    }

    synchronized void stop(@Observes @Priority(1) ShutdownEvent event) {
        if (started) {
            camel.stop();
            started = false;
        }
    }
}
