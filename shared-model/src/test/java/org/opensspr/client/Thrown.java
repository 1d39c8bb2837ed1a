package org.opensspr.client;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Runs code that must throw, asserts the type and hands the exception back for further assertions. */
final class Thrown {

    private Thrown() {
    }

    static <T extends Throwable> T by(Class<T> type, ThrowingCallable code) {
        Throwable thrown = catchThrowable(code);
        assertThat(thrown).as("expected %s", type.getSimpleName()).isInstanceOf(type);
        return type.cast(thrown);
    }
}
