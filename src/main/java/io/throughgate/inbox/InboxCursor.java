package io.throughgate.inbox;

import java.util.Collections;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A position in an agency's inbox: for each partition of its topic, the offset of the next message to read. Its text
 * is {@code <partition>-<offset>} per partition, joined by dots, e.g. {@code 0-12.1-7.2-30}: opaque to partners, safe
 * in a URL, and the same on every hub replica.
 *
 * @param positions per partition, the next offset
 */
public record InboxCursor(Map<Integer, Long> positions) {

    private static final Pattern TEXT = Pattern.compile("[0-9]{1,4}-[0-9]{1,18}(\\.[0-9]{1,4}-[0-9]{1,18}){0,255}");

    public InboxCursor {
        positions = Collections.unmodifiableMap(new TreeMap<>(positions));
    }

    /**
     * Reads a cursor's text.
     *
     * @throws IllegalArgumentException if it is not a cursor's text, or names a partition twice
     */
    public static InboxCursor parse(String text) {
        if (text == null || !TEXT.matcher(text).matches()) {
            throw new IllegalArgumentException("is not a cursor given by this inbox");
        }
        Map<Integer, Long> positions = new TreeMap<>();
        for (String position : text.split("\\.")) {
            int dash = position.indexOf('-');
            if (positions.put(Integer.parseInt(position.substring(0, dash)), Long.parseLong(position.substring(
                    dash + 1))) != null) {
                throw new IllegalArgumentException("is not a cursor given by this inbox");
            }
        }
        return new InboxCursor(positions);
    }

    /** The cursor just after a message. */
    public InboxCursor after(int partition, long offset) {
        Map<Integer, Long> moved = new TreeMap<>(positions);
        moved.put(partition, offset + 1);
        return new InboxCursor(moved);
    }

    /** The cursor's text. */
    public String text() {
        StringJoiner text = new StringJoiner(".");
        positions.forEach((partition, offset) -> text.add(partition + "-" + offset));
        return text.toString();
    }

    @Override
    public String toString() {
        return text();
    }
}
