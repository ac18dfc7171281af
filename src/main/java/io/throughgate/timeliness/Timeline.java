package io.throughgate.timeliness;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the hub keeps of one child's resettlement: only the dates and agencies the milestones need, never a name,
 * an identifier or free text. Each record that passes the gate moves it on ({@link #observe}).
 *
 * @param admittedOn the day of the latest admission, or null
 * @param releaseOn the latest expected or confirmed release day, or null
 * @param responsibleYot the child's responsible YOT as the latest record names it, or null
 * @param establishment the establishment as the latest record names it, or null
 * @param met the day each milestone was met, by milestone id
 */
public record Timeline(LocalDate admittedOn, LocalDate releaseOn, String responsibleYot, String establishment,
        Map<String, LocalDate> met) {

    /** A child the hub knows nothing about yet. */
    public static final Timeline EMPTY = new Timeline(null, null, null, null, Map.of());

    public Timeline {
        met = Map.copyOf(met);
    }

    /**
     * The timeline once a record has passed: a later date replaces an earlier one (an expected release date that
     * moves), and a milestone is met by the first record that meets it.
     *
     * @param contract the milestones and where anchors come from
     * @param type the record's type
     * @param record the record
     * @param receivedOn the day the hub received it
     */
    public Timeline observe(TimelinessContract contract, String type, JsonNode record, LocalDate receivedOn) {
        LocalDate admitted = latest(contract.anchors().get(Anchor.ADMISSION), type, record).orElse(admittedOn);
        Optional<LocalDate> releaseGiven = latest(contract.anchors().get(Anchor.RELEASE), type, record);
        LocalDate release = releaseGiven.orElse(releaseOn);
        Map<String, LocalDate> metNow = new HashMap<>(met);
        if (admitted != null && admittedOn != null && admitted.isAfter(admittedOn)) {
            // A new admission starts the child's custody again: the last one's release and milestones are done.
            metNow.clear();
            release = releaseGiven.orElse(null);
        }
        for (Milestone milestone : contract.milestones()) {
            if (!metNow.containsKey(milestone.id())) {
                milestone.metBy().stream().flatMap(evidence -> evidence.metOn(type, record, receivedOn).stream())
                        .min(LocalDate::compareTo).ifPresent(day -> metNow.put(milestone.id(), day));
            }
        }
        return new Timeline(admitted, release, text(record, type.equals("release-notification")
                ? "/body/supervisingYot"
                : "/body/responsibleYot").orElse(responsibleYot), text(record, "/body/establishment").orElse(
                        establishment),
                metNow);
    }

    /** Where each milestone stands on a day. */
    public List<MilestoneStatus> statuses(TimelinessContract contract, LocalDate today) {
        return contract.milestones().stream().map(milestone -> MilestoneStatus.of(milestone, this, contract
                .calendar(), today)).toList();
    }

    /** The anchor's day, if known. */
    Optional<LocalDate> anchor(Anchor anchor) {
        return Optional.ofNullable(anchor == Anchor.ADMISSION ? admittedOn : releaseOn);
    }

    private static Optional<LocalDate> latest(List<DateSource> sources, String type, JsonNode record) {
        return sources.stream().filter(source -> source.recordType().equals(type)).flatMap(source -> Evidence.day(
                record.at(source.pointer())).stream()).findFirst();
    }

    private static Optional<String> text(JsonNode record, String pointer) {
        JsonNode value = record.at(pointer);
        return value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
    }
}
