package io.throughgate.contract;

import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads YAML as a tree of nodes that keep their line numbers, so that contract problems can name the line. Only
 * composes nodes; it never constructs arbitrary Java objects from a document.
 */
public final class YamlNodes {

    private YamlNodes() {
    }

    /** Composes a document; empty when the document is empty. */
    public static Optional<Node> compose(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        return Optional.ofNullable(new Yaml(options).compose(new StringReader(text)));
    }

    /** The 1-based line a node starts on. */
    public static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }

    /** A mapping node's entries by scalar key, in document order; entries whose key is not a scalar are skipped. */
    public static Map<String, Node> entries(MappingNode mapping) {
        Map<String, Node> entries = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode key) {
                entries.put(key.getValue(), tuple.getValueNode());
            }
        }
        return entries;
    }

    /** The text of a scalar node, or empty when the node is absent or not a scalar. */
    public static Optional<String> scalar(Node node) {
        return node instanceof ScalarNode scalar ? Optional.of(scalar.getValue()) : Optional.empty();
    }
}
