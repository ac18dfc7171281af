package io.throughgate.consent.fhir;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.throughgate.config.ClockProducer;
import io.throughgate.consent.CompetenceAssessment;
import io.throughgate.consent.ConsentDecision;
import io.throughgate.consent.Decider;
import io.throughgate.consent.DeciderRole;
import io.throughgate.consent.Provision;
import io.throughgate.purpose.Purpose;

/**
 * Maps a consent decision to an HL7 FHIR R4 Consent resource (https://hl7.org/fhir/R4/consent.html), core R4 only:
 * no profile, no extension. The child appears only as the hub's subject pseudonym, agencies by their directory code.
 * Times are London local times with their offset, so that the date of a dateTime is the date in London.
 *
 * <p>
 * Choices the mapping makes:
 * <ul>
 * <li>{@code status} is {@code inactive} once the decision is withdrawn or its last day has passed, and
 * {@code active} otherwise, including before its first day: when it starts is {@code provision.period.start}.</li>
 * <li>A withdrawal ends the decision early, so it becomes {@code provision.period.end} (a dateTime) when it falls
 * within the period; a withdrawal before the first day leaves the period as decided, as an end before the start
 * would break R4's per-1, and {@code inactive} already says the decision never applied. Who recorded the withdrawal
 * and its evidence are not carried: core R4 has no element for them.</li>
 * <li>The child's competence assessment is carried as {@code verification}, the closest core R4 element: the
 * assessor goes in {@code verifiedWith.display} and the outcome in {@code verified}.</li>
 * <li>An empty recipient or record-type scope places no limit, so it leaves out {@code provision.actor} or
 * {@code provision.class}: in R4 a provision without them applies to every actor and class.</li>
 * </ul>
 * Pure and thread-safe: the output depends on the arguments only.
 */
public final class FhirConsentMapper {

    /** The media type of the output. */
    public static final String MEDIA_TYPE = "application/fhir+json";
    static final String SUBJECT_PSEUDONYM = "urn:throughgate:subject-pseudonym";
    static final String AGENCY = "urn:throughgate:agency";
    static final String EVIDENCE = "urn:throughgate:evidence";
    static final String PURPOSE = "urn:throughgate:purpose";
    static final String RECORD_TYPE = "urn:throughgate:record-type";
    private static final ZoneId ZONE = ClockProducer.LONDON;

    /**
     * The decision as an R4 Consent.
     *
     * @param decision the decision
     * @param purpose the decision's purpose, for its title
     * @param today the day the status is given for, in London
     * @throws IllegalArgumentException if the purpose is not the decision's, or the decision names no subject
     */
    public ObjectNode map(ConsentDecision decision, Purpose purpose, LocalDate today) {
        if (!purpose.id().equals(decision.purpose())) {
            throw new IllegalArgumentException("purpose " + purpose.id() + " is not the decision's purpose, "
                    + decision.purpose());
        }
        if (decision.subjectPseudonyms().isEmpty()) {
            throw new IllegalArgumentException("decision " + decision.id() + " has no subject pseudonym");
        }
        ObjectNode consent = FhirElements.object().put("resourceType", "Consent").put("id", decision.id()
                .toString());
        consent.put("status", status(decision, today));
        consent.set("scope", FhirElements.concept(FhirElements.coding(
                "http://terminology.hl7.org/CodeSystem/consentscope", "patient-privacy", "Privacy Consent")));
        consent.putArray("category").add(FhirElements.concept(FhirElements.coding("http://loinc.org", "59284-0",
                "Patient Consent")));
        consent.set("patient", FhirElements.identified(SUBJECT_PSEUDONYM, decision.subjectPseudonyms().get(0)));
        consent.put("dateTime", FhirElements.dateTime(decision.recordedAt(), ZONE));
        consent.putArray("performer").add(FhirElements.described(performer(decision.decidedBy())));
        consent.putArray("organization").add(FhirElements.identified(AGENCY, decision.recordedBy()));
        consent.set("sourceReference", FhirElements.identified(EVIDENCE, decision.evidenceReference()));
        consent.putArray("policy").addObject().put("uri", PURPOSE + ":" + purpose.id());
        decision.decidedBy().competence().ifPresent(assessment -> consent.putArray("verification").add(
                verification(assessment)));
        consent.set("provision", provision(decision, purpose));
        return consent;
    }

