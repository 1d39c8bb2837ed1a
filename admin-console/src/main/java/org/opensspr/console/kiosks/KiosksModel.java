package org.opensspr.console.kiosks;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.opensspr.api.KioskDto;
import org.opensspr.api.KioskEnrollmentCodeDto;
import org.opensspr.client.OpenSsprClient;
import org.opensspr.console.CallFailures;
import org.opensspr.console.ConsoleContext;
import org.opensspr.console.paging.PagedRows;

import java.util.function.Consumer;

/**
 * The enrolled kiosks, paged from the server, and the two things an administrator does to them: enroll a new one
 * (the server answers its one-time code) and revoke one. A role without MANAGE_KIOSKS is given the reason instead
 * of a list: the server would refuse the list too.
 */
public final class KiosksModel {
    static final int PAGE_SIZE = 100;

    private final ConsoleContext context;
    private final OpenSsprClient client;
    private final String notAllowed;
    private final ReadOnlyObjectWrapper<PagedRows<KioskDto>> rows = new ReadOnlyObjectWrapper<>();
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty outcome = new SimpleStringProperty("");
    private long request;

    /** {@code notAllowed}: why this role can't manage kiosks, or null when it can. */
    public KiosksModel(ConsoleContext context, OpenSsprClient client, String notAllowed) {
        this.context = context;
        this.client = client;
        this.notAllowed = notAllowed;
    }

    /** Why the role can't manage kiosks, or null. */
    public String notAllowed() {
        return notAllowed;
    }

    /** Reads the list again (after an action, or when asked). */
    public void reload() {
        if (notAllowed != null) {
            return;
        }
        long asked = ++request;
        PagedRows.open(client::kiosks, PAGE_SIZE, context.background(), opened -> {
            if (asked != request) {
                opened.close();
                return;
            }
            if (rows.get() != null) {
                rows.get().close();
            }
            rows.set(opened);
            status.set(opened.isEmpty() ? context.text("kiosks.none") : context.text("kiosks.count", opened.size()));
        }, failure -> status.set(context.text("kiosks.failed", CallFailures.describe(context, failure))));
    }

    /** Creates a kiosk named {@code name}; {@code shown} gets its one-time code, then the list is read again. */
    public void enroll(String name, Consumer<KioskEnrollmentCodeDto> shown) {
        outcome.set(context.text("kiosks.working"));
        context.background().run(() -> client.createKiosk(name), created -> {
            outcome.set(context.text("kiosks.done.enroll", created.kioskName()));
            reload();
            shown.accept(created);
        }, this::actionFailed);
    }

    /** Revokes {@code kiosk}: its credential and any unused code stop working. */
    public void revoke(KioskDto kiosk) {
        outcome.set(context.text("kiosks.working"));
        context.background().run(() -> client.revokeKiosk(kiosk.id()), revoked -> {
            outcome.set(context.text("kiosks.done.revoke", revoked.name()));
            reload();
        }, this::actionFailed);
    }

    private void actionFailed(Exception failure) {
        outcome.set(context.text("kiosks.actionFailed", CallFailures.describe(context, failure)));
    }

    public ReadOnlyObjectProperty<PagedRows<KioskDto>> rowsProperty() {
        return rows.getReadOnlyProperty();
    }

    /** How many kiosks there are, or why they couldn't be read. */
    public StringProperty statusProperty() {
        return status;
    }

    /** What the last enrollment or revocation came to. */
    public StringProperty outcomeProperty() {
        return outcome;
    }
}
