package io.throughgate.timeliness;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

import io.throughgate.agreement.RecordFieldCatalog;
import io.throughgate.contract.ContractProblem;
import io.throughgate.contract.Digests;
import io.throughgate.contract.InvalidContractException;
import io.throughgate.contract.YamlNodes;
import io.throughgate.contract.YamlReader;
import io.throughgate.directory.AgencyDirectory;

/** Reads {@code contracts/timeliness.yaml}, collecting every located problem before failing. */
final class TimelinessContractParser {

    private static final String FILE = TimelinessContract.FILE;
    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Map<String, Anchor> DUE_KINDS = Map.of("daysBeforeRelease", Anchor.RELEASE,
            "daysAfterAdmission", Anchor.ADMISSION, "workingDaysAfterAdmission", Anchor.ADMISSION);
    private static final Set<String> MILESTONE_FIELDS = Set.of("id", "title", "due", "metBy", "atRiskDaysBefore",
            "tell", "remindEveryDays");

    private final RecordFieldCatalog fields;
    private final AgencyDirectory directory;
    private final List<ContractProblem> problems = new ArrayList<>();

    TimelinessContractParser(RecordFieldCatalog fields, AgencyDirectory directory) {
        this.fields = fields;
        this.directory = directory;
    }

    TimelinessContract read(byte[] content) {
        TimelinessContract contract = null;
        try {
            Optional<Node> root = YamlNodes.compose(new String(content, StandardCharsets.UTF_8));
            if (root.isPresent() && root.get() instanceof MappingNode mapping) {
                YamlReader file = new YamlReader(mapping, FILE, "", problems);
                file.rejectUnknown(Set.of("anchors", "notices", "bankHolidays", "milestones"));
                Map<Anchor, List<DateSource>> anchors = file.mapping("anchors", "anchors", true).map(this::anchors)
                        .orElse(Map.of());
                Optional<NoticeParties> notices = file.mapping("notices", "notices", true).flatMap(this::notices);
                Optional<WorkingDays> calendar = file.mapping("bankHolidays", "bankHolidays", true).flatMap(
                        this::calendar);
                List<Milestone> milestones = new ArrayList<>();
                Set<String> ids = new HashSet<>();
                for (MappingNode entry : file.mappings("milestones", true)) {
                    milestone(entry).ifPresent(milestone -> {
                        if (!ids.add(milestone.id())) {
                            problems.add(new ContractProblem(FILE, YamlNodes.line(entry), "milestone " + milestone
                                    .id(), "milestone " + milestone.id() + " appears twice"));
                        }
                        milestones.add(milestone);
                    });
                }
                if (problems.isEmpty()) {
                    contract = new TimelinessContract(anchors, notices.get().from(), notices.get().digestTo(), calendar
                            .get(), milestones,
                            Digests
                                    .sha256Hex(content));
                }
            } else {
                problems.add(new ContractProblem(FILE, 0, "", "the file must be a mapping of anchors, notices, "
                        + "bankHolidays and milestones"));
            }
        } catch (YAMLException e) {
            problems.add(new ContractProblem(FILE, 0, "", "not valid YAML: " + e.getMessage()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidContractException(problems);
        }
        return contract;
    }

    private Map<Anchor, List<DateSource>> anchors(YamlReader yaml) {
        yaml.rejectUnknown(Set.of(Anchor.ADMISSION.code(), Anchor.RELEASE.code()));
        Map<Anchor, List<DateSource>> anchors = new EnumMap<>(Anchor.class);
        for (Anchor anchor : Anchor.values()) {
            List<DateSource> sources = new ArrayList<>();
            for (MappingNode entry : yaml.mappings(anchor.code(), true)) {
                YamlReader source = new YamlReader(entry, FILE, "anchor " + anchor.code(), problems);
                source.rejectUnknown(Set.of("recordType", "date"));
                Optional<String> type = recordType(source);
                Optional<String> pointer = source.text("date");
                if (type.isPresent() && pointer.isPresent() && field(source, type.get(), pointer.get(), "date")) {
                    sources.add(new DateSource(type.get(), pointer.get()));
                }
            }
            anchors.put(anchor, sources);
        }
        return anchors;
    }

    /** In whose name notices go, and who gets the digest. */
    private record NoticeParties(String from, String digestTo) {
    }

    private Optional<NoticeParties> notices(YamlReader yaml) {
        yaml.rejectUnknown(Set.of("from", "digestTo"));
        Optional<String> from = agency(yaml, "from");
        Optional<String> digestTo = agency(yaml, "digestTo");
        return from.isPresent() && digestTo.isPresent()
                ? Optional.of(new NoticeParties(from.get(), digestTo.get()))
                : Optional.empty();
    }

    private Optional<String> agency(YamlReader yaml, String key) {
        Optional<String> code = yaml.text(key);
        if (code.isPresent() && directory.find(code.get()).isEmpty()) {
            yaml.problem(yaml.node(key).get(), "agency '" + code.get() + "' is not in the directory");
            return Optional.empty();
        }
        return code;
    }

    private Optional<WorkingDays> calendar(YamlReader yaml) {
        yaml.rejectUnknown(Set.of("region", "from", "to", "dates"));
        yaml.text("region").filter(region -> !region.equals("england-and-wales")).ifPresent(region -> yaml.problem(
                yaml.node("region").get(), "region must be england-and-wales, whose bank holidays the partnership "
                        + "keeps"));
        Optional<LocalDate> from = yaml.date("from");
        Optional<LocalDate> to = yaml.date("to");
        Set<LocalDate> holidays = new HashSet<>();
        for (String text : yaml.texts("dates")) {
            try {
                LocalDate day = LocalDate.parse(text);
                if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                    yaml.problem(yaml.node("dates").get(), day + " is a " + day.getDayOfWeek().name().toLowerCase()
                            + ": a bank holiday that falls at a weekend is moved to a weekday; list that day");
                } else if (from.isPresent() && to.isPresent() && (day.isBefore(from.get()) || day.isAfter(to
                        .get()))) {
                    yaml.problem(yaml.node("dates").get(), day + " is outside " + from.get() + " to " + to.get());
                }
                holidays.add(day);
            } catch (DateTimeParseException e) {
                yaml.problem(yaml.node("dates").get(), "'" + text + "' must be a date of the form 2026-12-25");
            }
        }
        if (from.isEmpty() || to.isEmpty()) {
            return Optional.empty();
        }
        if (to.get().isBefore(from.get())) {
            yaml.problem(yaml.node("to").get(), "'to' must not be before 'from'");
            return Optional.empty();
        }
        return Optional.of(new WorkingDays(from.get(), to.get(), holidays));
    }

    private Optional<Milestone> milestone(MappingNode entry) {
        int before = problems.size();
        String context = ("milestone " + YamlNodes.scalar(YamlNodes.entries(entry).get("id")).orElse("")).strip();
        YamlReader yaml = new YamlReader(entry, FILE, context, problems);
        yaml.rejectUnknown(MILESTONE_FIELDS);
        Optional<String> id = yaml.text("id");
        id.filter(text -> !ID.matcher(text).matches()).ifPresent(text -> yaml.problem(yaml.node("id").get(), "id '"
                + text + "' must be a lowercase slug such as accommodation-confirmed"));
        Optional<String> title = yaml.text("title");
        Optional<Due> due = yaml.mapping("due", context, true).flatMap(this::due);
        List<Evidence> metBy = new ArrayList<>();
        for (MappingNode evidence : yaml.mappings("metBy", true)) {
            evidence(new YamlReader(evidence, FILE, context, problems), context).ifPresent(metBy::add);
        }
        if (metBy.isEmpty() && yaml.node("metBy").isPresent() && problems.size() == before) {
            yaml.problem(yaml.node("metBy").get(), "'metBy' must list at least one record");
        }
        Optional<Integer> atRisk = atLeast(yaml, "atRiskDaysBefore", 0);
        List<Party> tell = new ArrayList<>();
        for (String code : yaml.texts("tell")) {
            Party.fromCode(code).ifPresentOrElse(tell::add, () -> yaml.problem(yaml.node("tell").get(), "'" + code
                    + "' is not one of responsible-yot, establishment"));
        }
        if (tell.isEmpty() && problems.size() == before) {
            yaml.problem(entry, "'tell' must name at least one of responsible-yot, establishment");
        }
        Optional<Integer> remind = atLeast(yaml, "remindEveryDays", 1);
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new Milestone(id.get(), title.get(), due.get(), metBy, atRisk.get(), tell, remind.get()));
    }

