package io.throughgate.evaluation;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.throughgate.disclosure.DisclosureRule;
import io.throughgate.disclosure.PublishedTable;
import io.throughgate.disclosure.SmallNumbers;

/**
 * A published table as JSON, the form the hub stores, serves and delivers: its name, month and span, the months it
 * counts, the rule it was protected under, and per row each measure's count (null where suppressed) and the names of
 * the suppressed ones. Whether a count was suppressed for its own size or to protect another is not said: that would
 * tell a reader it is small.
 */
public final class CountTableJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private CountTableJson() {
    }

    /**
     * The table as JSON.
     *
     * @param table the table
     * @param from the first month it counts
     * @param rule the rule it was protected under
     */
    public static ObjectNode of(CountTable table, YearMonth from, DisclosureRule rule) {
        ObjectNode json = NODES.objectNode();
        json.put("table", table.name().code());
        json.put("month", table.month().toString());
        json.put("span", table.span().code());
        json.put("from", from.toString());
        json.put("to", table.month().toString());
        ObjectNode rules = json.putObject("rule");
        rules.put("suppressedFrom", 1);
        rules.put("suppressedTo", rule.suppressTo());
        rules.put("roundedTo", rule.roundTo());
        ArrayNode measures = json.putArray("measures");
        table.measures().forEach(measures::add);
        ArrayNode rows = json.putArray("rows");
        for (CountTable.Row row : table.rows()) {
            ObjectNode line = rows.addObject();
            line.put("borough", row.borough());
            ObjectNode counts = line.putObject("counts");
            ArrayNode suppressed = line.putArray("suppressed");
            for (int i = 0; i < table.measures().size(); i++) {
                SmallNumbers.Cell cell = row.cells().get(i);
                if (cell.suppressed()) {
                    counts.putNull(table.measures().get(i));
                    suppressed.add(table.measures().get(i));
                } else {
                    counts.put(table.measures().get(i), cell.value());
                }
            }
        }
        return json;
    }

    /** A table read back from its JSON. */
    public static CountTable table(JsonNode json) {
        List<String> measures = new ArrayList<>();
        json.path("measures").forEach(measure -> measures.add(measure.asText()));
        List<CountTable.Row> rows = new ArrayList<>();
        for (JsonNode row : json.path("rows")) {
            List<SmallNumbers.Cell> cells = new ArrayList<>();
            for (String measure : measures) {
                JsonNode count = row.path("counts").path(measure);
                cells.add(count.isNumber()
                        ? new SmallNumbers.Cell(count.asInt(), false)
                        : new SmallNumbers.Cell(null, false));
            }
            rows.add(new CountTable.Row(row.path("borough").asText(), cells));
        }
        CountTable.Span span = json.path("span").asText().equals(CountTable.Span.MONTH.code())
                ? CountTable.Span.MONTH
                : CountTable.Span.YEAR_TO_DATE;
        PublishedTable name = PublishedTable.fromCode(json.path("table").asText()).orElseThrow(
                () -> new IllegalArgumentException("not a published table: " + json.path("table").asText()));
        return new CountTable(name, YearMonth.parse(json.path("month").asText()), span, measures, rows);
    }

    /** A table as CSV: a header of {@code borough} and the measures, then a line per row, {@code [c]} where suppressed. */
    public static String csv(CountTable table) {
        StringBuilder csv = new StringBuilder("borough");
        table.measures().forEach(measure -> csv.append(',').append(measure));
        csv.append("\r\n");
        for (CountTable.Row row : table.rows()) {
            csv.append(row.borough());
            for (SmallNumbers.Cell cell : row.cells()) {
                csv.append(',').append(cell.suppressed() ? "[c]" : cell.value().toString());
            }
            csv.append("\r\n");
        }
        return csv.toString();
    }
}
