package io.throughgate.dpo.report;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Writes markup that is both HTML and well-formed XML: every element opened is closed, empty elements are
 * self-closed, and every text and attribute value given is escaped. Only {@link #trusted(String)} writes text as is,
 * for the report's own constants.
 */
final class Markup {

    private static final int REPLACEMENT = 0xFFFD;

    private final StringBuilder out = new StringBuilder(16_384);
    private final Deque<String> open = new ArrayDeque<>();

    /** Opens an element. Attributes come as name, value pairs; a null value leaves the attribute out. */
    Markup open(String tag, String... attributes) {
        start(tag, attributes);
        out.append('>');
        open.push(tag);
        return this;
    }

    /** Closes the element opened last. */
    Markup close() {
        out.append("</").append(open.pop()).append('>');
        return this;
    }

    /** An element holding only text. */
    Markup element(String tag, String text, String... attributes) {
        return open(tag, attributes).text(text).close();
    }

    /** An element with no content, such as {@code meta}. */
    Markup empty(String tag, String... attributes) {
        start(tag, attributes);
        out.append(" />");
        return this;
    }

    /** Text, escaped; null writes nothing. */
    Markup text(String text) {
        if (text != null) {
            out.append(escape(text));
        }
        return this;
    }

    /** Text written as is: for the report's own constants, never for data. */
    Markup trusted(String markup) {
        out.append(markup);
        return this;
    }

    /** The document. */
    String finish() {
        if (!open.isEmpty()) {
            throw new IllegalStateException("elements left open: " + open);
        }
        return out.toString();
    }

    private void start(String tag, String... attributes) {
        if (attributes.length % 2 != 0) {
            throw new IllegalArgumentException("attributes must come as name, value pairs, had " + attributes.length);
        }
        out.append('<').append(tag);
        for (int i = 0; i < attributes.length; i += 2) {
            if (attributes[i + 1] != null) {
                out.append(' ').append(attributes[i]).append("=\"").append(escape(attributes[i + 1])).append('"');
            }
        }
    }

    /**
     * Escapes text for element content and quoted attribute values. The five characters that have a meaning in HTML
     * and XML become references. Each character XML 1.0 does not allow (section 2.2: controls other than tab, LF and
     * CR, lone surrogates, U+FFFE and U+FFFF) becomes U+FFFD, as do DEL and the C1 controls, which HTML treats as
     * errors. So hostile text can neither add markup nor break the document.
     */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.appendCodePoint(allowedInXml(c) ? c : REPLACEMENT);
            }
        });
        return escaped.toString();
    }

    private static boolean allowedInXml(int c) {
        return c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c < 0x7F) || (c > 0x9F && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
    }
}
