package org.opensspr.client;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import okhttp3.Call;
import okhttp3.Connection;
import okhttp3.EventListener;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.opensspr.api.ApiError;
import org.opensspr.api.ApiPaths;
import org.opensspr.api.ErrorCode;

import javax.net.ssl.SSLException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

/**
 * The generic core under the typed client methods: JSON in, JSON out, and every failure turned into
 * an {@link OpenSsprException}. Typed methods stay one line: {@code transport.get(PATH, Dto.class)}.
 * Thread-safe; one {@link OkHttpClient} (connection pool, threads) per transport.
 */
final class ApiTransport implements AutoCloseable {

    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    /** Error bodies are small; more than this is not an {@link ApiError} (and is not read). */
    private static final long MAX_ERROR_BODY = 64 * 1024;
    private static final String HEX = "0123456789ABCDEF";
    private static final EventListener CONNECTION_TRACKER = new ConnectionTracker();

    private final OkHttpClient http;
    private final ObjectMapper mapper;
    private final String baseUrl;
    private final String userAgent;
    private final Supplier<String> bearerToken;
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * @param baseUrl     the server's base URL without a trailing slash; paths are appended to it
     * @param bearerToken the token to send as {@code Authorization: Bearer}, asked for on every call;
     *                    returns null when there is none
     */
    ApiTransport(OkHttpClient.Builder http, ObjectMapper mapper, String baseUrl, String userAgent,
                 Supplier<String> bearerToken) {
        this.http = http.eventListener(CONNECTION_TRACKER).build();
        this.mapper = mapper;
        this.baseUrl = baseUrl;
        this.userAgent = userAgent;
        this.bearerToken = bearerToken;
    }

    <T> T get(String path, Class<T> responseType) {
        return exchange("GET", path, null, type(responseType));
    }

    <T> T get(String path, TypeReference<T> responseType) {
        return exchange("GET", path, null, type(responseType));
    }

    <T> T post(String path, Object body, Class<T> responseType) {
        return exchange("POST", path, body, type(responseType));
    }

    <T> T post(String path, Object body, TypeReference<T> responseType) {
        return exchange("POST", path, body, type(responseType));
    }

    <T> T put(String path, Object body, Class<T> responseType) {
        return exchange("PUT", path, body, type(responseType));
    }

    <T> T put(String path, Object body, TypeReference<T> responseType) {
        return exchange("PUT", path, body, type(responseType));
    }

    <T> T patch(String path, Object body, Class<T> responseType) {
        return exchange("PATCH", path, body, type(responseType));
    }

    /** Sends raw bytes of the given media type (an image upload) and reads JSON back. */
    <T> T postBytes(String path, byte[] bytes, String mediaType, Class<T> responseType) {
        return postBytes(path, bytes, mediaType, sent -> { }, responseType);
    }

    /** As {@link #postBytes(String, byte[], String, Class)}, telling {@code sent} how many bytes went out so far. */
    <T> T postBytes(String path, byte[] bytes, String mediaType, LongConsumer sent, Class<T> responseType) {
        return exchange("POST", path, new RawBody(bytes, MediaType.get(mediaType), sent), type(responseType));
    }

    /** Reads a binary answer (an image) whole. */
    byte[] getBytes(String path) {
        return exchange("GET", path, null, type(byte[].class));
    }

    /**
     * Streams a successful answer's body into {@code sink} as it arrives (a download too large to hold), telling
     * {@code received} the bytes so far; an error answer is thrown as any other call's.
     */
    void download(String path, OutputStream sink, LongConsumer received) {
        if (closed.get()) {
            throw new IllegalStateException("This OpenSsprClient is closed");
        }
        CallState state = new CallState();
        Call call = http.newCall(request("GET", path, null).tag(CallState.class, state).build());
        // A download may rightly take longer than any call: only the read timeout (a stalled server) applies.
        call.timeout().timeout(0, java.util.concurrent.TimeUnit.SECONDS);
        try (Response response = call.execute()) {
            if (!response.isSuccessful()) {
                read("GET", path, response, type(Void.class));
                return;
            }
            try (InputStream body = response.body().byteStream()) {
                byte[] buffer = new byte[64 * 1024];
                long total = 0;
                for (int n; (n = body.read(buffer)) >= 0; ) {
                    write(sink, buffer, n);
                    total += n;
                    received.accept(total);
                }
            }
        } catch (IOException e) {
            throw unreachable(e, call, state);
        }
    }

