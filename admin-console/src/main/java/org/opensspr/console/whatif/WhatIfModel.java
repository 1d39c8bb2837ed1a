package org.opensspr.console.whatif;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.opensspr.api.UserSummaryDto;
import org.opensspr.api.WhatIfDto;
import org.opensspr.client.OpenSsprClient;
import org.opensspr.console.CallFailures;
import org.opensspr.console.ConsoleContext;
import org.opensspr.flow.FlowIntent;

/**
 * What if: find a user, choose what they would ask the kiosk for, and get the server's answer from the
 * same engines a real flow uses. Only the latest search and the latest check are shown, however the
 * answers arrive.
 */
public final class WhatIfModel {
    static final int RESULTS = 50;
    private final ConsoleContext context;
    private final OpenSsprClient client;
    private final ObservableList<UserSummaryDto> users = FXCollections.observableArrayList();
    private final ObjectProperty<UserSummaryDto> user = new SimpleObjectProperty<>();
    private final ObjectProperty<FlowIntent> intent = new SimpleObjectProperty<>(FlowIntent.RESET_PASSWORD);
    private final ObjectProperty<WhatIfDto> result = new SimpleObjectProperty<>();
    private final ObjectProperty<FlowIntent> resultIntent = new SimpleObjectProperty<>();
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty mayLookUp;
    private long searchRequest;
    private long checkRequest;

    public WhatIfModel(ConsoleContext context, OpenSsprClient client, boolean mayLookUp) {
        this.context = context;
        this.client = client;
        this.mayLookUp = new SimpleBooleanProperty(mayLookUp);
        user.addListener((o, was, now) -> check());
        intent.addListener((o, was, now) -> check());
    }

    /** Users whose user ID or a name starts with {@code text}. */
    public void search(String text) {
        if (!mayLookUp.get()) {
            return;
        }
        long request = ++searchRequest;
        String query = text == null ? "" : text.strip();
        context.background().run(() -> client.users(query, 0, RESULTS), page -> {
            if (request == searchRequest) {
                users.setAll(page.items());
                // A broad search reads only the first matches of each name: then the total is "more than".
                status.set(page.total() > page.items().size() || !page.totalExact()
                        ? context.text(page.totalExact() ? "whatif.search.more" : "whatif.search.moreThan",
                        page.items().size(), page.total()) : "");
            }
        }, failure -> {
            if (request == searchRequest) {
                status.set(context.text("whatif.search.failed", reason(failure)));
            }
        });
    }

    /** Asks the server what the chosen user would meet now; the selection and intent changing ask again. */
    public void check() {
        long request = ++checkRequest;
        UserSummaryDto chosen = user.get();
        FlowIntent asked = intent.get();
        if (chosen == null || !mayLookUp.get()) {
            result.set(null);
            return;
        }
        context.background().run(() -> client.whatIf(chosen.userPrincipalName(), asked), answer -> {
            if (request == checkRequest) {
                resultIntent.set(asked);
                result.set(answer);
                status.set("");
            }
        }, failure -> {
            if (request == checkRequest) {
                result.set(null);
                status.set(context.text("whatif.check.failed", reason(failure)));
            }
        });
    }

    private String reason(Exception failure) {
        return CallFailures.describe(context, failure);
    }

    public ObservableList<UserSummaryDto> users() {
        return users;
    }

    public ObjectProperty<UserSummaryDto> userProperty() {
        return user;
    }

    public ObjectProperty<FlowIntent> intentProperty() {
        return intent;
    }

    /** The latest answer, or null; {@link #resultIntentProperty()} says what it answers. */
    public ObjectProperty<WhatIfDto> resultProperty() {
        return result;
    }

    public ObjectProperty<FlowIntent> resultIntentProperty() {
        return resultIntent;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public BooleanProperty mayLookUpProperty() {
        return mayLookUp;
    }
}
