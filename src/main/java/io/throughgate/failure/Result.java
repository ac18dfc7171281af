package io.throughgate.failure;

import java.util.Objects;
import java.util.function.Function;

/**
 * The outcome of a step that can fail in expected ways: a value, or the failure that explains why there is none.
 * Steps compose with {@link #map} and {@link #flatMap}, and a result is taken apart with {@link #fold} or
 * {@link #orElse}, never by casting; exceptions stay for the unexpected.
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

    /** The value changed by a function that cannot fail, or the failure untouched. */
    default <U> Result<U> map(Function<? super T, ? extends U> change) {
        return fold(value -> success(change.apply(value)), Result::failure);
    }

    /** Runs the next step on the value, or passes the failure on untouched. */
    default <U> Result<U> flatMap(Function<? super T, Result<U>> next) {
        return fold(next, Result::failure);
    }

    /** One answer from either side: the value's, or the failure's. */
    default <U> U fold(Function<? super T, ? extends U> onSuccess, Function<Failure, ? extends U> onFailure) {
        if (this instanceof Success<T> success) {
            return onSuccess.apply(success.value());
        }
        return onFailure.apply(((Failed<T>) this).failure());
    }

    /** The value, or this one when it failed. */
    default T orElse(T other) {
        return fold(value -> value, failure -> other);
    }

    /** Whether this is a success. */
    default boolean succeeded() {
        return this instanceof Success<T>;
    }
}
