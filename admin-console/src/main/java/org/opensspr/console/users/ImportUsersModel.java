package org.opensspr.console.users;

import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.ProgressIndicator;
import org.opensspr.api.ImportResultDto;
import org.opensspr.api.ImportRowErrorDto;
import org.opensspr.api.UploadLimits;
import org.opensspr.client.OpenSsprClient;
import org.opensspr.console.AdminRights;
import org.opensspr.console.CallFailures;
import org.opensspr.console.ConsoleContext;
import org.opensspr.directory.Permission;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * "Import users": a CSV file read, sent with its progress shown, and the server's all-or-nothing answer — the
 * users imported, or every problem with its line and nothing imported.
 */
public final class ImportUsersModel {
    /** Where the import is; the dialog's controls follow it. */
    public enum Stage { NO_FILE, READY, SENDING, CHECKING, IMPORTED, REFUSED }

    private final ConsoleContext context;
    private final OpenSsprClient client;
    private final Runnable onImported;
    private final String refusal;
    private final ObjectProperty<Stage> stage = new SimpleObjectProperty<>(Stage.NO_FILE);
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final StringProperty file = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty failed = new SimpleBooleanProperty(false);
    private final ObservableList<ImportRowErrorDto> problems = FXCollections.observableArrayList();
    private byte[] bytes;
    private String fileName = "";

    /** {@code onImported} runs (on the FX thread) after a file was imported, to show the new users. */
    public ImportUsersModel(ConsoleContext context, OpenSsprClient client, AdminRights rights, Runnable onImported) {
        this.context = context;
        this.client = client;
        this.onImported = onImported;
        // Roles and groups in a file need more (the server says which); importing at all needs this.
        this.refusal = rights.may(Permission.MANAGE_USERS) ? "" : context.text("import.readonly");
        status.set(context.text("import.noFile"));
    }

    /** Reads {@code path} off the FX thread; a file the server would refuse for its size is refused here, unsent. */
    public void choose(Path path) {
        String name = path.getFileName() == null ? path.toString() : path.getFileName().toString();
        context.background().run(() -> read(path), read -> {
            bytes = read;
            fileName = name;
            problems.clear();
            progress.set(0);
            file.set(context.text("import.file", name, lines(read), size(read.length)));
            failed.set(false);
            status.set(context.text("import.ready"));
            stage.set(Stage.READY);
        }, failure -> {
            bytes = null;
            problems.clear();
            file.set("");
            failed.set(true);
            status.set(failure instanceof TooLargeException large ? context.text("import.tooLarge", name,
                    size(large.size), UploadLimits.mebibytes(UploadLimits.USER_IMPORT_BYTES))
                    : context.text("import.unreadable", name, CallFailures.describe(context, failure)));
            stage.set(Stage.NO_FILE);
        });
    }

    /** Sends the chosen file; the progress bar follows the bytes out, then waits while the server checks every row. */
    public void start() {
        if (!mayStart()) {
            return;
        }
        byte[] sending = bytes;
        problems.clear();
        failed.set(false);
        stage.set(Stage.SENDING);
        progress.set(0);
        status.set(context.text("import.sending", size(0), size(sending.length)));
        SentBytes sent = new SentBytes(sending.length);
        context.background().run(() -> client.importUsers(sending, sent::report), this::answered, failure -> {
            stage.set(Stage.READY);
            progress.set(0);
            failed.set(true);
            status.set(context.text("import.failed", CallFailures.describe(context, failure)));
        });
    }

    private void answered(ImportResultDto result) {
        progress.set(1);
        if (result.imported()) {
            stage.set(Stage.IMPORTED);
            String groups = result.createdGroups().isEmpty() ? ""
                    : " " + context.text("import.createdGroups", String.join(", ", result.createdGroups()));
            status.set(context.text("import.imported", result.importedCount()) + groups);
            bytes = null; // imported: sending it again could only fail on every row
            onImported.run();
        } else {
            stage.set(Stage.REFUSED);
            failed.set(true);
            problems.setAll(result.errors());
            status.set(context.text("import.refused", result.errors().size()));
        }
    }

    /** Progress from the sending thread, handed to the FX thread one update at a time. */
    private final class SentBytes {
        private final long total;
        private final AtomicLong latest = new AtomicLong();
        private final AtomicBoolean posted = new AtomicBoolean();

        SentBytes(long total) {
            this.total = total;
        }

        void report(long count) {
            latest.set(count);
            if (posted.compareAndSet(false, true)) {
                Platform.runLater(() -> {
                    posted.set(false);
                    long now = latest.get();
                    if (stage.get() != Stage.SENDING) {
                        return;
                    }
                    if (now >= total) {
                        stage.set(Stage.CHECKING);
                        progress.set(ProgressIndicator.INDETERMINATE_PROGRESS);
                        status.set(context.text("import.checking"));
                    } else {
                        progress.set(total == 0 ? 0 : (double) now / total);
                        status.set(context.text("import.sending", size(now), size(total)));
                    }
                });
            }
        }
    }

    /** Why this administrator can't import users, or "" when they can. */
    public String refusal() {
        return refusal;
    }

    public boolean mayStart() {
        return refusal.isEmpty() && bytes != null && (stage.get() == Stage.READY || stage.get() == Stage.REFUSED);
    }

    /** The problems as CSV (line, column, problem), to paste into a ticket or a spreadsheet beside the file. */
    public String report() {
        String header = String.join(",", context.text("import.column.line"), context.text("import.column.column"),
                context.text("import.column.problem"));
        return problems.stream().map(p -> p.line() + "," + csv(p.column()) + "," + csv(p.message()))
                .collect(Collectors.joining("\n", csv(fileName) + "\n" + header + "\n", "\n"));
    }

    private static String csv(String value) {
        boolean quote = value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r");
        return quote ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }

    private static byte[] read(Path path) throws IOException {
        long size = Files.size(path);
        // The server reads no further than its limit; saying so before sending saves the wait.
        if (size > UploadLimits.USER_IMPORT_BYTES) {
            throw new TooLargeException(size);
        }
        return Files.readAllBytes(path);
    }

    private static long lines(byte[] read) {
        long lines = 0;
        for (byte b : read) {
            if (b == '\n') {
                lines++;
            }
        }
        return read.length > 0 && read[read.length - 1] != '\n' ? lines + 1 : lines;
    }

    private String size(long count) {
        return count < 1024 ? context.text("size.bytes", count)
                : count < 1024 * 1024 ? context.text("size.kib", count / 1024.0)
                : context.text("size.mib", count / (1024.0 * 1024.0));
    }

    private static final class TooLargeException extends IOException {
        final long size;

        TooLargeException(long size) {
            super("larger than the import limit");
            this.size = size;
        }
    }

    public ObjectProperty<Stage> stageProperty() {
        return stage;
    }

    /** Whether the status says something went wrong (a file refused, a failed call, problems in the file). */
    public BooleanProperty failedProperty() {
        return failed;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty fileProperty() {
        return file;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public ObservableList<ImportRowErrorDto> problems() {
        return problems;
    }
}
