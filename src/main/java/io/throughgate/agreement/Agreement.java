package io.throughgate.agreement;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A data sharing agreement as written in {@code contracts/agreements/<id>/agreement.yaml}: what the ICO Data
 * Sharing Code asks an agreement to state, and the flows the hub enforces. Whether it is in force depends on its
 * signatures and dates, see {@link AgreementState}.
 *
 * @param id the agreement's id, the name of its folder
 * @param version its version; a change of terms is a new version, signed again
 * @param title its title
 * @param summary what it is for, in a few sentences
 * @param parties the agencies that are party to it; each one's DPO must sign
 * @param jointControllers whether the parties are joint controllers (otherwise each is a separate controller)
 * @param purposes the purposes of the sharing, from {@code contracts/purposes.yaml}
 * @param lawfulBasis the law the sharing rests on
 * @param governance the DPIA, retention, security, rights, review and contacts
 * @param validFrom the first day it may be in force
 * @param validUntil the last day it may be in force
 * @param flows the flows the hub enforces
 * @param recordSchemas for each record type the flows name, the schema version the agreement was written against:
 *        a container rule covers only the fields that version names, so a field a later version adds is withheld
 *        until an agreement names it
 */
public record Agreement(String id, int version, String title, String summary, AgencySelector parties,
        boolean jointControllers, List<String> purposes, LawfulBasis lawfulBasis, Governance governance,
        LocalDate validFrom, LocalDate validUntil, List<Flow> flows, Map<String, Integer> recordSchemas) {

    public Agreement {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(parties, "parties");
        purposes = List.copyOf(purposes);
        Objects.requireNonNull(lawfulBasis, "lawfulBasis");
        Objects.requireNonNull(governance, "governance");
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(validUntil, "validUntil");
        flows = List.copyOf(flows);
        recordSchemas = Map.copyOf(recordSchemas);
    }

    /** The flow with this id, or empty. */
    public Optional<Flow> flow(String flowId) {
        return flows.stream().filter(flow -> flow.id().equals(flowId)).findFirst();
    }

    /**
     * The governance facts of an agreement.
     *
     * @param dpiaReference the reference of the data protection impact assessment
     * @param dpiaOutcome what the DPIA concluded
     * @param dpoAdvice the data protection officers' view
     * @param retention how long recipients keep the data and how they delete it
     * @param security the security measures the parties apply
     * @param individualsRights how individuals exercise their rights
     * @param reviewDate when the agreement is next reviewed
     * @param contacts who to contact about it
     */
    public record Governance(String dpiaReference, String dpiaOutcome, String dpoAdvice, String retention,
            String security, String individualsRights, LocalDate reviewDate, List<Contact> contacts) {

        public Governance {
            contacts = List.copyOf(contacts);
        }
    }

    /**
     * A contact for an agreement.
     *
     * @param role what the contact does, e.g. "agreement owner"
     * @param agency the agency the contact belongs to
     * @param mailbox a team mailbox (never a person's own address)
     */
    public record Contact(String role, String agency, String mailbox) {
    }
}