    /** A failing sink (a full disk) is the caller's problem, not an unreachable server. */
    private static void write(OutputStream sink, byte[] buffer, int length) {
        try {
            sink.write(buffer, 0, length);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    <T> T delete(String path, Class<T> responseType) {
        return exchange("DELETE", path, null, type(responseType));
    }

    <T> T delete(String path, TypeReference<T> responseType) {
        return exchange("DELETE", path, null, type(responseType));
    }

    /**
     * Percent-encodes one path segment, for ids and names put into a path: {@code "/users/" + segment(id)}.
     * Everything but unreserved characters (RFC 3986) is encoded, so a value can't add segments or a query.
     *
     * @throws IllegalArgumentException for "", "." and "..", which can't be sent as a segment (URL
     *                                  parsers resolve dot segments even when percent-encoded)
     */
    static String segment(String value) {
        if (value.isEmpty() || value.equals(".") || value.equals("..")) {
            throw new IllegalArgumentException("Not usable as a path segment: \"" + value + "\"");
        }
        return percentEncoded(value);
    }

    /** Percent-encodes a query parameter's value the same way, so it can't end the value or add parameters. */
    static String queryValue(String value) {
        return percentEncoded(value);
    }

    private static String percentEncoded(String value) {
        StringBuilder encoded = new StringBuilder(value.length());
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                encoded.append(c);
            } else {
                encoded.append('%').append(HEX.charAt((b >> 4) & 0xf)).append(HEX.charAt(b & 0xf));
            }
        }
        return encoded.toString();
    }

    String baseUrl() {
        return baseUrl;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            // Calls in flight finish; idle connections close and no new calls start.
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }

    private JavaType type(Class<?> type) {
        return mapper.getTypeFactory().constructType(type);
    }

    private JavaType type(TypeReference<?> type) {
        return mapper.getTypeFactory().constructType(type);
    }

    /** Makes the call, again when the server says BUSY ({@link BusyRetry}). */
    private <T> T exchange(String method, String path, Object body, JavaType responseType) {
        return BusyRetry.call(() -> exchangeOnce(method, path, body, responseType));
    }

    private <T> T exchangeOnce(String method, String path, Object body, JavaType responseType) {
        if (closed.get()) {
            throw new IllegalStateException("This OpenSsprClient is closed");
        }
        CallState state = new CallState();
        Call call = http.newCall(request(method, path, body).tag(CallState.class, state).build());
        try (Response response = call.execute()) {
            return read(method, path, response, responseType);
        } catch (IOException e) {
            throw unreachable(e, call, state);
        }
    }

