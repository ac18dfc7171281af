package io.throughgate.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.throughgate.database.HubDatabase;
import io.throughgate.database.SqlTimes;
import io.throughgate.identity.AgencyIdentity;

/**
 * The audit of the auditors: every query a data protection officer makes of the sharing log is recorded, with who
 * asked (agency and certificate), when, what for, about which child (as the hub's pseudonyms, never identifiers)
 * and how many entries the answer held.
 */
@ApplicationScoped
public class DpoAudit {

    /**
     * One recorded query.
     *
     * @param position its position in the audit, for paging
     * @param id its id
     * @param askedAt when
     * @param agency the caller's agency
     * @param certificateSerial the DPO certificate's serial
     * @param action what was done: search, export, entry, subject-access, verification, audit (of the sharing
     *        log); consent-history, consent-decision, consent-list (of the consent registry); inbox-read (an
     *        agency's system fetching deliveries from its HTTPS inbox)
     * @param criteria the criteria, as JSON, without identifiers
     * @param subjectPseudonyms the child looked for, as the hub's pseudonyms; empty when no child was named
     * @param results how many entries (or records of the audit) the answer held
     */
    public record Query(long position, UUID id, Instant askedAt, String agency, String certificateSerial, String action,
            String criteria, List<String> subjectPseudonyms, int results) {
    }

    private static final int CRITERIA_LENGTH = 4000;

    @Inject
    HubDatabase database;

    @Inject
    Clock clock;

    /** Records a query; the answer is given only once this has succeeded. */
    public void record(DpoScope dpo, String action, String criteria, Collection<String> subjectPseudonyms,
            int results) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO dpo_query (id, asked_at, "
                        + "agency, certificate_serial, action, criteria, subject_pseudonyms, results) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setObject(2, SqlTimes.of(clock.instant()));
            insert.setString(3, dpo.agency());
            insert.setString(4, dpo.certificateSerial());
            insert.setString(5, action);
            insert.setString(6, criteria.length() > CRITERIA_LENGTH
                    ? criteria.substring(0, CRITERIA_LENGTH)
                    : criteria);
            insert.setString(7, subjectPseudonyms.isEmpty()
                    ? null
                    : String.join(" ", subjectPseudonyms.stream()
                            .sorted().toList()));
            insert.setInt(8, results);
            insert.executeUpdate();
        }
    }

    /**
     * Records a look-up by any caller, DPO or agency system (a child's consent history, for one), under the caller's
     * agency, so that the agency's DPO and the partnership's DPO see it in the audit.
     */
    public void record(AgencyIdentity caller, String action, String criteria, Collection<String> subjectPseudonyms,
            int results) throws SQLException {
        record(new DpoScope(caller.agency().code(), caller.isPartnershipDpo(), caller.certificateSerial()), action,
                criteria, subjectPseudonyms, results);
    }

    /**
     * The recorded queries a DPO may read, oldest first: their own agency's, or every agency's for the
     * partnership's DPO.
     *
     * @param after the position to continue after (the previous page's last), or 0 from the start
     */
    public List<Query> readableBy(DpoScope dpo, long after, int limit) throws SQLException {
        String sql = "SELECT position, id, asked_at, agency, certificate_serial, action, criteria, subject_pseudonyms, "
                + "results FROM dpo_query WHERE position > ?" + (dpo.wholeLog() ? "" : " AND agency = ?")
                + " ORDER BY position LIMIT ?";
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            int parameter = 1;
            statement.setLong(parameter++, after);
            if (!dpo.wholeLog()) {
                statement.setString(parameter++, dpo.agency());
            }
            statement.setInt(parameter, limit);
            List<Query> queries = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String pseudonyms = rows.getString(8);
                    queries.add(new Query(rows.getLong(1), rows.getObject(2, UUID.class), SqlTimes.instant(rows, 3),
                            rows.getString(4), rows.getString(5), rows.getString(6), rows.getString(7),
                            pseudonyms == null ? List.of() : Arrays.asList(pseudonyms.split(" ")), rows.getInt(9)));
                }
            }
            return queries;
        }
    }
}
