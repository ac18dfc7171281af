package io.throughgate.ingest;

import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import io.throughgate.api.Problem;
import io.throughgate.deliver.DeliveryDispatcher;
import io.throughgate.deliver.ReceiptStore;
import io.throughgate.exchange.IngestContext;
import io.throughgate.failure.ErrorCode;
import io.throughgate.failure.Failure;
import io.throughgate.json.CanonicalJson;
import io.throughgate.record.schema.RecordSchemas;
import io.throughgate.record.schema.Violation;

/**
 * Intake steps: parse the body within limits, validate it against its record schema, check that the sender is the
 * certificate's agency, and claim its record id so a retry never delivers twice.
 */
@ApplicationScoped
@Named("recordIntake")
public class RecordIntake {

    private final RecordParser parser = new RecordParser();

    @Inject
    RecordSchemas schemas;

    @Inject
    DeliveryDispatcher dispatcher;

    /** Parses the body into a JSON tree, refusing malformed, hostile or oversized input. */
    public IngestContext parse(IngestContext context) {
        if (context.record() != null) {
            // A batch's line arrives parsed.
            return context;
        }
        context.parsed(parser.parse(context.body()));
        return context;
    }

    /** Validates the record against the envelope and its type's schema, listing every violation. */
    public IngestContext validate(IngestContext context) {
        List<Violation> violations = schemas.validate(context.record());
        if (!violations.isEmpty()) {
            context.fail(ErrorCode.INVALID_RECORD, "The record has " + violations.size() + " invalid "
                    + (violations.size() == 1 ? "field." : "fields."),
                    violations.stream().map(
                            violation -> new Problem.Violation(violation.pointer(), violation.reason())).toList());
        }
        return context;
    }

    /** Refuses a record whose sender is not the agency of the client certificate. */
    public IngestContext checkSender(IngestContext context) {
        String code = context.caller().agency().code();
        if (!context.record().path("sender").asText().equals(code)) {
            context.fail(new Failure(ErrorCode.SENDER_MISMATCH, "The sender must be " + code
                    + ", the agency of your client certificate.", "/sender"));
        }
        return context;
    }

    /** Claims the record id; a retry of a delivered record gets its stored receipt instead. */
    public IngestContext claim(IngestContext context) throws SQLException {
        UUID id = UUID.fromString(context.record().path("recordId").asText());
        String sha256 = CanonicalJson.sha256(context.record());
        ReceiptStore.Claim claim = dispatcher.receipts().claim(id, context.caller().agency().code(), sha256,
                context.receivedAt());
        switch (claim.state()) {
            case CLAIMED -> context.claimed(id, sha256, claim.token().orElseThrow());
            case DELIVERED -> context.storedReceipt(claim.receipt().orElseThrow());
            case CONFLICT -> context.fail(new Failure(ErrorCode.RECORD_ID_CONFLICT, "This record id was used "
                    + "before with other content; a new record needs a new id.", "/recordId"));
            case IN_PROGRESS -> context.fail(new Failure(ErrorCode.RECORD_IN_PROGRESS, "A record with this id is "
                    + "being delivered now; retry shortly for its receipt.", "/recordId"));
        }
        return context;
    }
}
