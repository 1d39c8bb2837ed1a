package org.opensspr.server.http;

import io.javalin.http.HandlerType;
import org.opensspr.api.ErrorCode;

import java.lang.reflect.Type;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One endpoint, described once: the server registers it with Javalin from this description and
 * the OpenAPI document is generated from the same list, so the two cannot drift apart.
 *
 * @param bodyType     the JSON request body's record type, or null when the route takes none
 * @param responseType what a success returns (for the document), or null for 204
 * @param errors       error codes this route may answer with besides the ones every route may
 * @param maxBodyBytes a larger body gets 413, and no more than this of it is ever held ({@link LimitedBody})
 * @param hashing      whether and where the handler may compute a password hash: only once admitted by the
 *                     server's {@link org.opensspr.server.crypto.HashingCapacity}, else the answer is BUSY (ADR 28)
 */
public record ApiRoute<B>(HandlerType method, String path, String summary, Access access, Class<B> bodyType,
                          Type responseType, int successStatus, Set<ErrorCode> errors, int maxBodyBytes,
                          String bodyContentType, List<QueryParam> queryParams, Hashing hashing,
                          RouteHandler<B> handler) {
    public static final int DEFAULT_MAX_BODY = 64 * 1024;

    /** Whether a route's handler hashes, and where it is admitted to ({@link org.opensspr.server.crypto.HashingCapacity}). */
    public enum Hashing {
        /** Never: a hash asked for inside it is a programming error. */
        NONE,
        /** On every path: admitted at the door, before the handler runs. */
        AT_THE_DOOR,
        /**
         * On some paths only (a proof that hashes security answers, not a code): the handler asks for admission
         * where it is about to hash, before it changes anything ({@code HashingCapacity.admitHere}), so a call
         * that hashes nothing never waits for, nor is refused by, the hashes.
         */
        WHERE_IT_HASHES
    }

    public ApiRoute {
        errors = errors.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(errors));
        queryParams = List.copyOf(queryParams);
    }

    public static <B> Builder<B> route(HandlerType method, String path, String summary, Access access) {
        return new Builder<>(method, path, summary, access);
    }

    /** The media types a raw body may have: {@code "image/png, image/jpeg"} lists two. */
    public static List<String> mediaTypes(String bodyContentType) {
        return java.util.Arrays.stream(bodyContentType.split(",")).map(String::strip).filter(t -> !t.isEmpty())
                .toList();
    }

    /**
     * The error codes this route can answer with: its own, and those that come with what it accepts and
     * who may call it. METHOD_NOT_ALLOWED is no route's: it answers methods the document doesn't list.
     */
    public Set<ErrorCode> allErrors() {
        // Every route reads (and limits) a body, even one it ignores: a larger one is PAYLOAD_TOO_LARGE, one
        // that breaks off BAD_REQUEST. A full connection pool is SERVICE_UNAVAILABLE (Database.POOL_WAIT).
        EnumSet<ErrorCode> all = EnumSet.of(ErrorCode.INTERNAL_ERROR, ErrorCode.SERVICE_UNAVAILABLE,
                ErrorCode.PAYLOAD_TOO_LARGE, ErrorCode.BAD_REQUEST);
        all.addAll(errors);
        if (hashing != Hashing.NONE) {
            all.add(ErrorCode.BUSY);
        }
        if (path.contains("{")) {
            all.add(ErrorCode.NOT_FOUND);
        }
        if (!queryParams.isEmpty()) {
            all.addAll(List.of(ErrorCode.INVALID_VALUE, ErrorCode.WRONG_TYPE));
        }
        if (bodyContentType != null) {
            all.addAll(List.of(ErrorCode.UNSUPPORTED_MEDIA_TYPE, ErrorCode.PAYLOAD_TOO_LARGE));
        }
        if (bodyType != null) {
            all.addAll(List.of(ErrorCode.MALFORMED_JSON, ErrorCode.MISSING_FIELD, ErrorCode.WRONG_TYPE,
                    ErrorCode.INVALID_VALUE, ErrorCode.UNSUPPORTED_MEDIA_TYPE, ErrorCode.PAYLOAD_TOO_LARGE,
                    ErrorCode.VALIDATION_FAILED));
        }
        // The kiosk network rule guards kiosk and self-service routes (OpenSsprServer's gate), never public ones.
        switch (access) {
            case Access.Public p -> {
            }
            case Access.SelfService s -> all.addAll(List.of(ErrorCode.KIOSK_NETWORK_DENIED, ErrorCode.UNAUTHENTICATED,
                    ErrorCode.KIOSK_REVOKED, ErrorCode.THROTTLED));
            case Access.KioskDevice k -> all.addAll(List.of(ErrorCode.UNAUTHENTICATED, ErrorCode.KIOSK_REVOKED,
                    ErrorCode.KIOSK_NETWORK_DENIED));
            case Access.AnyAdmin a -> all.addAll(List.of(ErrorCode.UNAUTHENTICATED, ErrorCode.SESSION_EXPIRED));
            case Access.AdminWith a -> all.addAll(List.of(ErrorCode.UNAUTHENTICATED, ErrorCode.SESSION_EXPIRED,
                    ErrorCode.FORBIDDEN));
        }
        return all;
    }

    public static final class Builder<B> {
        private final HandlerType method;
        private final String path;
        private final String summary;
        private final Access access;
        private Class<B> bodyType;
        private String bodyContentType;
        private Type responseType;
        private int successStatus = 200;
        private final Set<ErrorCode> errors = EnumSet.noneOf(ErrorCode.class);
        private int maxBodyBytes = DEFAULT_MAX_BODY;
        private final List<QueryParam> queryParams = new java.util.ArrayList<>();
        private Hashing hashing = Hashing.NONE;

        private Builder(HandlerType method, String path, String summary, Access access) {
            this.method = method;
            this.path = path;
            this.summary = summary;
            this.access = access;
        }

        @SuppressWarnings("unchecked")
        public <T> Builder<T> body(Class<T> type) {
            Builder<T> self = (Builder<T>) this;
            self.bodyType = type;
            return self;
        }

        /** A non-JSON body (e.g. text/csv, or several types comma-separated) read raw by the handler. */
        public Builder<B> rawBody(String contentType, int maxBytes) {
            this.bodyContentType = contentType;
            this.maxBodyBytes = maxBytes;
            return this;
        }

        public Builder<B> returns(Type type) {
            this.responseType = type;
            return this;
        }

        public Builder<B> status(int status) {
            this.successStatus = status;
            return this;
        }

        public Builder<B> errors(ErrorCode... codes) {
            errors.addAll(List.of(codes));
            return this;
        }

        /** Declares the query parameters the handler reads; reading an undeclared one is a programming error. */
        public Builder<B> query(QueryParam... params) {
            queryParams.addAll(List.of(params));
            return this;
        }

        public Builder<B> maxBody(int bytes) {
            this.maxBodyBytes = bytes;
            return this;
        }

        /** The handler may compute a password hash (a verification or a new one) on any path: {@link Hashing#AT_THE_DOOR}. */
        public Builder<B> hashing() {
            this.hashing = Hashing.AT_THE_DOOR;
            return this;
        }

        /** The handler hashes on some paths only, and asks for admission there: {@link Hashing#WHERE_IT_HASHES}. */
        public Builder<B> hashingWhereItHashes() {
            this.hashing = Hashing.WHERE_IT_HASHES;
            return this;
        }

        public ApiRoute<B> handle(RouteHandler<B> handler) {
            return new ApiRoute<>(method, path, summary, access, bodyType, responseType, successStatus, errors,
                    maxBodyBytes, bodyContentType, queryParams, hashing, handler);
        }
    }
}
