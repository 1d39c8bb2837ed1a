package org.opensspr.server.audit;

import com.fasterxml.jackson.core.type.TypeReference;
import io.javalin.http.HandlerType;
import org.opensspr.api.AuditActivity;
import org.opensspr.api.AuditChainState;
import org.opensspr.api.AuditExportFormat;
import org.opensspr.api.AuditEventDto;
import org.opensspr.api.AuditResult;
import org.opensspr.api.Page;
import org.opensspr.api.SiemForwardingDto;
import org.opensspr.directory.Permission;
import org.opensspr.server.http.Access;
import org.opensspr.server.http.ApiRoute;
import org.opensspr.server.http.QueryParam;
import org.opensspr.server.http.Request;
import org.opensspr.server.http.StreamedResponse;

import java.lang.reflect.Type;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Supplier;

/** {@code GET /audit}: the audit log for Reports readers and the other roles allowed to read it. */
public final class AuditFeature {
    static final int DEFAULT_PAGE_SIZE = 50;
    static final int MAX_PAGE_SIZE = 500;
    static final int MAX_PAGE = 10_000_000;
    private static final DateTimeFormatter FILE_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);
    private static final Type PAGE_OF_EVENTS = new TypeReference<Page<AuditEventDto>>() {
    }.getType();

    private final AuditLog auditLog;
    private final AuditChainMonitor chain;
    private final AuditExport export;
    private final Clock clock;
    private final Supplier<SiemForwardingDto> siem;

    /** {@code siem} says where forwarding to the SIEM stands ({@link SiemForwardingDto#NOT_CONFIGURED}: none). */
    public AuditFeature(AuditLog auditLog, AuditChainMonitor chain, AuditExport export, Clock clock,
                        Supplier<SiemForwardingDto> siem) {
        this.auditLog = auditLog;
        this.chain = chain;
        this.export = export;
        this.clock = clock;
        this.siem = siem;
    }

    private static QueryParam[] filters() {
        return new QueryParam[] {QueryParam.oneOf("activity", AuditActivity.class, "an audit activity, in Entra's wording"),
                QueryParam.text("actor", "who acted (exact, any case)"),
                QueryParam.text("target", "whom or what it concerned (exact, any case)"),
                QueryParam.oneOf("result", AuditResult.class, "success or failure"),
                QueryParam.instant("from", "inclusive start"),
                QueryParam.instant("to", "exclusive end")};
    }

    /** Audits the export (who, which filter), then streams it; the file name carries the server's time. */
    private StreamedResponse export(Request<?> request) {
        AuditQuery query = AuditQueryParameters.parse(request::query);
        AuditExportFormat format = request.queryEnum("format", AuditExportFormat.class).orElse(AuditExportFormat.JSONL);
        auditLog.record(AuditEntry.success(AuditActivity.AUDIT_EXPORTED, request.admin().userPrincipalName(),
                "audit log").withDetails(format.wire() + ": " + query.describe()));
        String stamp = FILE_STAMP.format(clock.instant());
        return new StreamedResponse(format.mediaType() + "; charset=utf-8", "opensspr-audit-" + stamp + "."
                + format.wire(), out -> export.write(query, format, out));
    }

    public List<ApiRoute<?>> routes() {
        return List.of(ApiRoute.route(HandlerType.GET, "/audit/chain",
                        "What the last verification of the tamper-evident audit chain found (it runs at start and"
                                + " hourly)", Access.admin(Permission.READ_AUDIT))
                        .returns(AuditChainState.class)
                        .handle(request -> chain.lastVerification()),
                ApiRoute.route(HandlerType.GET, "/audit/siem",
                        "Where forwarding the audit log to the SIEM stands: the collector, the last event it"
                                + " received, how many wait and the last error", Access.admin(Permission.READ_AUDIT))
                        .returns(SiemForwardingDto.class)
                        .handle(request -> siem.get()),
                ApiRoute.route(HandlerType.GET, "/audit/export",
                                "The audit events a filter selects, oldest first, streamed as JSON Lines or CSV;"
                                        + " the export itself is audited", Access.admin(Permission.READ_AUDIT))
                        .returns(StreamedResponse.class)
                        .query(filters())
                        .query(QueryParam.oneOf("format", AuditExportFormat.class, "jsonl (default) or csv"))
                        .handle(this::export),
                ApiRoute.route(HandlerType.GET, "/audit",
                        "Audit events, newest first; filter by activity, actor, target, result and from/to time; a page"
                                + " counts its total up to 10,000 and beyond says it is not exact",
                        Access.admin(Permission.READ_AUDIT))
                .returns(PAGE_OF_EVENTS)
                .query(filters())
                .query(QueryParam.paging())
                .query(QueryParam.text("after", "a page's 'next' cursor: the page after it (instead of 'page')"))
                .handle(request -> auditLog.query(AuditQueryParameters.parse(request::query),
                        request.queryInt("page", 0, 0, MAX_PAGE),
                        request.queryInt("size", DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE),
                        request.query("after").orElse(""))));
    }
}
