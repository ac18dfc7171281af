package io.throughgate.agreement;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

import io.throughgate.contract.ContractProblem;
import io.throughgate.contract.YamlNodes;
import io.throughgate.contract.YamlReader;
import io.throughgate.directory.AgencyKind;

/**
 * Reads an agreement file into an {@link Agreement}, reporting every structural problem with its line. Meaning
 * (do the agencies, record types, fields and purposes exist?) is checked by {@link AgreementLinter}.
 */
public final class AgreementParser {

    private static final Set<String> TOP = Set.of("id", "version", "title", "summary", "validFrom", "validUntil",
            "parties", "jointControllers", "purposes", "lawfulBasis", "dpia", "retention", "security",
            "individualsRights", "reviewDate", "contacts", "flows", "recordSchemas");
    private static final Set<String> SELECTOR = Set.of("kinds", "agencies");
    private static final Set<String> LAWFUL_BASIS = Set.of("article6", "article9", "schedule1", "statutoryGateways");
    private static final Set<String> DPIA = Set.of("reference", "outcome", "dpoAdvice");
    private static final Set<String> CONTACT = Set.of("role", "agency", "mailbox");
    private static final Set<String> FLOW = Set.of("id", "recordTypes", "from", "to", "purpose", "fields",
            "envelope");
    private static final Set<String> ENVELOPE = Set.of("recordId", "occurredAt");
    private static final Set<String> RECIPIENT = Set.of("agency", "field", "kinds", "agencies");

    private final String file;
    private final List<ContractProblem> problems = new ArrayList<>();
    private final Map<String, Integer> lines = new HashMap<>();

    private AgreementParser(String file) {
        this.file = file;
    }

    /**
     * The outcome of parsing: the agreement when the file is well formed, and every problem found.
     *
     * @param agreement the agreement, empty when a problem prevents reading it
     * @param problems every problem, located
     */
    public record Parsed(Optional<Agreement> agreement, List<ContractProblem> problems, Map<String, Integer> lines) {

        /** The line where a part of the agreement is written ({@code parties}, {@code flow <id>/to}, ...), or 0. */
        public int line(String part) {
            return lines.getOrDefault(part, 0);
        }
    }

    /**
     * Parses an agreement file.
     *
     * @param file the file's path inside the contracts folder, for problems
     * @param content the file's bytes, UTF-8
     */
    public static Parsed parse(String file, byte[] content) {
        AgreementParser parser = new AgreementParser(file);
        Optional<Agreement> agreement = Optional.empty();
        try {
            Optional<Node> root = YamlNodes.compose(new String(content, StandardCharsets.UTF_8));
            if (root.isPresent() && root.get() instanceof MappingNode mapping) {
                agreement = parser.agreement(new YamlReader(mapping, file, "", parser.problems));
            } else {
                parser.problems.add(new ContractProblem(file, 0, "", "an agreement must be a mapping of fields"));
            }
        } catch (MarkedYAMLException e) {
            // The mark says where; the message without it says what, and neither quotes more of the file.
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            parser.problems.add(new ContractProblem(file, line, "", "not valid YAML: " + (e.getProblem() == null
                    ? "cannot be read"
                    : e.getProblem())));
        } catch (YAMLException e) {
            parser.problems.add(new ContractProblem(file, 0, "", "not valid YAML: " + e.getMessage()));
        }
        return new Parsed(parser.problems.isEmpty() ? agreement : Optional.empty(), List.copyOf(parser.problems),
                Map.copyOf(parser.lines));
    }

