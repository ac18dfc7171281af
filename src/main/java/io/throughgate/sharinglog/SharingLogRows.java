package io.throughgate.sharinglog;

import java.util.List;
import java.util.UUID;

/**
 * The search rows an entry has besides its own: the child's pseudonyms, and the consent decisions a delivery relied
 * on. Written by the appender and checked by verification, so both derive them here.
 */
final class SharingLogRows {

    private SharingLogRows() {
    }

    /** The child's hub-wide pseudonyms, each once. */
    static List<String> subjectPseudonyms(SharingLogEvent event) {
        return event.subjectPseudonyms() == null
                ? List.of()
                : event.subjectPseudonyms().stream().distinct().sorted()
                        .toList();
    }

    /** The consent decisions relied on for fields that were delivered: none for a withheld delivery. */
    static List<UUID> consentDecisions(SharingLogEvent event) {
        if (!"delivered".equals(event.outcome()) || event.consentDecisions() == null) {
            return List.of();
        }
        return event.consentDecisions().stream().distinct().sorted().map(UUID::fromString).toList();
    }
}
