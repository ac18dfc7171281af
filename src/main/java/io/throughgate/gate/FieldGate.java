package io.throughgate.gate;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import io.throughgate.agreement.EnvelopeRules;
import io.throughgate.agreement.FieldAction;
import io.throughgate.agreement.FieldRule;
import io.throughgate.agreement.FieldRuleSet;
import io.throughgate.agreement.Flow;
import io.throughgate.agreement.PinnedSchema;
import io.throughgate.consent.ConsentAnswer;
import io.throughgate.directory.Agency;
import io.throughgate.exchange.FieldOutcome;
import io.throughgate.exchange.GatedRecord;

/**
 * Lets through, field by field, only what a flow's rules allow for one recipient, in the form each rule says:
 * shared, pseudonymised, generalised, encrypted, or withheld; a field no rule covers is withheld (default deny),
 * and a rule that needs consent lets its field through only with a consent decision that permits it. A rule on a
 * container covers only the fields of the schema version the agreement pins, and never special-category or
 * criminal offence data ({@link PinnedSchema}). Envelope
 * metadata always travels. Pure: the same inputs give the same outcomes.
 */
public final class FieldGate {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final FieldTransforms transforms;

    public FieldGate(FieldTransforms transforms) {
        this.transforms = transforms;
    }

    /**
     * Gates a record for one recipient.
     *
     * @param record the valid record
     * @param flow the flow: its field rules and how its copies carry the envelope
     * @param pinned what a container rule may cover: the record type's schema as the agreement pins it
     * @param pseudonymDomain the agreement's pseudonym domain
     * @param recipient the recipient
     * @param consent answers "may this go?" for a consent purpose (asked at most once per purpose)
     */
    public GatedRecord gate(JsonNode record, Flow flow, PinnedSchema pinned, String pseudonymDomain,
            Agency recipient, Function<String, ConsentAnswer> consent) {
        ObjectNode value = JSON.objectNode();
        GatedRecord.ENVELOPE.forEach(field -> value.set(field, record.get(field)));
        EnvelopeRules envelope = flow.envelope();
        if (envelope.pseudonymousRecordId()) {
            value.put("recordId", transforms.recordId(pseudonymDomain, record.path("recordId").asText()));
        }
        envelope.occurredAt().ifPresent(how -> value.set("occurredAt", transforms.generalise(record.get(
                "occurredAt"), how).orElseThrow(
                        () -> new IllegalStateException("a valid record's occurredAt "
                                + "cannot be generalised"))));
        Walk walk = new Walk(flow.fields(), pinned, pseudonymDomain, recipient, value.path("recordId").asText(),
                consent);
        for (Iterator<Map.Entry<String, JsonNode>> fields = record.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!GatedRecord.ENVELOPE.contains(field.getKey())) {
                walk.gate(field.getValue(), "/" + field.getKey(), "/" + escape(field.getKey())).ifPresent(
                        kept -> value.set(field.getKey(), kept));
            }
        }
        return new GatedRecord(value, List.copyOf(walk.outcomes.values()), walk.consents);
    }

    private final class Walk {

        private final FieldRuleSet rules;
        private final PinnedSchema pinned;
        private final String domain;
        private final Agency recipient;
        private final String copyRecordId;
        private final Function<String, ConsentAnswer> consent;
        private final Map<String, ConsentAnswer> answers = new HashMap<>();
        private final Map<String, FieldOutcome> outcomes = new LinkedHashMap<>();
        private final Set<UUID> consents = new HashSet<>();

        Walk(FieldRuleSet rules, PinnedSchema pinned, String domain, Agency recipient, String copyRecordId,
                Function<String, ConsentAnswer> consent) {
            this.rules = rules;
            this.pinned = pinned;
            this.domain = domain;
            this.recipient = recipient;
            this.copyRecordId = copyRecordId;
            this.consent = consent;
        }

        /**
         * @param pointer where the value is in the record (rules match it)
         * @param placed where it will be in the copy (array members that are withheld close up), RFC 6901
         */
        Optional<JsonNode> gate(JsonNode node, String pointer, String placed) {
            if (node.isContainerNode()) {
                Optional<FieldRule> whole = rules.exactRule(pointer).filter(rule -> rule.action() != FieldAction.SHARE
                        && rule.action() != FieldAction.WITHHOLD);
                return whole.isPresent() ? apply(node, pointer, placed, whole.get()) : descend(node, pointer, placed);
            }
            return apply(node, pointer, placed, rules.ruleFor(pointer));
        }

        private Optional<JsonNode> descend(JsonNode node, String pointer, String placed) {
            if (node.isObject()) {
                ObjectNode kept = JSON.objectNode();
                node.fields().forEachRemaining(field -> gate(field.getValue(), pointer + "/" + field.getKey(), placed
                        + "/" + escape(field.getKey())).ifPresent(value -> kept.set(field.getKey(), value)));
                return kept.isEmpty() ? Optional.empty() : Optional.of(kept);
            }
            ArrayNode kept = JSON.arrayNode();
            for (int i = 0; i < node.size(); i++) {
                gate(node.get(i), pointer + "/" + i, placed + "/" + kept.size()).ifPresent(kept::add);
            }
            return kept.isEmpty() ? Optional.empty() : Optional.of(kept);
        }

        private Optional<JsonNode> apply(JsonNode value, String pointer, String placed, FieldRule rule) {
            String field = FieldRuleSet.pattern(pointer);
            Optional<String> refusal = pinned.refusal(rule, field);
            if (refusal.isPresent()) {
                return withhold(field, refusal.get(), Optional.empty());
            }
            Optional<UUID> decision = Optional.empty();
            if (rule.consentPurpose().isPresent() && rule.action() != FieldAction.WITHHOLD) {
                ConsentAnswer answer = answers.computeIfAbsent(rule.consentPurpose().get(), consent);
                decision = answer.decision();
                if (!answer.permitted()) {
                    return withhold(field, answer.reason(), decision);
                }
                decision.ifPresent(consents::add);
            }
            Optional<JsonNode> result = switch (rule.action()) {
                case SHARE -> Optional.of(value);
                case WITHHOLD -> Optional.empty();
                case PSEUDONYMISE -> transforms.pseudonymise(domain, field, value).map(TextNode::valueOf);
                case GENERALISE -> transforms.generalise(value, rule.generalisation().orElseThrow());
                case ENCRYPT -> transforms.encrypt(value, recipient, copyRecordId, placed).map(cms -> JSON
                        .objectNode().put("encrypted", cms));
            };
            if (result.isEmpty()) {
                return withhold(field, rule.action() == FieldAction.WITHHOLD
                        ? rule.reason().orElse(
                                "withheld by the agreement")
                        : "cannot be " + past(rule.action()) + " for this recipient",
                        decision);
            }
            outcomes.putIfAbsent(field, new FieldOutcome(field, rule.action(), rule.reason(), decision));
            return result;
        }

        private Optional<JsonNode> withhold(String field, String reason, Optional<UUID> decision) {
            outcomes.putIfAbsent(field, new FieldOutcome(field, FieldAction.WITHHOLD, Optional.of(reason),
                    decision));
            return Optional.empty();
        }
    }

    /** A JSON pointer reference token (RFC 6901 section 3). */
    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    private static String past(FieldAction action) {
        return switch (action) {
            case PSEUDONYMISE -> "pseudonymised";
            case GENERALISE -> "generalised";
            case ENCRYPT -> "encrypted";
            default -> action.code();
        };
    }
}
