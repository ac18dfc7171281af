package io.throughgate.evaluation.publish;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.throughgate.database.HubDatabase;
import io.throughgate.database.SqlStates;
import io.throughgate.database.SqlTimes;
import io.throughgate.deliver.DeliveryDispatcher;
import io.throughgate.directory.AgencyDirectory;
import io.throughgate.directory.AgencyKind;
import io.throughgate.evaluation.CountTableJson;
import io.throughgate.evaluation.EvaluationExtractJson;
import io.throughgate.exchange.IngestContext;
import io.throughgate.json.Json;
import io.throughgate.record.NoticeType;
import io.throughgate.sharinglog.SharingLogEvents;
import io.throughgate.timeliness.TimelinessContract;
import io.throughgate.watch.NoticeFlows;

/**
 * Sends each month's tables and extract to the evaluators' inboxes, in the partnership's name, under the flow of an
 * agreement in force that carries them (london-resettlement-evaluation's {@code monthly-statistics-to-evaluation}):
 * signed, keyed by the month and in the sharing log like a record, the extract's entry naming every child in it, so
 * that a subject access search finds it. Without such a flow nothing is sent, and the extract is not served either.
 */
@ApplicationScoped
public class EvaluationDeliveries {

    private static final Logger LOG = Logger.getLogger(EvaluationDeliveries.class);
    /** How long a claim holds before another replica may take the sending over. */
    private static final Duration CLAIM = Duration.ofMinutes(1);
    private static final Duration QUEUE_WAIT = Duration.ofSeconds(20);
    private static final Duration COMMIT_WAIT = Duration.ofSeconds(30);

    @Inject
    HubDatabase database;

    @Inject
    NoticeFlows flows;

    @Inject
    DeliveryDispatcher dispatcher;

    @Inject
    AgencyDirectory directory;

    @Inject
    TimelinessContract timeliness;

    @Inject
    Clock clock;

    /** The evaluators: every agency of the directory's evaluation kind. */
    public Set<String> evaluators() {
        return directory.ofKind(AgencyKind.EVAL).stream().map(agency -> agency.code()).collect(Collectors
                .toUnmodifiableSet());
    }

    /** Whether an agreement in force today lets a month's extract go to an agency. */
    public boolean extractMayGoTo(String agency, YearMonth month, LocalDate today) {
        ObjectNode probe = notice(NoticeType.EVALUATION_EXTRACT, month, clock.instant(), Json.mapper()
                .createObjectNode().put("month", month.toString()));
        return !flows.copies(probe, Set.of(agency), today).isEmpty();
    }

    /**
     * Sends a month's tables, unless sent already (or being sent by another replica).
     *
     * @param month the month
     * @param releases its tables, as published
     * @param today the day
     */
    public void sendTables(YearMonth month, List<EvaluationReleases.Release> releases, LocalDate today)
            throws SQLException {
        if (wasSent(NoticeType.EVALUATION_TABLES, month)) {
            return;
        }
        ObjectNode body = Json.mapper().createObjectNode().put("month", month.toString());
        ArrayNode tables = body.putArray("tables");
        for (EvaluationReleases.Release release : releases) {
            for (ObjectNode table : List.of(release.monthTable(), release.yearToDateTable())) {
                ObjectNode entry = tables.addObject();
                for (String field : List.of("table", "span", "from", "to")) {
                    entry.set(field, table.get(field));
                }
                entry.put("suppressedFrom", table.at("/rule/suppressedFrom").asInt());
                entry.put("suppressedTo", table.at("/rule/suppressedTo").asInt());
                entry.put("roundedTo", table.at("/rule/roundedTo").asInt());
                entry.put("csv", CountTableJson.csv(CountTableJson.table(table)));
            }
        }
        send(NoticeType.EVALUATION_TABLES, month, body, List.of(), today);
    }

    /**
     * Sends a month's extract, unless sent already (or being sent by another replica).
     *
     * @param month the month
     * @param extract the extract, as published
     * @param children the hub-wide pseudonyms of the children in it, for the sharing log
     * @param today the day
     */
    public void sendExtract(YearMonth month, JsonNode extract, List<String> children, LocalDate today)
            throws SQLException {
        if (wasSent(NoticeType.EVALUATION_EXTRACT, month)) {
            return;
        }
        ObjectNode body = Json.mapper().createObjectNode();
        for (String field : List.of("month", "from", "to", "columns", "dictionary")) {
            body.set(field, extract.get(field));
        }
        body.put("csv", EvaluationExtractJson.csv(extract));
        send(NoticeType.EVALUATION_EXTRACT, month, body, children, today);
    }

