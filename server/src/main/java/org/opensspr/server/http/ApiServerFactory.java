package org.opensspr.server.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.opensspr.api.ApiError;
import org.opensspr.api.ErrorCode;
import org.opensspr.api.Json;
import org.opensspr.server.crypto.HashingCapacity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Builds the Javalin app from a list of {@link ApiRoute}s (no static state): authentication and
 * access checks, strict bodies, size limits, JSON errors with stable codes for every failure, and
 * the OpenAPI document generated from the same routes.
 */
public final class ApiServerFactory {
    public static final String API_PREFIX = "/api/v1";
    private static final Logger LOG = LoggerFactory.getLogger(ApiServerFactory.class);
    /** A hashing slot frees every few tens of milliseconds; a second is long enough for a queue's worth. */
    private static final Duration BUSY_RETRY = Duration.ofSeconds(1);
    private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(30);

    /** Where and how to listen: TLS material, or null for plain HTTP (the caller ensures loopback). */
    public record Listener(String host, int port, KeyStore keyStore, char[] keyStorePassword) {
    }

    private final Authenticator authenticator;
    private final NetworkGate networkGate;
    private final java.time.Clock clock;
    private HashingCapacity hashing = new HashingCapacity(HashingCapacity.LEAST_REQUESTS);
    private RequestScope requestScope = RequestScope.NONE;
    private final RequestBodies bodies = new RequestBodies();

    public ApiServerFactory(Authenticator authenticator, NetworkGate networkGate) {
        this(authenticator, networkGate, java.time.Clock.systemUTC());
    }

    /** With the server's clock, so Retry-After agrees with the times the services compute. */
    public ApiServerFactory(Authenticator authenticator, NetworkGate networkGate, java.time.Clock clock) {
        this.authenticator = authenticator;
        this.networkGate = networkGate;
        this.clock = clock;
    }

    /** What each request runs inside, from its network check to its answer (nothing by default). */
    public ApiServerFactory requestScope(RequestScope scope) {
        this.requestScope = java.util.Objects.requireNonNull(scope, "scope");
        return this;
    }

    /** How many requests of hashing routes may be in at once (the server's hasher's; else the least). */
    public ApiServerFactory hashingCapacity(HashingCapacity capacity) {
        this.hashing = java.util.Objects.requireNonNull(capacity, "capacity");
        return this;
    }

    /** The OpenAPI document of these routes and of the route that serves it. */
    public static Map<String, Object> document(List<ApiRoute<?>> featureRoutes, String version) {
        return OpenApiDocument.of(withDocumentRoute(featureRoutes, null), version);
    }

    /**
     * An endpoint outside the JSON API and its document (the operators' {@code GET /metrics}): it answers in its own
     * format and checks its own access, but shares the listener, the common headers and the JSON error answers.
     */
    public record OutsideEndpoint(HandlerType method, String path, io.javalin.http.Handler handler) {
    }

    public Javalin create(List<ApiRoute<?>> featureRoutes, Listener listener, String version) {
        return create(featureRoutes, listener, version, List.of());
    }

