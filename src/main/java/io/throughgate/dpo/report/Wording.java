package io.throughgate.dpo.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.throughgate.agreement.Article6Basis;
import io.throughgate.agreement.Article9Condition;
import io.throughgate.agreement.Schedule1Condition;
import io.throughgate.consent.DeciderRole;

/**
 * The plain words of the subject access report for the codes of the sharing log and the consent registry. Any code
 * it does not know is returned as it is, so nothing is hidden from the reader.
 */
final class Wording {

    /** Times are shown as UK times. */
    static final ZoneId UK = ZoneId.of("Europe/London");

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.UK);
    private static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("d MMMM uuuu 'at' HH:mm",
            Locale.UK);
    private static final Pattern WORD_BOUNDARY = Pattern.compile("(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])");
    private static final Map<String, String> ACRONYMS = Map.ofEntries(Map.entry("camhs", "CAMHS"),
            Map.entry("chat", "CHAT"), Map.entry("cro", "CRO"), Map.entry("crn", "CRN"), Map.entry("dto", "DTO"),
            Map.entry("ete", "ETE"), Map.entry("gp", "GP"), Map.entry("gss", "GSS"), Map.entry("id", "ID"),
            Map.entry("nhs", "NHS"), Map.entry("nomis", "NOMIS"), Map.entry("pnc", "PNC"), Map.entry("rotl", "ROTL"),
            Map.entry("upn", "UPN"), Map.entry("ycs", "YCS"), Map.entry("yot", "YOT"));
    private static final String NOT_NAMED = "not named in the agreement";
    private static final String WITHHELD_BY_AGREEMENT = "withheld by the agreement";
    private static final Pattern CONSENT_REFUSED = Pattern.compile("consent for (\\S+) refused");
    private static final Pattern NO_CONSENT = Pattern.compile("no consent for (\\S+) covers \\S+");
    private static final Pattern CANNOT_BE = Pattern.compile("cannot be (\\w+) for this recipient");

    private Wording() {
    }

    /** A moment as a UK day and time, e.g. "12 November 2026 at 14:03". */
    static String dayAndTime(Instant instant) {
        return DAY_AND_TIME.format(instant.atZone(UK));
    }

    /** A day, e.g. "1 November 2026". */
    static String day(LocalDate day) {
        return DAY.format(day);
    }

    /** The sender's "occurred at" (an RFC 3339 date-time) in words; anything else as it is. */
    static String occurredAt(String value) {
        try {
            return dayAndTime(OffsetDateTime.parse(value).toInstant());
        } catch (DateTimeParseException notDateTime) {
            try {
                return day(LocalDate.parse(value));
            } catch (DateTimeParseException notDay) {
                return value;
            }
        }
    }

    /**
     * A field's JSON pointer as words: {@code /body/health/clinicalDetail} reads "body › health › clinical detail",
     * {@code /subject/nhsNumber} "subject › NHS number", and {@code *} (any item of a list) "each item".
     */
    static String fieldLabel(String pointer) {
        if (pointer == null || pointer.isEmpty() || pointer.equals("/")) {
            return "the whole record";
        }
        List<String> parts = new ArrayList<>();
        for (String segment : pointer.substring(pointer.startsWith("/") ? 1 : 0).split("/", -1)) {
            // RFC 6901 section 4: ~1 is '/', then ~0 is '~'.
            String name = segment.replace("~1", "/").replace("~0", "~");
            parts.add(name.equals("*") ? "each item" : words(name));
        }
        return String.join(" › ", parts);
    }

    /** A record type in words, e.g. {@code health-summary} reads "health summary". */
    static String recordType(String type) {
        return words(type);
    }

    /** How a field that went was treated, for a field outcome code. */
    static String fieldOutcome(String outcome) {
        return switch (outcome == null ? "" : outcome) {
            case "share" -> "Shared as it is.";
            case "pseudonymise" -> "Replaced by a code (pseudonymised), so the receiver does not see the real "
                    + "value.";
            case "generalise" -> "Made less exact (generalised), for example a month instead of a full date.";
            case "encrypt" -> "Locked (encrypted) so that only the receiver can read it.";
            default -> outcome == null ? "Not recorded." : outcome;
        };
    }

    /** Why a field was withheld, in words; purpose ids become their titles. */
    static String withheldReason(String reason, UnaryOperator<String> purposeTitle) {
        if (reason == null || reason.isBlank()) {
            return "No reason was recorded.";
        }
        if (reason.equals(NOT_NAMED)) {
            return "The agreement does not allow it to be shared.";
        }
        if (reason.equals(WITHHELD_BY_AGREEMENT)) {
            return "The agreement says it must not be shared.";
        }
        Matcher refused = CONSENT_REFUSED.matcher(reason);
        if (refused.matches()) {
            return "Consent to share it was refused (for: " + purposeTitle.apply(refused.group(1)) + ").";
        }
        Matcher noConsent = NO_CONSENT.matcher(reason);
        if (noConsent.matches()) {
            return "It needs consent, and no consent covered this receiver (for: "
                    + purposeTitle.apply(noConsent.group(1)) + ").";
        }
        Matcher cannot = CANNOT_BE.matcher(reason);
        if (cannot.matches()) {
            return "It could not be " + cannot.group(1) + " for this receiver, so it was not sent.";
        }
        return "The agreement says: " + reason;
    }

    /** The UK GDPR Article 6 basis in words. */
    static String article6(String code) {
        return Article6Basis.fromCode(code).map(basis -> switch (basis) {
            case CONSENT -> "Consent (UK GDPR Article 6(1)(a)): you, or someone allowed to decide for you, agreed.";
            case CONTRACT -> "Contract (UK GDPR Article 6(1)(b)): it was needed for a contract with you.";
            case LEGAL_OBLIGATION -> "Legal obligation (UK GDPR Article 6(1)(c)): the law requires the agency to "
                    + "share it.";
            case VITAL_INTERESTS -> "Vital interests (UK GDPR Article 6(1)(d)): it was needed to protect someone's "
                    + "life.";
            case PUBLIC_TASK -> "Public task (UK GDPR Article 6(1)(e)): sharing it is part of the agencies' official "
                    + "work for the public.";
            case LEGITIMATE_INTERESTS -> "Legitimate interests (UK GDPR Article 6(1)(f)): it was needed for the "
                    + "agency's legitimate interests.";
        }).orElse(code);
    }

    /** A UK GDPR Article 9 condition (for health and other special information) in words. */
    static String article9(String code) {
        return Article9Condition.fromCode(code).map(condition -> switch (condition) {
            case EXPLICIT_CONSENT -> "Explicit consent (UK GDPR Article 9(2)(a)): you, or someone allowed to decide "
                    + "for you, clearly agreed.";
            case SUBSTANTIAL_PUBLIC_INTEREST -> "Substantial public interest (UK GDPR Article 9(2)(g)), under a "
                    + "condition of the Data Protection Act 2018.";
            case HEALTH_OR_SOCIAL_CARE -> "Health or social care (UK GDPR Article 9(2)(h)): it was needed for your "
                    + "health care or social care.";
            case RESEARCH_AND_STATISTICS -> "Research and statistics (UK GDPR Article 9(2)(j)), with safeguards.";
        }).orElse(code);
    }

    /** A Data Protection Act 2018 Schedule 1 condition in words. */
    static String schedule1(String code) {
        return Schedule1Condition.fromCode(code).map(condition -> "Data Protection Act 2018, " + condition
                .description() + ".").orElse(code);
    }

    /** Who decided, by role. */
    static String decider(DeciderRole role) {
        return switch (role) {
            case CHILD -> "You";
            case PARENTAL_RESPONSIBILITY -> "A person with parental responsibility for you";
            case LOCAL_AUTHORITY -> "The local authority that looks after you";
        };
    }

    /** "1 item" or "2 items". */
    static String count(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    private static String words(String name) {
        if (name == null) {
            return "not recorded";
        }
        List<String> words = new ArrayList<>();
        for (String part : name.split("[-_\\s]+")) {
            for (String word : WORD_BOUNDARY.split(part)) {
                if (!word.isEmpty()) {
                    String lower = word.toLowerCase(Locale.ROOT);
                    words.add(ACRONYMS.getOrDefault(lower, word.length() > 1 && word.equals(word.toUpperCase(
                            Locale.ROOT)) ? word : lower));
                }
            }
        }
        return words.isEmpty() ? name : String.join(" ", words);
    }
}
