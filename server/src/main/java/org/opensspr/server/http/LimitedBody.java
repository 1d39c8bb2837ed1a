package org.opensspr.server.http;

import io.javalin.http.Context;
import org.opensspr.api.ErrorCode;

import java.io.IOException;
import java.io.InputStream;

/**
 * A request's body, read within its route's limit. A declared length over the limit is refused before a
 * byte is read, and a body without one (chunked) is read at most one byte past it, so nothing larger is
 * held. Of a refused body the server reads (and drops) no more than {@link #DROPPABLE} past the limit.
 */
final class LimitedBody {
    /** How far past the limit a refused body is read and dropped, so its connection serves the next request. */
    static final int DROPPABLE = 256 * 1024;
    private static final String ATTRIBUTE = LimitedBody.class.getName();

    private final Context ctx;
    private final int limit;
    private long bytesRead;
    private boolean readWhole;

    private LimitedBody(Context ctx, int limit) {
        this.ctx = ctx;
        this.limit = limit;
    }

    /** The body under its route's limit, kept with the request for answering an error. */
    static LimitedBody of(Context ctx, int limit) {
        LimitedBody body = new LimitedBody(ctx, limit);
        ctx.attribute(ATTRIBUTE, body);
        return body;
    }

    /** The body as its route saw it, or under the default limit when no route took the request. */
    static LimitedBody of(Context ctx) {
        LimitedBody body = ctx.attribute(ATTRIBUTE);
        return body != null ? body : new LimitedBody(ctx, ApiRoute.DEFAULT_MAX_BODY);
    }

    byte[] read() {
        if (ctx.req().getContentLengthLong() > limit) {
            throw tooLarge();
        }
        byte[] bytes;
        try {
            bytes = ctx.req().getInputStream().readNBytes(limit + 1);
        } catch (IOException e) {
            // The client went away or broke the chunked framing: there is no body to work with.
            throw new ApiException(ErrorCode.BAD_REQUEST, "The request body could not be read.");
        }
        bytesRead = bytes.length;
        if (bytes.length > limit) {
            throw tooLarge();
        }
        readWhole = true;
        return bytes;
    }

    /** Whether some of the body may still be on its way: it was not read whole and isn't declared empty. */
    boolean mayStillArrive() {
        return !readWhole && (ctx.req().getContentLengthLong() > 0 || ctx.header("Transfer-Encoding") != null);
    }

    /**
     * Reads and drops the rest of a refused body if it ends within {@link #DROPPABLE} past the limit;
     * false when it goes on (or is declared to), leaving the rest unread.
     */
    boolean dropRest() {
        long allowed = (long) limit + DROPPABLE - bytesRead;
        if (ctx.req().getContentLengthLong() - bytesRead > allowed) {
            return false;
        }
        try {
            InputStream in = ctx.req().getInputStream();
            byte[] buffer = new byte[8192];
            long left = allowed + 1;
            int n;
            while (left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) >= 0) {
                left -= n;
            }
            return left > 0;
        } catch (IOException e) {
            return false;
        }
    }

    private ApiException tooLarge() {
        String size = limit % (1024 * 1024) == 0 ? limit / (1024 * 1024) + " MiB" : limit / 1024 + " KiB";
        return new ApiException(ErrorCode.PAYLOAD_TOO_LARGE, "The request body is larger than " + size + ".");
    }
}