    private Optional<Agreement> agreement(YamlReader yaml) {
        yaml.rejectUnknown(TOP);
        for (String part : List.of("id", "version", "parties", "purposes", "contacts", "validFrom", "validUntil",
                "reviewDate")) {
            lines.put(part, yaml.lineOf(part));
        }
        Optional<String> id = yaml.text("id");
        Optional<Integer> version = yaml.number("version");
        Optional<String> title = yaml.text("title");
        Optional<String> summary = yaml.text("summary");
        var validFrom = yaml.date("validFrom");
        var validUntil = yaml.date("validUntil");
        var reviewDate = yaml.date("reviewDate");
        Optional<AgencySelector> parties = yaml.mapping("parties", "parties", true).map(this::selector);
        Optional<Boolean> jointControllers = yaml.flag("jointControllers");
        List<String> purposes = yaml.texts("purposes");
        if (purposes.isEmpty()) {
            yaml.problem(yaml.node("purposes").orElse(yaml.mappingNode()), "an agreement names at least one purpose");
        }
        Optional<LawfulBasis> lawfulBasis = yaml.mapping("lawfulBasis", "lawfulBasis", true).flatMap(
                this::lawfulBasis);
        Optional<YamlReader> dpia = yaml.mapping("dpia", "dpia", true);
        dpia.ifPresent(reader -> reader.rejectUnknown(DPIA));
        Optional<String> dpiaReference = dpia.flatMap(reader -> reader.text("reference"));
        Optional<String> dpiaOutcome = dpia.flatMap(reader -> reader.text("outcome"));
        Optional<String> dpoAdvice = dpia.flatMap(reader -> reader.text("dpoAdvice"));
        Optional<String> retention = yaml.text("retention");
        Optional<String> security = yaml.text("security");
        Optional<String> rights = yaml.text("individualsRights");
        List<Agreement.Contact> contacts = yaml.mappings("contacts", true).stream().map(node -> contact(node))
                .flatMap(Optional::stream).toList();
        List<Flow> flows = yaml.mappings("flows", true).stream().map(this::flow).flatMap(Optional::stream).toList();
        lines.put("recordSchemas", yaml.lineOf("recordSchemas"));
        Map<String, Integer> recordSchemas = recordSchemas(yaml);
        if (!problems.isEmpty()) {
            return Optional.empty();
        }
        Agreement.Governance governance = new Agreement.Governance(dpiaReference.get(), dpiaOutcome.get(),
                dpoAdvice.get(), retention.get(), security.get(), rights.get(), reviewDate.get(), contacts);
        return Optional.of(new Agreement(id.get(), version.get(), title.get(), summary.get(), parties.get(),
                jointControllers.get(), purposes, lawfulBasis.get(), governance, validFrom.get(), validUntil.get(),
                flows, recordSchemas));
    }

    /** {@code recordSchemas}: the schema version the agreement was written against, for each record type. */
    private Map<String, Integer> recordSchemas(YamlReader yaml) {
        Optional<Node> node = yaml.node("recordSchemas");
        if (node.isEmpty() || !(node.get() instanceof MappingNode mapping)) {
            yaml.problem(node.orElse(yaml.mappingNode()), "recordSchemas must map each record type the flows name "
                    + "to the schema version this agreement was written against, e.g. recordSchemas: "
                    + "{release-notification: 1}");
            return Map.of();
        }
        Map<String, Integer> versions = new LinkedHashMap<>();
        YamlNodes.entries(mapping).forEach((type, value) -> {
            Optional<Integer> version = YamlNodes.scalar(value).filter(text -> text.matches("[1-9][0-9]{0,3}"))
                    .map(Integer::valueOf);
            version.ifPresentOrElse(number -> versions.put(type, number), () -> yaml.problem(value,
                    "the schema version of " + type + " must be a whole number from 1"));
        });
        return versions;
    }

    /** {@code envelope: {recordId: pseudonymise, occurredAt: generalise:year-month}}; absent keys travel as sent. */
    private EnvelopeRules envelope(YamlReader yaml) {
        yaml.rejectUnknown(ENVELOPE);
        boolean pseudonymousId = false;
        Optional<String> recordId = yaml.optionalText("recordId");
        if (recordId.isPresent() && !recordId.get().equals("share")) {
            pseudonymousId = recordId.get().equals("pseudonymise");
            if (!pseudonymousId) {
                yaml.problem(yaml.node("recordId").orElseThrow(), "recordId must be share or pseudonymise");
            }
        }
        Optional<Generalisation> occurredAt = Optional.empty();
        Optional<String> time = yaml.optionalText("occurredAt");
        if (time.isPresent() && !time.get().equals("share")) {
            occurredAt = time.get().startsWith("generalise:")
                    ? Generalisation.fromCode(time.get().substring("generalise:".length()))
                            .filter(how -> how != Generalisation.POSTCODE_DISTRICT)
                    : Optional.empty();
            if (occurredAt.isEmpty()) {
                yaml.problem(yaml.node("occurredAt").orElseThrow(), "occurredAt must be share, generalise:year-month "
                        + "or generalise:year");
            }
        }
        return new EnvelopeRules(pseudonymousId, occurredAt);
    }

    private AgencySelector selector(YamlReader yaml) {
        yaml.rejectUnknown(SELECTOR);
        return selectorFields(yaml);
    }

