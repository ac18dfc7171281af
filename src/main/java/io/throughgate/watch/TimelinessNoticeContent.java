package io.throughgate.watch;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.throughgate.record.NoticeType;
import io.throughgate.timeliness.MilestoneStatus;
import io.throughgate.timeliness.Timeline;

/**
 * The content of timeliness notices and digests, shaped as records (the envelope, then a body) so that the field
 * gate and the subscribers' checks treat them as they treat records. They hold dates, milestone ids and agency
 * codes only: the child is named by the message key (a notice) or by a pseudonym per line (a digest).
 */
final class TimelinessNoticeContent {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private TimelinessNoticeContent() {
    }

    /**
     * A notice about one milestone of one child.
     *
     * @param id the notice's id
     * @param sender the agency in whose name it goes
     * @param at when it is issued
     * @param state at-risk, missed, met or no-longer-due
     * @param status where the milestone stands
     * @param timeline the child's timeline
     * @param reminder 0 for the first notice of its state, then 1, 2 and on for the reminders
     */
    static ObjectNode notice(String id, String sender, Instant at, String state, MilestoneStatus status,
            Timeline timeline, int reminder) {
        ObjectNode body = JSON.objectNode();
        body.put("state", state);
        body.put("milestone", status.milestone().id());
        body.put("title", status.milestone().title());
        putDay(body, "due", status.due());
        putDay(body, "releaseOn", timeline.releaseOn());
        putDay(body, "admittedOn", timeline.admittedOn());
        if (state.equals(TimelinessNotices.AT_RISK) || state.equals(TimelinessNotices.MISSED)) {
            body.put("reminder", reminder);
            body.put("missing", status.milestone().missing());
        }
        putDay(body, "metOn", status.metOn());
        putText(body, "responsibleYot", timeline.responsibleYot());
        putText(body, "establishment", timeline.establishment());
        return envelope(id, NoticeType.TIMELINESS_NOTICE, sender, at, body);
    }

    /**
     * One line of a digest.
     *
     * @param child the child's pseudonym for the digest's recipient
     * @param status the milestone at risk or missed
     * @param timeline the child's timeline
     */
    record Line(String child, MilestoneStatus status, Timeline timeline) {
    }

    /** The day's digest of every milestone at risk or missed. */
    static ObjectNode digest(String id, String sender, Instant at, LocalDate day, List<Line> lines) {
        ObjectNode body = JSON.objectNode();
        body.put("day", day.toString());
        var items = body.putArray("items");
        for (Line line : lines) {
            ObjectNode item = items.addObject();
            item.put("child", line.child());
            item.put("milestone", line.status().milestone().id());
            item.put("state", TimelinessNotices.stateOf(line.status().state()));
            putDay(item, "due", line.status().due());
            putText(item, "responsibleYot", line.timeline().responsibleYot());
            putText(item, "establishment", line.timeline().establishment());
        }
        return envelope(id, NoticeType.TIMELINESS_DIGEST, sender, at, body);
    }

    private static ObjectNode envelope(String id, NoticeType type, String sender, Instant at, ObjectNode body) {
        ObjectNode notice = JSON.objectNode();
        notice.put("recordId", id);
        notice.put("type", type.code());
        notice.put("schemaVersion", NoticeType.SCHEMA_VERSION);
        notice.put("sender", sender);
        notice.put("occurredAt", at.truncatedTo(ChronoUnit.SECONDS).toString());
        notice.set("body", body);
        return notice;
    }

    private static void putDay(ObjectNode node, String field, LocalDate day) {
        if (day != null) {
            node.put(field, day.toString());
        }
    }

    private static void putText(ObjectNode node, String field, String text) {
        if (text != null) {
            node.put(field, text);
        }
    }
}
