package io.throughgate.console;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jboss.resteasy.reactive.RestForm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.throughgate.api.Problem;
import io.throughgate.audit.AuditReason;

/**
 * A child named in a console form by their identifiers, which travel only in the form's body, and the reason the DPO
 * gives for looking (recorded in the audit of DPO queries). Identifiers are written back only into the hidden fields
 * of a results page's next-page form, which is posted like the first (the page is never cached).
 */
public class ChildForm {

    /**
     * One identifier field of the form.
     *
     * @param key the field's name and id, and the identifier's name in the API
     * @param value the field's label
     */
    public record Identifier(String key, String value) {
    }

    /** The identifier fields, in the order the form shows them, with their labels. */
    static final Map<String, String> IDENTIFIERS = identifiers();

    /** The same, as the form shows them. */
    static final List<Identifier> FIELDS = IDENTIFIERS.entrySet().stream().map(field -> new Identifier(field
            .getKey(), field.getValue())).toList();

    @RestForm
    String nhsNumber;

    @RestForm
    String pncId;

    @RestForm
    String croNumber;

    @RestForm
    String nomisNumber;

    @RestForm
    String probationCrn;

    @RestForm
    String upn;

    @RestForm
    String reason;

    private static Map<String, String> identifiers() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("nhsNumber", "NHS number");
        labels.put("pncId", "PNC ID");
        labels.put("croNumber", "CRO number");
        labels.put("nomisNumber", "NOMIS number");
        labels.put("probationCrn", "Probation case reference (CRN)");
        labels.put("upn", "Unique pupil number");
        return labels;
    }

    /** The child as the API takes it: {@code {"nhsNumber": ..., ...}}, the identifiers filled in. */
    ObjectNode subject() {
        ObjectNode subject = JsonNodeFactory.instance.objectNode();
        put(subject, "nhsNumber", nhsNumber);
        put(subject, "pncId", pncId);
        put(subject, "croNumber", croNumber);
        put(subject, "nomisNumber", nomisNumber);
        put(subject, "probationCrn", probationCrn);
        put(subject, "upn", upn);
        return subject;
    }

    /** What is wrong with the form before the API is asked: no identifier, or no reason. */
    List<FormErrors.Error> problems() {
        List<FormErrors.Error> problems = new ArrayList<>();
        if (subject().isEmpty()) {
            problems.add(new FormErrors.Error("nhsNumber", "Enter at least one of the child's identifiers"));
        }
        problems.addAll(reasonProblems());
        return problems;
    }

    /** What is wrong with the form's reason, when the child is optional. */
    List<FormErrors.Error> reasonProblems() {
        List<FormErrors.Error> problems = new ArrayList<>();
        if (AuditReason.of(reason).isEmpty()) {
            problems.add(new FormErrors.Error("reason", "Select why you are looking"));
        }
        return problems;
    }

    /** An identifier as typed, for the next-page form's hidden field; empty when not given. */
    public String value(String field) {
        JsonNode value = subject().path(field);
        return value.isTextual() ? value.asText() : "";
    }

    /** The reason's code, for the next-page form. */
    public String reasonCode() {
        return reason == null ? "" : reason;
    }

    AuditReason reason() {
        return AuditReason.of(reason).orElseThrow();
    }

    /** The API's violations as the form's errors: {@code /subject/nhsNumber} is the NHS number field. */
    static List<FormErrors.Error> errors(List<Problem.Violation> violations) {
        return violations.stream().map(violation -> {
            String field = violation.pointer().replaceFirst("^/subject/?", "");
            String id = IDENTIFIERS.containsKey(field) ? field : "nhsNumber";
            return new FormErrors.Error(id, IDENTIFIERS.getOrDefault(field, "The child's identifiers") + " "
                    + violation.reason());
        }).toList();
    }

    private static void put(ObjectNode subject, String name, String value) {
        if (value != null && !value.isBlank()) {
            subject.put(name, value.strip());
        }
    }
}
