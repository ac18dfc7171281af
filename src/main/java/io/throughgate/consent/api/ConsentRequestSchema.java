package io.throughgate.consent.api;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The shape of a consent request, for the API description only: requests are read field by field by
 * {@link ConsentRequestReader} so that every violation is reported with its pointer.
 */
@Schema(name = "ConsentRequest", description = "A consent decision to record.")
record ConsentRequestSchema(
        @Schema(required = true, description = "The child: at least one identifier, the date of birth and whether "
                + "looked after; stored only as the hub's pseudonyms") SubjectSchema subject,
        @Schema(required = true, examples = "health-information-sharing", description = "A purpose that takes consent, from contracts/purposes.yaml") String purpose,
        @Schema(description = "What the decision covers; an empty or absent list places no limit") ScopeSchema scope,
        @Schema(required = true, enumeration = {
                "permit", "deny"}) String decision,
        @Schema(required = true) LocalDate validFrom,
        LocalDate validUntil,
        @Schema(required = true) DecidedBySchema decidedBy,
        @Schema(required = true, examples = "CAMDEN-YOT/CONSENT/2026/0412", description = "Where the recording agency keeps the signed form or case note") String evidenceReference){

    /** The child. */
    record SubjectSchema(@Schema(examples = "9995260182") String nhsNumber, String pncId, String croNumber,
            String nomisNumber, String probationCrn, String upn, LocalCaseIdSchema localCaseId,
            @Schema(required = true) LocalDate dateOfBirth, Boolean lookedAfter) {
    }

    /** A local case id. */
    record LocalCaseIdSchema(String agency, String id) {
    }

    /** The scope. */
    record ScopeSchema(List<String> recipients, List<String> recipientKinds, List<String> recordTypes) {
    }

    /** Who decided. */
    record DecidedBySchema(
            @Schema(required = true, enumeration = {
                    "child", "parental-responsibility",
                    "local-authority"}) String role,
            String description, CompetenceSchema competenceAssessment){
    }

    /** A competence assessment. */
    record CompetenceSchema(String assessedBy, LocalDate assessedOn,
            @Schema(enumeration = {
                    "competent", "not-competent"}) String outcome){
    }
}
