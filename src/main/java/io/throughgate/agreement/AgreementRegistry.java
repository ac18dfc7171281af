package io.throughgate.agreement;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/**
 * The agreements the hub knows, loaded and verified once at start. Which of them are in force is decided per day,
 * so an agreement starts and stops being enforced on its dates without a restart.
 */
@ApplicationScoped
public class AgreementRegistry {

    private static final Logger LOG = Logger.getLogger(AgreementRegistry.class);

    @Inject
    AgreementLoader loader;

    @Inject
    Clock clock;

    private volatile List<AgreementState> states;

    void reportAtStart(@Observes StartupEvent event) {
        LocalDate today = LocalDate.now(clock);
        for (AgreementState state : all()) {
            AgreementState.Verdict verdict = state.verdict(today);
            if (verdict.status() == AgreementStatus.IN_FORCE) {
                LOG.infof("agreement %s: in force", state.id());
            } else {
                LOG.warnf("agreement %s: %s, not enforced: %s", state.id(), verdict.status(),
                        String.join("; ", verdict.reasons()));
            }
        }
    }

    /** Every agreement file found, in id order, whatever its status. */
    public List<AgreementState> all() {
        List<AgreementState> loaded = states;
        if (loaded == null) {
            synchronized (this) {
                if (states == null) {
                    states = List.copyOf(loader.loadAll(clock.instant()));
                }
                loaded = states;
            }
        }
        return loaded;
    }

    /** The agreement with this id, whatever its status. */
    public Optional<AgreementState> find(String id) {
        return all().stream().filter(state -> state.id().equals(id)).findFirst();
    }

    /** The agreements in force on a day. */
    public List<Agreement> inForceOn(LocalDate day) {
        return inForceStatesOn(day).stream().map(state -> state.agreement().orElseThrow()).toList();
    }

    /**
     * The agreements in force on a day, with their parties. Remembered for the day: records ask this many times a
     * second, and the answer changes only at midnight.
     */
    public List<AgreementState> inForceStatesOn(LocalDate day) {
        InForce cached = inForce;
        if (cached == null || !cached.day().equals(day)) {
            cached = new InForce(day, all().stream().filter(state -> state.inForceOn(day)).toList());
            inForce = cached;
        }
        return cached.states();
    }

    private record InForce(LocalDate day, List<AgreementState> states) {
    }

    private volatile InForce inForce;
}
