package org.opensspr.server.http;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.opensspr.api.ApiError;
import org.opensspr.api.ErrorCode;
import org.opensspr.api.Json;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.UUID;

/**
 * Requests Jetty refuses before any route sees them (a malformed URI, an ambiguous path, headers too
 * large) get the API's JSON error too, not Jetty's HTML page: every answer a client can receive has a code.
 * The answer ends the connection, and says so.
 */
final class JsonErrorPages extends ErrorHandler {
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = Json.newMapper();

    @Override
    protected void generateResponse(Request request, Response response, int status, String message, Throwable cause,
                                    Callback callback) throws java.io.IOException {
        ErrorCode code = switch (status) {
            case 404 -> ErrorCode.NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            default -> status >= 500 ? ErrorCode.INTERNAL_ERROR : ErrorCode.BAD_REQUEST;
        };
        ApiError error = new ApiError(code.name(), code.defaultMessage(), List.of(), UUID.randomUUID().toString(), null);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        // Jetty drops the connection after a request it refused (the request line or headers can't be trusted)
        // but doesn't say so; saying it keeps a client from sending its next request into a closed socket.
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
        response.write(true, ByteBuffer.wrap(JSON.writeValueAsBytes(error)), callback);
    }
}
