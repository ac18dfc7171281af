package io.throughgate.purpose;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

import io.throughgate.contract.ContractProblem;
import io.throughgate.contract.InvalidContractException;
import io.throughgate.contract.YamlNodes;
import io.throughgate.contract.YamlReader;

/** The purposes of {@code contracts/purposes.yaml}, by id. Immutable. */
public final class PurposeCatalog {

    /** The file's name inside the contracts folder. */
    public static final String FILE = "purposes.yaml";
    private static final Set<String> FIELDS = Set.of("id", "title", "dpv", "consent");

    private final Map<String, Purpose> purposes;

    private PurposeCatalog(Map<String, Purpose> purposes) {
        this.purposes = purposes;
    }

    /**
     * Parses the purposes file.
     *
     * @throws InvalidContractException listing every problem with its line
     */
    public static PurposeCatalog parse(byte[] content) {
        List<ContractProblem> problems = new ArrayList<>();
        Map<String, Purpose> purposes = new LinkedHashMap<>();
        try {
            Optional<Node> root = YamlNodes.compose(new String(content, StandardCharsets.UTF_8));
            if (root.isPresent() && root.get() instanceof MappingNode mapping) {
                for (MappingNode entry : new YamlReader(mapping, FILE, "", problems).mappings("purposes", true)) {
                    YamlReader yaml = new YamlReader(entry, FILE, "purpose", problems);
                    yaml.rejectUnknown(FIELDS);
                    var id = yaml.text("id");
                    var title = yaml.text("title");
                    var dpv = yaml.text("dpv");
                    var consent = yaml.flag("consent");
                    if (id.isPresent() && title.isPresent() && dpv.isPresent() && consent.isPresent()
                            && purposes.putIfAbsent(id.get(), new Purpose(id.get(), title.get(), dpv.get(),
                                    consent.get())) != null) {
                        yaml.problem(entry, "purpose " + id.get() + " appears twice");
                    }
                }
            } else {
                problems.add(new ContractProblem(FILE, 0, "", "the file must be a mapping with a list 'purposes'"));
            }
        } catch (YAMLException e) {
            problems.add(new ContractProblem(FILE, 0, "", "not valid YAML: " + e.getMessage()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidContractException(problems);
        }
        return new PurposeCatalog(purposes);
    }

    /** The purpose with this id, or empty. */
    public Optional<Purpose> find(String id) {
        return Optional.ofNullable(purposes.get(id));
    }

    /** Every purpose, in file order. */
    public Collection<Purpose> all() {
        return purposes.values();
    }
}
