package io.throughgate.replay;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntFunction;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.throughgate.agreement.Agreement;
import io.throughgate.agreement.AgreementChanges.Kind;
import io.throughgate.agreement.AgreementState;
import io.throughgate.agreement.FieldTreatment;
import io.throughgate.agreement.Flow;
import io.throughgate.agreement.PinnedSchema;
import io.throughgate.agreement.RecipientRule;
import io.throughgate.agreement.RecordFieldCatalog;
import io.throughgate.consent.ConsentCheck;
import io.throughgate.deliver.RecipientResolver;
import io.throughgate.directory.Agency;
import io.throughgate.directory.AgencyDirectory;
import io.throughgate.record.NoticeType;
import io.throughgate.sharinglog.SharingLogEvent;

/**
 * Replays one record's sharing-log entries under a draft agreement: which recipients the draft would have sent it
 * to, and for each, what each field of the record would have become, compared with what the version it went under
 * did. Routing fields are known from the entries ({@link SharingLogEvent#routedBy()}); consent is asked as it stood
 * when the hub received the record.
 */
final class RecordReplay {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final AgreementState draft;
    private final RecordFieldCatalog catalog;
    private final AgencyDirectory directory;
    private final RecipientResolver resolver;
    private final ConsentCheck consent;
    private final ZoneId zone;
    private final IntFunction<Optional<Agreement>> version;
    private final Map<String, PinnedSchema> pinned = new HashMap<>();
    // Asked for every field of every delivery: each version is looked up, and each of its schemas pinned, once.
    private final Map<Integer, Optional<Agreement>> held = new HashMap<>();
    private final Map<String, PinnedSchema> pinnedHeld = new HashMap<>();

    /**
     * @param draft the draft, as an agreement state whose parties are those it names
     * @param version a version of the same agreement, when the hub still holds it
     */
    RecordReplay(AgreementState draft, RecordFieldCatalog catalog, AgencyDirectory directory, ConsentCheck consent,
            ZoneId zone, IntFunction<Optional<Agreement>> version) {
        this.draft = draft;
        this.catalog = catalog;
        this.directory = directory;
        this.resolver = new RecipientResolver(directory);
        this.consent = consent;
        this.zone = zone;
        this.version = version;
    }

    /** Replays the entries of one record, adding what would change to the tally. */
    void replay(List<SharingLogEvent> entries, ReplayTally tally) {
        tally.read(entries.size());
        SharingLogEvent first = entries.get(0);
        String recordId = first.recordId();
        String child = String.join(",", new TreeSet<>(first.subjectPseudonyms() == null
                ? List.of(recordId)
                : first.subjectPseudonyms()));
        Set<String> fields = new LinkedHashSet<>();
        ObjectNode routing = JSON.objectNode();
        Map<String, SharingLogEvent> current = new LinkedHashMap<>();
        for (SharingLogEvent entry : entries) {
            entry.fields().forEach(field -> fields.add(field.field()));
            if (entry.routedBy() != null) {
                put(routing, entry.routedBy(), entry.recipient());
            }
            if (entry.agreementId().equals(draft.id())) {
                current.putIfAbsent(entry.recipient(), entry);
            }
        }
        LocalDate day = first.receivedAt().atZone(zone).toLocalDate();
        for (Delivery delivery : deliveries(first, routing, day, tally)) {
            Replayed replayed = new Replayed(first, delivery, day, recordId, child, tally);
            SharingLogEvent went = current.remove(delivery.recipient().code());
            if (went == null) {
                tally.add(change(Kind.RECIPIENT_GAINED, delivery, null, null, null), recordId, child);
                fields.forEach(field -> replayed.gained(field));
            } else {
                went.fields().forEach(field -> replayed.compare(went, field));
            }
        }
        current.values().forEach(lost -> tally.add(new ReplayChange(Kind.RECIPIENT_LOST, lost.flow() == null
                ? "(not recorded)"
                : lost.flow(), lost.recipient(), Optional.empty(), Optional.empty(), Optional.empty()), recordId,
                child));
    }

    /** One recipient the draft would send the record to, and the flow that would send it. */
    private record Delivery(Flow flow, Agency recipient) {
    }

    /** The draft's recipients of a record, each once, the first flow naming it winning, as the hub routes. */
    private List<Delivery> deliveries(SharingLogEvent record, ObjectNode routing, LocalDate day, ReplayTally tally) {
        Optional<Agency> sender = directory.find(record.sender());
        List<Delivery> deliveries = new ArrayList<>();
        if (sender.isEmpty() || !draft.parties().contains(record.sender())) {
            return deliveries;
        }
        Set<String> chosen = new LinkedHashSet<>();
        // A record goes to every recipient but its sender; a notice the hub issues in the partnership's name may go to
        // the partnership itself (the morning digest).
        boolean issuedByTheHub = NoticeType.fromCode(record.recordType()).isPresent();
        for (Flow flow : draft.agreement().orElseThrow().flows()) {
            if (!flow.recordTypes().contains(record.recordType()) || !flow.senders().includes(sender.get())) {
                continue;
            }
            for (RecipientRule rule : flow.recipients()) {
                if (rule.field().isPresent() && routing.at(rule.field().get()).isMissingNode()) {
                    tally.unresolved(flow.id() + ": " + rule.describe());
                }
            }
            resolver.recipients(routing, flow, draft, day, new ArrayList<>()).stream().map(
                    RecipientResolver.Routed::agency).filter(
                            agency -> issuedByTheHub || !agency.equals(sender
                                    .get()))
                    .filter(
                            agency -> chosen.add(agency.code()))
                    .forEach(agency -> deliveries.add(new Delivery(flow,
                            agency)));
        }
        return deliveries;
    }

