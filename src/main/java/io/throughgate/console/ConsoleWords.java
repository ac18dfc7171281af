package io.throughgate.console;

import java.util.Locale;

import io.quarkus.qute.TemplateExtension;
import io.throughgate.agreement.AgreementStatus;

/** Codes as the console says them, in templates {@code {status.label}}. */
final class ConsoleWords {

    private ConsoleWords() {
    }

    /** An agreement's status in words: {@code PARTLY_SIGNED} is "partly signed". */
    @TemplateExtension
    static String label(AgreementStatus status) {
        return status.name().replace('_', ' ').toLowerCase(Locale.UK);
    }

    /** Whether an agreement's status lets it carry deliveries. */
    @TemplateExtension
    static boolean inForce(AgreementStatus status) {
        return status == AgreementStatus.IN_FORCE;
    }
}
