package org.opensspr.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import org.opensspr.api.Json;
import org.opensspr.server.auth.Oathtool;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A lock screen's side of the security-info API over raw HTTP: sign in, then the session's calls. */
final class SecurityInfoClient {
    private static final ObjectMapper JSON = Json.newMapper();
    private final InProcessServer server;
    /** The loopback address calls come from; null for the default (127.0.0.1). */
    java.net.InetAddress from;
    String session;
    JsonNode signIn;
    JsonNode last;
    int lastStatus;

    SecurityInfoClient(InProcessServer server) {
        this.server = server;
    }

    /** Signs in (which must succeed) and keeps the session; answers the sign-in's prompt. */
    String signIn(String user, String password, String locale) {
        ObjectNode body = JSON.createObjectNode().put("userName", user).put("password", password);
        if (locale != null) {
            body.put("locale", locale);
        }
        signIn = post("/signin", body);
        assertThat(lastStatus).isEqualTo(200);
        assertThat(signIn.path("outcome").asText()).isEqualTo("SIGNED_IN");
        session = signIn.path("session").asText();
        return signIn.path("securityInfo").asText();
    }

    String signIn(String user, String password) {
        return signIn(user, password, null);
    }

    JsonNode view() {
        return call("", withSession());
    }

    JsonNode call(String path, ObjectNode body) {
        return post("/security-info" + path, body);
    }

    JsonNode startAuthenticator() {
        return call("/authenticator/start", withSession());
    }

    JsonNode verifyAuthenticator(String code) {
        return call("/authenticator/verify", withSession().put("code", code));
    }

    JsonNode startEmail(String address) {
        return call("/email/start", withSession().put("address", address));
    }

    JsonNode verifyEmail(String code) {
        return call("/email/verify", withSession().put("code", code));
    }

    JsonNode catalog() {
        return call("/questions/catalog", withSession());
    }

    JsonNode answers(Map<String, String> answers) {
        ObjectNode body = withSession();
        ArrayNode list = body.putArray("answers");
        answers.forEach((question, answer) -> list.addObject().put("questionId", question).put("answer", answer));
        return call("/questions", body);
    }

    JsonNode startProof(String kind) {
        return call("/proof/start", withSession().put("kind", kind));
    }

    JsonNode proveCode(String kind, String code) {
        return call("/proof", withSession().put("kind", kind).put("code", code));
    }

    JsonNode proveAnswers(Map<String, String> answers) {
        ObjectNode body = withSession().put("kind", "SECURITY_QUESTIONS");
        ObjectNode node = body.putObject("answers");
        answers.forEach(node::put);
        return call("/proof", body);
    }

    JsonNode delete(String kind) {
        return call("/delete", withSession().put("kind", kind));
    }

    JsonNode confirm() {
        return call("/confirm", withSession());
    }

    JsonNode skip() {
        return call("/skip", withSession());
    }

    JsonNode end() {
        return call("/end", withSession());
    }

    /** Adds the Authenticator app as a phone would: reads the QR code, computes the code with oathtool. */
    String addAuthenticator() {
        JsonNode setup = startAuthenticator();
        assertThat(lastStatus).as(setup.toString()).isEqualTo(200);
        String secret = secretOf(decodeQr(setup.path("qrCodePng").asText()));
        assertThat(secret).isEqualTo(setup.path("secret").asText());
        verifyAuthenticator(Oathtool.totp(secret, server.server().clock().instant()));
        assertThat(lastStatus).as(last.toString()).isEqualTo(200);
        return secret;
    }

    /** Adds an alternate email with the code the server sent to it. */
    void addEmail(String address) {
        startEmail(address);
        assertThat(lastStatus).as(last.toString()).isEqualTo(200);
        verifyEmail(new FlowClient(server).codeSentTo(address));
        assertThat(lastStatus).as(last.toString()).isEqualTo(200);
    }

    /** The first {@code count} questions of the catalog, answered "answer-<i>-<question>". */
    Map<String, String> answerQuestions(int count) {
        JsonNode catalog = catalog();
        Map<String, String> answers = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            String id = catalog.path("questions").get(i).path("id").asText();
            answers.put(id, "answer " + i + " " + id.toLowerCase());
        }
        answers(answers);
        assertThat(lastStatus).as(last.toString()).isEqualTo(200);
        return answers;
    }

    /** The kinds registered, as the view lists them. */
    java.util.List<String> registeredKinds(JsonNode view) {
        return view.path("registered").findValuesAsText("kind");
    }

    /**
     * What a phone's camera reads off the QR code image. The image is read as drawn, pixel for pixel, so as a pure
     * barcode: ZXing's finder, made for camera pictures, missed 19 of 1,500 such exact images (1.3 %; as a pure
     * barcode none), which made the tests that register the app fail now and then.
     */
    static String decodeQr(String pngBase64) {
        try {
            var image = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(pngBase64)));
            BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
            return new MultiFormatReader().decode(bitmap, java.util.Map.of(com.google.zxing.DecodeHintType.PURE_BARCODE, true))
                    .getText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NotFoundException e) {
            throw new AssertionError("no QR code in the image", e);
        }
    }

    /** The secret parameter of an otpauth:// URI. */
    static String secretOf(String otpauthUri) {
        String query = URI.create(otpauthUri).getRawQuery();
        for (String parameter : query.split("&")) {
            if (parameter.startsWith("secret=")) {
                return URLDecoder.decode(parameter.substring(7), StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("no secret in " + otpauthUri);
    }

    ObjectNode withSession() {
        return JSON.createObjectNode().put("session", session);
    }

    JsonNode post(String path, ObjectNode body) {
        HttpResponse<String> response = server.sendFrom(from, "POST", "/api/v1" + path, null, "application/json",
                body.toString().getBytes(StandardCharsets.UTF_8));
        lastStatus = response.statusCode();
        try {
            last = response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
            return last;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
