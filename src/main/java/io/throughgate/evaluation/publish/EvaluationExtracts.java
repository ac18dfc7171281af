package io.throughgate.evaluation.publish;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.throughgate.consent.ConsentCheck;
import io.throughgate.consent.ConsentRegistry;
import io.throughgate.database.HubDatabase;
import io.throughgate.database.SqlStates;
import io.throughgate.database.SqlTimes;
import io.throughgate.directory.Agency;
import io.throughgate.directory.AgencyDirectory;
import io.throughgate.directory.AgencyKind;
import io.throughgate.disclosure.DisclosureContract;
import io.throughgate.evaluation.EvaluationExtract;
import io.throughgate.evaluation.EvaluationExtractJson;
import io.throughgate.evaluation.EvaluationYear;
import io.throughgate.json.Json;
import io.throughgate.pseudonym.Pseudonyms;
import io.throughgate.timeliness.EvaluationSubjects;
import io.throughgate.timeliness.TimelinessContract;

/**
 * The evaluation's record-level extract of each month: made with the month's tables, stored as published and never
 * changed. A child is in it only if, on the day it is made, a consent decision for evaluation lets their release
 * notification go to the evaluators (as the evaluation agreement's rules ask), so a withdrawal keeps them out of every
 * extract made after it. Each extract has pseudonyms of its own: two months' rows cannot be joined.
 */
@ApplicationScoped
public class EvaluationExtracts {

    /** The consent purpose, and the record type whose consent the extract follows. */
    static final String EVALUATION = "evaluation";
    static final String RELEASE_NOTIFICATION = "release-notification";

    @Inject
    HubDatabase database;

    @Inject
    EvaluationSubjects subjects;

    @Inject
    ConsentRegistry consent;

    @Inject
    Pseudonyms pseudonyms;

    @Inject
    AgencyDirectory directory;

    @Inject
    DisclosureContract disclosure;

    @Inject
    TimelinessContract timeliness;

    @Inject
    Clock clock;

    /** A month's extract as published (JSON, with its data dictionary), if it is. */
    public Optional<ObjectNode> of(YearMonth month) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT extract FROM evaluation_extract WHERE "
                        + "release_month = ?")) {
            select.setString(1, month.toString());
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of((ObjectNode) Json.mapper().readTree(row.getString(1)));
            }
        } catch (JsonProcessingException e) {
            throw new SQLException("a stored evaluation extract is not JSON", e);
        }
    }

    /** The hub-wide pseudonyms of the children in a month's extract as published, for the sharing log. */
    public List<String> subjects(YearMonth month) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT subject_pseudonyms FROM "
                        + "evaluation_extract WHERE release_month = ?")) {
            select.setString(1, month.toString());
            try (ResultSet row = select.executeQuery()) {
                return row.next() && !row.getString(1).isEmpty() ? List.of(row.getString(1).split(",")) : List.of();
            }
        }
    }

    /**
     * Makes and stores a month's extract unless it is stored already, and answers it as stored.
     *
     * @param month the month, which has ended
     * @param today the day it is made on: consent as it stands then, milestones judged then
     * @throws TimeoutException if the hub cannot be sure of the current consent (Kafka unavailable): nothing is made
     */
    public ObjectNode publish(YearMonth month, LocalDate today) throws SQLException, TimeoutException {
        Optional<ObjectNode> stored = of(month);
        if (stored.isPresent()) {
            return stored.get();
        }
        EvaluationExtract extract = make(month, today);
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO evaluation_extract "
                        + "(release_month, published_at, extract, subject_pseudonyms) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, month.toString());
            insert.setObject(2, SqlTimes.of(clock.instant()));
            insert.setString(3, Json.text(EvaluationExtractJson.of(extract)));
            insert.setString(4, String.join(",", extract.subjects()));
            insert.executeUpdate();
        } catch (SQLException e) {
            if (!SqlStates.duplicateKey(e)) {
                throw e;
            }
            // Another replica made it first: its extract is the one published.
        }
        return of(month).orElseThrow(() -> new SQLException("the extract of " + month + " was not stored"));
    }

    /** The month's extract as it would be made today. */
    public EvaluationExtract make(YearMonth month, LocalDate today) throws SQLException, TimeoutException {
        Optional<Agency> evaluators = directory.ofKind(AgencyKind.EVAL).stream().findFirst();
        // Every decision and withdrawal acknowledged before now, on any replica.
        ConsentCheck check = consent.currentCheck();
        String domain = "evaluation-extract:" + month;
        return EvaluationExtract.of(month, subjects.releasedBetween(EvaluationYear.start(month).atDay(1), month
                .atEndOfMonth()),
                member -> evaluators.isPresent() && check.answer(member.pseudonyms(), EVALUATION,
                        evaluators.get(), RELEASE_NOTIFICATION, today).permitted(),
                member -> pseudonyms.of(domain, "hub-pseudonym", member.pseudonyms().get(0)), code -> directory.find(
                        code).map(agency -> agency.kind().code()).orElse(EvaluationExtract.NOT_KNOWN),
                disclosure.extract(), timeliness, today);
    }
}
