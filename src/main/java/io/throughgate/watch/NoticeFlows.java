package io.throughgate.watch;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;

import io.throughgate.agreement.AgreementRegistry;
import io.throughgate.agreement.AgreementState;
import io.throughgate.agreement.Flow;
import io.throughgate.agreement.PinnedSchema;
import io.throughgate.agreement.RecordFieldCatalog;
import io.throughgate.consent.ConsentAnswer;
import io.throughgate.deliver.RecipientResolver;
import io.throughgate.directory.Agency;
import io.throughgate.directory.AgencyDirectory;
import io.throughgate.exchange.GatedRecord;
import io.throughgate.exchange.IngestContext;
import io.throughgate.exchange.PlannedDelivery;
import io.throughgate.gate.FieldGate;
import io.throughgate.gate.FieldTransforms;
import io.throughgate.record.NoticeType;
import io.throughgate.timeliness.TimelinessContract;

/**
 * The agreements' flows that the notices the hub issues go under (timeliness notices, the evaluation's tables and
 * extract). A notice goes out in the name of its sender (the agency the timeliness contract names, {@code
 * notices.from}) only where an agreement in force has a flow carrying its type from that agency, to a recipient that
 * flow names, a party to the agreement; and only with the fields the flow lets through, as the field gate lets a
 * record's through. Without such a flow, nothing goes.
 */
@ApplicationScoped
public class NoticeFlows {

    /** No flow of a notice gates a field on one child's consent: a rule that did would withhold it. */
    private static final ConsentAnswer NOT_ON_CONSENT = new ConsentAnswer(false, Optional.empty(),
            "the hub's notices are not sent on one child's consent");

    @Inject
    TimelinessContract contract;

    @Inject
    AgreementRegistry agreements;

    @Inject
    AgencyDirectory directory;

    @Inject
    FieldTransforms transforms;

    @Inject
    RecordFieldCatalog recordFields;

    /**
     * The pseudonym domain of the agreement version timeliness notices go under on a day (recipients under it share
     * the child's pseudonym, which is the key of the records they hold under it), or empty when none carries them.
     */
    public Optional<String> keyDomain(LocalDate today) {
        return flowsOn(NoticeType.TIMELINESS_NOTICE, contract.noticesFrom(), today).stream().findFirst().map(
                PlannedDelivery::pseudonymDomain);
    }

    /**
     * Each recipient's copy of a notice: routed by the flows that carry its type, kept to the recipients given, and
     * gated field by field.
     *
     * @param notice the notice, shaped as a record (envelope and body)
     * @param onlyTo the agencies it is for (a flow may name more)
     * @param today the day, in London
     */
    public List<IngestContext.Gated> copies(JsonNode notice, Set<String> onlyTo, LocalDate today) {
        NoticeType type = NoticeType.fromCode(notice.path("type").asText()).orElseThrow();
        FieldGate gate = new FieldGate(transforms);
        List<IngestContext.Gated> copies = new ArrayList<>();
        Set<String> sent = new java.util.HashSet<>();
        RecipientResolver resolver = new RecipientResolver(directory);
        for (PlannedDelivery flow : flowsOn(type, notice.path("sender").asText(), today)) {
            AgreementState state = flow.agreement();
            for (RecipientResolver.Routed routed : resolver.recipients(notice, flow.flow(), state, today,
                    new ArrayList<>())) {
                Agency recipient = routed.agency();
                if (!onlyTo.contains(recipient.code()) || !sent.add(recipient.code())) {
                    continue;
                }
                PlannedDelivery delivery = new PlannedDelivery(state, flow.flow(), recipient, routed.routedBy());
                GatedRecord gated = gate.gate(notice, flow.flow(), PinnedSchema.of(recordFields, state.agreement()
                        .orElseThrow(), type.code()), delivery.pseudonymDomain(), recipient,
                        purpose -> NOT_ON_CONSENT);
                if (gated.carriesFields()) {
                    copies.add(new IngestContext.Gated(delivery, gated));
                }
            }
        }
        return copies;
    }

    /**
     * The flows of the agreements in force that carry a notice type from its sender, each with its agreement (the
     * sender stands in as recipient until the recipients are chosen).
     */
    private List<PlannedDelivery> flowsOn(NoticeType type, String senderCode, LocalDate today) {
        Optional<Agency> sender = directory.find(senderCode).filter(agency -> agency.isValidOn(today));
        if (sender.isEmpty()) {
            return List.of();
        }
        List<PlannedDelivery> flows = new ArrayList<>();
        for (AgreementState state : agreements.inForceStatesOn(today)) {
            if (!state.parties().contains(sender.get().code())) {
                continue;
            }
            for (Flow flow : state.agreement().orElseThrow().flows()) {
                if (flow.recordTypes().contains(type.code()) && flow.senders().includes(sender.get())) {
                    flows.add(new PlannedDelivery(state, flow, sender.get()));
                }
            }
        }
        return flows;
    }
}
