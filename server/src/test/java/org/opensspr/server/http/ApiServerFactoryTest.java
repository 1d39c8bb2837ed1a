package org.opensspr.server.http;

import io.javalin.Javalin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opensspr.server.db.Database;
import org.opensspr.server.db.TestDatabases;
import org.opensspr.server.health.HealthFeature;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

class ApiServerFactoryTest {
    private Database db;
    private Javalin app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.stop();
        }
        if (db != null) {
            db.close();
        }
    }

    @Test
    void listensOnlyWhereToldAndAnswersJson() throws Exception {
        db = TestDatabases.H2.fresh();
        app = new ApiServerFactory((token, address) -> Principal.ANONYMOUS, NetworkGate.OPEN)
                .create(new HealthFeature(db, "test").routes(),
                        new ApiServerFactory.Listener("127.0.0.1", 0, null, null), "test").start();
        int port = app.port();
        HttpClient http = HttpClient.newHttpClient();

        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> missing = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/nope")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("\"code\":\"NOT_FOUND\"");
        assertThat(app.jettyServer().server().getConnectors()).hasSize(1);
    }
}
