package io.throughgate.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.throughgate.failure.ErrorCode;
import io.throughgate.failure.Failure;
import io.throughgate.failure.Result;

/**
 * Builds the tree of one record from a parser's tokens, refusing what the hub does not accept. Not
 * {@code ObjectMapper.readTree}: reading the tokens here gives each refusal the JSON pointer of its field, finds a
 * duplicate key with the lookup the object's map makes anyway (Jackson's duplicate detection keeps a second set per
 * object and names the key only in its message), and refuses numbers beyond a double's range, which
 * {@code readTree} would silently turn into infinity. Messages are built from positions and limits only.
 */
final class RecordTreeReader {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private RecordTreeReader() {
    }

    /**
     * Reads the one record the parser holds.
     *
     * @param firstLine the line the record starts on in its body (1, or its line in a batch)
     */
    static Result<JsonNode> read(JsonParser parser, int firstLine) {
        ObjectNode record;
        try {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return malformed("The record is empty.");
            }
            if (first != JsonToken.START_OBJECT) {
                return malformed("The record must be a JSON object"
                        + SourcePositions.of(parser.currentTokenLocation(), firstLine) + ".");
            }
            record = readObject(parser);
        } catch (Refusal refusal) {
            return Result.failure(refusal.failure);
        } catch (RecordReadLimits.Exceeded e) {
            return Result.failure(exceeded(e.limit(), parser));
        } catch (JsonProcessingException e) {
            return malformed("The record is not valid JSON" + where(e, parser, firstLine) + ".");
        } catch (IOException e) {
            // The input is a byte array in memory: there is no I/O to fail.
            throw new UncheckedIOException("reading a record from memory failed", e);
        }
        return afterEnd(parser, firstLine).<Result<JsonNode>>map(Result::failure).orElseGet(() -> Result.success(
                record));
    }

    private static Optional<Failure> afterEnd(JsonParser parser, int firstLine) {
        String where;
        try {
            if (parser.nextToken() == null) {
                return Optional.empty();
            }
            where = SourcePositions.of(parser.currentTokenLocation(), firstLine);
        } catch (JsonProcessingException e) {
            where = where(e, parser, firstLine);
        } catch (IOException e) {
            throw new UncheckedIOException("reading a record from memory failed", e);
        }
        return Optional.of(Failure.of(ErrorCode.MALFORMED_RECORD, "The record has content after its end" + where
                + "."));
    }

    private static ObjectNode readObject(JsonParser parser) throws IOException, Refusal {
        ObjectNode object = NODES.objectNode();
        String name;
        while ((name = parser.nextFieldName()) != null) {
            if (object.has(name)) {
                throw refusal("The field appears more than once in its object.", parser);
            }
            if (StrictUtf8.hasUnpairedSurrogate(name)) {
                throw new Refusal(inObject("A field name in this object contains an unpaired surrogate escape.",
                        parser));
            }
            object.set(name, readValue(parser, parser.nextToken()));
        }
        return object;
    }

    private static ArrayNode readArray(JsonParser parser) throws IOException, Refusal {
        ArrayNode array = NODES.arrayNode();
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            array.add(readValue(parser, token));
        }
        return array;
    }

    private static JsonNode readValue(JsonParser parser, JsonToken token) throws IOException, Refusal {
        if (token == null) {
            throw new JsonParseException(parser, "unexpected end of input");
        }
        return switch (token) {
            case START_OBJECT -> readObject(parser);
            case START_ARRAY -> readArray(parser);
            case VALUE_STRING -> text(parser);
            case VALUE_NUMBER_INT -> integer(parser);
            case VALUE_NUMBER_FLOAT -> decimal(parser);
            case VALUE_TRUE -> BooleanNode.TRUE;
            case VALUE_FALSE -> BooleanNode.FALSE;
            case VALUE_NULL -> NullNode.getInstance();
            default -> throw new JsonParseException(parser, "unexpected token");
        };
    }

    private static JsonNode text(JsonParser parser) throws IOException, Refusal {
        String text = parser.getText();
        if (StrictUtf8.hasUnpairedSurrogate(text)) {
            throw refusal("The value contains an unpaired surrogate escape.", parser);
        }
        return NODES.textNode(text);
    }

    private static JsonNode integer(JsonParser parser) throws IOException {
        return switch (parser.getNumberType()) {
            case INT -> NODES.numberNode(parser.getIntValue());
            case LONG -> NODES.numberNode(parser.getLongValue());
            default -> NODES.numberNode(parser.getBigIntegerValue());
        };
    }

    private static JsonNode decimal(JsonParser parser) throws IOException, Refusal {
        double value = parser.getDoubleValue();
        if (!Double.isFinite(value)) {
            throw refusal("The number is too large.", parser);
        }
        return NODES.numberNode(value);
    }

    private static Failure exceeded(RecordReadLimits.Limit limit, JsonParser parser) {
        return switch (limit) {
            case NESTING_DEPTH -> failure("The record nests objects and arrays more than " + RecordParser.MAX_DEPTH
                    + " levels deep.", parser);
            case NUMBER_LENGTH -> failure("The number has more than " + RecordParser.MAX_NUMBER_DIGITS + " digits.",
                    parser);
            case STRING_LENGTH -> failure("The value is longer than " + RecordParser.MAX_STRING_CHARS
                    + " characters.", parser);
            case NAME_LENGTH -> inObject("A field name in this object is longer than " + RecordParser.MAX_NAME_CHARS
                    + " characters.", parser);
        };
    }

    private static String where(JsonProcessingException e, JsonParser parser, int firstLine) {
        return SourcePositions.of(e.getLocation() != null ? e.getLocation() : parser.currentLocation(), firstLine);
    }

    private static Refusal refusal(String message, JsonParser parser) {
        return new Refusal(failure(message, parser));
    }

    private static Failure failure(String message, JsonParser parser) {
        return new Failure(ErrorCode.MALFORMED_RECORD, message, parser.getParsingContext().pathAsPointer().toString());
    }

    /** A failure at the object being read; the pointer of a broken name would carry the name itself. */
    private static Failure inObject(String message, JsonParser parser) {
        return new Failure(ErrorCode.MALFORMED_RECORD, message, parser.getParsingContext().getParent().pathAsPointer()
                .toString());
    }

    private static Result<JsonNode> malformed(String message) {
        return Result.failure(ErrorCode.MALFORMED_RECORD, message);
    }

    /** An expected refusal, carried out of the recursion; no stack trace, no message. */
    private static final class Refusal extends Exception {

        private static final long serialVersionUID = 1L;
        private final transient Failure failure;

        Refusal(Failure failure) {
            super(null, null, false, false);
            this.failure = failure;
        }
    }
}
