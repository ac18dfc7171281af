package io.throughgate.evaluation.publish;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.throughgate.evaluation.EvaluationMeasures;
import io.throughgate.evaluation.EvaluationYear;
import io.throughgate.sharinglog.SharingLog;

/**
 * Publishes the evaluation's monthly tables and extract on the sharing log's indexer thread, checking once an hour,
 * and sends them to the evaluators: a month's are made {@code throughgate.evaluation.publish-after} (5 days unless
 * set) after it ends. Months missed while
 * the hub was down are made in order, from the month after the last published; a hub that has published none starts
 * with the month of the earliest record it holds, within the evaluation year (April to March).
 */
@ApplicationScoped
public class EvaluationPublisher implements SharingLog.AfterIndexing {

    private static final Logger LOG = Logger.getLogger(EvaluationPublisher.class);

    @Inject
    EvaluationReleases releases;

    @Inject
    EvaluationExtracts extracts;

    @Inject
    EvaluationDeliveries deliveries;

    @Inject
    EvaluationConfig config;

    @Inject
    SharingLog sharingLog;

    @Inject
    Clock clock;

    @Override
    public Duration interval() {
        return Duration.ofHours(1);
    }

    @Override
    public void run() throws Exception {
        LocalDate today = LocalDate.now(clock);
        YearMonth due = dueMonth(today, config);
        List<YearMonth> published = releases.months();
        // From the latest month published (in case one of its tables is missing), or where a new hub starts.
        YearMonth month = published.isEmpty() ? firstMonth(due) : published.get(0);
        for (; !month.isAfter(due); month = month.plusMonths(1)) {
            if (releases.of(month).size() < EvaluationMeasures.tables().size()) {
                LOG.infof("publishing the evaluation's tables and extract of %s", month);
            }
            deliveries.sendTables(month, releases.publish(month, today), today);
            deliveries.sendExtract(month, extracts.publish(month, today), extracts.subjects(month), today);
        }
    }

    /**
     * Where a hub that has published nothing starts: the month of the earliest record it holds, within the
     * evaluation year of the month due (or that month, when it holds none).
     */
    private YearMonth firstMonth(YearMonth due) throws SQLException {
        Optional<YearMonth> first = sharingLog.queries().firstReceived().map(instant -> YearMonth.from(instant.atZone(
                clock.getZone())));
        YearMonth yearStart = EvaluationYear.start(due);
        return first.filter(month -> month.isBefore(due)).map(month -> month.isBefore(yearStart) ? yearStart : month)
                .orElse(due);
    }

    /** The latest month whose tables are due on a day. */
    static YearMonth dueMonth(LocalDate today, EvaluationConfig config) {
        YearMonth last = YearMonth.from(today).minusMonths(1);
        return today.isBefore(last.plusMonths(1).atDay(1).plus(config.publishAfter())) ? last.minusMonths(1) : last;
    }
}
