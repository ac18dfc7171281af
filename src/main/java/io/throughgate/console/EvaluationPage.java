package io.throughgate.console;

import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.qute.TemplateInstance;
import io.throughgate.evaluation.api.EvaluationResource;

/**
 * The evaluation's monthly tables, as published (GET /v1/evaluation/tables): the months published, and for the one
 * chosen ({@code /console/evaluation/2026-11}; the latest unless asked) each table for the month and the evaluation year to date, a suppressed count shown
 * as [c].
 */
@Path(ConsolePaths.ROOT + "/evaluation")
@Produces(MediaType.TEXT_HTML)
public class EvaluationPage {

    @Inject
    ConsolePages pages;

    @Inject
    EvaluationResource evaluation;

    /**
     * One table as the page shows it.
     *
     * @param id its element id, e.g. {@code evaluation-custody-month}
     * @param caption what it counts
     * @param rule its small-number rule, in words
     * @param measures its columns' names
     * @param rows its rows
     */
    public record Table(String id, String caption, String rule, List<String> measures, List<Row> rows) {
    }

    /**
     * One borough's counts, each a number or {@code [c]}.
     *
     * @param borough the borough's YOT, not-known, or London
     * @param counts the counts, in the order of the measures
     */
    public record Row(String borough, List<String> counts) {
    }

    /** The latest month published. */
    @GET
    public Response latest() {
        return tables(null);
    }

    /** A month, by its path: the console takes no values in a web address's query. */
    @GET
    @Path("/{month}")
    public Response month(@PathParam("month") String month) {
        return tables(month);
    }

    private Response tables(String month) {
        Response months = evaluation.months();
        if (ApiAnswers.failed(months)) {
            return months;
        }
        List<String> published = ApiAnswers.body(months, EvaluationResource.MonthsView.class).months();
        String chosen = month == null || month.isBlank() ? (published.isEmpty() ? null : published.get(0)) : month;
        List<Table> tables = new ArrayList<>();
        if (chosen != null) {
            Response answer = evaluation.tables(chosen);
            if (ApiAnswers.failed(answer)) {
                // A month not published, or not a month: the problem, as a page.
                return answer;
            } else {
                JsonNode view = io.throughgate.json.Json.mapper().valueToTree(answer.getEntity());
                for (JsonNode table : view.path("tables")) {
                    tables.add(table(table.path("month")));
                    tables.add(table(table.path("yearToDate")));
                }
            }
        }
        return Response.ok(page(published, chosen, tables)).build();
    }

    private TemplateInstance page(List<String> months, String chosen, List<Table> tables) {
        return ConsoleTemplates.evaluation(pages.page("Evaluation", "evaluation"), months, chosen, tables);
    }

    private static Table table(JsonNode table) {
        List<String> measures = new ArrayList<>();
        table.path("measures").forEach(measure -> measures.add(measure.asText()));
        List<Row> rows = new ArrayList<>();
        for (JsonNode row : table.path("rows")) {
            List<String> counts = new ArrayList<>();
            for (String measure : measures) {
                JsonNode count = row.path("counts").path(measure);
                counts.add(count.isNumber() ? count.asText() : "[c]");
            }
            String borough = row.path("borough").asText();
            rows.add(new Row(borough.equals("london") ? "London" : borough, counts));
        }
        String span = table.path("span").asText();
        String caption = table.path("table").asText() + ", " + (span.equals("month")
                ? table.path("month").asText()
                : "year to date, " + table.path("from").asText() + " to " + table.path("to").asText());
        String rule = "1 to " + table.at("/rule/suppressedTo").asInt() + " suppressed, the rest rounded to the "
                + "nearest " + table.at("/rule/roundedTo").asInt();
        return new Table(table.path("table").asText() + "-" + span, caption, rule, measures, rows);
    }
}
