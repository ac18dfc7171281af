package io.throughgate.identity;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.throughgate.contract.ContractFiles;
import io.throughgate.directory.AgencyDirectory;
import io.throughgate.directory.AgencyDirectoryChanged;

/** Runs the {@link TrustReloader} every {@code throughgate.identity.reload-interval}, from start to shutdown. */
@Singleton
public class TrustReloadSchedule {

    @Inject
    ContractFiles contracts;

    @Inject
    AgencyDirectory directory;

    @Inject
    RevocationRegistry revocations;

    @Inject
    IdentityConfig config;

    @Inject
    Event<AgencyDirectoryChanged> directoryChanged;

    private ScheduledExecutorService scheduler;

    void start(@Observes StartupEvent event) {
        TrustReloader reloader = new TrustReloader(contracts, directory, revocations, directoryChanged::fire);
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "throughgate-trust-reloader");
            thread.setDaemon(true);
            return thread;
        });
        long period = config.reloadInterval().toMillis();
        scheduler.scheduleWithFixedDelay(reloader::reloadChanged, period, period, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }
}
