package org.opensspr.console.audit;

import javafx.application.Platform;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.opensspr.api.AuditExportFormat;
import org.opensspr.api.AuditFilter;
import org.opensspr.client.OpenSsprClient;
import org.opensspr.console.CallFailures;
import org.opensspr.console.ConsoleContext;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One download of the audit log as the list is filtered, into a file. The bytes go to a ".part" file beside the
 * chosen one, moved into its place only when the server finished: a cancelled or failed export leaves no partial
 * file, and a file it would have replaced stays as it was.
 *
 * <p>Progress is counted in lines: JSON Lines writes one event per line, CSV one per line too unless a cell holds a
 * line break. So the bar fills towards the list's total, which is only about right (events written since the list
 * was read are exported too, newer ones are not), and is indeterminate when the list gave no total.
 */
public final class AuditExportJob {
    /** The states an export passes through; every one but RUNNING is where it stays. */
    public enum State { READY, RUNNING, DONE, CANCELLED, FAILED }

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final ConsoleContext context;
    private final OpenSsprClient client;
    private final AuditFilter filter;
    private final long expectedEvents;
    private final ObjectProperty<State> state = new SimpleObjectProperty<>(State.READY);
    private final DoubleProperty progress = new SimpleDoubleProperty(-1);
    private final StringProperty message = new SimpleStringProperty("");
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final AtomicLong lines = new AtomicLong();
    private final AtomicBoolean updateQueued = new AtomicBoolean();
    private volatile long bytes;

    AuditExportJob(ConsoleContext context, OpenSsprClient client, AuditFilter filter, long expectedEvents) {
        this.context = context;
        this.client = client;
        this.filter = filter;
        this.expectedEvents = expectedEvents;
    }

    /** The name a new export is offered under: {@code opensspr-audit-20261206-104512.jsonl}. */
    public static String defaultFileName(AuditExportFormat format, LocalDateTime now) {
        return "opensspr-audit-" + STAMP.format(now) + "." + format.wire();
    }

    /** How many events the list held when the export was asked for; -1 when unknown. */
    public long expectedEvents() {
        return expectedEvents;
    }

    /** Downloads into {@code target} (replacing it only on success). Call on the FX thread, once. */
    public void start(Path target, AuditExportFormat format) {
        if (state.get() != State.READY) {
            throw new IllegalStateException("An export runs once");
        }
        Path part = target.resolveSibling(target.getFileName() + ".part");
        state.set(State.RUNNING);
        progress.set(expectedEvents > 0 ? 0 : -1);
        message.set(context.text("audit.export.starting"));
        context.background().run(() -> {
            try (OutputStream out = new LineCounter(Files.newOutputStream(part))) {
                client.audit().export(filter, format, out, received -> {
                    if (cancelled.get()) {
                        throw new CancellationException(); // closes the response: the server stops sending
                    }
                    bytes = received;
                    showProgressSoon();
                });
                if (cancelled.get()) {
                    throw new CancellationException(); // asked to stop as the last bytes came: still no file
                }
            } catch (RuntimeException | IOException e) {
                Files.deleteIfExists(part);
                throw e;
            }
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return Files.size(target);
        }, size -> {
            state.set(State.DONE);
            progress.set(1);
            message.set(context.text("audit.export.done", size(size), target.toString()));
        }, failure -> {
            if (cancelled.get()) {
                state.set(State.CANCELLED);
                message.set(context.text("audit.export.cancelled"));
            } else {
                state.set(State.FAILED);
                message.set(context.text("audit.export.failed", failure instanceof IOException
                        || failure instanceof java.io.UncheckedIOException
                        ? context.text("audit.export.fileFailed", target.toString(), String.valueOf(failure.getMessage()))
                        : CallFailures.describe(context, failure)));
            }
            progress.set(0);
        });
    }

    /** Stops the download at its next chunk; the partial file is deleted. */
    public void cancel() {
        if (state.get() == State.RUNNING) {
            cancelled.set(true);
            message.set(context.text("audit.export.cancelling"));
        }
    }

    /** At most one progress update waits on the FX thread, however fast the chunks arrive. */
    private void showProgressSoon() {
        if (updateQueued.compareAndSet(false, true)) {
            Platform.runLater(() -> {
                updateQueued.set(false);
                if (state.get() != State.RUNNING || cancelled.get()) {
                    return;
                }
                long written = lines.get();
                if (expectedEvents > 0) {
                    progress.set(Math.min(1.0, (double) written / expectedEvents));
                    message.set(context.text("audit.export.progress", written, expectedEvents, size(bytes)));
                } else {
                    message.set(context.text("audit.export.progressUnknown", written, size(bytes)));
                }
            });
        }
    }

    private String size(long count) {
        return count < 1024 ? context.text("size.bytes", count)
                : count < 1024 * 1024 ? context.text("size.kib", count / 1024.0)
                : context.text("size.mib", count / (1024.0 * 1024.0));
    }

    public ObjectProperty<State> stateProperty() {
        return state;
    }

    /** From 0 to 1, or -1 (indeterminate) when the list gave no total to expect. */
    public DoubleProperty progressProperty() {
        return progress;
    }

    /** What the export is doing or came to, in words. */
    public StringProperty messageProperty() {
        return message;
    }

    /** Counts the line breaks written: about one per event. */
    private final class LineCounter extends FilterOutputStream {
        LineCounter(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] buffer, int offset, int length) throws IOException {
            int found = 0;
            for (int i = offset; i < offset + length; i++) {
                if (buffer[i] == '\n') {
                    found++;
                }
            }
            out.write(buffer, offset, length);
            lines.addAndGet(found);
        }
    }
}
