package io.throughgate.dpo;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The OpenAPI description of a sharing-log search body (the hub reads the body itself, to name every violation). */
@Schema(name = "SharingLogSearch", description = "Search criteria; every criterion given must match")
public record SearchCriteria(
        @Schema(description = "The child, by one or more identifiers (nhsNumber, pncId, croNumber, nomisNumber, "
                + "probationCrn, upn, localCaseId); looked up as the hub's pseudonyms") Object subject,
        @Schema(description = "An agency that sent or received", example = "yot-camden") String agency,
        @Schema(description = "An agreement id") String agreement,
        @Schema(description = "A record type", example = "release-notification") String recordType,
        @Schema(enumeration = {
                "delivered", "withheld"}) String outcome,
        @Schema(description = "Received on or after: a date (London) or an instant", example = "2026-11-01") String from,
        @Schema(description = "Received on or before: a date (London, whole day) or an instant before which", example = "2026-11-30") String to,
        @Schema(description = "Continue after this entry index (the previous page's next)") Long after,
        @Schema(description = "The most entries to return, 1 to 10000", defaultValue = "100") Integer limit,
        @Schema(description = "Why the DPO searches, recorded in the audit of DPO queries", enumeration = {
                "subject-access-request", "complaint", "incident", "audit", "agreement-review"}) String reason){
}
