package org.opensspr.console.users;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.opensspr.api.Page;
import org.opensspr.api.UserSummaryDto;
import org.opensspr.client.OpenSsprClient;
import org.opensspr.console.CallFailures;
import org.opensspr.console.ConsoleContext;
import org.opensspr.console.paging.PagedRows;

/**
 * The Users view's list: the directory searched on the server and paged into a virtual list, so a million
 * users scroll like a hundred. Only the latest search's answer is shown, however the answers arrive.
 */
public final class UsersModel {
    static final int PAGE_SIZE = 100;

    private final ConsoleContext context;
    private final OpenSsprClient client;
    private final ReadOnlyObjectWrapper<PagedRows<UserSummaryDto>> rows = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<UserSummaryDto> selected = new SimpleObjectProperty<>();
    private final StringProperty status = new SimpleStringProperty("");
    private String search = "";
    private String sort = "displayName";
    private long request;

    public UsersModel(ConsoleContext context, OpenSsprClient client) {
        this.context = context;
        this.client = client;
    }

    /** Users whose name or user ID matches {@code text}; blank lists everyone. */
    public void search(String text) {
        search = text == null ? "" : text.strip();
        reload();
    }

    /** Sorts on the server by {@code key} (upn, displayName or createdAt) and asks again. */
    public void sort(String key, boolean descending) {
        String asked = (descending ? "-" : "") + key;
        if (!asked.equals(sort)) { // a table asks again whenever its items change; only a new order reloads
            sort = asked;
            reload();
        }
    }

    /** Asks again with the current search (after an import, say). */
    public void reload() {
        long asked = ++request;
        String query = search;
        String order = sort;
        PagedRows.Source<UserSummaryDto> source = new PagedRows.Source<>() {
            @Override
            public Page<UserSummaryDto> fetch(int page, int size) {
                return client.users(query, order, page, size);
            }

            @Override
            public Page<UserSummaryDto> fetchAfter(int page, String cursor, int size) {
                return client.usersAfter(query, order, cursor, size);
            }
        };
        PagedRows.open(source, PAGE_SIZE, context.background(), opened -> {
            if (asked != request) {
                opened.close();
                return;
            }
            if (rows.get() != null) {
                rows.get().close();
            }
            rows.set(opened);
            // Beyond 10,000 users PostgreSQL's total is its estimate; a broad search reads the first matches only.
            status.set(opened.isEmpty() ? context.text(query.isEmpty() ? "users.none" : "users.noMatch", query)
                    : context.text(opened.isTotalExact() ? "users.count" : query.isEmpty() ? "users.countAbout"
                    : "users.countAtLeast", opened.size()));
        }, this::failed);
    }

    /** The row of {@code userId} changed (an action): its page is fetched again. */
    public void changed(int index) {
        if (rows.get() != null) {
            rows.get().reload(index);
        }
    }

    private void failed(Exception failure) {
        status.set(context.text("users.failed", CallFailures.describe(context, failure)));
    }

    public ReadOnlyObjectProperty<PagedRows<UserSummaryDto>> rowsProperty() {
        return rows.getReadOnlyProperty();
    }

    public ObjectProperty<UserSummaryDto> selectedProperty() {
        return selected;
    }

    public StringProperty statusProperty() {
        return status;
    }
}
