package io.throughgate.consent;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The consent decisions in memory, by id and by subject pseudonym, built by applying the consent events in order.
 * One thread applies events; any number read.
 */
public final class ConsentView {

    private final Map<UUID, ConsentDecision> byId = new ConcurrentHashMap<>();
    private final Map<String, Set<UUID>> idsBySubject = new ConcurrentHashMap<>();

    /** Applies an event; applying the same event twice changes nothing. */
    public void apply(ConsentEvent event) {
        switch (event.type()) {
            case RECORDED -> {
                ConsentDecision decision = event.decision().orElseThrow();
                if (byId.putIfAbsent(decision.id(), decision) == null) {
                    decision.subjectPseudonyms().forEach(pseudonym -> idsBySubject.computeIfAbsent(pseudonym,
                            unused -> ConcurrentHashMap.newKeySet()).add(decision.id()));
                }
            }
            case WITHDRAWN -> byId.computeIfPresent(event.decisionId(), (id, decision) -> decision.withdrawal()
                    .isPresent() ? decision : decision.withdrawn(event.withdrawal().orElseThrow()));
        }
    }

    /** The decision with this id. */
    public Optional<ConsentDecision> find(UUID id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** Every decision about a child known by any of these pseudonyms, oldest first. */
    public List<ConsentDecision> about(Collection<String> subjectPseudonyms) {
        return subjectPseudonyms.stream().flatMap(pseudonym -> idsBySubject.getOrDefault(pseudonym, Set.of())
                .stream()).distinct().map(byId::get).sorted((a, b) -> a.recordedAt().compareTo(b.recordedAt()))
                .toList();
    }

    /** Every decision, oldest first. */
    public List<ConsentDecision> all() {
        return byId.values().stream().sorted((a, b) -> a.recordedAt().compareTo(b.recordedAt())).toList();
    }
}
