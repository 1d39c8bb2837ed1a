package org.opensspr.server.http;

import io.javalin.http.Context;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.io.EndPoint;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;

/**
 * Answers a request whose body is still arriving, then closes the connection, in a way the client
 * reads the answer rather than a reset.
 *
 * <p>Closing a connection with unread bytes makes the kernel reset it, and a client still sending fails
 * its next write: java.net.http then drops an answer it has not yet read off the socket ("header parser
 * received no bytes"), which is what happened when Jetty closed right after the answer. So the answer
 * goes out whole with {@code Connection: close}, the output is shut (the answer is complete), and the
 * server reads nothing more: the client's sending stalls under TCP flow control while it reads the
 * answer. Only after {@link #CLOSE_DELAY} is the connection closed; OkHttp, which reads only once its
 * write fails, then finds the answer in its receive buffer.
 */
final class ClosingAnswer {
    /** Time for a busy client to read the answer (milliseconds, usually); only a far oversized request waits it. */
    static final Duration CLOSE_DELAY = Duration.ofSeconds(1);

    private ClosingAnswer() {
    }

    static void send(Context ctx, int status, byte[] json) {
        EndPoint connection = ServletContextRequest.getServletContextRequest(ctx.req())
                .getConnectionMetaData().getConnection().getEndPoint();
        HttpServletResponse response = ctx.res();
        response.setStatus(status);
        response.setHeader("Connection", "close");
        response.setContentType("application/json");
        response.setContentLength(json.length);
        try {
            OutputStream out = response.getOutputStream();
            out.write(json);
            out.close(); // the whole answer is written before the output is shut
            connection.shutdownOutput();
            Thread.sleep(CLOSE_DELAY);
        } catch (IOException clientGone) {
            // Nobody left to answer.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        connection.close();
    }
}
