package io.throughgate.replay;

import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.throughgate.agreement.Agreement;
import io.throughgate.agreement.AgreementChanges;
import io.throughgate.agreement.AgreementDraft;
import io.throughgate.agreement.AgreementLinter;
import io.throughgate.agreement.AgreementParties;
import io.throughgate.agreement.AgreementRegistry;
import io.throughgate.agreement.AgreementState;
import io.throughgate.agreement.RecordFieldCatalog;
import io.throughgate.audit.DpoScope;
import io.throughgate.config.ClockProducer;
import io.throughgate.consent.ConsentCheck;
import io.throughgate.consent.ConsentRegistry;
import io.throughgate.contract.ContractProblem;
import io.throughgate.directory.AgencyDirectory;
import io.throughgate.disclosure.DisclosureContract;
import io.throughgate.disclosure.DisclosureRule;
import io.throughgate.disclosure.PublishedTable;
import io.throughgate.purpose.PurposeCatalog;
import io.throughgate.sharinglog.SharingLog;

/**
 * Replays a draft agreement over a period of the sharing log, before anyone signs it: each record of the period
 * (that the asking DPO may see) is routed and gated again under the draft, with the consent decisions in force when
 * the hub received it, and compared with what went under the version in force then.
 */
@ApplicationScoped
public class AgreementReplay {

    /** The longest period one replay reads. */
    public static final int MAX_DAYS = 366;

    @Inject
    AgreementRegistry agreements;

    @Inject
    AgencyDirectory directory;

    @Inject
    PurposeCatalog purposes;

    @Inject
    RecordFieldCatalog fields;

    @Inject
    ConsentRegistry consents;

    @Inject
    SharingLog log;

    @Inject
    DisclosureContract disclosure;

    @Inject
    Clock clock;

    /**
     * The outcome of a replay: the report, or every problem with the draft.
     *
     * @param report the report, when the draft has no problem
     * @param problems every problem with the draft, each with its line
     */
    public record Outcome(Optional<ReplayReport> report, List<ContractProblem> problems) {
    }

    /**
     * Replays a draft.
     *
     * @param draftYaml the draft, unsigned, as UTF-8 YAML
     * @param from the period's first day
     * @param to the period's last day
     * @param dpo the asking DPO: only the entries they may see are read
     * @param listRecords whether each change lists the records it applies to
     * @throws TimeoutException when the log or the consent decisions cannot be read up to date
     */
    public Outcome replay(byte[] draftYaml, LocalDate from, LocalDate to, DpoScope dpo, boolean listRecords)
            throws SQLException, TimeoutException {
        AgreementChanges changes = new AgreementChanges(fields);
        AgreementDraft review = AgreementDraft.review("draft.yaml", draftYaml, agreements.all(), LocalDate.now(clock),
                new AgreementLinter(directory, purposes, fields), changes);
        if (review.draft().isEmpty()) {
            return new Outcome(Optional.empty(), review.problems());
        }
        Agreement draft = review.draft().get();
        AgreementState state = new AgreementState(draft.id(), draft.version(), "draft.yaml", Optional.of(draft),
                List.of(), AgreementParties.of(draft, directory), List.of(), "", Optional.empty());
        ConsentCheck consent = consents.currentCheck();
        log.awaitIndexed(ConsentRegistry.TIMEOUT);
        RecordReplay replay = new RecordReplay(state, fields, directory, consent, ClockProducer.LONDON,
                version -> agreements.find(draft.id(), version).flatMap(AgreementState::agreement));
        ReplayTally tally = new ReplayTally();
        log.queries().forEachRecordReceived(from.atStartOfDay(ClockProducer.LONDON).toInstant(), to.plusDays(1)
                .atStartOfDay(ClockProducer.LONDON).toInstant(), entries -> {
                    var visible = entries.stream().filter(dpo::sees).toList();
                    if (!visible.isEmpty()) {
                        replay.replay(visible, tally);
                    }
                });
        DisclosureRule rule = disclosure.rule(PublishedTable.AGREEMENT_REPLAY);
        AgreementChanges.Comparison comparison = review.comparison().orElseThrow();
        return new Outcome(Optional.of(new ReplayReport(draft.id(), draft.version(), review.inForce().map(
                AgreementState::version).orElse(null), from, to, ReplayReport.Count.of(tally.records(), rule),
                new ReplayReport.Protection(rule.suppressTo(), rule.roundTo()), rows(tally, rule, listRecords),
                ReplayReport.unresolved(tally.unresolved(), rule), comparison.changes().stream().map(
                        AgreementChanges.Change::describe).toList(),
                comparison.refusals().stream().map(
                        ContractProblem::toString).toList())),
                List.of());
    }

    private static List<ReplayReport.Row> rows(ReplayTally tally, DisclosureRule rule, boolean listRecords) {
        return tally.changes().entrySet().stream().map(entry -> row(entry, rule, listRecords)).toList();
    }

    private static ReplayReport.Row row(Map.Entry<ReplayChange, ReplayTally.Applies> entry, DisclosureRule rule,
            boolean listRecords) {
        ReplayChange change = entry.getKey();
        ReplayTally.Applies applies = entry.getValue();
        return new ReplayReport.Row(change.kind(), change.kind().words(), change.flow(), change.recipient(), change
                .field().orElse(null), change.before().orElse(null), change.after().orElse(null),
                ReplayReport.Count
                        .of(applies.records().size(), rule),
                ReplayReport.Count.of(applies.children().size(), rule),
                listRecords ? List.copyOf(applies.records()) : null);
    }
}
