package io.throughgate.consent.api;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;

import io.throughgate.consent.ConsentDecision;
import io.throughgate.consent.ConsentRegistry;
import io.throughgate.consent.policy.ConsentPolicy;
import io.throughgate.failure.ErrorCode;
import io.throughgate.failure.Failure;
import io.throughgate.failure.Result;
import io.throughgate.identity.AgencyIdentity;
import io.throughgate.pseudonym.SubjectPseudonyms;

/** Records and withdraws consent decisions for the agency calling, under the who-may-consent rules. */
@ApplicationScoped
public class ConsentService {

    @Inject
    ConsentRegistry registry;

    @Inject
    ConsentPolicy policy;

    @Inject
    SubjectPseudonyms pseudonyms;

    @Inject
    Clock clock;

    /** Records a checked request as a decision of the caller's agency. */
    Result<ConsentDecision> record(ConsentRequest request, AgencyIdentity caller) {
        if (!caller.agency().kind().mayRecordConsent()) {
            return Result.failure(ErrorCode.CONSENT_RECORDING_NOT_ALLOWED, "Only YOTs, secure establishments and "
                    + "health bodies record consent; " + caller.agency().kind().description() + " agencies do not.");
        }
        // The child's age counts on the day the decision is recorded, not on the day it starts to apply.
        return policy.mayDecide(request.decidedBy(), request.dateOfBirth(), request.lookedAfter(), today()).flatMap(
                allowed -> store(request, caller));
    }

    private Result<ConsentDecision> store(ConsentRequest request, AgencyIdentity caller) {
        ConsentDecision decision = new ConsentDecision(UUID.randomUUID(), pseudonyms.of(request.subject()),
                request.purpose(), request.scope(), request.provision(), request.validFrom(), request.validUntil(),
                request.decidedBy(), caller.agency().code(), request.evidenceReference(), clock.instant(),
                Optional.empty());
        try {
            return Result.success(registry.record(decision));
        } catch (TimeoutException e) {
            return unavailable();
        }
    }

    /**
     * Withdraws a decision on behalf of the caller's agency: the agency that recorded it, its DPO, or the
     * partnership's DPO ({@link ConsentAccess#mayWithdraw}).
     */
    Result<ConsentDecision> withdraw(UUID id, String evidenceReference, AgencyIdentity caller) {
        Optional<ConsentDecision> decision = registry.find(id);
        if (decision.isEmpty()) {
            return Result.failure(ErrorCode.CONSENT_NOT_FOUND, "There is no consent decision with this id.");
        }
        if (!ConsentAccess.mayWithdraw(caller, decision.get())) {
            return Result.failure(ErrorCode.CONSENT_NOT_YOURS, "Only the agency that recorded this decision, its "
                    + "data protection officer or the partnership's data protection officer may withdraw it.");
        }
        if (decision.get().withdrawal().isPresent()) {
            return Result.failure(ErrorCode.CONSENT_ALREADY_WITHDRAWN, "The decision was withdrawn on "
                    + decision.get().withdrawal().get().withdrawnAt() + ".");
        }
        try {
            return Result.success(registry.withdraw(id, new ConsentDecision.Withdrawal(clock.instant(), caller.agency()
                    .code(), evidenceReference)));
        } catch (TimeoutException e) {
            return unavailable();
        }
    }

    /** The child's pseudonyms under every key, to look its decisions up by. */
    Set<String> lookUp(JsonNode subject) {
        return pseudonyms.lookup(subject);
    }

    /** The decisions about a child that the caller may read, oldest first. */
    List<ConsentDecision> history(Set<String> subjectPseudonyms, AgencyIdentity caller) {
        return registry.view().about(subjectPseudonyms).stream()
                .filter(decision -> ConsentAccess.mayRead(caller, decision)).toList();
    }

    /** A decision by id, if the caller may read it. */
    Optional<ConsentDecision> find(UUID id, AgencyIdentity caller) {
        return registry.find(id).filter(decision -> ConsentAccess.mayRead(caller, decision));
    }

    /**
     * The decisions a DPO reviews: those their agency recorded or is named in as a recipient, or all for the
     * partnership's DPO.
     */
    List<ConsentDecision> reviewableBy(AgencyIdentity dpo) {
        return registry.view().all().stream().filter(decision -> ConsentAccess.mayRead(dpo, decision)).toList();
    }

    /** Today, in London. */
    LocalDate today() {
        return LocalDate.now(clock);
    }

    private static Result<ConsentDecision> unavailable() {
        return Result.failure(Failure.of(ErrorCode.EXCHANGE_UNAVAILABLE,
                "The hub cannot reach its event log; nothing was recorded. Try again shortly."));
    }
}
