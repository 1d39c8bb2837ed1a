package org.opensspr.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.opensspr.api.AuditActivity;
import org.opensspr.api.ContactUpdateRequest;
import org.opensspr.api.Json;
import org.opensspr.api.KioskEnrollRequest;
import org.opensspr.api.UserDetailDto;
import org.opensspr.api.UserWriteRequest;
import org.opensspr.directory.UserSource;
import org.opensspr.methods.AuthMethod;
import org.opensspr.policy.MethodsPolicy;
import org.opensspr.policy.OnPremisesPolicy;
import org.opensspr.policy.ScopePolicy;
import org.opensspr.policy.SecurityQuestionsPolicy;
import org.opensspr.server.OpenSsprServer;
import org.opensspr.server.ServerConfig;
import org.opensspr.server.crypto.PasswordHasher;
import org.opensspr.server.db.Database;
import org.opensspr.server.directory.DirectoryActor;
import org.opensspr.server.writeback.RecordingInterceptor;
import org.opensspr.server.writeback.TestDirectory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opensspr.server.db.Tables.AUDIT_EVENT;
import static org.opensspr.server.db.Tables.DIRECTORY_USER;
import static org.opensspr.server.db.Tables.RESET_FLOW;
import static org.opensspr.server.db.Tables.WRITEBACK_INTENT;

/**
 * "What we acknowledge is durable" (ADR 11): the server runs as its own process on the embedded H2 file database,
 * 120 resets (half cloud, half written back to a directory) complete at once, and the process is killed
 * with SIGKILL once 40 of them have been answered "done". After a restart, every acknowledged reset
 * holds — the password, its audit event, and for on-premises users the directory — and the directory
 * and the server agree about every other one: no password changed in the directory without an intent
 * that says it may have.
 */
