package io.throughgate.agreement;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.throughgate.contract.ContractProblem;
import io.throughgate.directory.AgencyDirectory;
import io.throughgate.purpose.Purpose;
import io.throughgate.purpose.PurposeCatalog;
import io.throughgate.record.schema.ProtectedField;

/**
 * Checks the meaning of a well-formed agreement against the other contracts: the agencies exist and are parties,
 * the record types, fields and purposes exist, and consent is asked only for purposes that take consent.
 */
public final class AgreementLinter {

    private final AgencyDirectory directory;
    private final PurposeCatalog purposes;
    private final RecordFieldCatalog fields;

    public AgreementLinter(AgencyDirectory directory, PurposeCatalog purposes, RecordFieldCatalog fields) {
        this.directory = directory;
        this.purposes = purposes;
        this.fields = fields;
    }

    /**
     * Lints an agreement.
     *
     * @param file the agreement file, for problems
     * @param folder the agreement's folder name, which must equal its id
     * @param version the version its folder names ({@code v<version>}), which must equal its version
     * @param agreement the parsed agreement
     * @param lines where each part is written
     * @return every problem found, located
     */
    public List<ContractProblem> lint(String file, String folder, int version, Agreement agreement,
            AgreementParser.Parsed lines) {
        Problems problems = new Problems(file, lines);
        if (!agreement.id().equals(folder)) {
            problems.add("id", "", "id '" + agreement.id() + "' must equal the folder name '" + folder + "'");
        }
        if (agreement.version() != version) {
            problems.add("version", "", "version " + agreement.version() + " must equal the version of its folder, v"
                    + version);
        }
        if (agreement.validUntil().isBefore(agreement.validFrom())) {
            problems.add("validUntil", "", "validUntil is before validFrom");
        }
        Set<String> parties = AgreementParties.of(agreement, directory);
        if (parties.isEmpty()) {
            problems.add("parties", "", "the parties name no agency in force during the agreement");
        }
        agreement.parties().agencies().stream().filter(code -> directory.find(code).isEmpty()).sorted()
                .forEach(code -> problems.add("parties", "", "agency '" + code + "' is not in the directory"));
        agreement.purposes().stream().filter(id -> purposes.find(id).isEmpty())
                .forEach(id -> problems.add("purposes", "", "purpose '" + id + "' is not in purposes.yaml"));
        agreement.governance().contacts().stream().filter(contact -> directory.find(contact.agency()).isEmpty())
                .forEach(contact -> problems.add("contacts", "", "contact agency '" + contact.agency()
                        + "' is not in the directory"));
        Set<String> flowIds = new HashSet<>();
        for (Flow flow : agreement.flows()) {
            if (!flowIds.add(flow.id())) {
                problems.add("flow " + flow.id() + "/recordTypes", "flow " + flow.id(), "flow id used twice");
            }
            lintFlow(agreement, flow, parties, problems);
        }
        return problems.list();
    }

    private void lintFlow(Agreement agreement, Flow flow, Set<String> parties, Problems problems) {
        String part = "flow " + flow.id();
        if (!agreement.purposes().contains(flow.purpose())) {
            problems.add(part + "/purpose", part, "purpose '" + flow.purpose() + "' is not among the agreement's");
        }
        flow.senders().agencies().stream().filter(code -> !parties.contains(code)).sorted().forEach(code -> problems
                .add(part + "/from", part, "sender '" + code + "' is not a party"));
        List<String> types = flow.recordTypes().stream().sorted().toList();
        types.stream().filter(type -> !fields.recordTypes().contains(type)).forEach(type -> problems.add(
                part + "/recordTypes", part, "record type '" + type + "' has no schema"));
        List<String> knownTypes = types.stream().filter(fields.recordTypes()::contains).toList();
        for (String type : knownTypes) {
            Integer pinned = agreement.recordSchemas().get(type);
            if (pinned == null) {
                problems.add("recordSchemas", part, "recordSchemas names no schema version for " + type
                        + ", which this flow carries");
            } else if (!fields.schemaVersions(type).contains(pinned)) {
                problems.add("recordSchemas", part, "there is no version " + pinned + " of the " + type + " schema");
            }
            lintProtectedFields(flow, type, part, problems);
        }
        for (RecipientRule recipient : flow.recipients()) {
            recipient.agency().filter(code -> !parties.contains(code)).ifPresent(code -> problems.add(part + "/to",
                    part, "recipient '" + code + "' is not a party"));
            recipient.field().ifPresent(field -> knownTypes.stream().filter(type -> !fields.hasField(type, field))
                    .forEach(type -> problems.add(part + "/to", part, "routing field " + field
                            + " is not a field of " + type)));
            recipient.allowed().agencies().stream().filter(code -> !parties.contains(code)).sorted().forEach(
                    code -> problems.add(part + "/to", part, "recipient '" + code + "' is not a party"));
        }
        lintPseudonymisingEnvelope(flow, part, problems);
        for (FieldRule rule : flow.fields().rules()) {
            String at = part + "/fields" + rule.field();
            knownTypes.stream().filter(type -> !fields.hasField(type, rule.field())).forEach(type -> problems.add(at,
                    part + ", field " + rule.field(), "the " + type + " schema has no field " + rule.field()));
            rule.consentPurpose().ifPresent(purposeId -> {
                Optional<Purpose> purpose = purposes.find(purposeId);
                if (purpose.isEmpty()) {
                    problems.add(at, part + ", field " + rule.field(), "consent purpose '" + purposeId
                            + "' is not in purposes.yaml");
                } else if (!purpose.get().consentable()) {
                    problems.add(at, part + ", field " + rule.field(), "purpose '" + purposeId
                            + "' does not take consent");
                }
            });
        }
    }

