package io.throughgate.console;

import java.util.List;

import org.jboss.resteasy.reactive.RestForm;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.throughgate.api.Problem;

/** The sharing log's search form beside the child's fields: agency, agreement, record type, outcome, dates, page. */
public class LogSearchForm {

    /** The criteria fields, each the API's member of the same name. */
    static final List<String> FIELDS = List.of("agency", "agreement", "recordType", "outcome", "from", "to");

    @RestForm
    String agency;

    @RestForm
    String agreement;

    @RestForm
    String recordType;

    @RestForm
    String outcome;

    @RestForm
    String from;

    @RestForm
    String to;

    @RestForm
    String after;

    /** The search as the API takes it, with the child when the form names one and the reason. */
    ObjectNode criteria(ChildForm child) {
        ObjectNode criteria = JsonNodeFactory.instance.objectNode();
        if (!child.subject().isEmpty()) {
            criteria.set("subject", child.subject());
        }
        FIELDS.stream().filter(field -> !value(field).isEmpty()).forEach(field -> criteria.put(field, value(field)));
        if (after != null && after.matches("[0-9]{1,18}")) {
            criteria.put("after", Long.parseLong(after));
        }
        criteria.put("limit", SharingLogPages.PAGE);
        criteria.put("reason", child.reason().code());
        return criteria;
    }

    /** The form's values, to carry into the next page's form and the CSV download (the identifiers are not). */
    public String value(String field) {
        String value = switch (field) {
            case "agency" -> agency;
            case "agreement" -> agreement;
            case "recordType" -> recordType;
            case "outcome" -> outcome;
            case "from" -> from;
            case "to" -> to;
            default -> null;
        };
        return value == null ? "" : value.strip();
    }

    /** The API's violations as the form's errors. */
    static List<FormErrors.Error> errors(List<Problem.Violation> violations) {
        return violations.stream().map(violation -> {
            String field = violation.pointer().replaceFirst("^/", "");
            if (FIELDS.contains(field)) {
                return new FormErrors.Error(field, label(field) + " " + violation.reason());
            }
            return ChildForm.errors(List.of(violation)).get(0);
        }).toList();
    }

    private static String label(String field) {
        return switch (field) {
            case "agency" -> "The agency";
            case "agreement" -> "The agreement";
            case "recordType" -> "The record type";
            case "outcome" -> "The outcome";
            case "from" -> "The first day";
            default -> "The last day";
        };
    }
}
