package org.opensspr.console.history;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.opensspr.api.ErrorCode;
import org.opensspr.api.PolicyDiffDto;
import org.opensspr.api.PolicyVersionSummaryDto;
import org.opensspr.client.OpenSsprApiException;
import org.opensspr.client.OpenSsprClient;
import org.opensspr.console.CallFailures;
import org.opensspr.console.ConsoleContext;
import org.opensspr.console.policy.PolicyEditor;
import org.opensspr.console.policy.PolicySaver;

import java.util.List;

/**
 * The policy's history: a page of versions (newest first), the diff between the chosen versions, and
 * rollback. A rollback stores a new version; the policy panes then load it through the shell's saver.
 */
public final class PolicyHistoryModel {
    public static final int PAGE_SIZE = 15;
    private final ConsoleContext context;
    private final OpenSsprClient client;
    private final PolicyEditor editor;
    private final PolicySaver saver;
    private final ObservableList<PolicyVersionSummaryDto> versions = FXCollections.observableArrayList();
    private final IntegerProperty page = new SimpleIntegerProperty(0);
    private final LongProperty total = new SimpleLongProperty(0);
    private final ObjectProperty<PolicyDiffDto> diff = new SimpleObjectProperty<>();
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty failed = new SimpleBooleanProperty(false);
    private int diffRequest;

    public PolicyHistoryModel(ConsoleContext context, OpenSsprClient client, PolicyEditor editor, PolicySaver saver) {
        this.context = context;
        this.client = client;
        this.editor = editor;
        this.saver = saver;
        // A save, a rollback or a reload makes a new newest version: show it.
        editor.documentProperty().addListener((o, was, now) -> {
            if (was == null || now == null || was.version() != now.version()) {
                loadPage(0);
            }
        });
    }

    public void loadPage(int wanted) {
        context.background().run(() -> client.policyVersions(Math.max(0, wanted), PAGE_SIZE), loaded -> {
            versions.setAll(loaded.items());
            total.set(loaded.total());
            page.set(loaded.page());
            clearFailure();
        }, failure -> problem(context.text("history.failed.load", reason(failure))));
    }

    /**
     * Shows what changed: one version against the version in force, or two versions against each
     * other (older to newer). Any other selection clears the diff.
     */
    public void compare(List<Integer> selected) {
        int request = ++diffRequest;
        if (selected.isEmpty() || selected.size() > 2 || (selected.size() == 1 && selected.getFirst() == currentVersion())) {
            diff.set(null);
            return;
        }
        int from = selected.size() == 1 ? selected.getFirst() : Math.min(selected.get(0), selected.get(1));
        int to = selected.size() == 1 ? currentVersion() : Math.max(selected.get(0), selected.get(1));
        context.background().run(() -> client.policyDiff(from, to), loaded -> {
            if (request == diffRequest) { // a newer selection may have been made meanwhile
                diff.set(loaded);
                clearFailure();
            }
        }, failure -> problem(context.text("history.failed.diff", reason(failure))));
    }

    /** Stores a new version equal to {@code toVersion}, then reloads the panes (their unsaved edits are dropped). */
    public void rollback(int toVersion) {
        int expected = currentVersion();
        status.set(context.text("history.rollingBack", toVersion));
        context.background().run(() -> client.rollbackPolicy(toVersion, expected), document -> {
            diff.set(null);
            saver.load();
            ok(context.text("history.rolledBack", toVersion, document.version()));
        }, failure -> {
            if (failure instanceof OpenSsprApiException e && e.code() == ErrorCode.VERSION_CONFLICT) {
                problem(context.text("history.failed.conflict"));
                loadPage(0);
            } else {
                problem(context.text("history.failed.rollback", reason(failure)));
            }
        });
    }

    /** The version the panes show (the one in force when they were loaded). */
    public int currentVersion() {
        return editor.version();
    }

    public boolean hasUnsavedChanges() {
        return editor.dirtyBinding().get();
    }

    private String reason(Exception failure) {
        return CallFailures.describe(context, failure);
    }

    /** A call that worked ends an earlier failure's message, but not e.g. "Rolled back". */
    private void clearFailure() {
        if (failed.get()) {
            ok("");
        }
    }

    private void ok(String text) {
        status.set(text);
        failed.set(false);
    }

    private void problem(String text) {
        status.set(text);
        failed.set(true);
    }

    public ObservableList<PolicyVersionSummaryDto> versions() {
        return versions;
    }

    public IntegerProperty pageProperty() {
        return page;
    }

    public LongProperty totalProperty() {
        return total;
    }

    public ObjectProperty<PolicyDiffDto> diffProperty() {
        return diff;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public BooleanProperty failedProperty() {
        return failed;
    }
}
