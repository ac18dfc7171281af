package io.throughgate.agreement.api;

import java.util.Set;
import java.util.stream.Collectors;

import io.throughgate.agreement.AgreementState;
import io.throughgate.agreement.SignatureCheck;

/** Which parties have signed an agreement: one rule for the list, the detail and the coverage views. */
final class SignedParties {

    private SignedParties() {
    }

    /**
     * The parties whose DPO has signed the agreement's exact bytes: a {@link SignatureCheck.Outcome#VALID}
     * signature. A signature that does not verify does not count as signed.
     */
    static Set<String> of(AgreementState state) {
        return state.signatures().stream().filter(SignatureCheck::valid).map(SignatureCheck::party)
                .filter(state.parties()::contains).collect(Collectors.toUnmodifiableSet());
    }
}
