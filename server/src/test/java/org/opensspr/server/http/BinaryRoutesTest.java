package org.opensspr.server.http;

import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Route-mapping tests: raw bodies of several media types, and binary answers with a strong ETag. */
class BinaryRoutesTest {
    private static final byte[] BYTES = {1, 2, 3, 4};
    private static final String TAG = "\"abc123\"";
    private final HttpClient http = HttpClient.newHttpClient();
    private Javalin app;

    @BeforeEach
    void start() {
        List<ApiRoute<?>> routes = List.of(
                ApiRoute.route(HandlerType.POST, "/echo", "Echo the media type", Access.PUBLIC)
                        .rawBody("image/png, image/jpeg", 16).returns(String.class)
                        .handle(r -> r.contentType() + ":" + r.rawBody().length),
                ApiRoute.route(HandlerType.GET, "/blob", "Bytes", Access.PUBLIC).returns(BinaryResponse.class)
                        .handle(r -> new BinaryResponse("image/png", BYTES, TAG, BinaryResponse.IMMUTABLE)));
        app = new ApiServerFactory((token, address) -> Principal.ANONYMOUS, NetworkGate.OPEN)
                .create(routes, new ApiServerFactory.Listener("127.0.0.1", 0, null, null), "test").start();
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            image/png,                 200, image/png:3
            image/jpeg; charset=x,     200, image/jpeg:3
            application/json; charset=nope, 415, UNSUPPORTED_MEDIA_TYPE
            image/gif,                 415, 'Send the body as image/png or image/jpeg.'
            application/json,          415, UNSUPPORTED_MEDIA_TYPE
            """)
    void rawBodiesOfEveryListedTypeAreAccepted(String type, int status, String answer) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/echo")).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[3])).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.body()).contains(answer);
    }

    @Test
    void aRawBodyOverItsLimitIsRefused() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/echo")).header("Content-Type", "image/png")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[17])).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("PAYLOAD_TOO_LARGE");
    }

    @Test
    void binaryAnswersCarryTheirTypeAndTagAndRevalidateWith304() throws Exception {
        HttpResponse<byte[]> first = http.send(HttpRequest.newBuilder(uri("/blob")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> again = http.send(HttpRequest.newBuilder(uri("/blob"))
                .header("If-None-Match", "\"other\", " + TAG).build(), HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> changed = http.send(HttpRequest.newBuilder(uri("/blob"))
                .header("If-None-Match", "\"other\"").build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).isEqualTo(BYTES);
        assertThat(first.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(first.headers().firstValue("ETag")).hasValue(TAG);
        assertThat(first.headers().firstValue("Cache-Control")).hasValue(BinaryResponse.IMMUTABLE);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.body()).isEqualTo(BYTES);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + app.port() + "/api/v1" + path);
    }
}
