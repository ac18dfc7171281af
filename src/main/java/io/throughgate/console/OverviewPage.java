package io.throughgate.console;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.TemplateInstance;
import io.throughgate.agreement.api.AgreementsResource;
import io.throughgate.audit.DpoScope;
import io.throughgate.identity.Caller;
import io.throughgate.sharinglog.SharingLog;
import io.throughgate.sharinglog.VerificationRuns;
import io.throughgate.sharinglog.checkpoint.Checkpoint;
import io.throughgate.sharinglog.checkpoint.SignedCheckpoint;
import io.throughgate.withdrawal.WithdrawalNotices;

/** The console's first page: the state of the log, its checkpoints and verification, notices and reviews due. */
@Path(ConsolePaths.ROOT)
public class OverviewPage {

    /** Agreements whose review date falls within this many days are listed as due for review. */
    static final int REVIEW_SOON_DAYS = 90;

    /**
     * What the overview shows; absent things are null.
     *
     * @param logSize how many entries the sharing log holds
     * @param checkpointSize how many entries the latest signed checkpoint covers
     * @param checkpointSigned when it was signed
     * @param checkpointAge how long ago, in words
     * @param verification the last whole-log verification
     * @param notices the withdrawal notices, to the DPO's agency or to all for the partnership's DPO
     * @param reviewsDue agreements whose review date is past or within {@link #REVIEW_SOON_DAYS} days
     */
    public record Overview(long logSize, Long checkpointSize, String checkpointSigned, String checkpointAge,
            Verification verification, WithdrawalNotices.Tally notices, List<Review> reviewsDue) {
    }

    /** A verification that ended: when, by whom, and what it found. */
    public record Verification(String finished, String requestedBy, boolean verified, long entries,
            Long firstFailureIndex, String firstFailure) {

        static Verification of(VerificationRuns.Run run) {
            return new Verification(ConsoleTimes.moment(run.finishedAt()), run.requestedBy(), Boolean.TRUE.equals(run
                    .verified()), run.checkedEntries(), run.firstFailureIndex(), run.firstFailure());
        }
    }

    /** An agreement due for review. */
    public record Review(String id, String title, String reviewDate, boolean overdue) {
    }

    @Inject
    ConsolePages pages;

    @Inject
    Caller caller;

    @Inject
    SharingLog log;

    @Inject
    VerificationRuns runs;

    @Inject
    WithdrawalNotices notices;

    @Inject
    AgreementsResource agreements;

    @Inject
    Clock clock;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance overview() throws SQLException {
        DpoScope dpo = DpoScope.of(caller.identity()).orElseThrow();
        Optional<Checkpoint> checkpoint = log.checkpoints().latest().map(SignedCheckpoint::checkpoint);
        LocalDate today = LocalDate.now(clock);
        List<Review> reviewsDue = agreements.list().stream().filter(agreement -> agreement.reviewDate() != null
                && !agreement.reviewDate().isAfter(today.plusDays(REVIEW_SOON_DAYS))).map(agreement -> new Review(
                        agreement.id(), agreement.title(), ConsoleTimes.day(agreement.reviewDate()), agreement
                                .reviewDate().isBefore(today)))
                .toList();
        Overview overview = new Overview(log.queries().size(), checkpoint.map(Checkpoint::treeSize).orElse(null),
                checkpoint.map(signed -> ConsoleTimes.moment(signed.issuedAt())).orElse(null), checkpoint.map(
                        signed -> age(signed.issuedAt(), clock.instant())).orElse(null),
                runs.lastFinished().map(
                        Verification::of).orElse(null),
                notices.tally(dpo.visibleTo()), reviewsDue);
        return ConsoleTemplates.overview(pages.page("Overview", "overview"), overview);
    }

    /** How long ago, in the largest whole unit. */
    static String age(Instant then, Instant now) {
        Duration age = Duration.between(then, now);
        if (age.toDays() > 0) {
            return plural(age.toDays(), "day");
        }
        if (age.toHours() > 0) {
            return plural(age.toHours(), "hour");
        }
        if (age.toMinutes() > 0) {
            return plural(age.toMinutes(), "minute");
        }
        return plural(Math.max(0, age.toSeconds()), "second");
    }

    private static String plural(long count, String unit) {
        return count + " " + unit + (count == 1 ? "" : "s") + " ago";
    }
}
