package io.throughgate.failure;

import java.util.Objects;
import java.util.function.Function;

/**
 * The outcome of a step that can fail in expected ways: a value, or the failure that explains why there is none.
 * Steps compose with {@link #then(Function)}; exceptions stay for the unexpected.
 *
 * @param <T> the value's type
 */
public sealed interface Result<T> {

    /** A successful result. */
    record Success<T>(T value) implements Result<T> {

        public Success {
            Objects.requireNonNull(value, "value");
        }
    }

    /** A failed result. */
    record Failed<T>(Failure failure) implements Result<T> {

        public Failed {
            Objects.requireNonNull(failure, "failure");
        }
    }

    static <T> Result<T> success(T value) {
        return new Success<>(value);
    }

    static <T> Result<T> failure(ErrorCode code, String message) {
        return new Failed<>(Failure.of(code, message));
    }

    static <T> Result<T> failure(Failure failure) {
        return new Failed<>(failure);
    }

    /** Runs the next step on the value, or passes the failure on untouched. */
    default <U> Result<U> then(Function<T, Result<U>> next) {
        if (this instanceof Success<T> success) {
            return next.apply(success.value());
        }
        return new Failed<>(((Failed<T>) this).failure());
    }

    /** Whether this is a success. */
    default boolean succeeded() {
        return this instanceof Success<T>;
    }
}
