package io.throughgate.contract;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads the fields of one YAML mapping of a contract file, recording a located problem for each missing,
 * mistyped or unknown field instead of failing on the first, so that a lint run reports them all.
 */
public final class YamlReader {

    private final MappingNode mapping;
    private final Map<String, Node> fields;
    private final String file;
    private final String context;
    private final List<ContractProblem> problems;

    /**
     * @param mapping the mapping to read
     * @param file the file, for problems
     * @param context where the mapping is, for problems (e.g. {@code flow release-to-yot}), or empty
     * @param problems where problems are added
     */
    public YamlReader(MappingNode mapping, String file, String context, List<ContractProblem> problems) {
        this.mapping = mapping;
        this.fields = YamlNodes.entries(mapping);
        this.file = file;
        this.context = context;
        this.problems = problems;
    }

    /** A reader for a nested mapping field; empty (with a problem when required) when absent or not a mapping. */
    public Optional<YamlReader> mapping(String key, String nestedContext, boolean required) {
        Node node = fields.get(key);
        if (node instanceof MappingNode nested) {
            return Optional.of(new YamlReader(nested, file, nestedContext, problems));
        }
        if (node != null || required) {
            problem(node == null ? mapping : node, "'" + key + "' must be a mapping");
        }
        return Optional.empty();
    }

    /** A required text field; empty with a problem when missing or not text. */
    public Optional<String> text(String key) {
        Optional<String> value = optionalText(key);
        if (value.isEmpty() && !fields.containsKey(key)) {
            problem(mapping, "required field '" + key + "' is missing");
        }
        return value;
    }

    /** An optional text field; empty when absent, with a problem when present but not text. */
    public Optional<String> optionalText(String key) {
        Node node = fields.get(key);
        if (node == null) {
            return Optional.empty();
        }
        if (node instanceof ScalarNode scalar && !scalar.getValue().isBlank()) {
            return Optional.of(scalar.getValue().strip());
        }
        problem(node, "'" + key + "' must be a non-empty value");
        return Optional.empty();
    }

    /** A required date field of the form 2025-04-01. */
    public Optional<LocalDate> date(String key) {
        return text(key).flatMap(text -> {
            try {
                return Optional.of(LocalDate.parse(text));
            } catch (DateTimeParseException e) {
                problem(fields.get(key), "'" + key + "' must be a date of the form 2025-04-01");
                return Optional.empty();
            }
        });
    }

    /** A required whole-number field. */
    public Optional<Integer> number(String key) {
        return text(key).flatMap(text -> {
            try {
                return Optional.of(Integer.parseInt(text));
            } catch (NumberFormatException e) {
                problem(fields.get(key), "'" + key + "' must be a whole number");
                return Optional.empty();
            }
        });
    }

    /** A required true/false field. */
    public Optional<Boolean> flag(String key) {
        return text(key).flatMap(text -> switch (text) {
            case "true" -> Optional.of(true);
            case "false" -> Optional.of(false);
            default -> {
                problem(fields.get(key), "'" + key + "' must be true or false");
                yield Optional.empty();
            }
        });
    }

    /** A list of text values; empty when absent. */
    public List<String> texts(String key) {
        List<String> values = new ArrayList<>();
        Node node = fields.get(key);
        if (node == null) {
            return values;
        }
        if (!(node instanceof SequenceNode sequence)) {
            problem(node, "'" + key + "' must be a list");
            return values;
        }
        for (Node item : sequence.getValue()) {
            YamlNodes.scalar(item).filter(text -> !text.isBlank()).ifPresentOrElse(text -> values.add(text.strip()),
                    () -> problem(item, "each item of '" + key + "' must be a value"));
        }
        return values;
    }

    /** The mappings of a list field, each with its own reader; empty when absent. */
    public List<MappingNode> mappings(String key, boolean required) {
        Node node = fields.get(key);
        List<MappingNode> items = new ArrayList<>();
        if (node == null) {
            if (required) {
                problem(mapping, "required field '" + key + "' is missing");
            }
            return items;
        }
        if (!(node instanceof SequenceNode sequence)) {
            problem(node, "'" + key + "' must be a list");
            return items;
        }
        for (Node item : sequence.getValue()) {
            if (item instanceof MappingNode itemMapping) {
                items.add(itemMapping);
            } else {
                problem(item, "each item of '" + key + "' must be a mapping");
            }
        }
        return items;
    }

    /** The raw node of a field, or empty. */
    public Optional<Node> node(String key) {
        return Optional.ofNullable(fields.get(key));
    }

    /** Records a problem for every field not in the allowed set. */
    public void rejectUnknown(Set<String> allowed) {
        fields.forEach((key, node) -> {
            if (!allowed.contains(key)) {
                problem(node, "unknown field '" + key + "'; allowed: " + String.join(", ", new TreeSet<>(allowed)));
            }
        });
    }

    /** Records a problem located at a node of this file. */
    public void problem(Node node, String message) {
        problems.add(new ContractProblem(file, YamlNodes.line(node), context, message));
    }

    /** The line of a field's value, or of this mapping when the field is absent. */
    public int lineOf(String key) {
        Node node = fields.get(key);
        return YamlNodes.line(node == null ? mapping : node);
    }

    /** The mapping this reader reads. */
    public MappingNode mappingNode() {
        return mapping;
    }

    /** The line of this mapping. */
    public int line() {
        return YamlNodes.line(mapping);
    }
}
