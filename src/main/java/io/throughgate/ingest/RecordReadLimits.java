package io.throughgate.ingest;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;

/**
 * Jackson's read limits for records, raising an exception that says which limit was broken. Jackson's own
 * exception tells the limits apart only in its message text; with a typed answer the parser maps each to its own
 * explanation without reading messages (which may change between Jackson versions).
 */
final class RecordReadLimits extends StreamReadConstraints {

    private static final long serialVersionUID = 1L;
    private static final long UNLIMITED = -1L;

    /** The limits a record can break while it is read. */
    enum Limit {
        NESTING_DEPTH,
        NUMBER_LENGTH,
        STRING_LENGTH,
        NAME_LENGTH
    }

    /** A record broke a limit; carries no part of the record. */
    static final class Exceeded extends StreamConstraintsException {

        private static final long serialVersionUID = 1L;
        private final transient Limit limit;

        Exceeded(Limit limit) {
            super("record read limit exceeded: " + limit);
            this.limit = limit;
        }

        Limit limit() {
            return limit;
        }
    }

    /**
     * @param maxDepth how deep objects and arrays may nest, the record itself being depth 1
     * @param maxNumberDigits how many digits a number may have (integer, fraction and exponent together)
     * @param maxStringChars how long a string value may be, in UTF-16 units
     * @param maxNameChars how long a field name may be, in UTF-16 units
     */
    RecordReadLimits(int maxDepth, int maxNumberDigits, int maxStringChars, int maxNameChars) {
        // The document length is checked on the raw body before parsing; the token count follows from it.
        super(maxDepth, UNLIMITED, maxNumberDigits, maxStringChars, maxNameChars, UNLIMITED);
    }

    @Override
    public void validateNestingDepth(int depth) throws StreamConstraintsException {
        check(depth, _maxNestingDepth, Limit.NESTING_DEPTH);
    }

    @Override
    public void validateIntegerLength(int length) throws StreamConstraintsException {
        check(length, _maxNumLen, Limit.NUMBER_LENGTH);
    }

    @Override
    public void validateFPLength(int length) throws StreamConstraintsException {
        check(length, _maxNumLen, Limit.NUMBER_LENGTH);
    }

    @Override
    public void validateStringLength(int length) throws StreamConstraintsException {
        check(length, _maxStringLen, Limit.STRING_LENGTH);
    }

    @Override
    public void validateNameLength(int length) throws StreamConstraintsException {
        check(length, _maxNameLen, Limit.NAME_LENGTH);
    }

    private static void check(int value, int max, Limit limit) throws Exceeded {
        if (value > max) {
            throw new Exceeded(limit);
        }
    }
}
