package org.opensspr.client;

import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.BufferedSink;

import java.io.IOException;
import java.util.function.LongConsumer;

/** A body sent as is, not as JSON, in chunks so a large upload can show its progress. */
record RawBody(byte[] bytes, MediaType type, LongConsumer sent) {
    private static final int CHUNK = 64 * 1024;

    RequestBody requestBody() {
        return new RequestBody() {
            @Override
            public MediaType contentType() {
                return type;
            }

            @Override
            public long contentLength() {
                return bytes.length;
            }

            @Override
            public void writeTo(BufferedSink sink) throws IOException {
                // OkHttp may write a body twice (a retry on a fresh connection): progress then starts over.
                for (int offset = 0; offset < bytes.length; offset += CHUNK) {
                    int length = Math.min(CHUNK, bytes.length - offset);
                    sink.write(bytes, offset, length);
                    sink.flush();
                    sent.accept(offset + length);
                }
            }
        };
    }
}
