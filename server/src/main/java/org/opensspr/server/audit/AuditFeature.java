package org.opensspr.server.audit;

import com.fasterxml.jackson.core.type.TypeReference;
import io.javalin.http.HandlerType;
import org.opensspr.api.AuditActivity;
import org.opensspr.api.AuditChainState;
import org.opensspr.api.AuditEventDto;
import org.opensspr.api.AuditResult;
import org.opensspr.api.Page;
import org.opensspr.directory.Permission;
import org.opensspr.server.http.Access;
import org.opensspr.server.http.ApiRoute;
import org.opensspr.server.http.QueryParam;

import java.lang.reflect.Type;
import java.util.List;

/** {@code GET /audit}: the audit log for Reports readers and the other roles allowed to read it. */
public final class AuditFeature {
    static final int DEFAULT_PAGE_SIZE = 50;
    static final int MAX_PAGE_SIZE = 500;
    static final int MAX_PAGE = 10_000_000;
    private static final Type PAGE_OF_EVENTS = new TypeReference<Page<AuditEventDto>>() {
    }.getType();

    private final AuditLog auditLog;
    private final AuditChainMonitor chain;

    public AuditFeature(AuditLog auditLog, AuditChainMonitor chain) {
        this.auditLog = auditLog;
        this.chain = chain;
    }

    public List<ApiRoute<?>> routes() {
        return List.of(ApiRoute.route(HandlerType.GET, "/audit/chain",
                        "What the last verification of the tamper-evident audit chain found (it runs at start and"
                                + " hourly)", Access.admin(Permission.READ_AUDIT))
                        .returns(AuditChainState.class)
                        .handle(request -> chain.lastVerification()),
                ApiRoute.route(HandlerType.GET, "/audit",
                        "Audit events, newest first; filter by activity, actor, target, result and from/to time",
                        Access.admin(Permission.READ_AUDIT))
                .returns(PAGE_OF_EVENTS)
                .query(QueryParam.oneOf("activity", AuditActivity.class, "an audit activity, in Entra's wording"),
                        QueryParam.text("actor", "who acted (exact, any case)"),
                        QueryParam.text("target", "whom or what it concerned (exact, any case)"),
                        QueryParam.oneOf("result", AuditResult.class, "success or failure"),
                        QueryParam.instant("from", "inclusive start"),
                        QueryParam.instant("to", "exclusive end"))
                .query(QueryParam.paging())
                .handle(request -> auditLog.query(AuditQueryParameters.parse(request::query),
                        request.queryInt("page", 0, 0, MAX_PAGE),
                        request.queryInt("size", DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE))));
    }
}
