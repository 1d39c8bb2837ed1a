package org.opensspr.ui.tasks;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Runs server calls off the FX thread and hands the outcome back on it, so no window freezes while the
 * network is slow. {@link #busyProperty()} is true while any call is under way: views show progress with
 * it, and tests wait on it instead of sleeping.
 */
public final class Background implements AutoCloseable {
    private final ExecutorService executor = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("opensspr-call-", 0).factory());
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private int running; // touched on the FX thread only

    /**
     * Call on the FX thread; {@code onSuccess} or {@code onFailure} runs later on the FX thread. After
     * {@link #close()} nothing runs: the window is going, and a timer firing late mustn't throw into it.
     */
    public <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Exception> onFailure) {
        if (executor.isShutdown()) {
            return;
        }
        running++;
        busy.set(true);
        executor.execute(() -> {
            T result;
            try {
                result = work.call();
            } catch (Exception e) {
                Platform.runLater(() -> finish(() -> onFailure.accept(e)));
                return;
            } catch (Throwable e) {
                // An Error still ends the call: busy must clear and the view must say it failed.
                Exception wrapped = new IllegalStateException(e.toString(), e);
                Platform.runLater(() -> finish(() -> onFailure.accept(wrapped)));
                throw e;
            }
            Platform.runLater(() -> finish(() -> onSuccess.accept(result)));
        });
    }

    private void finish(Runnable callback) {
        try {
            callback.run();
        } finally {
            running--;
            busy.set(running > 0);
        }
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public boolean isBusy() {
        return busy.get();
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
