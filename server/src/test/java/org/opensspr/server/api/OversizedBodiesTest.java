package org.opensspr.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opensspr.api.AdminSignInRequest;
import org.opensspr.api.ChooseMethodRequest;
import org.opensspr.api.ErrorCode;
import org.opensspr.api.IdentifyRequest;
import org.opensspr.api.Json;
import org.opensspr.api.KioskEnrollRequest;
import org.opensspr.api.NewPasswordRequest;
import org.opensspr.api.ProveRequest;
import org.opensspr.api.StartFlowRequest;
import org.opensspr.api.UserPasswordChangeRequest;
import org.opensspr.api.UserSignInRequest;
import org.opensspr.client.OpenSsprApiException;
import org.opensspr.client.OpenSsprClient;
import org.opensspr.directory.Role;
import org.opensspr.flow.FlowIntent;
import org.opensspr.methods.AuthMethod;
import org.opensspr.policy.CustomizationPolicy;
import org.opensspr.policy.SsprPolicy;
import org.opensspr.server.testing.SharedServer;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route refuses a body over its limit with a 413 that ordinary clients read — java.net.http and the
 * project's own OkHttp client, with a declared length and chunked. A body a little over is read to its end
 * and the connection kept; one far over is answered at once and the connection closed (how much of it the
 * server reads, {@code BodyReadingTest} counts). Losing that answer was a race, so it is tried many times,
 * with many requests in flight at once.
 */
