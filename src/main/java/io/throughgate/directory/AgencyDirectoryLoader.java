package io.throughgate.directory;

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
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

import io.throughgate.contract.ContractProblem;
import io.throughgate.contract.Digests;
import io.throughgate.contract.InvalidContractException;
import io.throughgate.contract.YamlNodes;

/**
 * Parses and validates the agency directory. Every problem is collected before failing, so that one attempt shows
 * the operator all of them.
 */
public final class AgencyDirectoryLoader {

    /** The directory's file name inside the contracts folder. */
    public static final String FILE = "agencies.yaml";

    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)+");
    private static final Pattern LONDON_BOROUGH_GSS_CODE = Pattern.compile("E090000(0[2-9]|[12][0-9]|3[0-3])");
    private static final Set<String> REQUIRED = Set.of("code", "kind", "displayName", "validFrom",
            "certificateIdentity");
    private static final Set<String> OPTIONAL = Set.of("validUntil", "borough", "localAuthority", "gssCode",
            "location", "note");
    private static final String ISSUERS = "issuers";
    private static final Set<String> REQUIRED_FOR_YOT = Set.of("borough", "localAuthority", "gssCode");

    private final List<ContractProblem> problems = new ArrayList<>();
    private final AuthorityEntriesReader authorityReader = new AuthorityEntriesReader(problems::add);
    private Map<String, PinnedAuthority> authorities = Map.of();

    private AgencyDirectoryLoader() {
    }

    /**
     * Parses a directory file.
     *
     * @param content the file's bytes, UTF-8
     * @return the directory, every entry valid
     * @throws InvalidContractException naming each malformed entry, its line and the problem
     */
    public static AgencyDirectory parse(byte[] content) {
        return new AgencyDirectoryLoader().load(content);
    }

    private AgencyDirectory load(byte[] content) {
        List<Agency> agencies = new ArrayList<>();
        try {
            Optional<Node> root = YamlNodes.compose(new String(content, StandardCharsets.UTF_8));
            Optional<SequenceNode> authorityEntries = root.flatMap(node -> list(node, "certificateAuthorities"));
            authorityEntries.map(authorityReader::read).ifPresent(read -> authorities = read.stream()
                    .collect(Collectors.toMap(PinnedAuthority::id, authority -> authority, (a, b) -> a)));
            Optional<SequenceNode> entries = root.flatMap(node -> list(node, "agencies"));
            entries.ifPresent(sequence -> agencies.addAll(readEntries(sequence)));
            if (root.isEmpty() || entries.isEmpty() || authorityEntries.isEmpty()) {
                problem(root.map(YamlNodes::line).orElse(0), "",
                        "the file must be a mapping with the lists 'certificateAuthorities' and 'agencies'");
            }
        } catch (YAMLException e) {
            problem(0, "", "not valid YAML: " + e.getMessage());
        }
        if (!problems.isEmpty()) {
            throw new InvalidContractException(problems);
        }
        return new AgencyDirectory(agencies, List.copyOf(authorities.values()), Digests.sha256Hex(content));
    }

    private static Optional<SequenceNode> list(Node root, String name) {
        if (root instanceof MappingNode mapping
                && YamlNodes.entries(mapping).get(name) instanceof SequenceNode sequence
                && !sequence.getValue().isEmpty()) {
            return Optional.of(sequence);
        }
        return Optional.empty();
    }

    private List<Agency> readEntries(SequenceNode sequence) {
        List<Agency> agencies = new ArrayList<>();
        Map<String, String> firstEntryByCode = new HashMap<>();
        Map<String, String> firstEntryByGssCode = new HashMap<>();
        int index = 0;
        for (Node node : sequence.getValue()) {
            index++;
            Optional<Agency> agency = readEntry(index, node);
            if (agency.isEmpty()) {
                continue;
            }
            String entry = entryName(index, agency.get().code());
            String earlier = firstEntryByCode.putIfAbsent(agency.get().code(), entry);
            if (earlier != null) {
                problem(YamlNodes.line(node), entry, "code " + agency.get().code() + " is already used by " + earlier);
            }
            agency.get().details().gssCode().ifPresent(gss -> {
                String earlierGss = firstEntryByGssCode.putIfAbsent(gss, entry);
                if (earlierGss != null) {
                    problem(YamlNodes.line(node), entry, "gssCode " + gss + " is already used by " + earlierGss);
                }
            });
            agencies.add(agency.get());
        }
        return agencies;
    }

    private Optional<Agency> readEntry(int index, Node node) {
        if (!(node instanceof MappingNode mapping)) {
            problem(YamlNodes.line(node), entryName(index, ""), "an entry must be a mapping of fields");
            return Optional.empty();
        }
        Map<String, Node> fields = YamlNodes.entries(mapping);
        Map<String, String> values = new HashMap<>();
        fields.forEach((key, value) -> YamlNodes.scalar(value).ifPresent(text -> values.put(key, text.strip())));
        Node issuerNode = fields.remove(ISSUERS);
        String entry = entryName(index, values.getOrDefault("code", ""));
        int line = YamlNodes.line(node);
        int problemsBefore = problems.size();

        fields.keySet().stream().filter(key -> !REQUIRED.contains(key) && !OPTIONAL.contains(key)).forEach(
                key -> problem(line, entry, "unknown field '" + key + "'; allowed: " + allowedFields()));
        REQUIRED.stream().sorted().filter(key -> values.getOrDefault(key, "").isEmpty())
                .forEach(key -> problem(line, entry, "required field '" + key + "' is missing or empty"));
        fields.forEach((key, value) -> {
            if (YamlNodes.scalar(value).isEmpty()) {
                problem(YamlNodes.line(value), entry, "field '" + key + "' must be a single value");
            }
        });
        List<String> issuers = issuerNode == null
                ? List.of()
                : authorityReader.scalars(issuerNode, entry, ISSUERS).orElse(List.of());
        if (issuerNode == null || (issuers.isEmpty() && problems.size() == problemsBefore)) {
            problem(line, entry, "required field 'issuers' is missing or empty: name the certificateAuthorities "
                    + "allowed to issue this agency's certificates");
        }
        if (problems.size() > problemsBefore) {
            return Optional.empty();
        }

        String code = values.get("code");
        Optional<AgencyKind> kind = AgencyKind.fromCode(values.get("kind"));
        if (!CODE.matcher(code).matches()) {
            problem(line, entry, "code '" + code + "' must be a lowercase slug such as yot-camden");
        }
        if (kind.isEmpty()) {
            problem(line, entry, "kind '" + values.get("kind") + "' is not one of "
                    + Stream.of(AgencyKind.values()).map(AgencyKind::code).collect(Collectors.joining(", ")));
        } else if (!code.startsWith(kind.get().code() + "-")) {
            problem(line, entry, "code '" + code + "' must start with its kind, '" + kind.get().code() + "-'");
        }
        Optional<LocalDate> validFrom = date(line, entry, "validFrom", values.get("validFrom"));
        Optional<LocalDate> validUntil = Optional.ofNullable(values.get("validUntil"))
                .flatMap(text -> date(line, entry, "validUntil", text));
        if (validFrom.isPresent() && validUntil.isPresent() && validUntil.get().isBefore(validFrom.get())) {
            problem(line, entry, "validUntil " + validUntil.get() + " is before validFrom " + validFrom.get());
        }
        String expectedIdentity = Agency.IDENTITY_PREFIX + code;
        if (!expectedIdentity.equals(values.get("certificateIdentity"))) {
            problem(line, entry, "certificateIdentity must be " + expectedIdentity);
        }
        String gssCode = values.get("gssCode");
        if (gssCode != null && !LONDON_BOROUGH_GSS_CODE.matcher(gssCode).matches()) {
            problem(line, entry, "gssCode '" + gssCode + "' is not a London borough's (E09000002 to E09000033)");
        }
        if (kind.filter(AgencyKind.YOT::equals).isPresent()) {
            REQUIRED_FOR_YOT.stream().sorted().filter(key -> !values.containsKey(key))
                    .forEach(key -> problem(line, entry, "a yot entry needs '" + key + "'"));
        }
        checkIssuers(line, entry, kind, issuers);
        if (problems.size() > problemsBefore) {
            return Optional.empty();
        }
        AgencyDetails details = new AgencyDetails(optional(values, "borough"), optional(values, "localAuthority"),
                optional(values, "gssCode"), optional(values, "location"), optional(values, "note"));
        return Optional.of(new Agency(code, kind.get(), values.get("displayName"), validFrom.get(), validUntil,
                values.get("certificateIdentity"), issuers, details));
    }

    private void checkIssuers(int line, String entry, Optional<AgencyKind> kind, List<String> issuers) {
        for (String issuer : issuers) {
            PinnedAuthority authority = authorities.get(issuer);
            if (authority == null) {
                problem(line, entry, "issuer '" + issuer + "' is not among the certificateAuthorities");
            } else if (kind.filter(AgencyKind.PARTNERSHIP::equals).isPresent()
                    && !authority.grants(IssuerGrant.PARTNERSHIP)) {
                problem(line, entry, "issuer '" + issuer + "' may not vouch for the partnership's identity: only a "
                        + "certificate authority whose grants include partnership may issue for a partnership entry");
            }
        }
        if (issuers.stream().distinct().count() != issuers.size()) {
            problem(line, entry, "issuers names a certificate authority twice");
        }
    }

    private Optional<LocalDate> date(int line, String entry, String field, String text) {
        try {
            return Optional.of(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            problem(line, entry, field + " '" + text + "' is not a date of the form 2025-04-01");
            return Optional.empty();
        }
    }

    private static Optional<String> optional(Map<String, String> values, String key) {
        return Optional.ofNullable(values.get(key));
    }

    private static String allowedFields() {
        return Stream.concat(Stream.concat(REQUIRED.stream(), OPTIONAL.stream()), Stream.of(ISSUERS)).sorted()
                .collect(Collectors.joining(", "));
    }

    private static String entryName(int index, String code) {
        return "entry " + index + (code.isEmpty() ? "" : " (" + code + ")");
    }

    private void problem(int line, String entry, String message) {
        problems.add(new ContractProblem(FILE, line, entry, message));
    }
}
