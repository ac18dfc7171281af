package io.throughgate.agreement;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import io.throughgate.contract.ContractProblem;
import io.throughgate.record.schema.DataCategory;
import io.throughgate.record.schema.ProtectedField;

/**
 * What a draft of an agreement would change from the version in force, rule by rule: flows and recipients gained or
 * lost, fields newly released, newly withheld or changed in form, consent now needed or no longer needed. It also
 * refuses a draft that widens the sharing of a special-category or criminal offence field without naming, on that
 * field's rule, the conditions it rests on ({@link FieldBasis}). The replay of a draft over the sharing log says how
 * often each change would have mattered; this says what the change is.
 */
public final class AgreementChanges {

    /** What changed. */
    public enum Kind {

        /** A flow the version in force does not have. */
        FLOW_ADDED("flow added"),
        /** A flow the draft no longer has: its recipients receive nothing under it. */
        FLOW_REMOVED("flow removed"),
        /** A record type a flow now carries. */
        RECORD_TYPE_ADDED("record type added"),
        /** A record type a flow no longer carries. */
        RECORD_TYPE_REMOVED("record type removed"),
        /** Who may send under a flow. */
        SENDERS_CHANGED("senders changed"),
        /** A recipient rule the flow now has. */
        RECIPIENT_GAINED("recipient gained"),
        /** A recipient rule the flow no longer has. */
        RECIPIENT_LOST("recipient lost"),
        /** A field that was withheld and would go. */
        FIELD_RELEASED("newly released"),
        /** A field that went and would be withheld. */
        FIELD_WITHHELD("newly withheld"),
        /** A field that would go in another form (shared, pseudonymised, generalised or encrypted). */
        FIELD_FORM_CHANGED("changes form"),
        /** A field that would go only with consent. */
        CONSENT_NEEDED("consent now needed"),
        /** A field that would go without the consent it needed. */
        CONSENT_NO_LONGER_NEEDED("consent no longer needed"),
        /** An agency that becomes, or stops being, a party; or a term outside the flows. */
        TERMS_CHANGED("terms changed");

        private final String words;

        Kind(String words) {
            this.words = words;
        }

        /** The change in words, e.g. "newly released". */
        public String words() {
            return words;
        }
    }

    /**
     * One change.
     *
     * @param kind what changed
     * @param flow the flow, empty for a change of the agreement's terms
     * @param recordType the record type, for a field change
     * @param recipient the recipient rule as the matrix says it, for a recipient change
     * @param field the field's pointer, for a field change
     * @param before what it was (a form, a consent purpose, a list of senders), empty when it was nothing
     * @param after what it would be, empty when it would be nothing
     */
    public record Change(Kind kind, Optional<String> flow, Optional<String> recordType, Optional<String> recipient,
            Optional<String> field, Optional<String> before, Optional<String> after) {

        public Change {
            Objects.requireNonNull(kind, "kind");
        }

        /** The change in one line, e.g. "flow release, release-notification /body/releaseType: newly released". */
        public String describe() {
            StringBuilder line = new StringBuilder();
            flow.ifPresent(id -> line.append("flow ").append(id));
            recordType.ifPresent(type -> line.append(", ").append(type));
            field.ifPresent(pointer -> line.append(" ").append(pointer));
            recipient.ifPresent(to -> line.append(", recipient ").append(to));
            line.append(line.isEmpty() ? "" : ": ").append(kind.words());
            if (before.isPresent() || after.isPresent()) {
                line.append(" (").append(before.orElse("nothing")).append(" -> ").append(after.orElse("nothing"))
                        .append(")");
            }
            return line.toString();
        }
    }

    /**
     * The comparison of a draft with the version in force.
     *
     * @param changes every change, flow by flow in the draft's order, then the flows removed
     * @param refusals every widening of special-category or criminal offence data whose rule names no condition
     */
    public record Comparison(List<Change> changes, List<ContractProblem> refusals) {

        public Comparison {
            changes = List.copyOf(changes);
            refusals = List.copyOf(refusals);
        }
    }

