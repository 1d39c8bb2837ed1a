package org.opensspr.console.audit;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.opensspr.api.AuditChainState;
import org.opensspr.api.AuditEventDto;
import org.opensspr.api.AuditFilter;
import org.opensspr.api.Page;
import org.opensspr.api.SiemForwardingDto;
import org.opensspr.client.OpenSsprClient;
import org.opensspr.console.CallFailures;
import org.opensspr.console.ConsoleContext;
import org.opensspr.console.paging.PagedRows;

/**
 * The Audit logs view's state: the filter applied, the events it selects paged newest first from the server, the
 * event chosen, what the server's last check of the tamper-evident chain found, and where forwarding to the SIEM
 * stands. Only the latest filter's
 * answer is shown, however the answers arrive.
 */
public final class AuditLogsModel {
    static final int PAGE_SIZE = 100;

    private final ConsoleContext context;
    private final OpenSsprClient client;
    private final ReadOnlyObjectWrapper<PagedRows<AuditEventDto>> rows = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<AuditEventDto> selected = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<AuditChainState> chain = new ReadOnlyObjectWrapper<>();
    private final StringProperty chainFailure = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<SiemForwardingDto> siem = new ReadOnlyObjectWrapper<>();
    private final StringProperty siemFailure = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private AuditFilter filter = AuditFilter.everything();
    private long request;

    public AuditLogsModel(ConsoleContext context, OpenSsprClient client) {
        this.context = context;
        this.client = client;
    }

    /** Lists what {@code applied} selects (and reads the chain's state again). */
    public void apply(AuditFilter applied) {
        filter = applied == null ? AuditFilter.everything() : applied;
        reload();
    }

    /** Asks again with the filter applied: the newest events, and the chain's latest check. */
    public void reload() {
        long asked = ++request;
        AuditFilter asking = filter;
        PagedRows.Source<AuditEventDto> source = new PagedRows.Source<>() {
            @Override
            public Page<AuditEventDto> fetch(int page, int size) {
                return client.audit().events(asking, page, size);
            }

            @Override
            public Page<AuditEventDto> fetchAfter(int page, String cursor, int size) {
                return client.audit().eventsAfter(asking, page, cursor, size);
            }
        };
        PagedRows.open(source, PAGE_SIZE, context.background(),
                opened -> {
                    if (asked != request) {
                        opened.close();
                        return;
                    }
                    if (rows.get() != null) {
                        rows.get().close();
                    }
                    selected.set(null);
                    rows.set(opened);
                    status.set(opened.isEmpty() ? context.text(asking.equals(AuditFilter.everything())
                            ? "audit.none" : "audit.noMatch") : context.text("audit.count", opened.size()));
                }, failure -> status.set(context.text("audit.failed", CallFailures.describe(context, failure))));
        context.background().run(() -> client.audit().chain(), state -> {
            chain.set(state);
            chainFailure.set("");
        }, failure -> chainFailure.set(context.text("audit.chain.failed", CallFailures.describe(context, failure))));
        context.background().run(() -> client.audit().siem(), state -> {
            siem.set(state);
            siemFailure.set("");
        }, failure -> siemFailure.set(context.text("audit.siem.failed", CallFailures.describe(context, failure))));
    }

    /** The filter the list shows, which an export writes out too. */
    public AuditFilter filter() {
        return filter;
    }

    /** How many events the list holds, which an export expects to write; -1 before the first answer. */
    public long listed() {
        return rows.get() == null ? -1 : rows.get().size();
    }

    /** An export of what the list shows. */
    public AuditExportJob export() {
        return new AuditExportJob(context, client, filter, listed());
    }

    public ReadOnlyObjectProperty<PagedRows<AuditEventDto>> rowsProperty() {
        return rows.getReadOnlyProperty();
    }

    public ObjectProperty<AuditEventDto> selectedProperty() {
        return selected;
    }

    /** The last verification of the chain the server reported; null until it answered. */
    public ReadOnlyObjectProperty<AuditChainState> chainProperty() {
        return chain.getReadOnlyProperty();
    }

    /** Why the chain's state couldn't be read, or empty. */
    public StringProperty chainFailureProperty() {
        return chainFailure;
    }

    /** Where forwarding to the SIEM stands, as the server last said; null until it answered. */
    public ReadOnlyObjectProperty<SiemForwardingDto> siemProperty() {
        return siem.getReadOnlyProperty();
    }

    /** Why the SIEM's state couldn't be read, or empty. */
    public StringProperty siemFailureProperty() {
        return siemFailure;
    }

    /** How many events match, none, or why they couldn't be read. */
    public StringProperty statusProperty() {
        return status;
    }
}
