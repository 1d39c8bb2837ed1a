package org.opensspr.console.onprem;

import javafx.animation.PauseTransition;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.util.Duration;
import org.opensspr.api.DirectorySyncChangeDto;
import org.opensspr.api.DirectorySyncMode;
import org.opensspr.api.DirectorySyncRunDto;
import org.opensspr.api.Page;
import org.opensspr.client.OpenSsprClient;
import org.opensspr.console.CallFailures;
import org.opensspr.console.ConsoleContext;

/**
 * Directory sync in the On-premises pane: the last run, a run started on demand (full, delta or a dry run) followed
 * until it ends, and the first page of what it changed or would change.
 */
public final class DirectorySyncModel {
    /** How many changes the pane lists; the rest are counted. */
    static final int CHANGES_SHOWN = 50;
    private static final Duration POLL_EVERY = Duration.millis(400);

    private final ConsoleContext context;
    private final OpenSsprClient client;
    private final boolean mayRead;
    private final boolean mayStart;
    private final ObjectProperty<DirectorySyncRunDto> run = new SimpleObjectProperty<>();
    private final ObjectProperty<Page<DirectorySyncChangeDto>> changes = new SimpleObjectProperty<>();
    private final StringProperty failure = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();

    /**
     * @param mayRead  whether the signed-in admin may read sync runs (READ_DIRECTORY)
     * @param mayStart whether they may start one (MANAGE_USERS); the server checks both too
     */
    public DirectorySyncModel(ConsoleContext context, OpenSsprClient client, boolean mayRead, boolean mayStart) {
        this.context = context;
        this.client = client;
        this.mayRead = mayRead;
        this.mayStart = mayStart && mayRead;
    }

    /** Reads the last run, and follows it if it is still going (started elsewhere or by the schedule). */
    public void load() {
        if (!mayRead) {
            return;
        }
        context.background().run(() -> client.directorySync().recent(1), runs -> {
            failure.set("");
            if (!runs.isEmpty()) {
                show(runs.getFirst());
            }
        }, this::failed);
    }

    /** Starts a run; {@code dryRun} computes and lists the changes without making them. */
    public void start(DirectorySyncMode mode, boolean dryRun) {
        if (running.get() || !mayStart) {
            return;
        }
        running.set(true);
        failure.set("");
        changes.set(null);
        context.background().run(() -> client.directorySync().start(mode, dryRun), this::follow, problem -> {
            running.set(false);
            failed(problem);
        });
    }

    private void follow(String runId) {
        context.background().run(() -> client.directorySync().run(runId), this::show, problem -> {
            running.set(false);
            failed(problem);
        });
    }

    private void show(DirectorySyncRunDto now) {
        run.set(now);
        if (now.phase().finished()) {
            running.set(false);
            context.background().run(() -> client.directorySync().changes(now.id(), 0, CHANGES_SHOWN), changes::set,
                    this::failed);
            return;
        }
        running.set(true);
        PauseTransition pause = new PauseTransition(POLL_EVERY);
        pause.setOnFinished(e -> follow(now.id()));
        pause.play();
    }

    private void failed(Exception problem) {
        failure.set(context.text("onprem.sync.failed", CallFailures.describe(context, problem)));
    }

    public boolean mayRead() {
        return mayRead;
    }

    public boolean mayStart() {
        return mayStart;
    }

    public ObjectProperty<DirectorySyncRunDto> runProperty() {
        return run;
    }

    public ObjectProperty<Page<DirectorySyncChangeDto>> changesProperty() {
        return changes;
    }

    public StringProperty failureProperty() {
        return failure;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }
}
