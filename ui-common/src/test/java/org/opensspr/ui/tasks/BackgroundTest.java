package org.opensspr.ui.tasks;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class BackgroundTest {

    @Test
    void aCallAskedForAfterCloseRunsNothingAndThrowsNothing() {
        Background background = new Background();
        background.close();
        AtomicBoolean ran = new AtomicBoolean();

        assertThatCode(() -> background.run(() -> ran.getAndSet(true), r -> ran.set(true), e -> ran.set(true)))
                .doesNotThrowAnyException();

        assertThat(ran).isFalse();
        assertThat(background.isBusy()).isFalse();
    }
}
