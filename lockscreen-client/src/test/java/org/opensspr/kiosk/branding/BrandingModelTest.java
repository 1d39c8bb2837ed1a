package org.opensspr.kiosk.branding;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opensspr.api.HelpdeskContactDto;
import org.opensspr.ui.tasks.Background;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Found as a rare BrandingTest failure: two refreshes in flight, the older answer arriving last won. */
@ExtendWith(ApplicationExtension.class)
class BrandingModelTest {
    private static final Branding OLD = new Branding("Old", null, null, new HelpdeskContactDto("", ""), true);
    private static final Branding FRESH = new Branding("Fresh", null, null, new HelpdeskContactDto("", ""), false);

    @Test
    void anOlderLoadArrivingLastDoesNotReplaceTheLatest(FxRobot fx) throws Exception {
        CountDownLatch olderMayAnswer = new CountDownLatch(1);
        AtomicInteger loads = new AtomicInteger();
        try (Background background = new Background()) {
            BrandingModel model = new BrandingModel(() -> {
                if (loads.incrementAndGet() == 1) {
                    olderMayAnswer.await(10, TimeUnit.SECONDS);
                    return OLD;
                }
                return FRESH;
            }, background);

            fx.interact(model::refresh);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> loads.get() == 1);
            fx.interact(model::refresh);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.current() == FRESH);
            olderMayAnswer.countDown();
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !background.isBusy());
            WaitForAsyncUtils.waitForFxEvents();

            assertThat(model.current()).isSameAs(FRESH);
        }
    }
}
