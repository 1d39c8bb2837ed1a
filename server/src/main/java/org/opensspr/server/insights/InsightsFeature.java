package org.opensspr.server.insights;

import io.javalin.http.HandlerType;
import org.opensspr.api.ErrorCode;
import org.opensspr.api.InsightsDto;
import org.opensspr.directory.Permission;
import org.opensspr.server.http.Access;
import org.opensspr.server.http.ApiRoute;
import org.opensspr.server.http.QueryParam;

import java.util.List;

/** {@code GET /insights}: the console's Usage & insights view, for Reports readers (READ_INSIGHTS). */
public final class InsightsFeature {
    private final InsightsReport report;

    public InsightsFeature(InsightsReport report) {
        this.report = report;
    }

    private static QueryParam day(String name, String description) {
        return new QueryParam(name, "string", "date", List.of(), description);
    }

    public List<ApiRoute<?>> routes() {
        return List.of(ApiRoute.route(HandlerType.GET, "/insights",
                        "Usage & insights for whole days in a time zone (at most 366): registration now, resets,"
                                + " unlocks and blocks per day, verifications per method, the ten most frequent"
                                + " failure reasons, users blocked now and time to reset",
                        Access.admin(Permission.READ_INSIGHTS))
                .returns(InsightsDto.class)
                .query(day("from", "the first day, YYYY-MM-DD (in zone)"),
                        day("to", "the last day, inclusive, YYYY-MM-DD (in zone)"),
                        QueryParam.text("zone", "an IANA time zone, e.g. Europe/Berlin"))
                .errors(ErrorCode.VALIDATION_FAILED)
                .handle(request -> report.report(InsightsRange.parse(request.query("from"), request.query("to"),
                        request.query("zone")))));
    }
}
