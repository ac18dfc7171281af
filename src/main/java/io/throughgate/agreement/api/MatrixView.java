package io.throughgate.agreement.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An agreement's field matrix: for each flow, record type and recipient rule, what happens to every field of the
 * record type. It answers a DPO's question "what exactly does this recipient get?" without reading the rules.
 *
 * @param agreement the agreement's id
 * @param version its version
 * @param entries one per flow, record type and recipient rule, in flow order
 */
@Schema(name = "FieldMatrix", description = "What happens to every field of every record type each flow carries.")
public record MatrixView(
        @Schema(examples = "london-resettlement-direct-care") String agreement,
        @Schema(examples = "1") int version,
        List<Entry> entries) {

    /**
     * What one recipient rule of one flow gets of one record type.
     *
     * @param flow the flow's id
     * @param purpose the flow's purpose
     * @param recordType the record type
     * @param senders the agencies that may send it
     * @param recipient the recipient rule in words: an agency code, or the routing field and the kinds it may name
     * @param fields every field of the record type, envelope metadata first, then in schema order, each with the rule
     *        that applies to it
     */
    @Schema(name = "FieldMatrixEntry", description = "What one recipient rule of one flow gets of one record type.")
    public record Entry(
            @Schema(examples = "release-to-supervising-yot") String flow,
            @Schema(examples = "direct-care-resettlement") String purpose,
            @Schema(examples = "release-notification") String recordType,
            SelectorView senders,
            @Schema(examples = "agency named at /body/supervisingYot (yot)") String recipient,
            List<FieldRuleView> fields) {
    }
}
