package org.opensspr.client;

import com.fasterxml.jackson.core.type.TypeReference;
import org.opensspr.api.ApiPaths;
import org.opensspr.api.AuditChainState;
import org.opensspr.api.AuditEventDto;
import org.opensspr.api.AuditExportFormat;
import org.opensspr.api.AuditFilter;
import org.opensspr.api.Page;
import org.opensspr.api.SiemForwardingDto;

import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.LongConsumer;

/** The audit log's calls (the console's Audit logs view), from {@link OpenSsprClient#audit()}; need READ_AUDIT. */
public final class AuditCalls {
    private final ApiTransport transport;

    AuditCalls(ApiTransport transport) {
        this.transport = transport;
    }

    /** One page of the events {@code filter} selects, newest first, with the total. */
    public Page<AuditEventDto> events(AuditFilter filter, int page, int size) {
        List<String> query = parameters(filter);
        query.add("page=" + page);
        query.add("size=" + size);
        return transport.get(ApiPaths.BASE + "/audit?" + String.join("&", query),
                new TypeReference<Page<AuditEventDto>>() { });
    }

    /**
     * The page after the one whose {@link Page#next()} is {@code after} (its number is {@code page}): found from
     * that page's last event, however deep the log.
     */
    public Page<AuditEventDto> eventsAfter(AuditFilter filter, int page, String after, int size) {
        List<String> query = parameters(filter);
        query.add("page=" + page);
        query.add("size=" + size);
        query.add("after=" + ApiTransport.queryValue(after));
        return transport.get(ApiPaths.BASE + "/audit?" + String.join("&", query),
                new TypeReference<Page<AuditEventDto>>() { });
    }

    /**
     * Streams the events {@code filter} selects, oldest first, into {@code sink}, telling {@code received} the
     * bytes received so far. The server audits the export. A download the server had to cut short ends in an
     * {@link OpenSsprException} (never a complete-looking file).
     */
    public void export(AuditFilter filter, AuditExportFormat format, OutputStream sink, LongConsumer received) {
        Objects.requireNonNull(format, "format");
        List<String> query = parameters(filter);
        query.add("format=" + format.wire());
        transport.download(ApiPaths.BASE + "/audit/export?" + String.join("&", query), sink, received);
    }

    /** What the server's last verification of the tamper-evident chain found. */
    public AuditChainState chain() {
        return transport.get(ApiPaths.BASE + "/audit/chain", AuditChainState.class);
    }

    /** Where forwarding the audit log to the SIEM stands ({@code configured} false: it isn't forwarded). */
    public SiemForwardingDto siem() {
        return transport.get(ApiPaths.BASE + "/audit/siem", SiemForwardingDto.class);
    }

    private static List<String> parameters(AuditFilter filter) {
        List<String> query = new ArrayList<>();
        if (filter.activity() != null) {
            query.add("activity=" + ApiTransport.queryValue(filter.activity().entraName()));
        }
        if (filter.actor() != null) {
            query.add("actor=" + ApiTransport.queryValue(filter.actor()));
        }
        if (filter.target() != null) {
            query.add("target=" + ApiTransport.queryValue(filter.target()));
        }
        if (filter.result() != null) {
            query.add("result=" + filter.result().name());
        }
        add(query, "from", filter.from());
        add(query, "to", filter.to());
        return query;
    }

    private static void add(List<String> query, String name, Instant value) {
        if (value != null) {
            query.add(name + "=" + ApiTransport.queryValue(value.toString()));
        }
    }
}