    private Optional<Due> due(YamlReader yaml) {
        yaml.rejectUnknown(DUE_KINDS.keySet());
        List<String> given = DUE_KINDS.keySet().stream().filter(kind -> yaml.node(kind).isPresent()).sorted()
                .toList();
        if (given.size() != 1) {
            yaml.problem(yaml.mappingNode(), "'due' must give exactly one of daysAfterAdmission, daysBeforeRelease, "
                    + "workingDaysAfterAdmission");
            return Optional.empty();
        }
        String kind = given.get(0);
        return atLeast(yaml, kind, 0).map(days -> new Due(DUE_KINDS.get(kind), days, kind.startsWith("working")));
    }

    private Optional<Evidence> evidence(YamlReader yaml, String context) {
        yaml.rejectUnknown(Set.of("recordType", "when", "date"));
        Optional<String> type = recordType(yaml);
        Optional<String> date = yaml.text("date");
        Map<String, String> when = new LinkedHashMap<>();
        yaml.mapping("when", context, false).ifPresent(conditions -> YamlNodes.entries(conditions
                .mappingNode()).forEach((pointer, value) -> {
                    Optional<String> text = YamlNodes.scalar(value).filter(scalar -> !scalar.isBlank());
                    if (text.isEmpty()) {
                        yaml.problem(value, "'" + pointer + "' must be a value");
                    } else if (type.isEmpty() || field(yaml, type.get(), pointer, "when")) {
                        when.put(pointer, text.get());
                    }
                }));
        if (type.isEmpty() || date.isEmpty()) {
            return Optional.empty();
        }
        if (!date.get().equals(Evidence.RECEIVED) && !field(yaml, type.get(), date.get(), "date")) {
            return Optional.empty();
        }
        return Optional.of(new Evidence(type.get(), when, date.get()));
    }

    private Optional<String> recordType(YamlReader yaml) {
        Optional<String> type = yaml.text("recordType");
        if (type.isPresent() && !fields.recordTypes().contains(type.get())) {
            yaml.problem(yaml.node("recordType").get(), "record type '" + type.get() + "' has no schema");
            return Optional.empty();
        }
        return type;
    }

    private boolean field(YamlReader yaml, String type, String pointer, String key) {
        if (!fields.hasField(type, pointer)) {
            yaml.problem(yaml.node(key).orElse(yaml.mappingNode()), "field " + pointer + " is not in the schema of "
                    + type);
            return false;
        }
        return true;
    }

    private static Optional<Integer> atLeast(YamlReader yaml, String key, int least) {
        return yaml.number(key).filter(number -> {
            if (number < least) {
                yaml.problem(yaml.node(key).get(), "'" + key + "' must be " + least + " or more");
                return false;
            }
            return true;
        });
    }
}
