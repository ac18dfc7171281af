package io.throughgate.consent.policy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

import io.throughgate.consent.DeciderRole;
import io.throughgate.contract.ContractProblem;
import io.throughgate.contract.Digests;
import io.throughgate.contract.InvalidContractException;
import io.throughgate.contract.YamlNodes;
import io.throughgate.contract.YamlReader;

/** Reads {@code contracts/consent-policy.yaml}, collecting every located problem before failing. */
final class ConsentPolicyParser {

    private static final String FILE = ConsentPolicy.FILE;
    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Set<String> RULE_FIELDS = Set.of("id", "ages", "says", "mayDecide");
    private static final Set<String> AGES_FIELDS = Set.of("from", "to");
    private static final Set<String> DECIDER_FIELDS = Set.of("role", "when");

    private final List<ContractProblem> problems = new ArrayList<>();
    private final Map<PolicyRule, Integer> lines = new IdentityHashMap<>();

    private ConsentPolicyParser() {
    }

    static ConsentPolicy parse(byte[] content) {
        return new ConsentPolicyParser().read(content);
    }

    private ConsentPolicy read(byte[] content) {
        List<PolicyRule> rules = new ArrayList<>();
        try {
            Optional<Node> root = YamlNodes.compose(new String(content, StandardCharsets.UTF_8));
            if (root.isPresent() && root.get() instanceof MappingNode mapping) {
                YamlReader file = new YamlReader(mapping, FILE, "", problems);
                file.rejectUnknown(Set.of("rules"));
                Set<String> ids = new HashSet<>();
                for (MappingNode entry : file.mappings("rules", true)) {
                    rule(entry).ifPresent(rule -> {
                        if (!ids.add(rule.id())) {
                            problem(entry, "rule " + rule.id(), "rule " + rule.id() + " appears twice");
                        }
                        rules.add(rule);
                    });
                }
                if (problems.isEmpty()) {
                    checkAgesCovered(rules, YamlNodes.line(mapping));
                }
            } else {
                problems.add(new ContractProblem(FILE, 0, "", "the file must be a mapping with a list 'rules'"));
            }
        } catch (YAMLException e) {
            problems.add(new ContractProblem(FILE, 0, "", "not valid YAML: " + e.getMessage()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidContractException(problems);
        }
        return new ConsentPolicy(rules, Digests.sha256Hex(content));
    }

    private Optional<PolicyRule> rule(MappingNode entry) {
        int before = problems.size();
        String context = ("rule " + YamlNodes.scalar(YamlNodes.entries(entry).get("id")).orElse("")).strip();
        YamlReader yaml = new YamlReader(entry, FILE, context, problems);
        yaml.rejectUnknown(RULE_FIELDS);
        Optional<String> id = yaml.text("id");
        if (id.isPresent() && !ID.matcher(id.get()).matches()) {
            problem(entry, context, "id '" + id.get() + "' must be a lowercase slug such as under-sixteen");
        }
        Optional<String> says = yaml.text("says");
        Optional<Band> ages = yaml.mapping("ages", context, true).flatMap(this::ages);
        List<AllowedDecider> deciders = new ArrayList<>();
        List<MappingNode> entries = yaml.mappings("mayDecide", true);
        if (entries.isEmpty() && yaml.node("mayDecide").isPresent()) {
            problem(entry, context, "'mayDecide' must list at least one decider");
        }
        for (MappingNode decider : entries) {
            allowed(new YamlReader(decider, FILE, context, problems)).ifPresent(deciders::add);
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        PolicyRule rule = new PolicyRule(id.get(), ages.get().from(), ages.get().to(), says.get(), deciders);
        lines.put(rule, YamlNodes.line(entry));
        return Optional.of(rule);
    }

    private Optional<Band> ages(YamlReader yaml) {
        yaml.rejectUnknown(AGES_FIELDS);
        Optional<Integer> from = yaml.number("from");
        Optional<String> toText = yaml.optionalText("to");
        Optional<Integer> to = toText.flatMap(text -> age(yaml, "to", text));
        if (from.isEmpty() || toText.isPresent() && to.isEmpty()) {
            return Optional.empty();
        }
        if (from.get() < 0 || to.filter(age -> age < from.get()).isPresent()) {
            yaml.problem(yaml.mappingNode(), "'from' must be 0 or more and no more than 'to'");
            return Optional.empty();
        }
        return Optional.of(new Band(from.get(), to));
    }

    private Optional<AllowedDecider> allowed(YamlReader yaml) {
        yaml.rejectUnknown(DECIDER_FIELDS);
        Optional<DeciderRole> role = yaml.text("role").flatMap(code -> {
            Optional<DeciderRole> known = DeciderRole.fromCode(code);
            if (known.isEmpty()) {
                yaml.problem(yaml.node("role").get(), "role '" + code + "' is not one of " + codes(Stream.of(
                        DeciderRole.values()).map(DeciderRole::code)));
            }
            return known;
        });
        List<Condition> when = new ArrayList<>();
        for (String code : yaml.texts("when")) {
            Condition.fromCode(code).ifPresentOrElse(when::add, () -> yaml.problem(yaml.node("when").get(),
                    "condition '" + code + "' is not one of " + codes(Stream.of(Condition.values()).map(
                            Condition::code))));
        }
        if (when.contains(Condition.ASSESSED_COMPETENT) && when.contains(Condition.NOT_ASSESSED_COMPETENT)) {
            yaml.problem(yaml.node("when").get(), "'assessed-competent' and 'not-assessed-competent' can never both "
                    + "hold");
        }
        return role.map(known -> new AllowedDecider(known, when));
    }

    private void checkAgesCovered(List<PolicyRule> rules, int fileLine) {
        int next = 0;
        PolicyRule previous = null;
        for (PolicyRule rule : rules.stream().sorted(Comparator.comparingInt(PolicyRule::fromAge)).toList()) {
            String context = "rule " + rule.id();
            if (rule.fromAge() < next) {
                problems.add(new ContractProblem(FILE, lines.get(rule), context, "its ages overlap those of rule "
                        + previous.id() + "; exactly one rule must cover each age"));
            } else if (rule.fromAge() > next) {
                problems.add(new ContractProblem(FILE, lines.get(rule), context, "no rule covers ages " + next
                        + " to " + (rule.fromAge() - 1) + "; exactly one rule must cover each age"));
            }
            next = Math.max(next, rule.toAge().map(to -> to + 1).orElse(Integer.MAX_VALUE));
            previous = rule;
        }
        if (next != Integer.MAX_VALUE) {
            problems.add(new ContractProblem(FILE, fileLine, "", "no rule covers ages from " + next + " on; the "
                    + "oldest rule must leave out 'to'"));
        }
    }

    private Optional<Integer> age(YamlReader yaml, String key, String text) {
        try {
            return Optional.of(Integer.parseInt(text));
        } catch (NumberFormatException e) {
            yaml.problem(yaml.node(key).get(), "'" + key + "' must be a whole number");
            return Optional.empty();
        }
    }

    private void problem(Node node, String context, String message) {
        problems.add(new ContractProblem(FILE, YamlNodes.line(node), context, message));
    }

    /** A band of ages, both ends included; {@code to} empty for every age from {@code from} on. */
    private record Band(int from, Optional<Integer> to) {
    }

    private static String codes(Stream<String> codes) {
        return codes.collect(Collectors.joining(", "));
    }
}
