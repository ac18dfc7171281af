package io.throughgate.replay;

import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The replay's counts so far: for each change, the deliveries (record and recipient) and the distinct children it
 * applies to; and for each recipient rule whose routing field the log does not know, how many records it could not
 * be resolved for.
 */
final class ReplayTally {

    /** How rows are ordered: by flow, recipient, kind, then field. */
    static final Comparator<ReplayChange> ORDER = Comparator.comparing(ReplayChange::flow).thenComparing(
            ReplayChange::recipient).thenComparing(ReplayChange::kind).thenComparing(
                    change -> change.field().orElse(
                            ""))
            .thenComparing(change -> change.before().orElse("")).thenComparing(change -> change.after()
                    .orElse(""));

    /**
     * What one change applies to.
     *
     * @param records the records whose delivery to the recipient it applies to, in the order met
     * @param children a key per distinct child
     */
    record Applies(Set<String> records, Set<String> children) {
    }

    private final Map<ReplayChange, Applies> changes = new TreeMap<>(ORDER);
    private final Map<String, Integer> unresolved = new TreeMap<>();
    private int records;
    private int entries;

    void read(int entriesOfRecord) {
        records++;
        entries += entriesOfRecord;
    }

    void add(ReplayChange change, String recordId, String child) {
        Applies applies = changes.computeIfAbsent(change, key -> new Applies(new LinkedHashSet<>(),
                new HashSet<>()));
        applies.records().add(recordId);
        applies.children().add(child);
    }

    void unresolved(String flowAndRule) {
        unresolved.merge(flowAndRule, 1, Integer::sum);
    }

    Map<ReplayChange, Applies> changes() {
        return changes;
    }

    Map<String, Integer> unresolved() {
        return unresolved;
    }

    int records() {
        return records;
    }

    int entries() {
        return entries;
    }

    List<ReplayChange> kinds() {
        return List.copyOf(changes.keySet());
    }
}