    private AgencySelector selectorFields(YamlReader yaml) {
        Set<AgencyKind> kinds = EnumSet.noneOf(AgencyKind.class);
        for (String kind : yaml.texts("kinds")) {
            AgencyKind.fromCode(kind).ifPresentOrElse(kinds::add,
                    () -> yaml.problem(yaml.node("kinds").orElseThrow(), "unknown agency kind '" + kind + "'"));
        }
        return new AgencySelector(kinds, Set.copyOf(yaml.texts("agencies")));
    }

    private Optional<LawfulBasis> lawfulBasis(YamlReader yaml) {
        yaml.rejectUnknown(LAWFUL_BASIS);
        Optional<Article6Basis> article6 = yaml.text("article6").flatMap(code -> {
            Optional<Article6Basis> basis = Article6Basis.fromCode(code);
            if (basis.isEmpty()) {
                yaml.problem(yaml.node("article6").orElseThrow(), "unknown Article 6 basis '" + code + "'");
            }
            return basis;
        });
        FieldBasis conditions = ConditionCodes.read(yaml);
        return article6.map(basis -> new LawfulBasis(basis, conditions.article9(), conditions.schedule1(), yaml.texts(
                "statutoryGateways")));
    }

    private Optional<Agreement.Contact> contact(MappingNode node) {
        YamlReader yaml = new YamlReader(node, file, "contact", problems);
        yaml.rejectUnknown(CONTACT);
        Optional<String> role = yaml.text("role");
        Optional<String> agency = yaml.text("agency");
        Optional<String> mailbox = yaml.text("mailbox");
        return role.isPresent() && agency.isPresent() && mailbox.isPresent()
                ? Optional.of(new Agreement.Contact(role.get(), agency.get(), mailbox.get()))
                : Optional.empty();
    }

    private Optional<Flow> flow(MappingNode node) {
        YamlReader yaml = new YamlReader(node, file, "flow", problems);
        Optional<String> id = yaml.text("id");
        YamlReader flowYaml = id.map(flowId -> new YamlReader(node, file, "flow " + flowId, problems)).orElse(yaml);
        flowYaml.rejectUnknown(FLOW);
        String flowPart = "flow " + id.orElse("?");
        for (String part : List.of("recordTypes", "from", "to", "purpose")) {
            lines.put(flowPart + "/" + part, flowYaml.lineOf(part));
        }
        List<String> recordTypes = flowYaml.texts("recordTypes");
        if (recordTypes.isEmpty()) {
            flowYaml.problem(node, "a flow names at least one record type in 'recordTypes'");
        }
        Optional<AgencySelector> senders = flowYaml.mapping("from", context(id, "from"), true).map(this::selector);
        List<RecipientRule> recipients = flowYaml.mappings("to", true).stream()
                .map(recipient -> recipient(new YamlReader(recipient, file, context(id, "to"), problems)))
                .flatMap(Optional::stream).toList();
        Optional<String> purpose = flowYaml.text("purpose");
        Optional<FieldRuleSet> fields = flowYaml.node("fields").flatMap(
                fieldsNode -> FieldRuleParser.parse(fieldsNode, file, context(id, "fields"), problems,
                        (field, line) -> lines.put(flowPart + "/fields" + field, line)));
        if (flowYaml.node("fields").isEmpty()) {
            flowYaml.problem(node, "a flow needs 'fields': a rule for each field it lets through");
        }
        lines.put(flowPart + "/envelope", flowYaml.lineOf("envelope"));
        EnvelopeRules envelope = flowYaml.mapping("envelope", context(id, "envelope"), false).map(this::envelope)
                .orElse(EnvelopeRules.AS_SENT);
        if (id.isEmpty() || senders.isEmpty() || purpose.isEmpty() || fields.isEmpty() || recipients.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Flow(id.get(), Set.copyOf(recordTypes), senders.get(), recipients, purpose.get(),
                fields.get(), envelope));
    }

    private static String context(Optional<String> flowId, String part) {
        return "flow " + flowId.orElse("?") + ", " + part;
    }

    private Optional<RecipientRule> recipient(YamlReader yaml) {
        yaml.rejectUnknown(RECIPIENT);
        Optional<String> agency = yaml.optionalText("agency");
        Optional<String> field = yaml.optionalText("field");
        if (agency.isPresent() == field.isPresent()) {
            yaml.problem(yaml.node("agency").or(() -> yaml.node("field")).orElse(yaml.mappingNode()),
                    "a recipient names either 'agency' (a fixed recipient) or 'field' (a routing field)");
            return Optional.empty();
        }
        return Optional.of(new RecipientRule(agency, field, selectorFields(yaml)));
    }
}
