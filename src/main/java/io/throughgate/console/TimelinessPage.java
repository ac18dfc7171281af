package io.throughgate.console;

import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.TemplateInstance;
import io.throughgate.api.Problem;
import io.throughgate.timeliness.api.TimelinessResource;
import io.throughgate.timeliness.api.TimelinessView;

/**
 * Timeliness of resettlement at a strategic level: the API's tables (GET /v1/timeliness) per month, and a chart of
 * London's milestones by outcome. The counts are protected as published statistics; a suppressed count shows as
 * [c] and is left out of the chart.
 */
@Path(ConsolePaths.ROOT + "/timeliness")
@Produces(MediaType.TEXT_HTML)
public class TimelinessPage {

    /** The chart's width for the largest month, in SVG units. */
    static final int CHART_WIDTH = 480;

    @Inject
    ConsolePages pages;

    @Inject
    TimelinessResource timeliness;

    /** Where the bars start, right of the months' labels. */
    static final int LABELS = 90;
    /** Each bar's height with the space below it. */
    static final int ROW = 28;

    /**
     * The chart: one bar per month.
     *
     * @param bars the bars, oldest month first
     * @param width the drawing's width
     * @param height the drawing's height
     */
    public record Chart(List<Bar> bars, int width, int height) {
    }

    /**
     * One month's bar: London's milestone outcomes, side by side.
     *
     * @param month the month
     * @param y the bar's top
     * @param segments its parts, left to right
     * @param note what is left out, if anything
     */
    public record Bar(String month, int y, List<Segment> segments, String note) {

        /** The baseline of the bar's label. */
        public int textY() {
            return y + 17;
        }

        /** Where the note goes, right of the bar. */
        public int noteX() {
            return segments.isEmpty()
                    ? LABELS
                    : segments.get(segments.size() - 1).left() + segments.get(segments
                            .size() - 1).width() + 8;
        }
    }

    /**
     * One part of a bar.
     *
     * @param outcome the outcome's class suffix, e.g. {@code missed}
     * @param label what it counts, in words
     * @param value the published count
     * @param x where it starts
     * @param width how wide it is
     */
    public record Segment(String outcome, String label, int value, int x, int width) {

        /** Where it starts in the drawing. */
        public int left() {
            return LABELS + x;
        }
    }

    @GET
    public TemplateInstance tables() {
        TimelinessView view = ApiAnswers.body(timeliness.tables(null, null), TimelinessView.class);
        return page(view, FormErrors.NONE, "", "");
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response chosen(@FormParam("from") String from, @FormParam("to") String to) {
        Response answer = timeliness.tables(blankAsNull(from), blankAsNull(to));
        if (!ApiAnswers.failed(answer)) {
            return Response.ok(page(ApiAnswers.body(answer, TimelinessView.class), FormErrors.NONE, from, to)).build();
        }
        if (answer.getStatus() != 400) {
            return answer;
        }
        Problem problem = ApiAnswers.problem(answer);
        List<FormErrors.Error> errors = new ArrayList<>();
        for (Problem.Violation violation : problem.violations()) {
            errors.add(new FormErrors.Error(violation.pointer(), violation.pointer().equals("to")
                    ? "Enter the last month as a year and month, for example 2026-11, no earlier than the first"
                    : "Enter the first month as a year and month, for example 2026-01, at most 24 months before "
                            + "the last"));
        }
        TimelinessView empty = ApiAnswers.body(timeliness.tables(null, null), TimelinessView.class);
        return Response.status(Response.Status.BAD_REQUEST).entity(page(empty, new FormErrors(errors), from, to))
                .type(MediaType.TEXT_HTML).build();
    }

    private TemplateInstance page(TimelinessView view, FormErrors errors, String from, String to) {
        return ConsoleTemplates.timeliness(pages.page("Timeliness", "timeliness"), errors, view, chart(view), from,
                to);
    }

    /** London's bars, one per month, scaled to the largest month's published milestones. */
    static Chart chart(TimelinessView view) {
        int largest = 1;
        for (TimelinessView.Month month : view.months()) {
            largest = Math.max(largest, published(london(month)));
        }
        List<Bar> bars = new ArrayList<>();
        int y = 0;
        for (TimelinessView.Month month : view.months()) {
            TimelinessView.Row row = london(month);
            List<Segment> segments = new ArrayList<>();
            int x = 0;
            x = segment(segments, "on-time", "met on time", row.metOnTime(), x, largest);
            x = segment(segments, "late", "met late", row.metLate(), x, largest);
            x = segment(segments, "missed", "missed", row.missed(), x, largest);
            segment(segments, "open", "open", row.open(), x, largest);
            String note = row.suppressed().stream().filter(name -> !name.equals("releases")).findAny().isPresent()
                    ? "some counts suppressed"
                    : "";
            bars.add(new Bar(month.month(), y, segments, note));
            y += ROW;
        }
        return new Chart(bars, LABELS + CHART_WIDTH + 200, Math.max(ROW, y));
    }

    private static int segment(List<Segment> segments, String outcome, String label, Integer value, int x,
            int largest) {
        if (value == null || value == 0) {
            return x;
        }
        int width = Math.max(1, value * CHART_WIDTH / largest);
        segments.add(new Segment(outcome, label, value, x, width));
        return x + width;
    }

    private static int published(TimelinessView.Row row) {
        int total = 0;
        for (Integer value : new Integer[]{row.metOnTime(), row.metLate(), row.missed(), row.open()}) {
            total += value == null ? 0 : value;
        }
        return total;
    }

    private static TimelinessView.Row london(TimelinessView.Month month) {
        return month.rows().get(month.rows().size() - 1);
    }

    private static String blankAsNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
