package io.throughgate.console;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import io.quarkus.qute.TemplateInstance;
import io.throughgate.api.Problem;
import io.throughgate.dpo.AgreementReplayResource;
import io.throughgate.failure.ErrorCode;
import io.throughgate.replay.ReplayReport;

/**
 * The console's replay page: a DPO uploads (or pastes) a draft agreement, names a period, and reads what the draft
 * would have changed over that period of the sharing log, before anyone signs it. Built on
 * {@code POST /v1/agreements/replay}.
 */
@Path(ConsolePaths.ROOT + "/agreements/replay")
@Produces(MediaType.TEXT_HTML)
public class ReplayPage {

    private static final String TITLE = "Replay a draft agreement";

    @Inject
    ConsolePages pages;

    @Inject
    AgreementReplayResource replay;

    /**
     * The form as sent back: what the DPO entered, and what was wrong with the draft.
     *
     * @param from the period's first day as entered
     * @param to its last day as entered
     * @param draftProblems each problem with the draft, with its line
     */
    public record Form(String from, String to, List<String> draftProblems) {
    }

    @GET
    public TemplateInstance form() {
        return ConsoleTemplates.replay(pages.page(TITLE, "agreements"), FormErrors.NONE, new Form("", "", List.of()),
                null);
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public TemplateInstance run(@RestForm("draftFile") FileUpload file, @RestForm String draft, @RestForm String from,
            @RestForm String to) throws IOException {
        byte[] yaml = file != null && file.size() > 0
                ? Files.readAllBytes(file.uploadedFile())
                : draft == null ? new byte[0] : draft.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        List<FormErrors.Error> errors = new ArrayList<>();
        if (yaml.length == 0) {
            errors.add(new FormErrors.Error("draftFile", "Choose the draft agreement's file, or paste it below"));
        }
        Response answer = errors.isEmpty() ? replay.json(yaml, from, to, null) : null;
        List<String> draftProblems = new ArrayList<>();
        if (answer != null && ApiAnswers.failed(answer) && answer.getStatus() != 403 && answer.getStatus() != 503) {
            Problem problem = ApiAnswers.problem(answer);
            if (problem.code().equals(ErrorCode.INVALID_AGREEMENT_DRAFT.slug())) {
                problem.violations().forEach(violation -> draftProblems.add((violation.line() == null
                        ? ""
                        : "Line " + violation.line() + ": ") + violation.reason()));
                errors.add(new FormErrors.Error("draftFile", "The draft has " + draftProblems.size() + " problems: "
                        + "correct them and replay it again"));
            } else {
                problem.violations().forEach(violation -> errors.add(new FormErrors.Error(violation.pointer(),
                        violation.pointer().equals("from")
                                ? "Enter the first day of the period as a date, for example 2026-11-01"
                                : violation.pointer().equals("to")
                                        ? "Enter the last day of the period, on or after the first and within a year"
                                        : violation.reason())));
                if (problem.violations().isEmpty()) {
                    errors.add(new FormErrors.Error("draftFile", problem.detail()));
                }
            }
        }
        Form form = new Form(from == null ? "" : from, to == null ? "" : to, draftProblems);
        if (!errors.isEmpty()) {
            return ConsoleTemplates.replay(pages.page(TITLE, "agreements"), new FormErrors(errors), form, null);
        }
        ReplayReport report = ApiAnswers.body(answer, ReplayReport.class);
        return ConsoleTemplates.replay(pages.page("Replay of " + report.agreementId() + " version " + report
                .draftVersion(), "agreements"), FormErrors.NONE, form, report);
    }
}
