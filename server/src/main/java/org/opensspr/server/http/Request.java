package org.opensspr.server.http;

import io.javalin.http.Context;
import org.opensspr.api.ErrorCode;

import java.util.Optional;

/** What a handler sees of a request: the parsed body, the principal and the parameters. */
public final class Request<B> {
    private final Context context;
    private final B body;
    private final byte[] rawBody;
    private final Principal principal;
    private final java.util.Set<String> declaredQuery;

    Request(Context context, B body, byte[] rawBody, Principal principal, java.util.Set<String> declaredQuery) {
        this.context = context;
        this.body = body;
        this.rawBody = rawBody;
        this.principal = principal;
        this.declaredQuery = declaredQuery;
    }

    public B body() {
        return body;
    }

    public Principal principal() {
        return principal;
    }

    /** The signed-in admin; the route's access rule already guaranteed there is one. */
    public Principal.Admin admin() {
        if (principal instanceof Principal.Admin admin) {
            return admin;
        }
        throw new ApiException(ErrorCode.UNAUTHENTICATED, "Sign in as an administrator first.");
    }

    public Principal.Kiosk kiosk() {
        if (principal instanceof Principal.Kiosk kiosk) {
            return kiosk;
        }
        throw new ApiException(ErrorCode.UNAUTHENTICATED, "This call is for enrolled kiosks.");
    }

    public String path(String name) {
        return context.pathParam(name);
    }

    public Optional<String> query(String name) {
        if (!declaredQuery.contains(name)) {
            // Keeps the OpenAPI document honest: a route documents every parameter it reads.
            throw new IllegalStateException("The route reads the undeclared query parameter '" + name + "'");
        }
        return Optional.ofNullable(context.queryParam(name)).filter(v -> !v.isBlank());
    }

    /** An enum query parameter, read as a body's enum is ({@link ApiEnums#parse}); empty when absent. */
    public <E extends Enum<E>> Optional<E> queryEnum(String name, Class<E> type) {
        return query(name).map(text -> ApiEnums.parse(type, name, text));
    }

    /** An integer query parameter within bounds, or the default when absent. */
    public int queryInt(String name, int defaultValue, int min, int max) {
        Optional<String> text = query(name);
        if (text.isEmpty()) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(text.get().strip());
            if (value < min || value > max) {
                throw ApiException.field(ErrorCode.INVALID_VALUE, name,
                        "'" + name + "' must be from " + min + " to " + max + ".");
            }
            return value;
        } catch (NumberFormatException e) {
            throw ApiException.field(ErrorCode.WRONG_TYPE, name, "'" + name + "' must be a whole number.");
        }
    }

    public String clientAddress() {
        return context.ip();
    }

    /** The request's media type without parameters, lower-cased ({@code image/png}), or "" when absent. */
    public String contentType() {
        String type = context.header("Content-Type");
        return type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
    }

    /** A request header's value, if sent. */
    public Optional<String> header(String name) {
        return Optional.ofNullable(context.header(name));
    }

    public byte[] rawBody() {
        return rawBody;
    }
}
