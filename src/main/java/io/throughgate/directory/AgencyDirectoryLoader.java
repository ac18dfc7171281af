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
    private static final Set<String> REQUIRED_FOR_YOT = Set.of("borough", "localAuthority", "gssCode");

    private final List<ContractProblem> problems = new ArrayList<>();

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
            Optional<SequenceNode> entries = root.flatMap(this::agencyEntries);
            entries.ifPresent(sequence -> agencies.addAll(readEntries(sequence)));
            if (root.isEmpty() || entries.isEmpty()) {
                problem(root.map(YamlNodes::line).orElse(0), "", "the file must be a mapping with a list 'agencies'");
            }
        } catch (YAMLException e) {
            problem(0, "", "not valid YAML: " + e.getMessage());
        }
        if (!problems.isEmpty()) {
            throw new InvalidContractException(problems);
        }
        return new AgencyDirectory(agencies, Digests.sha256Hex(content));
    }

    private Optional<SequenceNode> agencyEntries(Node root) {
        if (root instanceof MappingNode mapping
                && YamlNodes.entries(mapping).get("agencies") instanceof SequenceNode sequence
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
        if (problems.size() > problemsBefore) {
            return Optional.empty();
        }
        AgencyDetails details = new AgencyDetails(optional(values, "borough"), optional(values, "localAuthority"),
                optional(values, "gssCode"), optional(values, "location"), optional(values, "note"));
        return Optional.of(new Agency(code, kind.get(), values.get("displayName"), validFrom.get(), validUntil,
                values.get("certificateIdentity"), details));
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
        return Stream.concat(REQUIRED.stream(), OPTIONAL.stream()).sorted().collect(Collectors.joining(", "));
    }

    private static String entryName(int index, String code) {
        return "entry " + index + (code.isEmpty() ? "" : " (" + code + ")");
    }

    private void problem(int line, String entry, String message) {
        problems.add(new ContractProblem(FILE, line, entry, message));
    }
}
