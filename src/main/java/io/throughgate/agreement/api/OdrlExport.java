package io.throughgate.agreement.api;

import java.util.Set;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.throughgate.agreement.Agreement;
import io.throughgate.agreement.AgreementParties;
import io.throughgate.agreement.Article9Condition;
import io.throughgate.agreement.FieldAction;
import io.throughgate.agreement.FieldRule;
import io.throughgate.agreement.Flow;
import io.throughgate.agreement.LawfulBasis;
import io.throughgate.agreement.RecipientRule;
import io.throughgate.agreement.Schedule1Condition;
import io.throughgate.directory.Agency;
import io.throughgate.directory.AgencyDirectory;
import io.throughgate.purpose.PurposeCatalog;

/**
 * Writes an agreement as a W3C ODRL 2.2 {@code Agreement} policy in JSON-LD (ODRL Information Model section 2.1.3),
 * with legal bases and purposes in the W3C Data Privacy Vocabulary (DPV). Pure: the same agreement, directory and
 * purposes give the same document.
 * <ul>
 * <li>one {@code permission} per flow, record type, field rule that lets the field go, and recipient rule, with
 * action {@code distribute}, the field as target, a purpose constraint, and duties for consent and for the
 * transformation (pseudonymise, generalise, encrypt) applied before the field goes;</li>
 * <li>one {@code prohibition} per rule that withholds a field, with the agreement's reason;</li>
 * <li>{@code conflict: prohibit} and default deny: a field that no permission names does not go.</li>
 * </ul>
 * Schedule 1 conditions and the hub's transformations have no ODRL or DPV terms, so they are local terms in the
 * {@code tg:} namespace ({@value #TG}).
 */
public final class OdrlExport {

    /** The media type of the export. */
    public static final String MEDIA_TYPE = "application/ld+json";
    /** The ODRL 2.2 JSON-LD context. */
    public static final String ODRL_CONTEXT = "http://www.w3.org/ns/odrl.jsonld";
    /** The DPV namespace. */
    public static final String DPV = "https://w3id.org/dpv#";
    /** The DPV GDPR extension's namespace. */
    public static final String DPV_GDPR = "https://w3id.org/dpv/legal/eu/gdpr#";
    /** The hub's own vocabulary. */
    public static final String TG = "urn:throughgate:vocab:";
    /** The ODRL profile the export follows: ODRL core with the {@code tg:} actions and terms. */
    public static final String PROFILE = "urn:throughgate:odrl-profile:1";
    /** What {@code conflict: prohibit} and the absence of a permission mean, for a human reader. */
    public static final String DEFAULT_DENY = "Anything this agreement does not permit is prohibited: a field that "
            + "no permission names is withheld (default deny), and where a permission and a prohibition meet, the "
            + "prohibition wins. The envelope metadata (" + String.join(", ", FieldMatrix.ENVELOPE_FIELDS)
            + ") travels with every record a permission lets through.";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final AgencyDirectory directory;
    private final PurposeCatalog purposes;

    /**
     * @param directory the agency directory, to expand parties and senders named by kind
     * @param purposes the purpose catalog, for purposes' DPV terms
     */
    public OdrlExport(AgencyDirectory directory, PurposeCatalog purposes) {
        this.directory = directory;
        this.purposes = purposes;
    }

    /** The policy URI of an agreement version, {@code urn:throughgate:agreement:<id>:<version>}. */
    public static String uid(Agreement agreement) {
        return "urn:throughgate:agreement:" + agreement.id() + ":" + agreement.version();
    }

    /** The agreement as an ODRL policy. */
    public ObjectNode export(Agreement agreement) {
        ObjectNode policy = JSON.objectNode();
        ArrayNode context = policy.putArray("@context");
        context.add(ODRL_CONTEXT);
        context.addObject().put("dpv", DPV).put("dpv-gdpr", DPV_GDPR).put("tg", TG);
        policy.put("@type", "Agreement");
        policy.put("uid", uid(agreement));
        policy.put("profile", PROFILE);
        policy.put("conflict", "prohibit");
        policy.put("rdfs:comment", DEFAULT_DENY);
        policy.put("dct:title", agreement.title());
        policy.put("dct:description", agreement.summary());
        policy.put("tg:version", agreement.version());
        policy.put("tg:validFrom", agreement.validFrom().toString());
        policy.put("tg:validUntil", agreement.validUntil().toString());
        policy.put("tg:jointControllers", agreement.jointControllers());
        Set<String> parties = AgreementParties.of(agreement, directory);
        // Every party both shares and receives under the agreement; each rule names its own assigner and assignee.
        policy.set("assigner", agencies(parties));
        policy.set("assignee", agencies(parties));
        policy.set("dpv:hasLegalBasis", legalBases(agreement.lawfulBasis()));
        agreement.lawfulBasis().statutoryGateways()
                .forEach(gateway -> policy.withArrayProperty("tg:statutoryGateway").add(gateway));
        OdrlRules rules = new OdrlRules(purposes);
        ArrayNode hasPurpose = policy.putArray("dpv:hasPurpose");
        agreement.purposes().forEach(id -> hasPurpose.add(rules.purpose(id)));
        ArrayNode permissions = policy.putArray("permission");
        ArrayNode prohibitions = policy.putArray("prohibition");
        for (Flow flow : agreement.flows()) {
            ArrayNode senders = agencies(parties.stream().filter(code -> directory.find(code)
                    .filter(flow.senders()::includes).isPresent()).toList());
            for (String recordType : flow.recordTypes().stream().sorted().toList()) {
                for (FieldRule rule : flow.fields().rules()) {
                    for (RecipientRule recipient : flow.recipients()) {
                        ObjectNode node = rules.rule(flow, recordType, rule, senders, recipient);
                        (rule.action() == FieldAction.WITHHOLD ? prohibitions : permissions).add(node);
                    }
                }
            }
        }
        return policy;
    }

    private static ArrayNode agencies(Iterable<String> codes) {
        ArrayNode uris = JSON.arrayNode();
        codes.forEach(code -> uris.add(Agency.IDENTITY_PREFIX + code));
        return uris;
    }

    private static ArrayNode legalBases(LawfulBasis basis) {
        ArrayNode bases = JSON.arrayNode();
        bases.addObject().put("@id", "dpv-gdpr:" + basis.article6().dpvTerm());
        basis.article9().stream().flatMap(code -> Article9Condition.fromCode(code).stream())
                .forEach(condition -> bases.addObject().put("@id", "dpv-gdpr:" + condition.dpvTerm()));
        basis.schedule1().stream().flatMap(code -> Schedule1Condition.fromCode(code).stream())
                .forEach(condition -> bases.addObject().put("@id", "tg:schedule1-" + condition.code())
                        .put("rdfs:label", condition.description()));
        return bases;
    }
}
