package org.opensspr.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.opensspr.api.AuditActivity;
import org.opensspr.api.Json;
import org.opensspr.directory.Role;
import org.opensspr.server.db.TestDatabases;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation of the OpenAPI document, fed bodies no client should send — malformed JSON, wrong
 * types, unknown and nested fields, very long and deeply nested values, control characters, LDAP and SQL
 * metacharacters, invalid UTF-8 — anonymously and as a Global Administrator: never a 5xx, every answer as
 * the document describes it (InProcessServer checks each against the OpenAPI contract), and, as none of
 * these requests is a valid one, no table changes. 10,000 requests per run, a new seed each run.
 */
class ApiFuzzTest {
    private static final ObjectMapper JSON = Json.newMapper();
    private static final List<String> NASTY = List.of("*)(uid=*))(|(uid=*", "' OR '1'='1", "'; DROP TABLE audit_event; --",
            "\u0000\u0001\u001b[31m", "\\", "%00", "../../etc/passwd", "${jndi:ldap://x}", "\uD800", "é\u0301",
            "a".repeat(5000), "{{7*7}}", "<script>", "null", "-1", "1e309");
    private static final List<String> FIELDS = List.of("ticket", "userId", "captchaId", "captchaAnswer", "intent", "locale",
            "method", "code", "answers", "newPassword", "userName", "password", "totpCode", "username", "name",
            "displayName", "userPrincipalName", "groupIds", "roles", "version", "policy", "email", "members");

    private static InProcessServer server;
    private static String admin;
    private static List<String[]> operations;
    private static Map<String, String> before;
    /** The last request and its answer's headers: a connection the server closed shows up on the next one. */
    private static String previous;

