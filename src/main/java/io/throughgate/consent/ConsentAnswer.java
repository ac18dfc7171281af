package io.throughgate.consent;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The answer to "may this go to this recipient for this purpose now?", with what it rests on.
 *
 * @param permitted whether it may go
 * @param decision the decision relied on: the permission, or the refusal; empty when there is none
 * @param reason why, in words, for the receipt and the sharing log
 */
public record ConsentAnswer(boolean permitted, Optional<UUID> decision, String reason) {

    public ConsentAnswer {
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(reason, "reason");
    }
}
