package io.throughgate.identity;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

import io.throughgate.contract.ContractProblem;
import io.throughgate.contract.InvalidContractException;
import io.throughgate.contract.YamlNodes;
import io.throughgate.directory.AgencyDirectory;
import io.throughgate.directory.PinnedAuthority;

/**
 * Reads the deny list, {@code contracts/revoked-certificates.yaml}: certificates the partnership refuses at once,
 * whatever their CA's CRL says (a lost laptop reported before the CA published its next CRL, or a CA that
 * publishes none). Each entry names the issuing CA by its id in the agency directory and the serial in hex.
 */
final class DenyListParser {

    /** The deny list's file name inside the contracts folder. */
    static final String FILE = "revoked-certificates.yaml";

    private static final Pattern HEX_SERIAL = Pattern.compile("[0-9a-fA-F]{1,40}");
    private static final Set<String> FIELDS = Set.of("issuer", "serial", "revokedOn", "reason");

    private final List<ContractProblem> problems = new ArrayList<>();

    private DenyListParser() {
    }

    /**
     * Parses the deny list.
     *
     * @param content the file's bytes, UTF-8
     * @param directory the directory whose certificate authorities the entries name
     * @return for each issuing CA's pin, the revoked serials, each with a description of its entry
     * @throws InvalidContractException naming each malformed entry, its line and the problem
     */
    static Map<String, Map<BigInteger, String>> parse(byte[] content, AgencyDirectory directory) {
        return new DenyListParser().read(content, directory);
    }

    private Map<String, Map<BigInteger, String>> read(byte[] content, AgencyDirectory directory) {
        Map<String, Map<BigInteger, String>> revoked = new HashMap<>();
        try {
            Optional<Node> root = YamlNodes.compose(new String(content, StandardCharsets.UTF_8));
            Node list = root.filter(MappingNode.class::isInstance)
                    .map(node -> YamlNodes.entries((MappingNode) node).get("revoked")).orElse(null);
            if (!(list instanceof SequenceNode sequence)) {
                problem(root.map(YamlNodes::line).orElse(0), "", "the file must be a mapping with a list 'revoked' "
                        + "(revoked: [] when no certificate is revoked)");
                throw new InvalidContractException(problems);
            }
            int index = 0;
            for (Node node : sequence.getValue()) {
                index++;
                readEntry(index, node, directory).ifPresent(entry -> revoked
                        .computeIfAbsent(entry.issuerPin(), pin -> new HashMap<>()).put(entry.serial(),
                                FILE + " entry " + entry.index() + ", " + entry.reason() + " since " + entry.since()));
            }
        } catch (YAMLException e) {
            problem(0, "", "not valid YAML: " + e.getMessage());
        }
        if (!problems.isEmpty()) {
            throw new InvalidContractException(problems);
        }
        return revoked;
    }

    private record Entry(int index, String issuerPin, BigInteger serial, String reason, LocalDate since) {
    }

    private Optional<Entry> readEntry(int index, Node node, AgencyDirectory directory) {
        String entry = "entry " + index;
        int line = YamlNodes.line(node);
        if (!(node instanceof MappingNode mapping)) {
            problem(line, entry, "an entry must be a mapping of issuer, serial, revokedOn and reason");
            return Optional.empty();
        }
        Map<String, String> values = new HashMap<>();
        int before = problems.size();
        YamlNodes.entries(mapping).forEach((key, value) -> {
            if (!FIELDS.contains(key)) {
                problem(line, entry, "unknown field '" + key + "'; allowed: issuer, reason, revokedOn, serial");
            }
            YamlNodes.scalar(value).ifPresentOrElse(text -> values.put(key, text.strip()),
                    () -> problem(line, entry, "field '" + key + "' must be a single value"));
        });
        String issuer = values.getOrDefault("issuer", "");
        Optional<PinnedAuthority> authority = directory.authorities().stream().filter(ca -> ca.id().equals(issuer))
                .findFirst();
        if (authority.isEmpty()) {
            problem(line, entry, "issuer '" + issuer + "' is not among the directory's certificateAuthorities");
        }
        String serial = values.getOrDefault("serial", "").replace(":", "");
        if (!HEX_SERIAL.matcher(serial).matches()) {
            problem(line, entry, "serial must be the certificate's serial number in hex, e.g. 5f:3a:01 or 5f3a01");
        }
        LocalDate since = null;
        try {
            since = LocalDate.parse(values.getOrDefault("revokedOn", ""));
        } catch (DateTimeParseException e) {
            problem(line, entry, "revokedOn must be a date such as 2026-11-20");
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new Entry(index, authority.get().spkiSha256(), new BigInteger(serial, 16),
                values.getOrDefault("reason", "unspecified"), since));
    }

    private void problem(int line, String entry, String message) {
        problems.add(new ContractProblem(FILE, line, entry, message));
    }
}
