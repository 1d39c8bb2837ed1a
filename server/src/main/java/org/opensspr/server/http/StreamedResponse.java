package org.opensspr.server.http;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A success body written while it is sent, for downloads too large to hold (an audit export). Once the first
 * bytes left, a failure can't become an error answer: the server cuts the connection instead, so the client
 * sees an incomplete download rather than a complete-looking one.
 *
 * @param contentType the body's media type
 * @param fileName    the name a browser or the console offers to save it under
 */
public record StreamedResponse(String contentType, String fileName, Body body) {
    /** Writes the whole body; the stream is closed by the server afterwards. */
    @FunctionalInterface
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }
}
