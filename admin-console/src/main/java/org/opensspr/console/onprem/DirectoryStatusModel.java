package org.opensspr.console.onprem;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.opensspr.api.ConnectionTestDto;
import org.opensspr.api.WritebackStatusDto;
import org.opensspr.client.OpenSsprClient;
import org.opensspr.console.CallFailures;
import org.opensspr.console.ConsoleContext;

/**
 * The live side of the On-premises pane: the directory the server writes back to and how its last writebacks went,
 * and the "Test connection" run on demand. Not part of the policy: nothing here is saved.
 */
public final class DirectoryStatusModel {
    private final ConsoleContext context;
    private final OpenSsprClient client;
    private final boolean mayTest;
    private final ObjectProperty<WritebackStatusDto> status = new SimpleObjectProperty<>();
    private final StringProperty statusFailure = new SimpleStringProperty("");
    private final ObjectProperty<ConnectionTestDto> test = new SimpleObjectProperty<>();
    private final StringProperty testFailure = new SimpleStringProperty("");
    private final StringProperty testUser = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper testing = new ReadOnlyBooleanWrapper();
    private final BooleanProperty loaded = new SimpleBooleanProperty();

    /** @param mayTest whether the signed-in admin may run a test (MANAGE_POLICY; the server checks it too) */
    public DirectoryStatusModel(ConsoleContext context, OpenSsprClient client, boolean mayTest) {
        this.context = context;
        this.client = client;
        this.mayTest = mayTest;
    }

    /** Asks the server where writeback stands. */
    public void load() {
        context.background().run(() -> client.writeback().status(), answer -> {
            status.set(answer);
            statusFailure.set("");
            loaded.set(true);
        }, failure -> {
            statusFailure.set(context.text("onprem.status.failed", CallFailures.describe(context, failure)));
            loaded.set(true);
        });
    }

    /** Tests the connection (and the test user, when one is typed); the status is read again after it. */
    public void test() {
        if (testing.get()) {
            return;
        }
        testing.set(true);
        test.set(null);
        testFailure.set("");
        String user = testUser.get() == null || testUser.get().isBlank() ? null : testUser.get().strip();
        context.background().run(() -> client.writeback().testConnection(user), answer -> {
            testing.set(false);
            test.set(answer);
            load();
        }, failure -> {
            testing.set(false);
            testFailure.set(context.text("onprem.test.failed", CallFailures.describe(context, failure)));
        });
    }

    public boolean mayTest() {
        return mayTest;
    }

    public ObjectProperty<WritebackStatusDto> statusProperty() {
        return status;
    }

    public StringProperty statusFailureProperty() {
        return statusFailure;
    }

    public ObjectProperty<ConnectionTestDto> testProperty() {
        return test;
    }

    public StringProperty testFailureProperty() {
        return testFailure;
    }

    public StringProperty testUserProperty() {
        return testUser;
    }

    public ReadOnlyBooleanProperty testingProperty() {
        return testing.getReadOnlyProperty();
    }

    public BooleanProperty loadedProperty() {
        return loaded;
    }
}