    /** One delivery's comparison, field by field. */
    private final class Replayed {

        private final SharingLogEvent record;
        private final Delivery delivery;
        private final LocalDate day;
        private final String recordId;
        private final String child;
        private final ReplayTally tally;

        Replayed(SharingLogEvent record, Delivery delivery, LocalDate day, String recordId, String child,
                ReplayTally tally) {
            this.record = record;
            this.delivery = delivery;
            this.day = day;
            this.recordId = recordId;
            this.child = child;
            this.tally = tally;
        }

        /** A field of a record the recipient did not receive under the agreement: released if the draft lets it go. */
        void gained(String field) {
            Outcome after = outcome(field);
            if (after.released()) {
                add(Kind.FIELD_RELEASED, field, null, after.treatment().form());
            }
            after.treatment().consentPurpose().ifPresent(purpose -> add(Kind.CONSENT_NEEDED, field, null, purpose));
        }

        /** A field of a delivery made under the agreement, compared with what the draft would do. */
        void compare(SharingLogEvent went, SharingLogEvent.Field logged) {
            String field = logged.field();
            Optional<FieldTreatment> rule = versionRule(went, field);
            Optional<String> consentBefore = rule.flatMap(FieldTreatment::consentPurpose).or(() -> Optional
                    .ofNullable(logged.consentDecision()).map(decision -> "consent"));
            FieldTreatment before = FieldTreatment.logged(logged.outcome(), consentBefore);
            String formBefore = rule.filter(treatment -> treatment.action() == before.action()).map(
                    FieldTreatment::form).orElse(before.form());
            Outcome after = outcome(field);
            boolean releasedBefore = before.released();
            if (releasedBefore != after.released()) {
                add(after.released() ? Kind.FIELD_RELEASED : Kind.FIELD_WITHHELD, field, releasedBefore
                        ? formBefore
                        : null, after.released() ? after.treatment().form() : null);
            } else if (releasedBefore && !formBefore.equals(after.treatment().form())) {
                add(Kind.FIELD_FORM_CHANGED, field, formBefore, after.treatment().form());
            }
            Optional<String> consentAfter = after.treatment().consentPurpose();
            if (consentBefore.isPresent() != consentAfter.isPresent()) {
                add(consentAfter.isPresent() ? Kind.CONSENT_NEEDED : Kind.CONSENT_NO_LONGER_NEEDED, field,
                        consentBefore.orElse(null), consentAfter.orElse(null));
            }
        }

        /** The rule the version a delivery went under had for a field, when that version is still held. */
        private Optional<FieldTreatment> versionRule(SharingLogEvent went, String field) {
            if (went.flow() == null) {
                return Optional.empty();
            }
            int number = went.agreementVersion();
            return held.computeIfAbsent(number, version::apply).flatMap(agreement -> agreement.flow(went.flow()).map(
                    flow -> FieldTreatment.of(flow, pinnedHeld.computeIfAbsent(number + "/" + record.recordType(),
                            key -> PinnedSchema.of(catalog, agreement, record.recordType())), field)));
        }

        private Outcome outcome(String field) {
            FieldTreatment treatment = FieldTreatment.of(delivery.flow(), pinned(record.recordType()), field);
            if (!treatment.released() || treatment.consentPurpose().isEmpty()) {
                return new Outcome(treatment, treatment.released());
            }
            boolean permitted = consent.answerAsAt(record.subjectPseudonyms() == null
                    ? List.of()
                    : record.subjectPseudonyms(), treatment.consentPurpose().get(), delivery.recipient(),
                    record
                            .recordType(),
                    record.receivedAt(), day).permitted();
            return new Outcome(treatment, permitted);
        }

        private void add(Kind kind, String field, String before, String after) {
            tally.add(change(kind, delivery, field, before, after), recordId, child);
        }
    }

    /**
     * What the draft would do with a field for one recipient.
     *
     * @param treatment the draft's rule for the field
     * @param released whether it would go: the rule releases it and any consent it asks for was given
     */
    private record Outcome(FieldTreatment treatment, boolean released) {
    }

    private PinnedSchema pinned(String type) {
        return pinned.computeIfAbsent(type, key -> PinnedSchema.of(catalog, draft.agreement().orElseThrow(), key));
    }

    private static ReplayChange change(Kind kind, Delivery delivery, String field, String before, String after) {
        return new ReplayChange(kind, delivery.flow().id(), delivery.recipient().code(), Optional.ofNullable(field),
                Optional.ofNullable(before), Optional.ofNullable(after));
    }

    /** Puts a value at a JSON pointer of plain object members, creating the objects on the way. */
    private static void put(ObjectNode root, String pointer, String value) {
        String[] names = pointer.substring(1).split("/");
        ObjectNode node = root;
        for (int i = 0; i < names.length - 1; i++) {
            node = node.has(names[i]) && node.get(names[i]).isObject()
                    ? (ObjectNode) node.get(names[i])
                    : node.putObject(names[i]);
        }
        node.put(names[names.length - 1], value);
    }
}