    /**
     * A rule on a container never covers special-category or criminal offence data: each such field the flow lets
     * through must be named by a rule of its own, on the marked field or beneath it.
     */
    private void lintProtectedFields(Flow flow, String type, String part, Problems problems) {
        Set<String> reported = new HashSet<>();
        for (String leaf : fields.leafFields(type)) {
            Optional<ProtectedField> marked = fields.protectedField(type, leaf);
            FieldRule rule = flow.fields().ruleFor(leaf);
            if (marked.isEmpty() || rule.action() == FieldAction.WITHHOLD || !covers(rule.field(), marked.get()
                    .pointer()) || !reported.add(marked.get().pointer())) {
                continue;
            }
            problems.add(part + "/fields" + rule.field(), part + ", field " + rule.field(), "the rule '"
                    + rule.field() + ": " + rule.action().code() + "' would cover " + marked.get().pointer() + " of "
                    + type + ", which is " + marked.get().category().description() + "; give "
                    + marked.get().pointer() + " a rule of its own (share it, withhold it or ask consent)");
        }
    }

    /**
     * A pseudonymising flow (one that names the child by no identifier or name in clear, and pseudonymises at least
     * one identifier) must not let its copies be linked to other agreements' copies by the envelope: it pseudonymises
     * the record id and generalises the time.
     */
    private static void lintPseudonymisingEnvelope(Flow flow, String part, Problems problems) {
        boolean pseudonymises = flow.fields().rules().stream().anyMatch(rule -> rule.field().startsWith("/subject/")
                && rule.action() == FieldAction.PSEUDONYMISE);
        boolean namesInClear = flow.fields().rules().stream().anyMatch(rule -> (rule.field().equals("/subject")
                || IDENTIFYING.stream().anyMatch(field -> rule.field().equals(field) || rule.field().startsWith(field
                        + "/")))
                && rule.action() == FieldAction.SHARE);
        if (pseudonymises && !namesInClear && !flow.envelope().unlinkable()) {
            problems.add(part + "/envelope", part, "the flow pseudonymises the child but its envelope would carry "
                    + "the sender's record id or exact time, which link its copies to other agreements' copies; "
                    + "add envelope: {recordId: pseudonymise, occurredAt: generalise:year-month}");
        }
    }

    /** The subject fields that name a child in clear: identifiers and name. */
    private static final List<String> IDENTIFYING = List.of("/subject/name", "/subject/nhsNumber", "/subject/pncId",
            "/subject/croNumber", "/subject/nomisNumber", "/subject/probationCrn", "/subject/upn",
            "/subject/localCaseId");

    /** Whether a rule's field is a container strictly above a marked field. */
    static boolean covers(String ruleField, String markedPointer) {
        return markedPointer.startsWith(ruleField + "/");
    }

    private record Problems(String file, AgreementParser.Parsed lines, List<ContractProblem> list) {

        Problems(String file, AgreementParser.Parsed lines) {
            this(file, lines, new ArrayList<>());
        }

        void add(String part, String entry, String message) {
            list.add(new ContractProblem(file, lines.line(part), entry, message));
        }
    }
}
