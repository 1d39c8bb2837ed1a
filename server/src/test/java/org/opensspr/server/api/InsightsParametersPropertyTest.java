package org.opensspr.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.opensspr.api.Json;
import org.opensspr.directory.Role;
import org.opensspr.server.db.TestDatabases;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** Whatever is sent as from, to and zone, {@code GET /insights} answers a report or VALIDATION_FAILED: never a 500. */
class InsightsParametersPropertyTest {
    private static final ObjectMapper JSON = Json.newMapper();
    private static InProcessServer server;
    private static String token;

    @BeforeContainer
    static void start() {
        server = InProcessServer.start(TestDatabases.H2);
        token = TestAdmins.signIn(server, Role.REPORTS_READER);
    }

    @AfterContainer
    static void stop() {
        server.close();
    }

    @Property(tries = 300)
    void anyParametersGiveAReportOrNameTheWrongOne(@ForAll("days") String from, @ForAll("days") String to,
                                                   @ForAll("zones") String zone) throws Exception {
        var response = server.get("/api/v1/insights?from=" + encode(from) + "&to=" + encode(to) + "&zone="
                + encode(zone), token);
        JsonNode body = JSON.readTree(response.body());

        assertThat(response.statusCode()).as(response.body()).isIn(200, 422);
        if (response.statusCode() == 422) {
            assertThat(body.path("code").asText()).isEqualTo("VALIDATION_FAILED");
            assertThat(body.path("fieldErrors").findValuesAsText("field")).hasSize(1).first()
                    .isIn("from", "to", "zone");
        } else {
            assertThat(body.path("days").size()).isBetween(1, 366);
        }
    }

    @Provide
    Arbitrary<String> days() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(30),
                Arbitraries.integers().between(-1_000, 1_000).map(d -> LocalDate.of(2026, 6, 1).plusDays(d).toString()),
                Arbitraries.of("0000-01-01", "+999999999-12-31", "-999999999-01-01", "9999-12-31", "1999-12-31",
                        "2026-02-29", "2024-02-29", " 2026-01-01 ", ""));
    }

    @Provide
    Arbitrary<String> zones() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(80),
                Arbitraries.of("Europe/Berlin", "Asia/Kolkata", "Pacific/Chatham", "America/St_Johns", "UTC", "Z",
                        "+05:45", "-18:00", "+18:01", "GMT+14", "SystemV/AST4", "Europe/../etc", "", "\u0000"),
                Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ/_+-:0123456789")
                        .ofMaxLength(40));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