    private void send(NoticeType type, YearMonth month, ObjectNode body, List<String> children, LocalDate today)
            throws SQLException {
        Instant now = clock.instant();
        ObjectNode notice = notice(type, month, now, body);
        List<IngestContext.Gated> copies = flows.copies(notice, evaluators(), today);
        if (copies.isEmpty()) {
            LOG.debugf("no agreement in force carries %s records to the evaluators", type.code());
            return;
        }
        if (!claim(type, month, now)) {
            return;
        }
        SharingLogEvents.Source source = new SharingLogEvents.Source(notice.path("recordId").asText(), type.code(),
                timeliness.noticesFrom(), children, notice.path("occurredAt").asText(), now);
        try {
            dispatcher.deliverIssued(copies, month.toString(), source, QUEUE_WAIT).get(COMMIT_WAIT.toMillis(),
                    TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            LOG.warnf("the evaluation's %s of %s was not sent (%s); it is sent again once its claim lapses", type
                    .code(), month, e.getClass().getSimpleName());
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        sent(type, month);
        LOG.infof("sent the evaluation's %s of %s to %d recipients", type.code(), month, copies.size());
    }

    /** The notice, shaped as a record: its id follows from its type and month, so a resend is recognised. */
    private ObjectNode notice(NoticeType type, YearMonth month, Instant now, ObjectNode body) {
        ObjectNode notice = Json.mapper().createObjectNode();
        notice.put("recordId", UUID.nameUUIDFromBytes(("evaluation|" + type.code() + "|" + month).getBytes(
                StandardCharsets.UTF_8)).toString());
        notice.put("type", type.code());
        notice.put("schemaVersion", NoticeType.SCHEMA_VERSION);
        notice.put("sender", timeliness.noticesFrom());
        notice.put("occurredAt", now.toString());
        notice.set("body", body);
        return notice;
    }

    /** Claims the sending for this replica: false when it was sent, or another replica holds a live claim. */
    private boolean claim(NoticeType type, YearMonth month, Instant now) throws SQLException {
        try (Connection connection = database.dataSource().getConnection()) {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO evaluation_delivery "
                    + "(release_month, record_type, claimed_at) VALUES (?, ?, ?)")) {
                insert.setString(1, month.toString());
                insert.setString(2, type.code());
                insert.setObject(3, SqlTimes.of(now));
                insert.executeUpdate();
                return true;
            } catch (SQLException e) {
                if (!SqlStates.duplicateKey(e)) {
                    throw e;
                }
            }
            try (PreparedStatement reclaim = connection.prepareStatement("UPDATE evaluation_delivery SET claimed_at "
                    + "= ? WHERE release_month = ? AND record_type = ? AND sent_at IS NULL AND claimed_at < ?")) {
                reclaim.setObject(1, SqlTimes.of(now));
                reclaim.setString(2, month.toString());
                reclaim.setString(3, type.code());
                reclaim.setObject(4, SqlTimes.of(now.minus(CLAIM)));
                return reclaim.executeUpdate() == 1;
            }
        }
    }

    private void sent(NoticeType type, YearMonth month) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement update = connection.prepareStatement("UPDATE evaluation_delivery SET sent_at = ? "
                        + "WHERE release_month = ? AND record_type = ?")) {
            update.setObject(1, SqlTimes.of(clock.instant()));
            update.setString(2, month.toString());
            update.setString(3, type.code());
            update.executeUpdate();
        }
    }

    /** Whether a month's tables or extract were sent: the publisher looks each hour, and need build nothing then. */
    private boolean wasSent(NoticeType type, YearMonth month) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT sent_at FROM evaluation_delivery WHERE "
                        + "release_month = ? AND record_type = ?")) {
            select.setString(1, month.toString());
            select.setString(2, type.code());
            try (var row = select.executeQuery()) {
                return row.next() && row.getObject(1) != null;
            }
        }
    }
}