    public Javalin create(List<ApiRoute<?>> featureRoutes, Listener listener, String version,
                          List<OutsideEndpoint> outside) {
        List<ApiRoute<?>> routes = new ArrayList<>(featureRoutes);
        routes.add(documentRoute(document(featureRoutes, version)));
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.concurrency.useVirtualThreads = true;
            config.http.prefer405over404 = true;
            config.jsonMapper(new JavalinJackson(Json.newMapper(), false));
            configureListener(config.jetty, listener);
            config.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorPages()));
            config.routes.before(ctx -> {
                ctx.header("X-Request-Id", requestId(ctx));
                ctx.header("Cache-Control", "no-store");
                ctx.header("X-Content-Type-Options", "nosniff");
            });
            for (ApiRoute<?> route : routes) {
                config.routes.addHttpHandler(route.method(), API_PREFIX + route.path(), ctx -> execute(route, ctx));
            }
            for (OutsideEndpoint endpoint : outside) {
                config.routes.addHttpHandler(endpoint.method(), endpoint.path(), endpoint.handler());
            }
            config.routes.exception(ApiException.class, (e, ctx) -> writeError(ctx, e));
            config.routes.exception(HttpResponseException.class, (e, ctx) -> writeError(ctx, fromJavalin(e)));
            config.routes.exception(Exception.class, (e, ctx) -> {
                if (isPoolExhausted(e)) {
                    // Every pooled connection stayed busy for Database.POOL_WAIT: say so instead of hanging.
                    LOG.warn("Request {} {} found no free database connection [{}]", ctx.method(), ctx.path(), requestId(ctx));
                    writeError(ctx, new ApiException(ErrorCode.SERVICE_UNAVAILABLE,
                            "The server is busy; try again in a moment.", List.of(), clock.instant().plusSeconds(2)));
                    return;
                }
                LOG.error("Request {} {} failed [{}]", ctx.method(), ctx.path(), requestId(ctx), e);
                writeError(ctx, new ApiException(ErrorCode.INTERNAL_ERROR,
                        "The server could not complete the request; it has been logged as " + requestId(ctx) + "."));
            });
            config.routes.error(404, ctx -> {
                if (ctx.result() == null || ctx.result().isEmpty()) {
                    writeError(ctx, new ApiException(ErrorCode.NOT_FOUND, "No such resource: " + ctx.path()));
                }
            });
            config.routes.error(405, ctx -> writeError(ctx, new ApiException(ErrorCode.METHOD_NOT_ALLOWED,
                    ctx.method() + " is not allowed on " + ctx.path() + ".")));
        });
    }

    private <B> void execute(ApiRoute<B> route, Context ctx) throws Exception {
        LimitedBody limited = LimitedBody.of(ctx, route.maxBodyBytes());
        // Public routes ignore credentials: a stale token must not stop someone from signing in again.
        Principal principal = route.access() instanceof Access.Public
                ? Principal.ANONYMOUS : authenticator.authenticate(bearer(ctx), ctx.ip());
        checkAccess(route.access(), principal);
        Object result = requestScope.run(() -> handled(route, ctx, limited, principal));
        if (result == null) {
            ctx.status(route.successStatus() == 200 ? 204 : route.successStatus());
        } else if (result instanceof BinaryResponse binary) {
            writeBinary(ctx, route.successStatus(), binary);
        } else if (result instanceof StreamedResponse streamed) {
            writeStreamed(ctx, route.successStatus(), streamed);
        } else {
            ctx.status(route.successStatus()).json(result);
        }
    }

    private <B> Object handled(ApiRoute<B> route, Context ctx, LimitedBody limited, Principal principal)
            throws Exception {
        networkGate.check(route.access(), ctx.ip());
        if (route.bodyType() != null || route.bodyContentType() != null) {
            checkContentType(ctx, route.bodyType() != null ? "application/json" : route.bodyContentType());
        }
        // Routes that take no body read it too (within their limit), so the connection serves the next request.
        byte[] raw = limited.read();
        B body = route.bodyType() != null ? bodies.read(raw, route.bodyType()) : null;
        Request<B> request = new Request<>(ctx, body, raw, principal,
                route.queryParams().stream().map(QueryParam::name).collect(java.util.stream.Collectors.toSet()));
        try {
            return switch (route.hashing()) {
                // The last check before the handler, so a busy answer follows nothing the handler would have done.
                case AT_THE_DOOR -> hashing.admit(() -> route.handler().handle(request));
                case WHERE_IT_HASHES -> hashing.letTheHandlerAdmit(() -> route.handler().handle(request));
                case NONE -> HashingCapacity.withoutHashing(() -> route.handler().handle(request));
            };
        } catch (HashingCapacity.Busy busy) {
            throw new ApiException(ErrorCode.BUSY, ErrorCode.BUSY.defaultMessage(), List.of(),
                    clock.instant().plus(BUSY_RETRY));
        }
    }

    private static void writeStreamed(Context ctx, int status, StreamedResponse streamed) {
        ctx.status(status).contentType(streamed.contentType())
                .header("Content-Disposition", "attachment; filename=\"" + streamed.fileName() + "\"");
        try {
            OutputStream out = ctx.outputStream();
            streamed.body().writeTo(out);
            out.close();
        } catch (IOException | RuntimeException e) {
            // Part of the body may be gone already, so no error answer can follow it: the connection is cut
            // instead, without the final chunk, and the client sees an incomplete download.
            LOG.warn("Streaming {} {} stopped [{}]: {}", ctx.method(), ctx.path(), requestId(ctx), e.toString());
            ServletContextRequest.getServletContextRequest(ctx.req()).getServletChannel().abort(e);
        }
    }

    private static void writeBinary(Context ctx, int status, BinaryResponse binary) {
        if (binary.cacheControl() != null) {
            ctx.header("Cache-Control", binary.cacheControl());
        }
        if (binary.etag() != null) {
            ctx.header("ETag", binary.etag());
            if (binary.matches(ctx.header("If-None-Match"))) {
                ctx.status(304);
                return;
            }
        }
        ctx.status(status).contentType(binary.contentType()).result(binary.bytes());
    }

    private static void checkAccess(Access access, Principal principal) {
        switch (access) {
            case Access.Public p -> {
            }
            case Access.SelfService s -> {
            }
            case Access.KioskDevice k -> {
                if (!(principal instanceof Principal.Kiosk)) {
                    throw new ApiException(ErrorCode.UNAUTHENTICATED, "This call is for enrolled kiosks.");
                }
            }
            case Access.AnyAdmin a -> {
                if (!(principal instanceof Principal.Admin)) {
                    throw new ApiException(ErrorCode.UNAUTHENTICATED, "Sign in as an administrator first.");
                }
            }
            case Access.AdminWith a -> {
                if (!(principal instanceof Principal.Admin admin)) {
                    throw new ApiException(ErrorCode.UNAUTHENTICATED, "Sign in as an administrator first.");
                }
                if (!admin.may(a.permission())) {
                    throw new ApiException(ErrorCode.FORBIDDEN, "Your role doesn't allow this ("
                            + a.permission().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ").");
                }
            }
        }
    }

    /** {@code expected} may list several media types, separated by commas. */
    private static void checkContentType(Context ctx, String expected) {
        // The raw header: Jetty's parsed view throws on an unknown charset, which is the client's mistake.
        String type = ctx.header("Content-Type");
        List<String> accepted = ApiRoute.mediaTypes(expected);
        if (type == null || accepted.stream().noneMatch(type.toLowerCase(Locale.ROOT)::startsWith)) {
            throw new ApiException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Send the body as "
                    + String.join(" or ", accepted) + ".");
        }
    }

    private static boolean isPoolExhausted(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLTransientConnectionException) {
                return true;
            }
        }
        return false;
    }

    private static String bearer(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = header.substring(7).strip();
        return token.isEmpty() ? null : token;
    }

    private static ApiException fromJavalin(HttpResponseException e) {
        ErrorCode code = switch (e.getStatus()) {
            case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
            case 404 -> ErrorCode.NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            case 401 -> ErrorCode.UNAUTHENTICATED;
            case 403 -> ErrorCode.FORBIDDEN;
            default -> e.getStatus() >= 500 ? ErrorCode.INTERNAL_ERROR : ErrorCode.INVALID_VALUE;
        };
        return new ApiException(code, code.defaultMessage());
    }

    private void writeError(Context ctx, ApiException e) {
        ApiError error = e.toError(requestId(ctx));
        if (e.retryAfter() != null) {
            long seconds = Math.max(1, Duration.between(clock.instant(), e.retryAfter()).toSeconds());
            ctx.header("Retry-After", String.valueOf(seconds));
        }
        // A body too large to drop is left unread: answered at once, then the connection is closed.
        LimitedBody body = LimitedBody.of(ctx);
        if (body.mayStillArrive() && !body.dropRest()) {
            ClosingAnswer.send(ctx, e.code().httpStatus(),
                    ctx.jsonMapper().toJsonString(error, ApiError.class).getBytes(StandardCharsets.UTF_8));
        } else {
            ctx.status(e.code().httpStatus()).json(error);
        }
    }

    private static String requestId(Context ctx) {
        String id = ctx.attribute("requestId");
        if (id == null) {
            id = UUID.randomUUID().toString();
            ctx.attribute("requestId", id);
        }
        return id;
    }

    private static List<ApiRoute<?>> withDocumentRoute(List<ApiRoute<?>> routes, Map<String, Object> document) {
        List<ApiRoute<?>> all = new ArrayList<>(routes);
        all.add(documentRoute(document));
        return all;
    }

    private static ApiRoute<?> documentRoute(Map<String, Object> document) {
        return ApiRoute.route(HandlerType.GET, "/openapi.json", "This document", Access.PUBLIC)
                .returns(Map.class).handle(request -> document);
    }

    private static void configureListener(io.javalin.config.JettyConfig jetty, Listener listener) {
        jetty.host = listener.host();
        jetty.port = listener.port();
        jetty.addConnector((server, httpConfiguration) -> {
            ServerConnector connector;
            if (listener.keyStore() == null) {
                connector = new ServerConnector(server, new HttpConnectionFactory(httpConfiguration));
            } else {
                SslContextFactory.Server tls = new SslContextFactory.Server();
                tls.setKeyStore(listener.keyStore());
                tls.setKeyStorePassword(new String(listener.keyStorePassword()));
                tls.setIncludeProtocols("TLSv1.3", "TLSv1.2");
                // The certificate is self-signed for the host's names; clients pin it instead of checking SNI.
                httpConfiguration.addCustomizer(new SecureRequestCustomizer(false));
                connector = new ServerConnector(server, new SslConnectionFactory(tls, "http/1.1"),
                        new HttpConnectionFactory(httpConfiguration));
            }
            connector.setHost(listener.host());
            connector.setPort(listener.port());
            connector.setIdleTimeout(IDLE_TIMEOUT.toMillis());
            return connector;
        });
    }
}
