package io.throughgate.watch;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.micrometer.core.instrument.MeterRegistry;
import io.throughgate.database.HubDatabase;
import io.throughgate.deliver.DeliveryDispatcher;
import io.throughgate.exchange.IngestContext;
import io.throughgate.record.NoticeType;
import io.throughgate.sharinglog.SharingLog;
import io.throughgate.sharinglog.SharingLogEvents;
import io.throughgate.timeliness.MilestoneStatus;
import io.throughgate.timeliness.MilestoneStatus.State;
import io.throughgate.timeliness.Party;
import io.throughgate.timeliness.Timelines;
import io.throughgate.timeliness.Timelines.Watched;
import io.throughgate.timeliness.TimelinessContract;

/**
 * Sends timeliness notices (contracts/timeliness.yaml) on the sharing log's indexer thread, once a minute unless
 * {@code throughgate.timeliness.notices-every} says otherwise. For every child not yet released it works out where
 * each milestone stands today and tells the milestone's parties:
 * <ul>
 * <li>when it falls at risk, and again every {@code remindEveryDays} while it stays at risk;</li>
 * <li>when it is missed, and again every {@code remindEveryDays} until the child's release day;</li>
 * <li>once, when a milestone they were told about is met, or its deadline moves away (a later release date).</li>
 * </ul>
 * Each morning from {@code throughgate.timeliness.digest-at} (07:00 London unless set) it sends the digest of every
 * milestone at risk or missed. Each notice's id follows from what it is about, so a notice missed while the hub was
 * down is sent once, for the latest occasion, and a repeat is recognised; replicas claim each notice before sending
 * it (one sends it), and each goes out under its agreement's flow, signed and logged like a record.
 */
@ApplicationScoped
public class TimelinessNotices implements SharingLog.AfterIndexing {

    /** The states a notice reports. */
    static final String AT_RISK = "at-risk";
    static final String MISSED = "missed";
    static final String MET = "met";
    static final String NO_LONGER_DUE = "no-longer-due";
    static final String DIGEST = "digest";

    private static final Logger LOG = Logger.getLogger(TimelinessNotices.class);
    /** How long a claim holds before another replica may take the notice over. */
    private static final Duration CLAIM = Duration.ofMinutes(1);
    /** How long a notice may wait for a delivery transaction, and how long the hub waits for it to commit. */
    private static final Duration QUEUE_WAIT = Duration.ofSeconds(20);
    private static final Duration COMMIT_WAIT = Duration.ofSeconds(30);

    @Inject
    Timelines timelines;

    @Inject
    TimelinessContract contract;

    @Inject
    NoticeFlows flows;

    @Inject
    DeliveryDispatcher dispatcher;

    @Inject
    HubDatabase database;

    @Inject
    MeterRegistry metrics;

    @Inject
    Clock clock;

    @Inject
    TimelinessConfig config;

    private final Map<State, AtomicLong> milestones = new EnumMap<>(State.class);

    @PostConstruct
    void registerGauges() {
        for (State state : State.values()) {
            AtomicLong count = new AtomicLong();
            milestones.put(state, count);
            metrics.gauge("throughgate.timeliness.milestones", List.of(io.micrometer.core.instrument.Tag.of("state",
                    state.name().toLowerCase().replace('_', '-'))), count);
        }
    }

    @Override
    public Duration interval() {
        return config.noticesEvery();
    }

    /** A notice worked out for today, before it is claimed. */
    private record Planned(NoticeClaims.Claim claim, ObjectNode content, Set<String> recipients, String key,
            List<String> pseudonyms) {
    }

    @Override
    public void run() throws Exception {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        NoticeClaims claims = new NoticeClaims(database.dataSource());
        List<NoticeClaims.Claim> known = claims.since(today);
        Map<UUID, NoticeClaims.Claim> byId = new HashMap<>();
        Map<String, NoticeClaims.Claim> latestAlert = new HashMap<>();
        for (NoticeClaims.Claim claim : known) {
            byId.put(claim.id(), claim);
            if (claim.sent() && (claim.state().equals(AT_RISK) || claim.state().equals(MISSED))) {
                latestAlert.merge(claim.timeline() + "|" + claim.milestone(), claim, (a, b) -> Comparator.comparing(
                        NoticeClaims.Claim::occasion).thenComparing(NoticeClaims.Claim::claimedAt).compare(a, b) >= 0
                                ? a
                                : b);
            }
        }
        List<Watched> watched = timelines.watchedOn(today);
        Map<State, Long> counts = new EnumMap<>(State.class);
        List<TimelinessNoticeContent.Line> digest = new ArrayList<>();
        Set<String> digestPseudonyms = new LinkedHashSet<>();
        List<Planned> planned = new ArrayList<>();
        for (Watched child : watched) {
            for (MilestoneStatus status : child.timeline().statuses(contract, today)) {
                counts.merge(status.state(), 1L, Long::sum);
                if (child.noticeKey() == null) {
                    continue;
                }
                if (alerting(status.state())) {
                    digest.add(new TimelinessNoticeContent.Line(child.noticeKey(), status, child.timeline()));
                    digestPseudonyms.addAll(child.pseudonyms());
                    planned.add(alert(child, status, today, now));
                } else {
                    closing(child, status, latestAlert.get(child.id() + "|" + status.milestone().id()), today, now)
                            .ifPresent(planned::add);
                }
            }
        }
        milestones.forEach((state, gauge) -> gauge.set(counts.getOrDefault(state, 0L)));
        if (!LocalTime.ofInstant(now, clock.getZone()).isBefore(config.digestAt())) {
            planned.add(digest(today, now, digest, new ArrayList<>(digestPseudonyms)));
        }
        for (Planned notice : planned) {
            if (!send(claims, byId.get(notice.claim().id()), notice, today, now)) {
                return;
            }
        }
    }

