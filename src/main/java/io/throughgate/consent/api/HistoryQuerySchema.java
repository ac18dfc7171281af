package io.throughgate.consent.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The shape of a consent history query, for the API description only. */
@Schema(name = "ConsentHistoryQuery", description = "The child whose consent history is wanted.")
record HistoryQuerySchema(@Schema(required = true) ConsentRequestSchema.SubjectSchema subject,
        @Schema(description = "Why the DPO looks, recorded in the audit of DPO queries", enumeration = {
                "subject-access-request", "complaint", "incident", "audit", "agreement-review"}) String reason){
}
