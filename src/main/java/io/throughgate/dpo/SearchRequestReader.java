package io.throughgate.dpo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.throughgate.api.Problem;
import io.throughgate.audit.AuditReason;
import io.throughgate.audit.DpoScope;
import io.throughgate.consent.api.SubjectReader;
import io.throughgate.directory.AgencyDirectory;
import io.throughgate.pseudonym.SubjectPseudonyms;
import io.throughgate.sharinglog.LogSearch;

/**
 * Reads a DPO's search of the sharing log from a request body. The child, when named, is named by identifiers in
 * the body (never in a URL) and turned into the hub's pseudonyms at once; the identifiers go no further.
 */
final class SearchRequestReader {

    /** The most entries one page holds. */
    static final int MOST = 10_000;
    static final int DEFAULT_LIMIT = 100;
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final Set<String> MEMBERS = Set.of("subject", "agency", "agreement", "recordType", "outcome",
            "from", "to", "after", "limit", "reason");
    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,127}");

    private final AgencyDirectory directory;
    private final SubjectPseudonyms pseudonyms;
    private final List<Problem.Violation> violations = new ArrayList<>();

    SearchRequestReader(AgencyDirectory directory, SubjectPseudonyms pseudonyms) {
        this.directory = directory;
        this.pseudonyms = pseudonyms;
    }

    /** The violations found by the last read. */
    List<Problem.Violation> violations() {
        return violations;
    }

    /** The search, or empty with {@link #violations()} when the body is not a valid search. */
    Optional<LogSearch> read(JsonNode body, DpoScope dpo) {
        violations.clear();
        if (!body.isObject()) {
            violations.add(new Problem.Violation("", "must be a JSON object of search criteria"));
            return Optional.empty();
        }
        body.fieldNames().forEachRemaining(name -> {
            if (!MEMBERS.contains(name)) {
                violations.add(new Problem.Violation("/" + name, "is not allowed (unknown field)"));
            }
        });
        Set<String> subject = Set.of();
        if (body.has("subject")) {
            SubjectReader.checkIdentified(body.get("subject"), violations);
            if (violations.isEmpty()) {
                subject = pseudonyms.lookup(body.get("subject"));
            }
        }
        Optional<String> agency = code(body, "agency");
        agency.filter(code -> directory.find(code).isEmpty()).ifPresent(code -> violations.add(
                new Problem.Violation("/agency", "is not an agency of the directory")));
        Optional<String> outcome = code(body, "outcome");
        outcome.filter(value -> !value.equals("delivered") && !value.equals("withheld")).ifPresent(value -> violations
                .add(new Problem.Violation("/outcome", "must be delivered or withheld")));
        Optional<Instant> from = time(body, "from", false);
        Optional<Instant> to = time(body, "to", true);
        long after = number(body, "after", -1, -1, Long.MAX_VALUE);
        long limit = number(body, "limit", DEFAULT_LIMIT, 1, MOST);
        AuditReason.read(body, violations);
        if (!violations.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new LogSearch(dpo.visibleTo(), subject, agency, code(body, "agreement"), code(body,
                "recordType"), outcome, from, to, after, (int) limit));
    }

    /** The criteria as recorded in the audit: everything but the child's identifiers. */
    static String auditCriteria(JsonNode body) {
        if (!body.isObject()) {
            return "{}";
        }
        ObjectNode criteria = ((ObjectNode) body).deepCopy();
        if (criteria.has("subject")) {
            criteria.put("subject", "(identifiers, recorded as pseudonyms)");
        }
        return criteria.toString();
    }

    private Optional<String> code(JsonNode body, String name) {
        JsonNode value = body.path(name);
        if (value.isMissingNode()) {
            return Optional.empty();
        }
        if (!value.isTextual() || !CODE.matcher(value.asText()).matches()) {
            violations.add(new Problem.Violation("/" + name, "must be a code of lowercase letters, digits and "
                    + "hyphens"));
            return Optional.empty();
        }
        return Optional.of(value.asText());
    }

    /** A date (a whole day in London: from its start, or to its end) or an instant. */
    private Optional<Instant> time(JsonNode body, String name, boolean endOfDay) {
        JsonNode value = body.path(name);
        if (value.isMissingNode()) {
            return Optional.empty();
        }
        if (value.isTextual()) {
            try {
                LocalDate day = LocalDate.parse(value.asText());
                return Optional.of((endOfDay ? day.plusDays(1) : day).atStartOfDay(LONDON).toInstant());
            } catch (DateTimeParseException notADate) {
                try {
                    return Optional.of(Instant.parse(value.asText()));
                } catch (DateTimeParseException notAnInstant) {
                    // reported below
                }
            }
        }
        violations.add(new Problem.Violation("/" + name, "must be a date such as 2026-11-22 or an instant such as "
                + "2026-11-22T09:30:00Z"));
        return Optional.empty();
    }

    private long number(JsonNode body, String name, long absent, long least, long most) {
        JsonNode value = body.path(name);
        if (value.isMissingNode()) {
            return absent;
        }
        if (!value.canConvertToLong() || !value.isIntegralNumber() || value.asLong() < least || value
                .asLong() > most) {
            violations.add(new Problem.Violation("/" + name, "must be a whole number from " + least + " to " + most));
            return absent;
        }
        return value.asLong();
    }
}
