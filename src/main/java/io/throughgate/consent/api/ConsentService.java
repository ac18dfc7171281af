package io.throughgate.consent.api;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

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
        Result<String> allowed = policy.mayDecide(request.decidedBy(), request.dateOfBirth(), request.lookedAfter(),
                today());
        if (allowed instanceof Result.Failed<String> refused) {
            return Result.failure(refused.failure());
        }
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

    /** Withdraws a decision on behalf of the caller's agency. */
    Result<ConsentDecision> withdraw(UUID id, String evidenceReference, AgencyIdentity caller) {
        if (!caller.agency().kind().mayRecordConsent()) {
            return Result.failure(ErrorCode.CONSENT_RECORDING_NOT_ALLOWED, "Only YOTs, secure establishments and "
                    + "health bodies record withdrawals of consent.");
        }
        Optional<ConsentDecision> decision = registry.find(id);
        if (decision.isEmpty()) {
            return Result.failure(ErrorCode.CONSENT_NOT_FOUND, "There is no consent decision with this id.");
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

    /** A child's decisions, newest last. */
    List<ConsentDecision> history(com.fasterxml.jackson.databind.JsonNode subject) {
        return registry.view().about(pseudonyms.lookup(subject));
    }

    /** A decision by id. */
    Optional<ConsentDecision> find(UUID id) {
        return registry.find(id);
    }

    /** The decisions a DPO reviews: those their agency recorded, or all for the partnership's DPO. */
    List<ConsentDecision> reviewableBy(AgencyIdentity dpo) {
        return dpo.isPartnershipDpo()
                ? registry.view().all()
                : registry.view().recordedBy(dpo.agency().code());
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
