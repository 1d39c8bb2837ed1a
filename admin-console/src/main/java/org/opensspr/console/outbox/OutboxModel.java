package org.opensspr.console.outbox;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.opensspr.api.ErrorCode;
import org.opensspr.api.OutboxMessageDto;
import org.opensspr.client.OpenSsprApiException;
import org.opensspr.client.OpenSsprClient;
import org.opensspr.console.CallFailures;
import org.opensspr.console.ConsoleContext;
import org.opensspr.console.paging.PagedRows;

/**
 * The embedded default's outbox, newest first, paged from the server, and the message chosen in it. Only Global
 * Administrators may read it (its messages hold live codes); a role without that is given the reason instead,
 * and a server that sends for real says its outbox is not shown.
 */
public final class OutboxModel {
    static final int PAGE_SIZE = 50;

    private final ConsoleContext context;
    private final OpenSsprClient client;
    private final String notAllowed;
    private final ReadOnlyObjectWrapper<PagedRows<OutboxMessageDto>> rows = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<OutboxMessageDto> selected = new SimpleObjectProperty<>();
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty placeholder;
    private long request;

    /** {@code notAllowed}: why this role can't read the outbox, or null when it can. */
    public OutboxModel(ConsoleContext context, OpenSsprClient client, String notAllowed) {
        this.context = context;
        this.client = client;
        this.notAllowed = notAllowed;
        this.placeholder = new SimpleStringProperty(context.text(notAllowed == null ? "outbox.loading" : "outbox.hidden"));
    }

    public String notAllowed() {
        return notAllowed;
    }

    /** Reads the newest messages again. */
    public void reload() {
        if (notAllowed != null) {
            return;
        }
        long asked = ++request;
        PagedRows.open(client::outbox, PAGE_SIZE, context.background(), opened -> {
            if (asked != request) {
                opened.close();
                return;
            }
            if (rows.get() != null) {
                rows.get().close();
            }
            selected.set(null);
            rows.set(opened);
            placeholder.set(context.text("outbox.none"));
            status.set(opened.isEmpty() ? "" : context.text("outbox.count", opened.size()));
        }, this::failed);
    }

    /** Said where the messages would be when there are none to show, else below them. */
    private void failed(Exception failure) {
        // CONFLICT: the server sends through SMTP or a gateway, so there is no outbox to show.
        String why = failure instanceof OpenSsprApiException e && e.code() == ErrorCode.CONFLICT
                ? context.text("outbox.notEmbedded")
                : context.text("outbox.failed", CallFailures.describe(context, failure));
        if (rows.get() == null || rows.get().isEmpty()) {
            placeholder.set(why);
        } else {
            status.set(why);
        }
    }

    public ReadOnlyObjectProperty<PagedRows<OutboxMessageDto>> rowsProperty() {
        return rows.getReadOnlyProperty();
    }

    public ObjectProperty<OutboxMessageDto> selectedProperty() {
        return selected;
    }

    /** How many messages there are, or why a page of them couldn't be read. */
    public StringProperty statusProperty() {
        return status;
    }

    /** What the empty table says: loading, empty, or why nothing can be shown. */
    public StringProperty placeholderProperty() {
        return placeholder;
    }
}