    private static boolean alerting(State state) {
        return state == State.AT_RISK || state == State.MISSED;
    }

    /** The notice's state for a milestone's state. */
    static String stateOf(State state) {
        return switch (state) {
            case AT_RISK -> AT_RISK;
            case MISSED -> MISSED;
            case MET_ON_TIME, MET_LATE -> MET;
            case OPEN, NOT_STARTED -> NO_LONGER_DUE;
        };
    }

    /**
     * The notice of a milestone at risk or missed, for the latest occasion: the first day of its state, or of the
     * latest reminder since.
     */
    private Planned alert(Watched child, MilestoneStatus status, LocalDate today, Instant now) {
        int every = status.milestone().remindEveryDays();
        LocalDate stateFrom = status.state() == State.AT_RISK
                ? status.due().minusDays(status.milestone().atRiskDaysBefore())
                : status.due().plusDays(1);
        int reminder = (int) (ChronoUnit.DAYS.between(stateFrom, today) / every);
        LocalDate occasion = stateFrom.plusDays((long) reminder * every);
        String state = stateOf(status.state());
        UUID id = idOf(child.id() + "|" + status.milestone().id() + "|" + state + "|" + status.due() + "|"
                + occasion);
        return planned(new NoticeClaims.Claim(id, child.id(), status.milestone().id(), state, status.due(), occasion,
                now, false), child, status, reminder, now);
    }

    /** The closing notice of the latest alert sent about a milestone that is no longer at risk or missed. */
    private Optional<Planned> closing(Watched child, MilestoneStatus status, NoticeClaims.Claim alert,
            LocalDate today, Instant now) {
        if (alert == null) {
            return Optional.empty();
        }
        String state = stateOf(status.state());
        return Optional.of(planned(new NoticeClaims.Claim(idOf(alert.id() + "|closed"), child.id(), status
                .milestone().id(), state, status.due(), today, now, false), child, status, 0, now));
    }

    private Planned planned(NoticeClaims.Claim claim, Watched child, MilestoneStatus status, int reminder,
            Instant now) {
        ObjectNode content = TimelinessNoticeContent.notice(claim.id().toString(), contract.noticesFrom(), now, claim
                .state(), status, child.timeline(), reminder);
        Set<String> recipients = new LinkedHashSet<>();
        for (Party party : status.milestone().tell()) {
            String agency = party == Party.RESPONSIBLE_YOT
                    ? child.timeline().responsibleYot()
                    : child.timeline().establishment();
            if (agency != null) {
                recipients.add(agency);
            }
        }
        return new Planned(claim, content, recipients, child.noticeKey(), child.pseudonyms());
    }

    private Planned digest(LocalDate today, Instant now, List<TimelinessNoticeContent.Line> lines,
            List<String> pseudonyms) {
        UUID id = idOf("digest|" + contract.digestTo() + "|" + today);
        lines.sort(Comparator.comparing((TimelinessNoticeContent.Line line) -> line.status().due()).thenComparing(
                line -> line.status().milestone().id()).thenComparing(TimelinessNoticeContent.Line::child));
        ObjectNode content = TimelinessNoticeContent.digest(id.toString(), contract.noticesFrom(), now, today, lines);
        return new Planned(new NoticeClaims.Claim(id, null, null, DIGEST, null, today, now, false), content, Set.of(
                contract.digestTo()), NoticeType.TIMELINESS_DIGEST.code() + ":" + today, pseudonyms);
    }

    /**
     * Claims and sends a notice unless it was sent or another replica holds it: false when sending failed (the rest
     * wait for the next round, when the claim has lapsed).
     */
    private boolean send(NoticeClaims claims, NoticeClaims.Claim existing, Planned notice, LocalDate today,
            Instant now) throws Exception {
        if (existing != null && (existing.sent() || !existing.claimedAt().isBefore(now.minus(CLAIM)))) {
            return true;
        }
        List<IngestContext.Gated> copies = flows.copies(notice.content(), notice.recipients(), today);
        if (copies.isEmpty()) {
            LOG.debugf("timeliness notice %s has no recipient under a flow in force", notice.claim().id());
            return true;
        }
        boolean held = existing == null
                ? claims.claim(notice.claim())
                : claims.reclaim(existing.id(), now, now.minus(CLAIM));
        if (!held) {
            return true;
        }
        SharingLogEvents.Source source = new SharingLogEvents.Source(notice.claim().id().toString(), notice.content()
                .path("type").asText(), contract.noticesFrom(), notice.pseudonyms(),
                notice.content().path(
                        "occurredAt").asText(),
                now);
        try {
            dispatcher.deliverIssued(copies, notice.key(), source, QUEUE_WAIT).get(COMMIT_WAIT.toMillis(),
                    TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            LOG.warnf("a timeliness notice was not sent (%s); it is sent again once its claim lapses", e.getClass()
                    .getSimpleName());
            return false;
        }
        claims.sent(notice.claim().id(), clock.instant());
        metrics.counter("throughgate.timeliness.notices", "state", notice.claim().state()).increment(copies.size());
        LOG.infof("sent timeliness notice %s (%s) to %d recipients", notice.claim().id(), notice.claim().state(),
                copies.size());
        return true;
    }

    /** A notice's id: a name-based UUID (RFC 4122 version 3) of what it is about. */
    private static UUID idOf(String name) {
        return UUID.nameUUIDFromBytes(("timeliness|" + name).getBytes(StandardCharsets.UTF_8));
    }
}
