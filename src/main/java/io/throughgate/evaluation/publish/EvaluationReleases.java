package io.throughgate.evaluation.publish;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.throughgate.database.HubDatabase;
import io.throughgate.database.SqlStates;
import io.throughgate.database.SqlTimes;
import io.throughgate.disclosure.DisclosureContract;
import io.throughgate.disclosure.DisclosureRule;
import io.throughgate.disclosure.PublishedTable;
import io.throughgate.evaluation.CountTableJson;
import io.throughgate.evaluation.Counts;
import io.throughgate.evaluation.EvaluationMeasures;
import io.throughgate.evaluation.EvaluationYear;
import io.throughgate.evaluation.MonthlyRelease;
import io.throughgate.json.Json;

/**
 * The evaluation's monthly tables: made once a month has ended ({@link #publish}), stored as published and never
 * changed, so a month always reads the same. Each table's year to date runs from April (the evaluation year) or
 * from the first month published that year, and is protected beside the year to date published the month before.
 */
@ApplicationScoped
public class EvaluationReleases {

    /**
     * One table of a month as published.
     *
     * @param month the month
     * @param table the table
     * @param publishedAt when it was made
     * @param monthTable the month's counts, as published (JSON)
     * @param yearToDateTable the year to date's, as published (JSON)
     */
    public record Release(YearMonth month, PublishedTable table, Instant publishedAt, ObjectNode monthTable,
            ObjectNode yearToDateTable) {
    }

    /** A stored release, with what the next month needs. */
    private record Stored(Release release, YearMonth yearToDateFrom, Counts yearToDate) {
    }

    @Inject
    HubDatabase database;

    @Inject
    MonthlyCounts counts;

    @Inject
    DisclosureContract disclosure;

    @Inject
    Clock clock;

    /** The tables of a month, in the order of {@link EvaluationMeasures#tables()}; empty when not yet published. */
    public List<Release> of(YearMonth month) throws SQLException {
        List<Release> releases = new ArrayList<>();
        for (PublishedTable table : EvaluationMeasures.tables()) {
            stored(month, table).ifPresent(stored -> releases.add(stored.release()));
        }
        return releases;
    }

    /** The months published, newest first. */
    public List<YearMonth> months() throws SQLException {
        List<YearMonth> months = new ArrayList<>();
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT DISTINCT release_month FROM "
                        + "evaluation_release ORDER BY release_month DESC");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                months.add(YearMonth.parse(rows.getString(1)));
            }
        }
        return months;
    }

    /**
     * Makes and stores a month's tables, each unless it is stored already (by this replica or another), and answers
     * them as stored.
     *
     * @param month the month, which has ended
     * @param today the day the tables are made on: milestones due in the month and not met by then are missed
     */
    public List<Release> publish(YearMonth month, LocalDate today) throws SQLException {
        for (PublishedTable table : EvaluationMeasures.tables()) {
            if (stored(month, table).isEmpty()) {
                make(month, table, today);
            }
        }
        return of(month);
    }

    private void make(YearMonth month, PublishedTable table, LocalDate today) throws SQLException {
        DisclosureRule rule = disclosure.rule(table);
        Counts inMonth = counts.of(table, month, today);
        Optional<Stored> last = month.equals(EvaluationYear.start(month))
                ? Optional.empty()
                : stored(month.minusMonths(1),
                        table);
        Counts toDate = last.map(stored -> stored.yearToDate().reshaped(inMonth.boroughs(), inMonth.measures())
                .plus(inMonth)).orElse(inMonth);
        YearMonth from = last.map(Stored::yearToDateFrom).orElse(month);
        MonthlyRelease release = MonthlyRelease.protect(table, month, inMonth, toDate, last.map(stored -> CountTableJson
                .table(stored.release().yearToDateTable())), rule);
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO evaluation_release "
                        + "(release_month, table_name, year_to_date_from, published_at, year_to_date_counts, "
                        + "month_table, year_to_date_table) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, month.toString());
            insert.setString(2, table.code());
            insert.setString(3, from.toString());
            insert.setObject(4, SqlTimes.of(clock.instant()));
            insert.setString(5, Json.text(countsJson(toDate)));
            insert.setString(6, Json.text(CountTableJson.of(release.month(), month, rule)));
            insert.setString(7, Json.text(CountTableJson.of(release.yearToDate(), from, rule)));
            insert.executeUpdate();
        } catch (SQLException e) {
            if (!SqlStates.duplicateKey(e)) {
                throw e;
            }
            // Another replica made the month's table first: it is the one published.
        }
    }

    private Optional<Stored> stored(YearMonth month, PublishedTable table) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT year_to_date_from, published_at, "
                        + "year_to_date_counts, month_table, year_to_date_table FROM evaluation_release WHERE "
                        + "release_month = ? AND table_name = ?")) {
            select.setString(1, month.toString());
            select.setString(2, table.code());
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                ObjectNode monthTable = (ObjectNode) parse(row.getString(4));
                ObjectNode yearToDateTable = (ObjectNode) parse(row.getString(5));
                return Optional.of(new Stored(new Release(month, table, SqlTimes.instant(row, 2), monthTable,
                        yearToDateTable), YearMonth.parse(row.getString(1)), counts(parse(row.getString(3)))));
            }
        }
    }

    private static JsonNode countsJson(Counts counts) {
        ObjectNode json = Json.mapper().createObjectNode();
        counts.boroughs().forEach(json.putArray("boroughs")::add);
        counts.measures().forEach(json.putArray("measures")::add);
        var values = json.putArray("values");
        for (int[] row : counts.values()) {
            var line = values.addArray();
            for (int value : row) {
                line.add(value);
            }
        }
        return json;
    }

    private static Counts counts(JsonNode json) {
        List<String> boroughs = new ArrayList<>();
        json.path("boroughs").forEach(borough -> boroughs.add(borough.asText()));
        List<String> measures = new ArrayList<>();
        json.path("measures").forEach(measure -> measures.add(measure.asText()));
        int[][] values = new int[boroughs.size()][measures.size()];
        for (int row = 0; row < boroughs.size(); row++) {
            for (int column = 0; column < measures.size(); column++) {
                values[row][column] = json.path("values").path(row).path(column).asInt();
            }
        }
        return new Counts(boroughs, measures, values);
    }

    private static JsonNode parse(String text) throws SQLException {
        try {
            return Json.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new SQLException("a stored evaluation table is not JSON", e);
        }
    }
}