@SharedServer
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OversizedBodiesTest {
    private static final int MIB = 1024 * 1024;
    /** Over the limit by less than the server reads and drops to keep the connection. */
    private static final int A_LITTLE = 64 * 1024;
    /** So far over the limit that the server stops reading. */
    private static final int FAR = MIB;
    /** How often the far-oversized uploads are tried, and how many requests are in flight at once. */
    private static final int ROUNDS = 50;
    private static final int IN_FLIGHT = 32;
    private static final String ANY_ID = "00000000-0000-0000-0000-000000000000";

    private final ObjectMapper json = Json.newMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<Integer, byte[]> bodies = new ConcurrentHashMap<>();
    /** Callers by kind (anonymous, admin, kiosk): their bearer tokens and their clients. */
    private final Map<String, String> tokens = new HashMap<>();
    private final Map<String, OpenSsprClient> clients = new LinkedHashMap<>();
    private InProcessServer server;
    private List<BodyRoute> routes;

    /** A route that takes a body, as the OpenAPI document describes it. */
    private record BodyRoute(String method, String path, String access, String contentType, int limit) {
        String name() {
            return method + " " + path;
        }

        String concretePath() {
            return path.replaceAll("\\{[^}]+}", ANY_ID);
        }
    }

    @BeforeAll
    void signInEnrollAKioskAndReadTheRoutes() throws Exception {
        String admin = TestAdmins.signIn(server, Role.GLOBAL_ADMINISTRATOR);
        OpenSsprClient console = OpenSsprClient.builder().baseUrl(server.url()).bearerToken(admin).build();
        OpenSsprClient anonymous = OpenSsprClient.builder().baseUrl(server.url()).build();
        String kiosk = anonymous.enrollKiosk(new KioskEnrollRequest(console.createKiosk("Lobby").code(), null))
                .credential();
        tokens.put("admin", admin);
        tokens.put("kiosk", kiosk);
        clients.put("admin", console);
        clients.put("anonymous", anonymous);
        clients.put("kiosk", OpenSsprClient.builder().baseUrl(server.url()).bearerToken(kiosk).build());
        routes = bodyRoutes(json.readTree(server.get("/api/v1/openapi.json", null).body()));
        assertThat(routes).extracting(BodyRoute::name).contains("POST /api/v1/branding/assets",
                "POST /api/v1/users/import", "POST /api/v1/kiosks", "PUT /api/v1/policy");
    }

    @AfterAll
    void closeTheClients() {
        clients.values().forEach(OpenSsprClient::close);
        executor.close();
    }

    @RepeatedTest(3)
    void everyRouteRefusesABodyALittleOverItsLimitAndKeepsTheConnection() {
        List<Callable<String>> requests = new ArrayList<>();
        for (BodyRoute route : routes) {
            requests.add(javaNetHttp(route, route.limit() + A_LITTLE, false, false));
            requests.add(javaNetHttp(route, route.limit() + A_LITTLE, true, false));
        }

        assertThat(sendAll(requests)).isEmpty();
    }

    @RepeatedTest(2)
    void everyRouteAnswersABodyFarOverItsLimitAtOnceAndClosesTheConnection() {
        Map<String, Consumer<OpenSsprClient>> calls = oversizedClientCalls();
        assertThat(routes).extracting(BodyRoute::name).containsAll(calls.keySet());
        List<Callable<String>> requests = new ArrayList<>();
        for (BodyRoute route : routes) {
            requests.add(javaNetHttp(route, route.limit() + FAR, false, true));
            requests.add(javaNetHttp(route, route.limit() + FAR, true, true));
            if (calls.containsKey(route.name())) {
                requests.add(okHttp(route, calls.get(route.name())));
            }
        }

        assertThat(requests).hasSize(2 * routes.size() + calls.size());
        assertThat(sendAll(requests)).isEmpty();
    }

    /** The 2 MB user import, refused before its body is read (no credentials): the answer arrives. */
    @RepeatedTest(3)
    void aRequestRefusedBeforeItsBodyIsReadGetsItsAnswer() {
        BodyRoute anonymousImport = new BodyRoute("POST", "/api/v1/users/import", "public", "text/csv",
                route("POST /api/v1/users/import").limit());
        List<Callable<String>> requests = new ArrayList<>();
        for (int i = 0; i < IN_FLIGHT / 2; i++) {
            requests.add(javaNetHttp(anonymousImport, 2 * MIB, ErrorCode.UNAUTHENTICATED, false, false));
            requests.add(javaNetHttp(anonymousImport, 2 * MIB, ErrorCode.UNAUTHENTICATED, true, false));
        }

        assertThat(sendAll(requests)).isEmpty();
    }

    /** A branding image (the upload of the issue) and a small JSON body, far over, by both clients, again and again. */
    @Test
    void aFarOversizedUploadIsAnsweredEveryTime() {
        Map<String, Consumer<OpenSsprClient>> calls = oversizedClientCalls();
        List<Callable<String>> requests = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            for (BodyRoute route : List.of(route("POST /api/v1/branding/assets"), route("POST /api/v1/kiosks"))) {
                requests.add(javaNetHttp(route, route.limit() + FAR, false, true));
                requests.add(javaNetHttp(route, route.limit() + FAR, true, true));
                requests.add(okHttp(route, calls.get(route.name())));
            }
        }

        assertThat(sendAll(requests)).isEmpty();
    }

    /** A java.net.http upload of {@code size} bytes; null when it gets the JSON 413 and the connection is as expected. */
    private Callable<String> javaNetHttp(BodyRoute route, int size, boolean chunked, boolean closed) {
        return javaNetHttp(route, size, ErrorCode.PAYLOAD_TOO_LARGE, chunked, closed);
    }

    private Callable<String> javaNetHttp(BodyRoute route, int size, ErrorCode expected, boolean chunked,
                                         boolean closed) {
        return () -> {
            byte[] body = bodies.computeIfAbsent(size, byte[]::new);
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url() + route.concretePath()))
                    .header("Content-Type", route.contentType())
                    .method(route.method(), chunked
                            ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            String token = tokenFor(route);
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            String what = route.name() + (chunked ? " chunked" : " with Content-Length") + ", " + size + " bytes: ";
            HttpResponse<String> response;
            try {
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (java.io.IOException e) {
                return what + e;
            }
            if (response.statusCode() != expected.httpStatus()) {
                return what + response.statusCode() + " " + response.body();
            }
            String code = json.readTree(response.body()).path("code").asText();
            if (!code.equals(expected.wire())) {
                return what + code;
            }
            boolean closing = response.headers().firstValue("connection").filter("close"::equals).isPresent();
            return closing == closed ? null : what + (closed ? "the connection is kept" : "the connection is closed");
        };
    }

    /** The project's client making {@code call} on the route; null when it reports PAYLOAD_TOO_LARGE. */
    private Callable<String> okHttp(BodyRoute route, Consumer<OpenSsprClient> call) {
        return () -> {
            try {
                call.accept(clients.get(caller(route)));
                return route.name() + " through OkHttp: accepted";
            } catch (OpenSsprApiException e) {
                return e.code() == ErrorCode.PAYLOAD_TOO_LARGE ? null : route.name() + " through OkHttp: " + e.code();
            } catch (RuntimeException e) {
                return route.name() + " through OkHttp: " + e;
            }
        };
    }

    /** Sends them, {@link #IN_FLIGHT} at a time, and returns what went wrong. */
    private List<String> sendAll(List<Callable<String>> requests) {
        Semaphore slots = new Semaphore(IN_FLIGHT);
        List<Future<String>> sent = requests.stream().map(request -> executor.submit(() -> {
            slots.acquire();
            try {
                return request.call();
            } finally {
                slots.release();
            }
        })).toList();
        List<String> problems = new ArrayList<>();
        for (Future<String> each : sent) {
            try {
                problems.add(each.get());
            } catch (Exception e) {
                problems.add(String.valueOf(e.getCause()));
            }
        }
        return problems.stream().filter(Objects::nonNull).toList();
    }

    /** One call far over the limit per client method that sends a body, by the route it calls. */
    private Map<String, Consumer<OpenSsprClient>> oversizedClientCalls() {
        Map<String, Consumer<OpenSsprClient>> calls = new LinkedHashMap<>();
        calls.put("POST /api/v1/admin/session", c -> c.signIn(new AdminSignInRequest("a@contoso.example",
                text("POST /api/v1/admin/session"), "123456")));
        calls.put("POST /api/v1/policy/validate", c -> c.validatePolicy(policy(text("POST /api/v1/policy/validate"))));
        calls.put("PUT /api/v1/policy", c -> c.updatePolicy(1, policy(text("PUT /api/v1/policy"))));
        calls.put("POST /api/v1/policy/impact", c -> c.policyImpact(policy(text("POST /api/v1/policy/impact"))));
        calls.put("POST /api/v1/branding/assets", c -> c.uploadBrandingAsset(
                bodies.computeIfAbsent(route("POST /api/v1/branding/assets").limit() + FAR, byte[]::new), "image/png"));
        calls.put("POST /api/v1/kiosks", c -> c.createKiosk(text("POST /api/v1/kiosks")));
        calls.put("POST /api/v1/kiosks/enroll", c -> c.enrollKiosk(new KioskEnrollRequest(
                text("POST /api/v1/kiosks/enroll"), null)));
        calls.put("POST /api/v1/signin", c -> c.signInUser(new UserSignInRequest("user", text("POST /api/v1/signin"))));
        calls.put("POST /api/v1/password/change", c -> c.changeUserPassword(new UserPasswordChangeRequest("user",
                "old", text("POST /api/v1/password/change"))));
        calls.put("POST /api/v1/reset/flows", c -> c.startFlow(new StartFlowRequest(FlowIntent.RESET_PASSWORD,
                text("POST /api/v1/reset/flows"))));
        calls.put("POST /api/v1/reset/flows/captcha", c -> c.refreshCaptcha(text("POST /api/v1/reset/flows/captcha")));
        calls.put("POST /api/v1/reset/flows/identify", c -> c.identify(new IdentifyRequest(
                text("POST /api/v1/reset/flows/identify"), "user", "captcha", "answer")));
        calls.put("POST /api/v1/reset/flows/method", c -> c.chooseMethod(new ChooseMethodRequest(
                text("POST /api/v1/reset/flows/method"), AuthMethod.EMAIL)));
        calls.put("POST /api/v1/reset/flows/prove", c -> c.prove(new ProveRequest(
                text("POST /api/v1/reset/flows/prove"), "123456", null)));
        calls.put("POST /api/v1/reset/flows/resend", c -> c.resendCode(text("POST /api/v1/reset/flows/resend")));
        calls.put("POST /api/v1/reset/flows/password", c -> c.setNewPassword(new NewPasswordRequest(
                text("POST /api/v1/reset/flows/password"), "Wombat-Harbour-Lantern-93")));
        calls.put("POST /api/v1/reset/flows/unlock", c -> c.unlockAccount(text("POST /api/v1/reset/flows/unlock")));
        calls.put("POST /api/v1/reset/flows/abandon", c -> c.abandonFlow(text("POST /api/v1/reset/flows/abandon")));
        return calls;
    }

    /** Text that makes the route's JSON body far larger than its limit. */
    private String text(String route) {
        return "x".repeat(route(route).limit() + FAR);
    }

    private static SsprPolicy policy(String organizationName) {
        CustomizationPolicy defaults = CustomizationPolicy.defaults();
        return SsprPolicy.defaults().withCustomization(new CustomizationPolicy(defaults.customHelpdeskLink(),
                defaults.helpdeskEmailOrUrl(), organizationName, "", ""));
    }

    private BodyRoute route(String name) {
        return routes.stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    /** Whoever may call the route, so that the body is what gets it refused. */
    private static String caller(BodyRoute route) {
        return switch (route.access()) {
            case "public", "self-service" -> "anonymous";
            case "kiosk" -> "kiosk";
            default -> "admin";
        };
    }

    private String tokenFor(BodyRoute route) {
        return tokens.get(caller(route));
    }

    private static List<BodyRoute> bodyRoutes(JsonNode document) {
        List<BodyRoute> found = new ArrayList<>();
        document.get("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            JsonNode content = op.getValue().path("requestBody").path("content");
            if (!content.isMissingNode()) {
                found.add(new BodyRoute(op.getKey().toUpperCase(Locale.ROOT), path.getKey(),
                        op.getValue().path("x-access").asText(), content.properties().iterator().next().getKey(),
                        op.getValue().path("x-max-body-bytes").asInt()));
            }
        }));
        return found;
    }
}