class CrashDurabilityTest {
    private static final ObjectMapper JSON = Json.newMapper();
    private static final int USERS = 120;
    private static final int KIOSKS = 5;
    private static final int KILL_AFTER = 40;
    private static final String OLD = "Old-Directory-Pass-1";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void everyAcknowledgedResetSurvivesKillNine() throws Exception {
        Path data = Files.createTempDirectory("opensspr-crash");
        RecordingInterceptor recorder = new RecordingInterceptor();
        try (TestDirectory directory = TestDirectory.plain(recorder)) {
            List<String> kiosks = seed(data, directory);
            int port = freePort();
            Process server = startServer(data, port, directory);
            String base = "http://127.0.0.1:" + port + "/api/v1";
            Map<String, String> tickets = new ConcurrentHashMap<>();
            try {
                prepare(base, kiosks, tickets);

                Map<String, String> acknowledged = new ConcurrentHashMap<>();
                AtomicInteger answered = new AtomicInteger();
                CountDownLatch enough = new CountDownLatch(KILL_AFTER);
                CountDownLatch go = new CountDownLatch(1);
                ExecutorService pool = Executors.newFixedThreadPool(USERS);
                for (int i = 0; i < USERS; i++) {
                    String user = user(i);
                    String password = "Crash-Test-" + i + "-Lantern";
                    String kiosk = kiosks.get(i % KIOSKS);
                    pool.submit(() -> {
                        go.await();
                        ObjectNode body = JSON.createObjectNode().put("ticket", tickets.get(user)).put("newPassword", password);
                        try {
                            HttpResponse<String> answer = post(base + "/reset/flows/password", kiosk, body);
                            if (answer.statusCode() == 200 && answer.body().contains("PASSWORD_RESET")) {
                                acknowledged.put(user, password);
                                enough.countDown();
                            }
                        } catch (IOException connectionLost) {
                            // killed while this one was in flight: not acknowledged
                        }
                        answered.incrementAndGet();
                        return null;
                    });
                }
                go.countDown();
                assertThat(enough.await(120, TimeUnit.SECONDS)).as("%d resets answered before the kill", KILL_AFTER).isTrue();
                server.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                Map<String, String> told = Map.copyOf(acknowledged);
                pool.shutdown();
                assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
                assertThat(told.size()).as("acknowledged before the kill").isGreaterThanOrEqualTo(KILL_AFTER);
                assertThat(told.size()).as("killed before every reset finished").isLessThan(USERS);

                server = startServer(data, port, directory);
                server.destroy();
                assertThat(server.waitFor(60, TimeUnit.SECONDS)).isTrue();

                try (Database db = Database.open(Database.h2FileUrl(data), null, null)) {
                    PasswordHasher hasher = PasswordHasher.owasp();
                    for (Map.Entry<String, String> reset : told.entrySet()) {
                        String upn = reset.getKey();
                        var row = db.dsl().selectFrom(DIRECTORY_USER).where(DIRECTORY_USER.UPN_KEY.eq(upn)).fetchOne();
                        if (onPremises(upn)) {
                            assertThat(directory.canBind(dn(upn), reset.getValue())).as("directory has %s's new password", upn).isTrue();
                            assertThat(db.dsl().fetch(WRITEBACK_INTENT, WRITEBACK_INTENT.USER_ID.eq(row.getId()))
                                    .getValues(WRITEBACK_INTENT.STATUS)).as("%s's intent", upn).containsExactly("DONE");
                        } else {
                            assertThat(hasher.verify(reset.getValue(), row.getPasswordHash()))
                                    .as(() -> upn + "'s new password; what the database holds:\n" + rowsOf(db, row.getId(), upn)).isTrue();
                        }
                        assertThat(db.dsl().fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTIVITY.eq(
                                        AuditActivity.RESET_PASSWORD_SELF_SERVICE.entraName())
                                .and(AUDIT_EVENT.TARGET.eq(upn)).and(AUDIT_EVENT.RESULT.eq("SUCCESS"))))
                                .as(() -> upn + "'s reset audited; what the database holds:\n" + rowsOf(db, row.getId(), upn)).isEqualTo(1);
                    }
                    for (int i = 0; i < USERS; i++) {
                        String upn = user(i);
                        if (!onPremises(upn) || told.containsKey(upn)) {
                            continue;
                        }
                        String userId = db.dsl().select(DIRECTORY_USER.ID).from(DIRECTORY_USER)
                                .where(DIRECTORY_USER.UPN_KEY.eq(upn)).fetchOne(DIRECTORY_USER.ID);
                        List<String> intents = db.dsl().fetch(WRITEBACK_INTENT, WRITEBACK_INTENT.USER_ID.eq(userId))
                                .getValues(WRITEBACK_INTENT.STATUS);
                        if (directory.canBind(dn(upn), "Crash-Test-" + i + "-Lantern")) {
                            assertThat(intents).as("%s changed in the directory: the server must know it may have", upn)
                                    .singleElement().isIn("DONE", "UNKNOWN", "PENDING");
                        } else {
                            assertThat(directory.canBind(dn(upn), OLD)).isTrue();
                            assertThat(intents).as("%s unchanged in the directory", upn).doesNotContain("DONE");
                        }
                    }
                }
            } finally {
                server.destroyForcibly();
            }
        }
    }

    /** Everything the database holds of one user's resets, to tell a lost commit from a later overwrite. */
    private static String rowsOf(Database db, String userId, String upn) {
        return db.dsl().select(DIRECTORY_USER.PASSWORD_HASH.isNotNull().as("has_password"), DIRECTORY_USER.UPDATED_AT)
                .from(DIRECTORY_USER).where(DIRECTORY_USER.ID.eq(userId)).fetch().format()
                + db.dsl().select(RESET_FLOW.ID, RESET_FLOW.STEP_NUMBER, RESET_FLOW.COMPLETION, RESET_FLOW.ENDED_BY,
                        RESET_FLOW.STARTED_AT, RESET_FLOW.UPDATED_AT).from(RESET_FLOW).where(RESET_FLOW.USER_ID.eq(userId))
                .fetch().format()
                + db.dsl().select(AUDIT_EVENT.OCCURRED_AT, AUDIT_EVENT.ACTIVITY, AUDIT_EVENT.RESULT, AUDIT_EVENT.DETAILS)
                .from(AUDIT_EVENT).where(AUDIT_EVENT.TARGET.eq(upn)).orderBy(AUDIT_EVENT.OCCURRED_AT).fetch().format();
    }

    /** Users, policy and kiosks, written by the server's own services before the server process starts. */
    private static List<String> seed(Path data, TestDirectory directory) {
        ServerConfig config = new ServerConfig(data, "127.0.0.1", 0, null, null, null, true, null, null, true,
                false, null, null);
        List<String> credentials = new ArrayList<>();
        try (OpenSsprServer server = OpenSsprServer.open(config)) {
            var policies = server.policies();
            policies.update(policies.current().version(), policies.currentPolicy().withScope(ScopePolicy.all())
                    .withMethods(new MethodsPolicy(EnumSet.of(AuthMethod.EMAIL, AuthMethod.MOBILE_APP_CODE),
                            1, 1, SecurityQuestionsPolicy.defaults()))
                    .withOnPremises(new OnPremisesPolicy(true, false)), "test");
            for (int i = 0; i < USERS; i++) {
                String upn = user(i);
                UserDetailDto user = server.directory().createUser(DirectoryActor.system("test"), new UserWriteRequest(upn,
                        "User", "Number" + i, "User " + i, onPremises(upn) ? UserSource.ON_PREMISES : UserSource.CLOUD,
                        true, false, upn, "en-US"));
                server.directory().updateContact(DirectoryActor.system("test"), user.id(),
                        new ContactUpdateRequest(alternate(upn), "", ""));
                if (onPremises(upn)) {
                    directory.addUser(upn.substring(0, upn.indexOf('@')), upn, OLD);
                }
            }
            for (int k = 0; k < KIOSKS; k++) {
                String code = server.kiosks().createEnrollment("Kiosk " + k, "test").code();
                credentials.add(server.kiosks().enroll(new KioskEnrollRequest(code, "host-" + k), "127.0.0.1").credential());
            }
        }
        return credentials;
    }

    /** Brings every user's flow to the new-password step, 16 at a time. */
    private void prepare(String base, List<String> kiosks, Map<String, String> tickets) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<java.util.concurrent.Future<?>> done = new ArrayList<>();
        for (int i = 0; i < USERS; i++) {
            String user = user(i);
            String kiosk = kiosks.get(i % KIOSKS);
            done.add(pool.submit(() -> {
                JsonNode flow = json(post(base + "/reset/flows", kiosk,
                        JSON.createObjectNode().put("intent", "RESET_PASSWORD").put("locale", "en-US")));
                flow = json(post(base + "/reset/flows/identify", kiosk, JSON.createObjectNode()
                        .put("ticket", flow.path("ticket").asText()).put("userId", user)
                        .put("captchaId", flow.path("captcha").path("captchaId").asText()).put("captchaAnswer", "OPENSSPR")));
                flow = json(post(base + "/reset/flows/method", kiosk, JSON.createObjectNode()
                        .put("ticket", flow.path("ticket").asText()).put("method", "EMAIL")));
                flow = json(post(base + "/reset/flows/prove", kiosk, JSON.createObjectNode()
                        .put("ticket", flow.path("ticket").asText()).put("code", codeFor(base, alternate(user)))));
                assertThat(flow.path("step").path("step").asText()).as(user).isEqualTo("SET_NEW_PASSWORD");
                tickets.put(user, flow.path("ticket").asText());
                return null;
            }));
        }
        for (var future : done) {
            future.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();
    }

    private String codeFor(String base, String address) throws IOException, InterruptedException {
        HttpResponse<String> outbox = http.send(HttpRequest.newBuilder(URI.create(base + "/test/outbox?limit=1000")).build(),
                HttpResponse.BodyHandlers.ofString());
        for (JsonNode message : JSON.readTree(outbox.body())) {
            if (message.path("recipient").asText().equals(address)) {
                Matcher code = Pattern.compile("\\b(\\d{8})\\b").matcher(message.path("body").asText());
                if (code.find()) {
                    return code.group(1);
                }
            }
        }
        throw new AssertionError("no code sent to " + address);
    }

    private HttpResponse<String> post(String url, String kiosk, JsonNode body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + kiosk).timeout(Duration.ofSeconds(60))
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        assertThat(response.statusCode()).as(() -> response.body().substring(0, Math.min(300, response.body().length())))
                .isBetween(200, 201);
        return JSON.readTree(response.body());
    }

    /** The server as operators run it: its own JVM, the H2 file in the data directory, the directory over LDAP. */
    private static Process startServer(Path data, int port, TestDirectory directory) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "org.opensspr.server.ServerMain", "--data", data.toString(), "--http", "--host", "127.0.0.1",
                "--port", String.valueOf(port), "--test-mode",
                "--ldap-url", directory.url(), "--ldap-flavor", "OPENLDAP", "--ldap-bind-dn", TestDirectory.SERVICE_DN,
                "--ldap-base-dn", TestDirectory.BASE_DN).redirectErrorStream(true);
        builder.environment().put("OPENSSPR_LDAP_PASSWORD", TestDirectory.SERVICE_PASSWORD);
        Process process = builder.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        String line;
        while ((line = out.readLine()) != null) {
            seen.append(line).append('\n');
            if (line.startsWith("OpenSSPR server listening on")) {
                Thread.ofVirtual().start(() -> out.lines().forEach(ignored -> { }));
                return process;
            }
        }
        throw new AssertionError("the server did not start:\n" + seen);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String user(int i) {
        return (i % 2 == 0 ? "cloud" : "onprem") + i + "@contoso.example";
    }

    private static boolean onPremises(String upn) {
        return upn.startsWith("onprem");
    }

    private static String alternate(String upn) {
        return upn.replace("@contoso.example", "@private.example");
    }

    private static String dn(String upn) {
        return "uid=" + upn.substring(0, upn.indexOf('@')) + ",ou=people," + TestDirectory.BASE_DN;
    }
}
