package io.throughgate.directory;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

import io.throughgate.contract.ContractProblem;
import io.throughgate.contract.YamlNodes;

/**
 * Reads the {@code certificateAuthorities} list of the agency directory, and the lists of scalars (an agency's
 * {@code issuers}, a CA's {@code grants}) that both parts of the file use.
 */
final class AuthorityEntriesReader {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    private static final Set<String> FIELDS = Set.of("id", "displayName", "spkiSha256", "grants");

    private final Consumer<ContractProblem> problems;
    private int problemCount;

    AuthorityEntriesReader(Consumer<ContractProblem> problems) {
        this.problems = problems;
    }

    /** Reads every entry; a malformed entry is reported and left out. */
    List<PinnedAuthority> read(SequenceNode sequence) {
        List<PinnedAuthority> authorities = new ArrayList<>();
        Map<String, String> entryById = new HashMap<>();
        Map<String, String> entryByPin = new HashMap<>();
        int index = 0;
        for (Node node : sequence.getValue()) {
            index++;
            Optional<PinnedAuthority> authority = readEntry(index, node);
            if (authority.isEmpty()) {
                continue;
            }
            String entry = entryName(index, authority.get().id());
            String earlier = entryById.putIfAbsent(authority.get().id(), entry);
            if (earlier != null) {
                problem(YamlNodes.line(node), entry, "id " + authority.get().id() + " is already used by " + earlier);
            }
            String samePin = entryByPin.putIfAbsent(authority.get().spkiSha256(), entry);
            if (samePin != null) {
                problem(YamlNodes.line(node), entry, "spkiSha256 is already pinned by " + samePin);
            }
            authorities.add(authority.get());
        }
        return authorities;
    }

    /**
     * The scalars of a list field, e.g. {@code issuers: [throughgate-dev]}; empty with a problem when the field is
     * not a list of single values.
     */
    Optional<List<String>> scalars(Node node, String entry, String field) {
        if (!(node instanceof SequenceNode sequence)) {
            problem(YamlNodes.line(node), entry, "field '" + field + "' must be a list, e.g. " + field + ": [a, b]");
            return Optional.empty();
        }
        List<String> values = new ArrayList<>();
        for (Node item : sequence.getValue()) {
            Optional<String> value = YamlNodes.scalar(item).map(String::strip).filter(text -> !text.isEmpty());
            if (value.isEmpty()) {
                problem(YamlNodes.line(item), entry, "each item of '" + field + "' must be a single value");
                return Optional.empty();
            }
            values.add(value.get());
        }
        return Optional.of(values);
    }

    private Optional<PinnedAuthority> readEntry(int index, Node node) {
        if (!(node instanceof MappingNode mapping)) {
            problem(YamlNodes.line(node), entryName(index, ""), "a certificate authority must be a mapping of fields");
            return Optional.empty();
        }
        Map<String, Node> fields = YamlNodes.entries(mapping);
        String id = YamlNodes.scalar(fields.get("id")).map(String::strip).orElse("");
        String entry = entryName(index, id);
        int line = YamlNodes.line(node);
        int before = problemCount;
        fields.keySet().stream().filter(key -> !FIELDS.contains(key)).forEach(key -> problem(line, entry,
                "unknown field '" + key + "'; allowed: displayName, grants, id, spkiSha256"));
        String displayName = YamlNodes.scalar(fields.get("displayName")).map(String::strip).orElse("");
        String pin = YamlNodes.scalar(fields.get("spkiSha256")).map(String::strip).orElse("");
        if (!ID.matcher(id).matches()) {
            problem(line, entry, "id '" + id + "' must be a lowercase slug such as throughgate-dev");
        }
        if (displayName.isEmpty()) {
            problem(line, entry, "required field 'displayName' is missing or empty");
        }
        if (!PinnedAuthority.SHA256_HEX.matcher(pin).matches()) {
            problem(line, entry, "spkiSha256 must be the SHA-256 of the CA's SubjectPublicKeyInfo as 64 lowercase "
                    + "hex digits (openssl x509 -pubkey -noout | openssl pkey -pubin -outform der | sha256sum)");
        }
        Set<IssuerGrant> grants = EnumSet.noneOf(IssuerGrant.class);
        if (fields.containsKey("grants")) {
            scalars(fields.get("grants"), entry, "grants").orElse(List.of()).forEach(code -> IssuerGrant
                    .fromCode(code).ifPresentOrElse(grants::add, () -> problem(line, entry, "grant '" + code
                            + "' is not one of dpo, partnership")));
        }
        if (problemCount > before) {
            return Optional.empty();
        }
        return Optional.of(new PinnedAuthority(id, displayName, pin, grants));
    }

    private void problem(int line, String entry, String message) {
        problemCount++;
        problems.accept(new ContractProblem(AgencyDirectoryLoader.FILE, line, entry, message));
    }

    private static String entryName(int index, String id) {
        return "certificate authority " + index + (id.isEmpty() ? "" : " (" + id + ")");
    }
}
