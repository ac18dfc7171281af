package io.throughgate.agreement;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

import io.throughgate.contract.ContractProblem;
import io.throughgate.contract.YamlNodes;
import io.throughgate.contract.YamlReader;

/**
 * Reads a flow's {@code fields} mapping. Each key is a JSON pointer ({@code *} for array items); each value is
 * either a word ({@code share}, {@code pseudonymise}, {@code encrypt}, {@code withhold},
 * {@code generalise:year-month}) or a mapping with {@code action}, {@code generalise}, {@code consent},
 * {@code reason} and {@code basis} (the Article 9 and Schedule 1 conditions for a special-category or criminal
 * offence field: {@code basis: {article9: [health-or-social-care], schedule1: [para-2-health-or-social-care]}}).
 */
final class FieldRuleParser {

    private static final Pattern POINTER = Pattern.compile("(/([a-zA-Z][a-zA-Z0-9]*|\\*))+");
    private static final Set<String> RULE = Set.of("action", "generalise", "consent", "reason", "basis");
    private static final Set<String> BASIS = Set.of("article9", "schedule1");

    private FieldRuleParser() {
    }

    static Optional<FieldRuleSet> parse(Node fieldsNode, String file, String context, List<ContractProblem> problems,
            BiConsumer<String, Integer> lineOfField) {
        if (!(fieldsNode instanceof MappingNode mapping)) {
            problems.add(new ContractProblem(file, YamlNodes.line(fieldsNode), context,
                    "'fields' must map each field's JSON pointer to its rule"));
            return Optional.empty();
        }
        int before = problems.size();
        List<FieldRule> rules = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (NodeTuple tuple : mapping.getValue()) {
            Optional<String> field = YamlNodes.scalar(tuple.getKeyNode());
            Location at = new Location(file, YamlNodes.line(tuple.getKeyNode()), context, problems);
            if (field.isEmpty() || !POINTER.matcher(field.get()).matches()) {
                at.problem("'" + field.orElse("?") + "' is not a field pointer such as /body/releaseDate");
                continue;
            }
            if (!seen.add(field.get())) {
                at.problem("field " + field.get() + " has two rules");
                continue;
            }
            lineOfField.accept(field.get(), at.line());
            rule(field.get(), tuple.getValueNode(), at).ifPresent(rules::add);
        }
        if (rules.isEmpty() && problems.size() == before) {
            problems.add(new ContractProblem(file, YamlNodes.line(fieldsNode), context, "'fields' names no field"));
        }
        return problems.size() == before ? Optional.of(new FieldRuleSet(rules)) : Optional.empty();
    }

    private static Optional<FieldRule> rule(String field, Node value, Location at) {
        if (value instanceof ScalarNode scalar) {
            return rule(field, scalar.getValue().strip(), Optional.empty(), Optional.empty(), FieldBasis.NONE, at);
        }
        if (!(value instanceof MappingNode mapping)) {
            at.problem("the rule of " + field + " must be a word such as share, or a mapping with 'action'");
            return Optional.empty();
        }
        YamlReader yaml = new YamlReader(mapping, at.file(), at.context() + " " + field, at.problems());
        yaml.rejectUnknown(RULE);
        Optional<String> action = yaml.text("action");
        Optional<String> generalise = yaml.optionalText("generalise");
        String word = action.orElse("") + generalise.map(g -> ":" + g).orElse("");
        FieldBasis basis = yaml.mapping("basis", at.context() + " " + field + ", basis", false).map(
                FieldRuleParser::basis).orElse(FieldBasis.NONE);
        return action.flatMap(a -> rule(field, word, yaml.optionalText("consent"), yaml.optionalText("reason"),
                basis, at));
    }

    /** {@code basis: {article9: [...], schedule1: [...]}}, each code checked. */
    private static FieldBasis basis(YamlReader yaml) {
        yaml.rejectUnknown(BASIS);
        FieldBasis basis = ConditionCodes.read(yaml);
        if (basis.isEmpty()) {
            yaml.problem(yaml.mappingNode(), "a basis names an article9 or a schedule1 condition");
        }
        return basis;
    }

    private static Optional<FieldRule> rule(String field, String word, Optional<String> consent,
            Optional<String> reason, FieldBasis basis, Location at) {
        String[] parts = word.split(":", 2);
        Optional<FieldAction> action = FieldAction.fromCode(parts[0]);
        if (action.isEmpty()) {
            at.problem("the rule of " + field + " is '" + word + "'; it must be share, pseudonymise, "
                    + "generalise:<how>, encrypt or withhold");
            return Optional.empty();
        }
        Optional<Generalisation> generalisation = parts.length == 2
                ? Generalisation.fromCode(parts[1])
                : Optional.empty();
        if ((action.get() == FieldAction.GENERALISE) != generalisation.isPresent() || (parts.length == 2
                && generalisation.isEmpty())) {
            at.problem("the rule of " + field + " is '" + word + "'; generalise needs one of year-month, year, "
                    + "postcode-district (e.g. generalise:year-month), and only generalise takes one");
            return Optional.empty();
        }
        return Optional.of(new FieldRule(field, action.get(), generalisation, consent, reason, basis));
    }

    private record Location(String file, int line, String context, List<ContractProblem> problems) {

        void problem(String message) {
            problems.add(new ContractProblem(file, line, context, message));
        }
    }
}