    private Request.Builder request(String method, String path, Object body) {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("Paths start with '/': " + path);
        }
        HttpUrl url = HttpUrl.parse(baseUrl + path);
        if (url == null) {
            throw new IllegalArgumentException("Not a valid path: " + path);
        }
        Request.Builder request = new Request.Builder()
                .url(url)
                .header("Accept", "application/json")
                .header("User-Agent", userAgent);
        String token = bearerToken.get();
        if (token != null && !token.isBlank()) {
            request.header("Authorization", "Bearer " + token);
        }
        RequestBody requestBody = null;
        if (body instanceof RawBody raw) {
            requestBody = raw.requestBody();
        } else if (body != null) {
            try {
                requestBody = RequestBody.create(mapper.writeValueAsBytes(body), JSON);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("Cannot write a " + body.getClass().getSimpleName() + " as JSON", e);
            }
        } else if (method.equals("POST") || method.equals("PUT")) {
            requestBody = RequestBody.EMPTY;
        }
        return request.method(method, requestBody);
    }

    private <T> T read(String method, String path, Response response, JavaType type) throws IOException {
        int status = response.code();
        if (status >= 200 && status < 300) {
            if (type.getRawClass() == Void.class) {
                return null;
            }
            byte[] bytes = response.body().bytes();
            if (type.getRawClass() == byte[].class) {
                @SuppressWarnings("unchecked")
                T raw = (T) bytes;
                return raw;
            }
            String what = type.getRawClass().getSimpleName();
            if (bytes.length == 0) {
                throw unexpected(status, method, path, response, "an empty body instead of " + what + " JSON");
            }
            T value;
            try {
                value = mapper.readValue(bytes, type);
            } catch (JsonProcessingException e) {
                // Jackson's own message may quote the body, which may hold secrets: say only where it broke.
                throw unexpected(status, method, path, response, "a body that is not " + what + " JSON (" + where(e) + ")");
            }
            if (value == null) {
                throw unexpected(status, method, path, response, "null instead of " + what + " JSON");
            }
            return value;
        }
        if (status >= 400 && status < 600) {
            throw new OpenSsprApiException(status, apiError(response));
        }
        throw unexpected(status, method, path, response, "a status that is neither success nor error");
    }

    private UnexpectedResponseException unexpected(int status, String method, String path, Response response,
                                                   String what) {
        String contentType = response.header("Content-Type");
        return new UnexpectedResponseException(status, "The server at " + baseUrl + " answered " + method + " "
                + pathOnly(path) + " with HTTP " + status + " and " + what
                + (contentType == null ? "" : "; content type " + contentType)
                + ". Is this the URL of an OpenSSPR server of a matching version?");
    }

    /** The server's error body, or one derived from the status when the body is not an {@link ApiError}. */
    private ApiError apiError(Response response) {
        int status = response.code();
        ApiError error = null;
        try {
            byte[] bytes = response.peekBody(MAX_ERROR_BODY).bytes();
            if (bytes.length > 0 && bytes.length < MAX_ERROR_BODY) {
                error = mapper.readValue(bytes, ApiError.class);
            }
        } catch (IOException notAnApiError) {
            // An HTML page from a proxy, a truncated body, …: fall back to the status below.
        }
        if (error == null) {
            error = ApiError.of(ErrorCode.forStatus(status));
        } else if (error.code() == null || error.code().isBlank()) {
            ErrorCode derived = ErrorCode.forStatus(status);
            error = new ApiError(derived.wire(), error.message() != null ? error.message() : derived.defaultMessage(),
                    error.fieldErrors(), error.requestId(), error.retryAfter());
        } else if (error.message() == null) {
            error = new ApiError(error.code(), error.errorCode().defaultMessage(), error.fieldErrors(),
                    error.requestId(), error.retryAfter());
        }
        if (error.requestId() == null && response.header(ApiPaths.REQUEST_ID_HEADER) != null) {
            error = error.withRequestId(response.header(ApiPaths.REQUEST_ID_HEADER));
        }
        if (error.retryAfter() == null) {
            Instant retryAt = retryAfter(response.header("Retry-After"), Instant.now());
            if (retryAt != null) {
                error = error.withRetryAfter(retryAt);
            }
        }
        return error;
    }

    /** Reads a {@code Retry-After} header: delay seconds or an HTTP date; null when absent or unreadable. */
    static Instant retryAfter(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.strip();
        try {
            long seconds = Long.parseLong(value);
            return seconds < 0 ? null : now.plus(Duration.ofSeconds(seconds));
        } catch (NumberFormatException notSeconds) {
            try {
                return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    private OpenSsprException unreachable(IOException e, Call call, CallState state) {
        ServerTrust.PinMismatch mismatch = find(e, ServerTrust.PinMismatch.class);
        if (mismatch != null) {
            return new CertificatePinMismatchException(mismatch.expected, mismatch.presented, baseUrl, e);
        }
        ServerTrust.Untrusted untrusted = find(e, ServerTrust.Untrusted.class);
        if (untrusted != null) {
            return new TlsFailureException(baseUrl, untrusted.presented, e);
        }
        // Only the call timeout cancels a call: nothing else in this client does.
        if (call.isCanceled()) {
            return new ServerUnreachableException(ServerUnreachableException.Reason.CALL_TIMEOUT, baseUrl, e);
        }
        SSLException tls = find(e, SSLException.class);
        if (tls != null) {
            return new TlsFailureException(baseUrl, null, tls);
        }
        ServerUnreachableException.Reason reason;
        if (find(e, UnknownHostException.class) != null) {
            reason = ServerUnreachableException.Reason.UNKNOWN_HOST;
        } else if (find(e, NoRouteToHostException.class) != null) {
            reason = ServerUnreachableException.Reason.NO_ROUTE;
        } else if (find(e, ConnectException.class) != null) {
            reason = ServerUnreachableException.Reason.CONNECTION_REFUSED;
        } else if (find(e, SocketTimeoutException.class) != null) {
            reason = state.connected
                    ? ServerUnreachableException.Reason.READ_TIMEOUT
                    : ServerUnreachableException.Reason.CONNECT_TIMEOUT;
        } else {
            reason = ServerUnreachableException.Reason.CONNECTION_FAILED;
        }
        return new ServerUnreachableException(reason, baseUrl, e);
    }

    private static <X extends Throwable> X find(Throwable thrown, Class<X> type) {
        Throwable t = thrown;
        for (int depth = 0; t != null && depth < 32; depth++, t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String where(JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        String kind = e.getClass().getSimpleName();
        return location == null ? kind : kind + " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static String pathOnly(String path) {
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }

    /** Whether a call got as far as a connection: tells a connect timeout from a read timeout. */
    private static final class CallState {
        volatile boolean connected;
    }

    private static final class ConnectionTracker extends EventListener {
        @Override
        public void connectionAcquired(Call call, Connection connection) {
            CallState state = call.request().tag(CallState.class);
            if (state != null) {
                state.connected = true;
            }
        }
    }
}
