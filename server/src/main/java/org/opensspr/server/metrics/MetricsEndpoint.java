package org.opensspr.server.metrics;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.opensspr.api.ErrorCode;
import org.opensspr.server.http.ApiException;
import org.opensspr.server.http.ApiServerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.Function;

/**
 * {@code GET /metrics}: the server's meters in the Prometheus text format, for a scraper this host trusts (see
 * {@link MetricsAccess}). It stands outside {@code /api/v1} and its OpenAPI document: its format and its readers
 * are Prometheus's, not the API's clients' (ADR 21). A refusal is the API's usual JSON error, with a reason only.
 */
public final class MetricsEndpoint {
    public static final String PATH = "/metrics";
    /** The text exposition format every Prometheus version reads. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    private static final Logger LOG = LoggerFactory.getLogger(MetricsEndpoint.class);

    private final PrometheusMeterRegistry registry;
    private final MetricsAccess access;
    private final Function<Context, String> clientAddress;

    public MetricsEndpoint(PrometheusMeterRegistry registry, MetricsAccess access) {
        // The connection's address, not ctx.ip(): no configured resolver or forwarding header may stand in for it.
        this(registry, access, ctx -> ctx.req().getRemoteAddr());
    }

    /** With the client's address read another way: tests play a scraper on another host, which loopback can't. */
    MetricsEndpoint(PrometheusMeterRegistry registry, MetricsAccess access, Function<Context, String> clientAddress) {
        this.registry = registry;
        this.access = access;
        this.clientAddress = clientAddress;
    }

    public ApiServerFactory.OutsideEndpoint endpoint() {
        return new ApiServerFactory.OutsideEndpoint(HandlerType.GET, PATH, this::serve);
    }

    private void serve(Context ctx) {
        String client = clientAddress.apply(ctx);
        MetricsAccess.Verdict verdict = access.decide(client, ctx.header("Authorization"));
        if (verdict != MetricsAccess.Verdict.ALLOWED) {
            // The address and the verdict only: a presented credential is never logged.
            LOG.debug("Refused a metrics scrape from {}: {}", client, verdict);
        }
        switch (verdict) {
            case ALLOWED -> ctx.contentType(CONTENT_TYPE).result(registry.scrape(CONTENT_TYPE));
            case NO_CREDENTIALS -> throw unauthenticated(ctx, "Scraping the metrics from another host needs the"
                    + " metrics token as a bearer credential.");
            case WRONG_CREDENTIALS -> throw unauthenticated(ctx, "That is not the metrics token.");
            case REMOTE_SCRAPES_OFF -> throw new ApiException(ErrorCode.FORBIDDEN,
                    "This server serves its metrics to its own host only.");
        }
    }

    private static ApiException unauthenticated(Context ctx, String reason) {
        ctx.header("WWW-Authenticate", "Bearer realm=\"metrics\"");
        return new ApiException(ErrorCode.UNAUTHENTICATED, reason);
    }
}
