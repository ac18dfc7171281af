package io.throughgate.disclosure;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

import io.throughgate.contract.ContractProblem;
import io.throughgate.contract.Digests;
import io.throughgate.contract.InvalidContractException;
import io.throughgate.contract.YamlNodes;
import io.throughgate.contract.YamlReader;

/** Reads {@code contracts/disclosure.yaml}, collecting every located problem before failing. */
final class DisclosureContractParser {

    private static final String FILE = DisclosureContract.FILE;
    private static final Set<String> TABLES = Arrays.stream(PublishedTable.values()).map(PublishedTable::code)
            .collect(Collectors.toUnmodifiableSet());

    private final List<ContractProblem> problems = new ArrayList<>();

    DisclosureContract read(byte[] content) {
        DisclosureContract contract = null;
        try {
            Optional<Node> root = YamlNodes.compose(new String(content, StandardCharsets.UTF_8));
            if (root.isPresent() && root.get() instanceof MappingNode mapping) {
                YamlReader file = new YamlReader(mapping, FILE, "", problems);
                file.rejectUnknown(Set.of("tables", "extract"));
                Map<PublishedTable, DisclosureRule> rules = file.mapping("tables", "tables", true).map(this::tables)
                        .orElse(Map.of());
                DisclosureContract.ExtractRule extract = file.mapping("extract", "extract", false).map(this::extract)
                        .orElse(new DisclosureContract.ExtractRule(DisclosureContract.DEFAULT_K,
                                DisclosureContract.DEFAULT_SUPPRESS_UP_TO_PERCENT, Map.of()));
                if (problems.isEmpty()) {
                    contract = new DisclosureContract(rules, extract, Digests.sha256Hex(content));
                }
            } else {
                problems.add(new ContractProblem(FILE, 0, "", "the file must be a mapping of tables and extract"));
            }
        } catch (YAMLException e) {
            problems.add(new ContractProblem(FILE, 0, "", "not valid YAML: " + e.getMessage()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidContractException(problems);
        }
        return contract;
    }

    private Map<PublishedTable, DisclosureRule> tables(YamlReader yaml) {
        yaml.rejectUnknown(TABLES);
        Map<PublishedTable, DisclosureRule> rules = new EnumMap<>(PublishedTable.class);
        for (PublishedTable table : PublishedTable.values()) {
            if (yaml.node(table.code()).isEmpty()) {
                yaml.problem(yaml.mappingNode(), "table '" + table.code() + "' has no rule: the hub publishes it");
                continue;
            }
            yaml.mapping(table.code(), "table " + table.code(), true).flatMap(this::rule).ifPresent(rule -> rules
                    .put(table, rule));
        }
        return rules;
    }

    private Optional<DisclosureRule> rule(YamlReader yaml) {
        yaml.rejectUnknown(Set.of("suppressFrom", "suppressTo", "roundTo"));
        Optional<Integer> from = yaml.number("suppressFrom");
        Optional<Integer> to = yaml.number("suppressTo");
        Optional<Integer> round = yaml.number("roundTo");
        from.filter(value -> value != 1).ifPresent(value -> yaml.problem(yaml.node("suppressFrom").get(),
                "'suppressFrom' must be 1: every small count is suppressed, and zero is published as zero"));
        if (round.isPresent() && round.get() < 1) {
            yaml.problem(yaml.node("roundTo").get(), "'roundTo' must be 1 or more");
            return Optional.empty();
        }
        if (to.isPresent() && round.isPresent() && to.get() < DisclosureRule.leastSuppressTo(round.get())) {
            yaml.problem(yaml.node("suppressTo").get(), "'suppressTo' must be at least " + DisclosureRule
                    .leastSuppressTo(round.get()) + " with roundTo " + round.get() + ", so that no published count "
                    + "rounds to 0");
            return Optional.empty();
        }
        if (from.isEmpty() || to.isEmpty() || round.isEmpty() || from.get() != 1) {
            return Optional.empty();
        }
        return Optional.of(new DisclosureRule(to.get(), round.get()));
    }

    private DisclosureContract.ExtractRule extract(YamlReader yaml) {
        yaml.rejectUnknown(Set.of("k", "suppressUpToPercent", "subRegions"));
        int k = yaml.node("k").isEmpty() ? DisclosureContract.DEFAULT_K : yaml.number("k").filter(value -> {
            if (value < 2) {
                yaml.problem(yaml.node("k").get(), "'k' must be 2 or more: with 1, a row may single a child out");
                return false;
            }
            return true;
        }).orElse(DisclosureContract.DEFAULT_K);
        int percent = yaml.node("suppressUpToPercent").isEmpty()
                ? DisclosureContract.DEFAULT_SUPPRESS_UP_TO_PERCENT
                : yaml.number("suppressUpToPercent").filter(value -> {
                    if (value < 0 || value > 100) {
                        yaml.problem(yaml.node("suppressUpToPercent").get(), "'suppressUpToPercent' must be from 0 "
                                + "to 100");
                        return false;
                    }
                    return true;
                }).orElse(DisclosureContract.DEFAULT_SUPPRESS_UP_TO_PERCENT);
        Map<String, String> subRegions = new java.util.TreeMap<>();
        yaml.mapping("subRegions", "extract subRegions", false).ifPresent(regions -> YamlNodes.entries(regions
                .mappingNode()).keySet().forEach(region -> {
                    for (String yot : regions.texts(region)) {
                        if (subRegions.put(yot, region) != null) {
                            regions.problem(regions.node(region).get(), yot + " is in two sub-regions");
                        }
                    }
                }));
        return new DisclosureContract.ExtractRule(k, percent, subRegions);
    }
}
