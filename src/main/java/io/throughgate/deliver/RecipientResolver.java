package io.throughgate.deliver;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.throughgate.agreement.AgreementState;
import io.throughgate.agreement.Flow;
import io.throughgate.agreement.RecipientRule;
import io.throughgate.directory.Agency;
import io.throughgate.directory.AgencyDirectory;
import io.throughgate.exchange.PlannedDelivery;
import io.throughgate.exchange.Routing;

/**
 * Chooses a record's recipients from the agreements in force and the record's routing fields. A recipient must be
 * in the directory, in force today, allowed by the rule and a party to the agreement; each recipient gets the
 * record once per agreement.
 */
public final class RecipientResolver {

    private final AgencyDirectory directory;

    public RecipientResolver(AgencyDirectory directory) {
        this.directory = directory;
    }

    /**
     * Routes a record.
     *
     * @param record the valid record
     * @param sender the sending agency (already checked against the certificate)
     * @param inForce the agreements in force today
     * @param today the day, in London
     */
    public Routing route(JsonNode record, Agency sender, List<AgreementState> inForce, LocalDate today) {
        String type = record.path("type").asText();
        boolean permitted = false;
        List<PlannedDelivery> deliveries = new ArrayList<>();
        List<String> unrouted = new ArrayList<>();
        Set<String> delivered = new HashSet<>();
        for (AgreementState state : inForce) {
            if (!state.parties().contains(sender.code())) {
                continue;
            }
            for (Flow flow : state.agreement().orElseThrow().flows()) {
                if (!flow.recordTypes().contains(type) || !flow.senders().includes(sender)) {
                    continue;
                }
                permitted = true;
                recipients(record, flow, state, today, unrouted).stream().filter(routed -> !routed.agency().equals(
                        sender)).filter(routed -> delivered.add(state.id() + "/" + routed.agency().code())).forEach(
                                routed -> deliveries.add(new PlannedDelivery(state, flow, routed.agency(), routed
                                        .routedBy())));
            }
        }
        return new Routing(permitted, deliveries, unrouted);
    }

    /**
     * The recipients one flow's rules name for a record: each in the directory, in force, allowed by its rule and a
     * party to the agreement, in the order of the rules.
     *
     * @param unrouted collects why a rule named no recipient
     */
    public List<Routed> recipients(JsonNode record, Flow flow, AgreementState state, LocalDate today,
            List<String> unrouted) {
        List<Routed> recipients = new ArrayList<>();
        for (RecipientRule rule : flow.recipients()) {
            recipient(record, rule, state, today, unrouted).filter(agency -> recipients.stream().noneMatch(
                    routed -> routed.agency().equals(agency))).ifPresent(agency -> recipients.add(
                            new Routed(agency,
                                    rule.field())));
        }
        return recipients;
    }

    /**
     * A recipient and the routing field that named it.
     *
     * @param agency the recipient
     * @param routedBy the routing field, empty for a fixed recipient
     */
    public record Routed(Agency agency, Optional<String> routedBy) {
    }

    private Optional<Agency> recipient(JsonNode record, RecipientRule rule, AgreementState state, LocalDate today,
            List<String> unrouted) {
        String code;
        if (rule.agency().isPresent()) {
            code = rule.agency().get();
        } else {
            JsonNode routing = record.at(rule.field().orElseThrow());
            if (!routing.isTextual()) {
                unrouted.add(state.id() + ": " + rule.field().get() + " names no recipient");
                return Optional.empty();
            }
            code = routing.asText();
        }
        Optional<Agency> agency = directory.find(code);
        String why = agency.isEmpty()
                ? "is not in the directory"
                : !agency.get().isValidOn(today)
                        ? "is not in force"
                        : rule.field().isPresent() && !rule.allowed().isEmpty() && !rule.allowed().includes(agency
                                .get())
                                        ? "is not a recipient this flow allows"
                                        : !state.parties().contains(code) ? "is not a party to the agreement" : null;
        if (why != null) {
            unrouted.add(state.id() + ": " + rule.describe() + " names " + (agency.isPresent()
                    ? code
                    : "an agency that") + " " + why);
            return Optional.empty();
        }
        return agency;
    }
}
