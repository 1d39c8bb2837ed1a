package org.opensspr.server.tls;

import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensspr.api.BrandingAssetDto;
import org.opensspr.api.ErrorCode;
import org.opensspr.client.OpenSsprApiException;
import org.opensspr.client.OpenSsprClient;
import org.opensspr.server.http.Access;
import org.opensspr.server.http.ApiRoute;
import org.opensspr.server.http.ApiServerFactory;
import org.opensspr.server.http.NetworkGate;
import org.opensspr.server.http.Principal;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Over TLS, as kiosks and consoles connect, the project's client reads the 413 for a body far over the limit. */
class OversizedOverTlsTest {
    private static final int LIMIT = 64 * 1024;
    private static final int UPLOADS = 12;

    @TempDir
    Path data;
    private Javalin app;

    @AfterEach
    void stop() {
        app.stop();
    }

    @Test
    void thePinnedClientReadsPayloadTooLargeEveryTime() throws Exception {
        ServerCertificate certificate = ServerCertificate.inDataDirectory(data, List.of(), Clock.systemUTC());
        List<ApiRoute<?>> routes = List.of(ApiRoute.route(HandlerType.POST, "/branding/assets", "An upload",
                Access.PUBLIC).rawBody("image/png", LIMIT).returns(BrandingAssetDto.class)
                .handle(r -> new BrandingAssetDto("id", "image/png", 1, 1)));
        app = new ApiServerFactory((token, address) -> Principal.ANONYMOUS, NetworkGate.OPEN).create(routes,
                new ApiServerFactory.Listener("127.0.0.1", 0, certificate.keyStore(), certificate.password()),
                "test").start();
        byte[] farOver = new byte[LIMIT + 1024 * 1024];

        try (OpenSsprClient client = OpenSsprClient.builder().baseUrl("https://127.0.0.1:" + app.port())
                .pinnedCertificate(certificate.fingerprint().toString()).build();
             ExecutorService inFlight = Executors.newVirtualThreadPerTaskExecutor()) {
            // One request on its own first: Javalin sets itself up on the first one, not safely for several at once.
            assertThat(client.uploadBrandingAsset(new byte[LIMIT], "image/png").id()).isEqualTo("id");
            List<Future<ErrorCode>> uploads = IntStream.range(0, UPLOADS).mapToObj(i -> inFlight.submit(() ->
                    catchThrowableOfType(OpenSsprApiException.class,
                            () -> client.uploadBrandingAsset(farOver, "image/png")).code())).toList();

            for (Future<ErrorCode> upload : uploads) {
                assertThat(upload.get()).isEqualTo(ErrorCode.PAYLOAD_TOO_LARGE);
            }
            assertThat(client.uploadBrandingAsset(new byte[LIMIT], "image/png").id()).as("the next upload goes through")
                    .isEqualTo("id");
        }
    }
}
