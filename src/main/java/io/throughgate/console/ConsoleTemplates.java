package io.throughgate.console;

import java.util.List;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.throughgate.agreement.api.AgreementDetail;
import io.throughgate.agreement.api.AgreementSummary;
import io.throughgate.agreement.api.CoverageView;
import io.throughgate.agreement.api.MatrixView;
import io.throughgate.api.Problem;
import io.throughgate.audit.DpoAudit;
import io.throughgate.consent.api.ConsentDecisionView;
import io.throughgate.dpo.SearchPage;
import io.throughgate.replay.ReplayReport;
import io.throughgate.sharinglog.VerificationRuns;
import io.throughgate.timeliness.api.TimelinessView;

/** The console's pages, under {@code templates/console/}, each checked against its data when the hub is built. */
@CheckedTemplate(basePath = "console")
final class ConsoleTemplates {

    private ConsoleTemplates() {
    }

    static native TemplateInstance problem(ConsolePage page, Problem problem);

    static native TemplateInstance overview(ConsolePage page, OverviewPage.Overview overview);

    static native TemplateInstance agreements(ConsolePage page, List<AgreementSummary> agreements,
            List<CoverageView.AgreementTally> columns, List<AgreementPages.CoverageRow> coverage);

    static native TemplateInstance replay(ConsolePage page, FormErrors errors, ReplayPage.Form form,
            ReplayReport report);

    static native TemplateInstance consent(ConsolePage page, FormErrors errors, List<ConsentDecisionView> decisions);

    static native TemplateInstance decision(ConsolePage page, ConsentDecisionView decision, String fhir,
            FormErrors errors);

    static native TemplateInstance sharingLog(ConsolePage page, FormErrors errors, ChildForm child,
            LogSearchForm search, SearchPage results);

    static native TemplateInstance entry(ConsolePage page, SharingLogPages.EntryView entry);

    static native TemplateInstance verification(ConsolePage page, VerificationRuns.Run last);

    static native TemplateInstance verificationRun(ConsolePage page, VerificationRuns.Run run);

    static native TemplateInstance subjectAccess(ConsolePage page, FormErrors errors);

    static native TemplateInstance audit(ConsolePage page, List<DpoAudit.Query> queries, Long next);

    static native TemplateInstance timeliness(ConsolePage page, FormErrors errors, TimelinessView view,
            TimelinessPage.Chart chart, String from, String to);

    static native TemplateInstance evaluation(ConsolePage page, List<String> months, String chosen,
            List<EvaluationPage.Table> tables);

    static native TemplateInstance agreement(ConsolePage page, AgreementDetail agreement,
            List<MatrixView.Entry> matrix, List<AgreementPages.BoroughSignature> boroughs);
}
