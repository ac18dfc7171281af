package io.throughgate.consent.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The shape of a withdrawal, for the API description only. */
@Schema(name = "ConsentWithdrawal", description = "A withdrawal of consent.")
record WithdrawalSchema(
        @Schema(required = true, examples = "CAMDEN-YOT/CONSENT/2026/0519", description = "Where the recording agency keeps the evidence of the withdrawal") String evidenceReference) {
}
