package io.throughgate.consent.fhir;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A structural check of an HL7 FHIR R4 Consent in JSON, from the R4 definitions: every key an element of its type at
 * its level, cardinalities (arrays for 0..*, required elements present), no empty element (ele-1), the primitive
 * types' regular expressions, the required code sets, and invariants ppc-1, ppc-2 and per-1. Not a full validator:
 * extensions, contained resources, meta and narrative are taken as given.
 */
final class R4ConsentStructure {

    /** R4 {@code date}. */
    static final Pattern DATE = Pattern.compile("([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)"
            + "(-(0[1-9]|1[0-2])(-(0[1-9]|[1-2][0-9]|3[0-1]))?)?");
    /** R4 {@code dateTime}: a time, when given, has seconds and a time zone. */
    static final Pattern DATE_TIME = Pattern.compile("([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)"
            + "(-(0[1-9]|1[0-2])(-(0[1-9]|[1-2][0-9]|3[0-1])(T([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)"
            + "(\\.[0-9]+)?(Z|(\\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00)))?)?)?");
    private static final Map<String, Pattern> PRIMITIVES = Map.of(
            "code", Pattern.compile("[^\\s]+(\\s[^\\s]+)*"),
            "id", Pattern.compile("[A-Za-z0-9\\-.]{1,64}"),
            "uri", Pattern.compile("\\S+"),
            "string", Pattern.compile("[ \\r\\n\\t\\S]+"),
            "dateTime", DATE_TIME,
            "date", DATE);
    private static final Set<String> OPAQUE = Set.of("Meta", "Narrative", "Resource", "Extension", "Attachment");
    private static final Map<String, Set<String>> CODES = Map.of("Consent.status", Set.of("draft", "proposed",
            "active", "rejected", "inactive", "entered-in-error"), "Consent.provision.type", Set.of("deny", "permit"),
            "Consent.provision.data.meaning", Set.of("instance", "related", "dependents", "authoredby"),
            "Identifier.use", Set.of("usual", "official", "temp", "secondary", "old"));
    private static final Map<String, Map<String, String>> TYPES = Map.ofEntries(
            Map.entry("Consent", elements(
                    "resourceType code 1..1", "id id 0..1", "meta Meta 0..1", "implicitRules uri 0..1",
                    "language code 0..1", "text Narrative 0..1", "contained Resource 0..*", "extension Extension 0..*",
                    "modifierExtension Extension 0..*", "identifier Identifier 0..*", "status code 1..1",
                    "scope CodeableConcept 1..1", "category CodeableConcept 1..*", "patient Reference 0..1",
                    "dateTime dateTime 0..1", "performer Reference 0..*", "organization Reference 0..*",
                    "sourceAttachment Attachment 0..1", "sourceReference Reference 0..1", "policy Consent.policy 0..*",
                    "policyRule CodeableConcept 0..1", "verification Consent.verification 0..*",
                    "provision Consent.provision 0..1")),
            Map.entry("Consent.policy", backbone("authority uri 0..1", "uri uri 0..1")),
            Map.entry("Consent.verification", backbone("verified boolean 1..1", "verifiedWith Reference 0..1",
                    "verificationDate dateTime 0..1")),
            Map.entry("Consent.provision", backbone("type code 0..1", "period Period 0..1",
                    "actor Consent.provision.actor 0..*", "action CodeableConcept 0..*", "securityLabel Coding 0..*",
                    "purpose Coding 0..*", "class Coding 0..*", "code CodeableConcept 0..*",
                    "dataPeriod Period 0..1", "data Consent.provision.data 0..*",
                    "provision Consent.provision 0..*")),
            Map.entry("Consent.provision.actor", backbone("role CodeableConcept 1..1", "reference Reference 1..1")),
            Map.entry("Consent.provision.data", backbone("meaning code 1..1", "reference Reference 1..1")),
            Map.entry("Reference", datatype("reference string 0..1", "type uri 0..1", "identifier Identifier 0..1",
                    "display string 0..1")),
            Map.entry("CodeableConcept", datatype("coding Coding 0..*", "text string 0..1")),
            Map.entry("Coding", datatype("system uri 0..1", "version string 0..1", "code code 0..1",
                    "display string 0..1", "userSelected boolean 0..1")),
            Map.entry("Identifier", datatype("use code 0..1", "type CodeableConcept 0..1", "system uri 0..1",
                    "value string 0..1", "period Period 0..1", "assigner Reference 0..1")),
            Map.entry("Period", datatype("start dateTime 0..1", "end dateTime 0..1")));