    private final RecordFieldCatalog catalog;

    public AgreementChanges(RecordFieldCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * Compares a draft with the version in force.
     *
     * @param inForce the version in force, empty for a new agreement
     * @param draft the draft
     * @param file the draft's file, for refusals
     * @param lines where each part of the draft is written
     */
    public Comparison compare(Optional<Agreement> inForce, Agreement draft, String file, AgreementParser.Parsed lines) {
        List<Change> changes = new ArrayList<>();
        List<ContractProblem> refusals = new ArrayList<>();
        inForce.ifPresent(before -> terms(before, draft, changes));
        for (Flow flow : draft.flows()) {
            Optional<Flow> before = inForce.flatMap(agreement -> agreement.flow(flow.id()));
            if (before.isEmpty()) {
                changes.add(change(Kind.FLOW_ADDED, flow, null, null, null, null, describe(flow)));
            }
            flowChanges(inForce, before, draft, flow, changes, refusals, file, lines);
        }
        inForce.ifPresent(before -> before.flows().stream().filter(flow -> draft.flow(flow.id()).isEmpty())
                .forEach(flow -> {
                    changes.add(change(Kind.FLOW_REMOVED, flow, null, null, null, describe(flow), null));
                    flow.recipients().forEach(recipient -> changes.add(change(Kind.RECIPIENT_LOST, flow, null,
                            recipient.describe(), null, null, null)));
                }));
        return new Comparison(changes, refusals);
    }

    private static void terms(Agreement before, Agreement draft, List<Change> changes) {
        if (!before.parties().equals(draft.parties())) {
            changes.add(new Change(Kind.TERMS_CHANGED, Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.of("parties"), Optional.of(before.parties().toString()), Optional.of(draft.parties()
                            .toString())));
        }
        if (!before.lawfulBasis().equals(draft.lawfulBasis())) {
            changes.add(new Change(Kind.TERMS_CHANGED, Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.of("lawfulBasis"), Optional.of(before.lawfulBasis().toString()), Optional.of(draft
                            .lawfulBasis().toString())));
        }
        if (!before.recordSchemas().equals(draft.recordSchemas())) {
            changes.add(new Change(Kind.TERMS_CHANGED, Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.of("recordSchemas"), Optional.of(before.recordSchemas().toString()), Optional.of(draft
                            .recordSchemas().toString())));
        }
    }

    private void flowChanges(Optional<Agreement> inForce, Optional<Flow> before, Agreement draft, Flow flow,
            List<Change> changes, List<ContractProblem> refusals, String file, AgreementParser.Parsed lines) {
        before.ifPresent(old -> {
            if (!old.senders().equals(flow.senders())) {
                changes.add(change(Kind.SENDERS_CHANGED, flow, null, null, null, old.senders().toString(), flow
                        .senders().toString()));
            }
        });
        Set<String> recipientsBefore = new LinkedHashSet<>();
        before.ifPresent(old -> old.recipients().forEach(rule -> recipientsBefore.add(rule.describe())));
        Set<String> recipientsAfter = new LinkedHashSet<>();
        flow.recipients().forEach(rule -> recipientsAfter.add(rule.describe()));
        boolean recipientGained = false;
        for (String recipient : recipientsAfter) {
            if (before.isPresent() && !recipientsBefore.contains(recipient)) {
                changes.add(change(Kind.RECIPIENT_GAINED, flow, null, recipient, null, null, null));
                recipientGained = true;
            }
        }
        recipientsBefore.stream().filter(recipient -> !recipientsAfter.contains(recipient)).forEach(recipient -> changes
                .add(change(Kind.RECIPIENT_LOST, flow, null, recipient, null, null, null)));
        Set<String> types = new TreeSet<>(flow.recordTypes());
        before.ifPresent(old -> types.addAll(old.recordTypes()));
        for (String type : types) {
            boolean carriedBefore = before.map(old -> old.recordTypes().contains(type)).orElse(false);
            boolean carriedAfter = flow.recordTypes().contains(type);
            if (before.isPresent() && carriedBefore != carriedAfter) {
                changes.add(change(carriedAfter ? Kind.RECORD_TYPE_ADDED : Kind.RECORD_TYPE_REMOVED, flow, type, null,
                        null, null, null));
            }
            if (!carriedAfter) {
                continue;
            }
            PinnedSchema pinnedAfter = PinnedSchema.of(catalog, draft, type);
            Optional<PinnedSchema> pinnedBefore = carriedBefore
                    ? inForce.map(agreement -> PinnedSchema.of(catalog, agreement, type))
                    : Optional.empty();
            for (String field : catalog.leafFields(type)) {
                FieldTreatment was = pinnedBefore.map(pinned -> FieldTreatment.of(before.get(), pinned, field))
                        .orElse(FieldTreatment.WITHHELD);
                FieldTreatment will = FieldTreatment.of(flow, pinnedAfter, field);
                fieldChanges(flow, type, field, was, will, changes);
                boolean widens = will.widens(was) || recipientGained && will.released();
                if (widens) {
                    refuseUnfounded(flow, type, field, file, lines).ifPresent(refusals::add);
                }
            }
        }
    }

    private static void fieldChanges(Flow flow, String type, String field, FieldTreatment was, FieldTreatment will,
            List<Change> changes) {
        if (was.released() != will.released()) {
            changes.add(change(will.released() ? Kind.FIELD_RELEASED : Kind.FIELD_WITHHELD, flow, type, null, field,
                    was.released() ? was.form() : null, will.released() ? will.form() : null));
            if (will.released() && will.consentPurpose().isPresent()) {
                changes.add(change(Kind.CONSENT_NEEDED, flow, type, null, field, null, will.consentPurpose().get()));
            }
            return;
        }
        if (!will.released()) {
            return;
        }
        if (!was.form().equals(will.form())) {
            changes.add(change(Kind.FIELD_FORM_CHANGED, flow, type, null, field, was.form(), will.form()));
        }
        if (!was.consentPurpose().equals(will.consentPurpose())) {
            changes.add(change(will.consentPurpose().isPresent()
                    ? Kind.CONSENT_NEEDED
                    : Kind.CONSENT_NO_LONGER_NEEDED, flow, type, null, field, was.consentPurpose().orElse(null),
                    will
                            .consentPurpose().orElse(null)));
        }
    }

    /** A refusal when a widened field is special-category or criminal offence data and its rule names no condition. */
    private Optional<ContractProblem> refuseUnfounded(Flow flow, String type, String field, String file,
            AgreementParser.Parsed lines) {
        Optional<ProtectedField> marked = catalog.protectedField(type, field);
        if (marked.isEmpty()) {
            return Optional.empty();
        }
        FieldRule rule = flow.fields().ruleFor(field);
        boolean specialCategory = marked.get().category() != DataCategory.CRIMINAL_OFFENCE;
        if (rule.basis().suffices(specialCategory)) {
            return Optional.empty();
        }
        String needed = specialCategory
                ? "basis: {article9: [<condition>], schedule1: [<condition>]}"
                : "basis: {schedule1: [<condition>]}";
        return Optional.of(new ContractProblem(file, lines.line("flow " + flow.id() + "/fields" + rule.field()),
                "flow " + flow.id() + ", field " + field, "the draft widens the sharing of " + field + " of " + type
                        + ", which is " + marked.get().category().description() + ", without naming the condition "
                        + "it rests on; give the rule of " + rule.field() + " " + needed));
    }

    private static String describe(Flow flow) {
        return String.join(", ", new TreeSet<>(flow.recordTypes())) + " to " + String.join("; ", flow.recipients()
                .stream().map(RecipientRule::describe).toList());
    }

    private static Change change(Kind kind, Flow flow, String type, String recipient, String field, String before,
            String after) {
        return new Change(kind, Optional.of(flow.id()), Optional.ofNullable(type), Optional.ofNullable(recipient),
                Optional.ofNullable(field), Optional.ofNullable(before), Optional.ofNullable(after));
    }
}
