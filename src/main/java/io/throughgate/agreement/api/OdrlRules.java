package io.throughgate.agreement.api;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.throughgate.agreement.FieldAction;
import io.throughgate.agreement.FieldRule;
import io.throughgate.agreement.Flow;
import io.throughgate.agreement.RecipientRule;
import io.throughgate.directory.Agency;
import io.throughgate.directory.AgencyKind;
import io.throughgate.purpose.Purpose;
import io.throughgate.purpose.PurposeCatalog;

/** Writes the ODRL rules of {@link OdrlExport}: one field rule of one flow for one recipient, and purposes. */
final class OdrlRules {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String PURPOSE = "urn:throughgate:purpose:";

    private final PurposeCatalog purposes;

    OdrlRules(PurposeCatalog purposes) {
        this.purposes = purposes;
    }

    /** A purpose as a DPV purpose: its URI, typed with its DPV term. */
    ObjectNode purpose(String id) {
        ObjectNode purpose = JSON.objectNode().put("@id", PURPOSE + id).put("@type", dpvTerm(id));
        purposes.find(id).map(Purpose::title).ifPresent(title -> purpose.put("dct:title", title));
        return purpose;
    }

    /**
     * The rule for one field of one record type, flow and recipient: a permission, or for {@code withhold} a
     * prohibition.
     */
    ObjectNode rule(Flow flow, String recordType, FieldRule rule, ArrayNode senders, RecipientRule recipient) {
        ObjectNode node = JSON.objectNode();
        node.put("target", "urn:throughgate:field:" + recordType + "#" + rule.field());
        node.put("action", "distribute");
        node.set("assigner", senders.deepCopy());
        node.set("assignee", assignee(recipient));
        node.put("tg:flow", flow.id());
        if (rule.action() == FieldAction.WITHHOLD) {
            rule.reason().ifPresent(reason -> node.put("tg:reason", reason));
            return node;
        }
        node.withArrayProperty("constraint").add(purposeIs(JSON.objectNode().put("@id", dpvTerm(flow.purpose()))));
        List<ObjectNode> duties = duties(rule);
        if (!duties.isEmpty()) {
            node.putArray("duty").addAll(duties);
        }
        return node;
    }

    private List<ObjectNode> duties(FieldRule rule) {
        ObjectNode consent = rule.consentPurpose().map(id -> {
            ObjectNode duty = JSON.objectNode().put("action", "obtainConsent");
            duty.withArrayProperty("constraint").add(purposeIs(purpose(id)));
            return duty;
        }).orElse(null);
        ObjectNode measure = switch (rule.action()) {
            case PSEUDONYMISE -> measure("tg:pseudonymise", "dpv:Pseudonymisation");
            case GENERALISE -> measure("tg:generalise", "tg:Generalisation")
                    .put("tg:generalisation", rule.generalisation().orElseThrow().code());
            case ENCRYPT -> measure("tg:encrypt", "dpv:Encryption");
            case SHARE, WITHHOLD -> null;
        };
        // Consent comes first: the hub checks it before it transforms the value.
        return Stream.of(consent, measure).filter(Objects::nonNull).toList();
    }

    private static ObjectNode measure(String action, String technicalMeasure) {
        ObjectNode duty = JSON.objectNode().put("action", action);
        duty.putObject("dpv:hasTechnicalMeasure").put("@id", technicalMeasure);
        return duty;
    }

    private static ObjectNode purposeIs(ObjectNode purpose) {
        ObjectNode constraint = JSON.objectNode().put("leftOperand", "purpose").put("operator", "eq");
        constraint.set("rightOperand", purpose);
        return constraint;
    }

    /** A fixed recipient's URI, or for a routing field a description of the agencies it may name. */
    private static JsonNode assignee(RecipientRule recipient) {
        if (recipient.agency().isPresent()) {
            return JSON.textNode(Agency.IDENTITY_PREFIX + recipient.agency().get());
        }
        ObjectNode routing = JSON.objectNode().put("@type", "tg:RoutingField");
        routing.put("tg:field", recipient.field().orElseThrow());
        recipient.allowed().kinds().stream().map(AgencyKind::code).sorted()
                .forEach(kind -> routing.withArrayProperty("tg:allowedKind").add(kind));
        recipient.allowed().agencies().stream().sorted()
                .forEach(code -> routing.withArrayProperty("tg:allowedAgency").add(Agency.IDENTITY_PREFIX + code));
        routing.put("rdfs:label", recipient.describe());
        return routing;
    }

    private String dpvTerm(String purposeId) {
        return purposes.find(purposeId).map(Purpose::dpvTerm).orElse("dpv:Purpose");
    }
}
