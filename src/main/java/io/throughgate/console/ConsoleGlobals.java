package io.throughgate.console;

import java.util.List;

import io.quarkus.qute.TemplateGlobal;
import io.throughgate.audit.AuditReason;

/** What every console template may use: the sections in navigation order, the child's fields, audit reasons. */
@TemplateGlobal
public final class ConsoleGlobals {

    /**
     * One section.
     *
     * @param section its name, which pages use to mark it current
     * @param label what the navigation says
     * @param href where it goes
     */
    public record Item(String section, String label, String href) {
    }

    static List<Item> navigation = List.of(new Item("overview", "Overview", "/console"),
            new Item("agreements", "Agreements", "/console/agreements"),
            new Item("consent", "Consent", "/console/consent"),
            new Item("sharing-log", "Sharing log", "/console/sharing-log"),
            new Item("timeliness", "Timeliness", "/console/timeliness"),
            new Item("evaluation", "Evaluation", "/console/evaluation"),
            new Item("verification", "Verify", "/console/verification"),
            new Item("subject-access", "Subject access", "/console/subject-access"),
            new Item("audit", "Audit", "/console/audit"));

    static List<ChildForm.Identifier> identifiers = ChildForm.FIELDS;

    static List<ChildForm.Identifier> criteriaFields = List.of(new ChildForm.Identifier("agency",
            "Agency that sent or received (its code, for example yot-camden)"),
            new ChildForm.Identifier("agreement",
                    "Agreement (its id)"),
            new ChildForm.Identifier("recordType", "Record type (for example "
                    + "release-notification)"),
            new ChildForm.Identifier("outcome",
                    "Outcome (delivered or withheld)"),
            new ChildForm.Identifier("from",
                    "Received on or after (a date such as 2026-11-01)"),
            new ChildForm.Identifier("to", "Received on or before (a date such as 2026-11-30)"));

    static List<AuditReason> reasons = List.of(AuditReason.values());

    private ConsoleGlobals() {
    }
}
