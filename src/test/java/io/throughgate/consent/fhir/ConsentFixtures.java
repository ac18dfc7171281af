package io.throughgate.consent.fhir;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.throughgate.consent.CompetenceAssessment;
import io.throughgate.consent.ConsentDecision;
import io.throughgate.consent.ConsentScope;
import io.throughgate.consent.Decider;
import io.throughgate.consent.DeciderRole;
import io.throughgate.consent.Provision;
import io.throughgate.directory.AgencyKind;
import io.throughgate.purpose.Purpose;

/**
 * A realistic consent decision: a 14-year-old at HMYOI Feltham, assessed Gillick competent, consents to health
 * information sharing with two health bodies and every YOT. The child is held only as pseudonyms, made here the way
 * the hub makes them (HMAC-SHA-256 of kind and identifier under a test key).
 */
final class ConsentFixtures {

    /** A valid NHS number (check digit 9); it is only ever an input to a pseudonym. */
    static final String NHS_NUMBER = "9434765919";
    static final String NOMIS_NUMBER = "A1234BC";
    static final String NHS_PSEUDONYM = pseudonym("nhs-number:" + NHS_NUMBER);
    static final String NOMIS_PSEUDONYM = pseudonym("nomis-number:" + NOMIS_NUMBER);
    static final UUID ID = UUID.fromString("6f1c2d3e-4b5a-4c6d-8e7f-90a1b2c3d4e5");
    static final Purpose HEALTH = new Purpose("health-information-sharing",
            "Sharing clinical detail between custody and community clinicians for the child's care",
            "dpv:ServiceProvision", true);
    static final CompetenceAssessment COMPETENT = new CompetenceAssessment(
            "CAMHS practitioner, HMYOI Feltham health team", LocalDate.of(2026, 5, 12), true);

    private ConsentFixtures() {
    }

    static ConsentDecision decision() {
        ConsentScope scope = new ConsentScope(Set.of("health-nhse-health-justice", "health-icb-north-central-london"),
                Set.of(AgencyKind.YOT), Set.of("health-summary"));
        Decider child = new Decider(DeciderRole.CHILD, Optional.empty(), Optional.of(COMPETENT));
        return new ConsentDecision(ID, List.of(NHS_PSEUDONYM, NOMIS_PSEUDONYM), HEALTH.id(), scope, Provision.PERMIT,
                LocalDate.of(2026, 5, 14), Optional.of(LocalDate.of(2027, 5, 13)), child, "yoi-feltham",
                "FEL-HC-2026-0412", Instant.parse("2026-05-14T09:41:27.318Z"), Optional.empty());
    }

    static ConsentDecision decidedBy(Decider decider) {
        ConsentDecision d = decision();
        return new ConsentDecision(d.id(), d.subjectPseudonyms(), d.purpose(), d.scope(), d.provision(),
                d.validFrom(), d.validUntil(), decider, d.recordedBy(), d.evidenceReference(), d.recordedAt(),
                d.withdrawal());
    }

    static ConsentDecision scoped(ConsentScope scope, Provision provision, Optional<LocalDate> validUntil) {
        ConsentDecision d = decision();
        return new ConsentDecision(d.id(), d.subjectPseudonyms(), d.purpose(), scope, provision, d.validFrom(),
                validUntil, d.decidedBy(), d.recordedBy(), d.evidenceReference(), d.recordedAt(), d.withdrawal());
    }

    private static String pseudonym(String input) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec("test-only subject key".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "k2026a." + Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(input.getBytes(
                    StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