    @BeforeContainer
    static void start() throws Exception {
        server = InProcessServer.start(TestDatabases.H2);
        admin = TestAdmins.signIn(server, Role.GLOBAL_ADMINISTRATOR);
        JsonNode document = JSON.readTree(server.get("/api/v1/openapi.json", null).body());
        operations = new ArrayList<>();
        document.get("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            // Signing out is a valid request with no body at all: it would end the session the fuzz uses.
            if (!path.getKey().equals("/api/v1/admin/session")) {
                operations.add(new String[]{op.getKey().toUpperCase(), path.getKey()});
            }
        }));
        before = state();
    }

    @AfterContainer
    static void stop() {
        try {
            assertThat(state()).as("no fuzzed request changed a table").isEqualTo(before);
        } finally {
            server.close();
        }
    }

    /**
     * Every table but the admin session's, whose last use the server itself moves on while the fuzz runs, and
     * without the audit's "read the outbox" and "exported the audit log" rows: a GET's body is ignored, so a
     * fuzzed outbox read with a page that happens to be a number, or an export, is a valid read, and both reads are
     * audited by design.
     */
    private static Map<String, String> state() {
        Map<String, String> tables = new java.util.TreeMap<>(TableSnapshot.of(server.server().database().dsl()));
        tables.remove("admin_session");
        String outboxRead = "," + AuditActivity.OUTBOX_READ.entraName() + ",";
        String exported = "," + AuditActivity.AUDIT_EXPORTED.entraName() + ",";
        tables.computeIfPresent("audit_event", (table, rows) -> rows.lines()
                .filter(row -> !row.contains(outboxRead) && !row.contains(exported))
                .collect(java.util.stream.Collectors.joining("\n", "", "\n")));
        return tables;
    }

    @Property(tries = 10_000)
    void noBadBodyGetsAServerErrorOrChangesAnything(@ForAll("requests") Fuzzed request) {
        HttpResponse<String> answer;
        try {
            answer = server.send(request.method(), request.path(), request.token(), request.contentType(), request.body());
        } catch (java.io.UncheckedIOException e) {
            throw new AssertionError("after " + previous, e);
        }
        previous = request + " → " + answer.statusCode() + " " + answer.headers().map();

        assertThat(answer.statusCode()).as("%s %s → %s", request.method(), request.path(),
                answer.body().length() > 200 ? answer.body().substring(0, 200) : answer.body()).isBetween(200, 499);
        if (answer.statusCode() >= 400) {
            assertThat(answer.body()).as("a JSON error").contains("\"code\"");
        }
    }

    record Fuzzed(String method, String path, String token, String contentType, byte[] body) {
        @Override
        public String toString() {
            return method + " " + path + (token == null ? "" : " (admin)") + " " + contentType + " "
                    + abbreviated(new String(body, StandardCharsets.UTF_8));
        }

        private static String abbreviated(String text) {
            return text.length() <= 120 ? text : text.substring(0, 120) + "…";
        }
    }

    @Provide
    Arbitrary<Fuzzed> requests() {
        Arbitrary<String[]> operation = Arbitraries.of(operations);
        Arbitrary<Boolean> asAdmin = Arbitraries.of(true, false);
        Arbitrary<String> pathValue = Arbitraries.oneOf(Arbitraries.of(NASTY).map(ApiFuzzTest::urlSafe),
                Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(40));
        Arbitrary<String> contentType = Arbitraries.of("application/json", "application/json; charset=utf-8",
                "text/plain", "application/x-www-form-urlencoded", "image/png");
        return Combinators.combine(operation, asAdmin, pathValue, contentType, badBodies())
                .as((op, adminCaller, value, type, body) -> new Fuzzed(op[0],
                        op[1].replaceAll("\\{[^}]+}", value) + (op[0].equals("GET") ? "?" + "page=" + value : ""),
                        adminCaller ? admin : null, type, body));
    }

    /** Bodies that can't be a valid request: each breaks the strict body reader somewhere. */
    private Arbitrary<byte[]> badBodies() {
        Arbitrary<String> malformed = Arbitraries.of("{", "{\"a\":", "[", "{\"ticket\" \"x\"}", "{'ticket':'x'}",
                "", "nul", "{\"ticket\":\"x\",}", "\uFEFF{}");
        Arbitrary<String> deep = Arbitraries.integers().between(50, 3000).map(n -> "[".repeat(n) + "]".repeat(n));
        Arbitrary<String> deepObject = Arbitraries.integers().between(50, 1500)
                .map(n -> "{\"ticket\":".repeat(n) + "1" + "}".repeat(n));
        Arbitrary<String> wrongTypes = Combinators.combine(Arbitraries.of(FIELDS).list().ofMinSize(1).ofMaxSize(6),
                        Arbitraries.of("123", "-1e400", "true", "[]", "[1,[2,[3]]]", "{\"a\":{\"b\":{}}}", "1.5",
                                "99999999999999999999999999"))
                .as((names, value) -> "{" + String.join(",", names.stream().map(n -> "\"" + n + "\":" + value).toList()) + "}");
        Arbitrary<String> notAnObject = Arbitraries.of("[1,2,3]", "\"text\"", "42", "true", "null");
        Arbitrary<String> nastyInUnknown = Arbitraries.of(NASTY).map(v -> {
            var node = JSON.createObjectNode();
            node.put("zz" + Math.abs(v.hashCode() % 97), v);
            return node.toString().replace("{", "{\"ticket\":[],");
        });
        Arbitrary<byte[]> text = Arbitraries.oneOf(malformed, deep, deepObject, wrongTypes, notAnObject, nastyInUnknown)
                .map(s -> s.getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> invalidUtf8 = Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(64)
                .map(bytes -> {
                    byte[] body = new byte[bytes.length + 14];
                    System.arraycopy("{\"ticket\":\"".getBytes(StandardCharsets.UTF_8), 0, body, 0, 11);
                    for (int i = 0; i < bytes.length; i++) {
                        body[11 + i] = (byte) (bytes[i] | 0x80);
                    }
                    body[body.length - 3] = (byte) 0xC3;
                    body[body.length - 2] = '"';
                    body[body.length - 1] = '}';
                    return body;
                });
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(9, text), net.jqwik.api.Tuple.of(1, invalidUtf8));
    }

    private static String urlSafe(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
