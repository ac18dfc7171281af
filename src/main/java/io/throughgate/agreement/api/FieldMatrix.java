package io.throughgate.agreement.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.throughgate.agreement.Agreement;
import io.throughgate.agreement.FieldAction;
import io.throughgate.agreement.FieldRule;
import io.throughgate.agreement.Flow;
import io.throughgate.agreement.RecipientRule;
import io.throughgate.agreement.RecordFieldCatalog;

/** Builds an agreement's field matrix from its flows and the record schemas' leaf fields. Pure. */
public final class FieldMatrix {

    /** The envelope's metadata fields: they travel with every record a flow lets through, whatever its rules. */
    public static final List<String> ENVELOPE_FIELDS = List.of("/recordId", "/type", "/schemaVersion", "/sender",
            "/occurredAt");
    /** Why the envelope fields are shared. */
    public static final String ENVELOPE_REASON = "envelope metadata";

    private final RecordFieldCatalog catalog;

    /** @param catalog the record schemas' fields */
    public FieldMatrix(RecordFieldCatalog catalog) {
        this.catalog = catalog;
    }

    /** The matrix of an agreement: one entry per flow, record type (sorted) and recipient rule. */
    public MatrixView of(Agreement agreement) {
        List<MatrixView.Entry> entries = new ArrayList<>();
        for (Flow flow : agreement.flows()) {
            SelectorView senders = SelectorView.of(flow.senders());
            for (String recordType : flow.recordTypes().stream().sorted().toList()) {
                List<FieldRuleView> fields = fields(flow, recordType);
                for (RecipientRule recipient : flow.recipients()) {
                    entries.add(new MatrixView.Entry(flow.id(), flow.purpose(), recordType, senders,
                            recipient.describe(), fields));
                }
            }
        }
        return new MatrixView(agreement.id(), agreement.version(), entries);
    }

    /** Every field of a record type with the flow's rule for it: the envelope metadata first, then schema order. */
    List<FieldRuleView> fields(Flow flow, String recordType) {
        List<FieldRuleView> fields = new ArrayList<>();
        for (String field : ENVELOPE_FIELDS) {
            fields.add(FieldRuleView.of(new FieldRule(field, FieldAction.SHARE, Optional.empty(), Optional.empty(),
                    Optional.of(ENVELOPE_REASON))));
        }
        for (String field : leafFields(flow, recordType)) {
            if (!ENVELOPE_FIELDS.contains(field)) {
                fields.add(FieldRuleView.of(field, flow.fields().ruleFor(field)));
            }
        }
        return fields;
    }

    // A record type without a schema makes the agreement invalid; its matrix then shows the fields the rules name,
    // so the DPO still sees what the agreement meant to do.
    private List<String> leafFields(Flow flow, String recordType) {
        if (catalog.recordTypes().contains(recordType)) {
            return catalog.leafFields(recordType);
        }
        return flow.fields().rules().stream().map(FieldRule::field).toList();
    }
}
