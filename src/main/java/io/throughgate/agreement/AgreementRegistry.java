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
 * The agreements the hub knows, every version, loaded and verified once at start. Which of them are in force is
 * decided per day, so an agreement starts and stops being enforced on its dates, and a new version takes over from
 * the last on its first day, without a restart. At most one version of an agreement is in force on a day.
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
                LOG.infof("agreement %s version %d: in force", state.id(), state.version());
            } else if (verdict.status() == AgreementStatus.SUPERSEDED) {
                LOG.infof("agreement %s version %d: superseded", state.id(), state.version());
            } else {
                LOG.warnf("agreement %s version %d: %s, not enforced: %s", state.id(), state.version(), verdict
                        .status(), String.join("; ", verdict.reasons()));
            }
        }
    }

    /** Every version of every agreement found, in id then version order, whatever its status. */
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

    /**
     * The current version of the agreement with this id, whatever its status: the version in force today, or
     * else the latest.
     */
    public Optional<AgreementState> find(String id) {
        List<AgreementState> versions = versions(id);
        LocalDate today = LocalDate.now(clock);
        return versions.stream().filter(state -> state.inForceOn(today)).findFirst().or(() -> versions.stream()
                .reduce((earlier, later) -> later));
    }

    /** One version of an agreement, whatever its status. */
    public Optional<AgreementState> find(String id, int version) {
        return versions(id).stream().filter(state -> state.version() == version).findFirst();
    }

    /** Every version of an agreement, oldest first. */
    public List<AgreementState> versions(String id) {
        return all().stream().filter(state -> state.id().equals(id)).toList();
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
