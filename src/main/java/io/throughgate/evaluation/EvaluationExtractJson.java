package io.throughgate.evaluation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The evaluation's extract as JSON and CSV, with its data dictionary: what each column holds, how far each
 * quasi-identifier was generalised, and how many children were left out and why.
 */
public final class EvaluationExtractJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Map<String, String> MEANINGS = meanings();

    private EvaluationExtractJson() {
    }

    /** The extract as JSON: {@code month}, {@code from}, {@code to}, {@code columns}, {@code rows}, {@code dictionary}. */
    public static ObjectNode of(EvaluationExtract extract) {
        ObjectNode json = NODES.objectNode();
        json.put("month", extract.month().toString());
        json.put("from", extract.from().toString());
        json.put("to", extract.month().toString());
        ArrayNode columns = json.putArray("columns");
        extract.columns().forEach(columns::add);
        ArrayNode rows = json.putArray("rows");
        for (List<String> row : extract.rows()) {
            ArrayNode line = rows.addArray();
            row.forEach(line::add);
        }
        ObjectNode dictionary = json.putObject("dictionary");
        dictionary.put("covers", "Each child released from " + extract.from() + " to " + extract.month() + " whose "
                + "consent to evaluation, on the day the extract was made, let their release notification go to the "
                + "evaluators; one row per child.");
        dictionary.put("k", extract.k());
        dictionary.put("released", extract.released());
        dictionary.put("leftOutWithoutConsent", extract.withoutConsent());
        dictionary.put("leftOutTooFewAlike", extract.suppressed());
        dictionary.put("rows", extract.rows().size());
        ArrayNode described = dictionary.putArray("columns");
        for (String column : extract.columns()) {
            ObjectNode entry = described.addObject();
            entry.put("name", column);
            entry.put("meaning", MEANINGS.getOrDefault(column, "the milestone " + column + " of "
                    + "contracts/timeliness.yaml: met-on-time, met-late, missed, or open (not yet due, or its date "
                    + "never known) on the day the extract was made"));
            if (extract.generalisations().containsKey(column)) {
                entry.put("quasiIdentifier", true);
                entry.put("generalisedTo", extract.generalisations().get(column));
            }
        }
        return json;
    }

    /** The extract's rows as CSV, a header of the columns first. */
    public static String csv(JsonNode extract) {
        StringBuilder csv = new StringBuilder();
        List<String> columns = new java.util.ArrayList<>();
        extract.path("columns").forEach(column -> columns.add(column.asText()));
        csv.append(String.join(",", columns)).append("\r\n");
        for (JsonNode row : extract.path("rows")) {
            List<String> cells = new java.util.ArrayList<>();
            row.forEach(cell -> cells.add(quoted(cell.asText())));
            csv.append(String.join(",", cells)).append("\r\n");
        }
        return csv.toString();
    }

    private static String quoted(String value) {
        return value.contains(",") || value.contains("\"") ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }

    private static Map<String, String> meanings() {
        Map<String, String> meanings = new LinkedHashMap<>();
        meanings.put("pseudonym", "the child's pseudonym in this extract only: the same child has another in every "
                + "other month's extract, so rows of two extracts cannot be joined");
        meanings.put("ageBand", "age at release in years, from the month of birth the evaluators were sent");
        meanings.put("gender", "gender as the records the evaluators were sent gave it");
        meanings.put("ethnicity", "ethnicity as the records gave it (an ONS 2021 category)");
        meanings.put("borough", "the child's responsible YOT (or not-known)");
        meanings.put("establishmentKind", "the kind of secure establishment the child was last held in: yoi, stc, "
                + "sch or ssc");
        meanings.put("releaseMonth", "the month of release");
        return meanings;
    }
}