    /** R4 ConsentState: inactive once withdrawn or past its last day. */
    static String status(ConsentDecision decision, LocalDate today) {
        boolean ended = decision.withdrawal().isPresent() || decision.validUntil().filter(today::isAfter).isPresent();
        return ended ? "inactive" : "active";
    }

    private ObjectNode provision(ConsentDecision decision, Purpose purpose) {
        String type = decision.provision() == Provision.PERMIT ? "permit" : "deny";
        ObjectNode provision = FhirElements.object().put("type", type);
        ObjectNode period = provision.putObject("period").put("start", decision.validFrom().toString());
        end(decision).ifPresent(end -> period.put("end", end));
        ArrayNode actors = FhirElements.object().arrayNode();
        decision.scope().recipients().stream().sorted().forEach(code -> actors.add(recipient(FhirElements
                .identified(AGENCY, code))));
        decision.scope().recipientKinds().stream().sorted().forEach(kind -> actors.add(recipient(FhirElements
                .described("every " + kind.description()))));
        if (!actors.isEmpty()) {
            provision.set("actor", actors);
        }
        provision.putArray("purpose").add(FhirElements.coding(PURPOSE, purpose.id(), purpose.title()));
        if (!decision.scope().recordTypes().isEmpty()) {
            ArrayNode classes = provision.putArray("class");
            decision.scope().recordTypes().stream().sorted().forEach(code -> classes.add(FhirElements.coding(
                    RECORD_TYPE, code, null)));
        }
        return provision;
    }

    /** The period's end: a withdrawal within the period, else the last day, if any. */
    private static Optional<String> end(ConsentDecision decision) {
        Optional<Instant> withdrawn = decision.withdrawal().map(ConsentDecision.Withdrawal::withdrawnAt);
        Instant first = decision.validFrom().atStartOfDay(ZONE).toInstant();
        Optional<Instant> afterLast = decision.validUntil().map(last -> last.plusDays(1).atStartOfDay(ZONE)
                .toInstant());
        if (withdrawn.isPresent() && !withdrawn.get().isBefore(first) && afterLast.map(withdrawn.get()::isBefore)
                .orElse(true)) {
            return withdrawn.map(instant -> FhirElements.dateTime(instant, ZONE));
        }
        return decision.validUntil().map(LocalDate::toString);
    }

    /** The child's competence assessment: who assessed, when, and whether the child was found competent. */
    private static ObjectNode verification(CompetenceAssessment assessment) {
        ObjectNode verification = FhirElements.object().put("verified", assessment.competent());
        verification.set("verifiedWith", FhirElements.described("Gillick competence assessment by "
                + assessment.assessedBy()));
        return verification.put("verificationDate", assessment.assessedOn().toString());
    }

    private static ObjectNode recipient(ObjectNode reference) {
        ObjectNode actor = FhirElements.object();
        actor.set("role", FhirElements.concept(FhirElements.coding(
                "http://terminology.hl7.org/CodeSystem/v3-ParticipationType", "IRCP", "information recipient")));
        actor.set("reference", reference);
        return actor;
    }

    /** Who decided, in words; the child is never described further, so that no name can reach the output. */
    private static String performer(Decider decider) {
        String role = switch (decider.role()) {
            case CHILD -> "the child";
            case PARENTAL_RESPONSIBILITY -> "person with parental responsibility";
            case LOCAL_AUTHORITY -> "local authority";
        };
        if (decider.role() == DeciderRole.CHILD) {
            return role;
        }
        return decider.description().filter(text -> !text.isBlank()).map(text -> role + " (" + text.strip() + ")")
                .orElse(role);
    }
}