    private R4ConsentStructure() {
    }

    /** Everything structurally wrong with the resource, each naming its path; empty when nothing is. */
    static List<String> problems(JsonNode consent) {
        List<String> problems = new ArrayList<>();
        check(consent, "Consent", "Consent", problems);
        if (!"Consent".equals(consent.path("resourceType").asText())) {
            problems.add("Consent.resourceType must be Consent");
        }
        if (!consent.has("policy") && !consent.has("policyRule")) {
            problems.add("ppc-1: Either a Policy or PolicyRule");
        }
        for (JsonNode coding : consent.path("scope").path("coding")) {
            if (coding.path("code").asText().equals("patient-privacy") && !consent.has("patient")) {
                problems.add("ppc-2: IF Scope=privacy, there must be a patient");
            }
        }
        String start = consent.path("provision").path("period").path("start").asText();
        String end = consent.path("provision").path("period").path("end").asText();
        if (start.length() >= 10 && end.length() >= 10 && start.substring(0, 10).compareTo(end.substring(0, 10)) > 0) {
            problems.add("per-1: Consent.provision.period start SHALL have a lower value than end");
        }
        return problems;
    }

    private static void check(JsonNode node, String type, String path, List<String> problems) {
        if (!node.isObject() || node.isEmpty()) {
            problems.add(path + " must be a non-empty object");
            return;
        }
        Map<String, String> elements = TYPES.get(type);
        elements.forEach((name, definition) -> {
            if (definition.endsWith(" 1..1") || definition.endsWith(" 1..*")) {
                if (!node.has(name)) {
                    problems.add(path + "." + name + " is required");
                }
            }
        });
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            String definition = elements.get(field.getKey());
            String at = path + "." + field.getKey();
            if (definition == null) {
                problems.add(at + " is not an element of " + type);
                continue;
            }
            String elementType = definition.split(" ")[0];
            boolean many = definition.endsWith("..*");
            JsonNode value = field.getValue();
            if (many != value.isArray()) {
                problems.add(at + (many ? " must be an array" : " must not be an array"));
            } else if (many && value.isEmpty()) {
                problems.add(at + " must not be an empty array");
            } else if (many) {
                for (int i = 0; i < value.size(); i++) {
                    checkValue(value.get(i), elementType, type + "." + field.getKey(), at + "[" + i + "]", problems);
                }
            } else {
                checkValue(value, elementType, type + "." + field.getKey(), at, problems);
            }
        }
    }

    private static void checkValue(JsonNode value, String type, String element, String path, List<String> problems) {
        if (type.equals("boolean")) {
            if (!value.isBoolean()) {
                problems.add(path + " must be true or false");
            }
        } else if (PRIMITIVES.containsKey(type)) {
            if (!value.isTextual() || !PRIMITIVES.get(type).matcher(value.asText()).matches()) {
                problems.add(path + " is not a valid " + type + ": " + value);
            } else if (CODES.containsKey(element) && !CODES.get(element).contains(value.asText())) {
                problems.add(path + " must be one of " + CODES.get(element) + ": " + value);
            }
        } else if (OPAQUE.contains(type)) {
            if (!value.isObject() || value.isEmpty()) {
                problems.add(path + " must be a non-empty object");
            }
        } else {
            check(value, type, path, problems);
        }
    }

    private static Map<String, String> elements(String... definitions) {
        Map<String, String> elements = new LinkedHashMap<>();
        for (String definition : definitions) {
            int space = definition.indexOf(' ');
            elements.put(definition.substring(0, space), definition.substring(space + 1));
        }
        return elements;
    }

    private static Map<String, String> datatype(String... definitions) {
        Map<String, String> elements = elements(definitions);
        elements.put("id", "string 0..1");
        elements.put("extension", "Extension 0..*");
        return elements;
    }

    private static Map<String, String> backbone(String... definitions) {
        Map<String, String> elements = datatype(definitions);
        elements.put("modifierExtension", "Extension 0..*");
        return elements;
    }
}
