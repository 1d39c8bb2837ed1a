package org.opensspr.kiosk;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.opensspr.api.Json;
import org.opensspr.policy.MethodsPolicy;
import org.opensspr.policy.SsprPolicy;
import org.opensspr.server.api.InProcessServer;
import org.opensspr.server.auth.Oathtool;
import org.opensspr.server.db.TestDatabases;
import org.opensspr.server.delivery.MailFrom;
import org.opensspr.server.delivery.SmtpSettings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real server in test mode with the Contoso demo organization seeded (DemoSeeder: every person's
 * password, the demo Authenticator secret and security answers), optionally sending mail through GreenMail.
 * One per test class: flows of different tests use different people, so they don't meet.
 */
final class DemoServer implements AutoCloseable {
    static final String PASSWORD = "Kiosk-Demo-Harbour-26";
    static final String TOTP_SECRET = "KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU";
    static final String NEW_PASSWORD = "Lantern-Orbit-Kettle-58";
    static final String CAPTCHA = "OPENSSPR";
    static final String HELPDESK = "https://helpdesk.contoso.example/password";
    private static final Pattern CODE = Pattern.compile("\\b(\\d{8})\\b");

    private final InProcessServer server;
    private final GreenMail mail;

    private DemoServer(InProcessServer server, GreenMail mail) {
        this.server = server;
        this.mail = mail;
    }

    /** Mail stays in the server's outbox (read through the test-mode endpoint). */
    static DemoServer start() {
        InProcessServer server = InProcessServer.start(TestDatabases.H2);
        server.server().seedDemo();
        return new DemoServer(server, null);
    }

    /** With an on-premises directory for writeback; mail stays in the outbox. */
    static DemoServer withDirectory(org.opensspr.server.writeback.LdapSettings directory) {
        InProcessServer server = InProcessServer.start(TestDatabases.H2, null, directory);
        server.server().seedDemo();
        return new DemoServer(server, null);
    }

    /** Mail goes out through a GreenMail SMTP relay. */
    static DemoServer withMail() {
        GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        mail.start();
        SmtpSettings smtp = SmtpSettings.of("127.0.0.1", mail.getSmtp().getPort(), SmtpSettings.Security.NONE, null,
                null, new MailFrom("sspr@contoso.example", "Contoso password reset"));
        InProcessServer server = InProcessServer.start(TestDatabases.H2, smtp);
        server.server().seedDemo();
        return new DemoServer(server, mail);
    }

    static String upn(String alias) {
        return alias + "@contoso.example";
    }

    static String alternateEmail(String alias) {
        return alias + "@fabrikam-mail.example";
    }

    InProcessServer server() {
        return server;
    }

    /** Every hashing slot taken until closed: hashing calls are answered BUSY (ADR 28). */
    AutoCloseable takeEveryHashingSlot() throws InterruptedException {
        return org.opensspr.server.api.HashingSlots.takeAll(server.server().hashingCapacity());
    }

    String url() {
        return server.url();
    }

    /** The Authenticator code the demo people's app shows now (by the server's clock). */
    String totp() {
        return Oathtool.totp(TOTP_SECRET, server.server().clock().instant());
    }

    /** Requires {@code gates} methods to reset, everything else as the demo policy has it. */
    void requireGates(int gates) {
        var policies = server.server().policies();
        SsprPolicy policy = policies.currentPolicy();
        MethodsPolicy methods = policy.methods();
        policies.update(policies.current().version(), policy.withMethods(new MethodsPolicy(methods.enabled(),
                Math.max(methods.requiredToRegister(), gates), gates, methods.securityQuestions())), "test");
    }

    /**
     * A new cloud user in the pilot group (so sign-in asks them to register) with the demo password and
     * nothing registered; {@code alternateEmail}, when given, is pre-filled as an administrator would.
     */
    String pilotUser(String alias, String language, String alternateEmail) {
        return pilotUser(alias, language, alternateEmail, null);
    }

    /** As above, with a mobile phone pre-filled too (two methods: sign-in asks to confirm them). */
    String pilotUser(String alias, String language, String alternateEmail, String mobilePhone) {
        var directory = server.server().directory();
        String pilot = directory.getUserByUpn(upn("debra.berger")).groups().stream()
                .filter(group -> group.name().equals("SSPR pilot")).findFirst().orElseThrow().id();
        var actor = org.opensspr.server.directory.DirectoryActor.system("test");
        var user = directory.createUser(actor, new org.opensspr.api.UserWriteRequest(upn(alias), "Sam", "Tester",
                "Sam Tester", org.opensspr.directory.UserSource.CLOUD, true, false, upn(alias), language));
        String hash = org.opensspr.server.crypto.PasswordHasher.owasp().hash(PASSWORD);
        server.server().database().inTransactionDo(tx -> new org.opensspr.server.signin.UserCredentials()
                .setPassword(tx, user.id(), hash, false, server.server().clock().instant()));
        new org.opensspr.server.directory.GroupService(server.server().database(), server.server().clock(),
                server.server().auditLog()).addUserMember("test", pilot, user.id());
        if (alternateEmail != null || mobilePhone != null) {
            directory.updateContact(actor, user.id(),
                    new org.opensspr.api.ContactUpdateRequest(alternateEmail, mobilePhone, null));
        }
        return upn(alias);
    }

    /** The user's mobile number in E.164, as the outbox names the recipient of a text or a call. */
    String mobileE164(String upn) {
        return server.server().directory().getUserByUpn(upn).mobilePhone().replaceAll("[^+0-9]", "");
    }

    /** The user's office number as the outbox names a call to it: E.164, then ;ext= and the extension if any. */
    String officeRecipient(String upn) {
        String[] parts = server.server().directory().getUserByUpn(upn).officePhone().split("ext\\.");
        String number = parts[0].replaceAll("[^+0-9]", "");
        return parts.length > 1 ? number + ";ext=" + parts[1].strip() : number;
    }

    /** The user's registered methods as the server holds them. */
    java.util.Set<org.opensspr.methods.AuthMethod.Registration> registered(String upn) {
        return server.server().directory().getUserByUpn(upn).registrations().stream()
                .map(org.opensspr.api.MethodRegistrationDto::kind)
                .collect(java.util.stream.Collectors.toCollection(
                        () -> java.util.EnumSet.noneOf(org.opensspr.methods.AuthMethod.Registration.class)));
    }

    /** The server's clock, which a test moves: a kiosk set by it agrees with the server about every countdown. */
    java.time.Clock clock() {
        return server.server().clock();
    }

    void advanceClock(Duration by) {
        server.server().clock().advance(by);
    }

    /** The newest emailed code for {@code address}: from GreenMail when mail goes out, else from the outbox. */
    String emailedCode(String address) {
        return mail != null ? codeFromRelay(address) : codeFromOutbox(address);
    }

    private String codeFromRelay(String address) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            MimeMessage[] received = mail.getReceivedMessages();
            for (int i = received.length - 1; i >= 0; i--) {
                try {
                    if (received[i].getAllRecipients()[0].toString().equals(address)) {
                        Matcher code = CODE.matcher(GreenMailUtil.getBody(received[i]));
                        if (code.find()) {
                            return code.group(1);
                        }
                    }
                } catch (jakarta.mail.MessagingException e) {
                    throw new IllegalStateException(e);
                }
            }
            mail.waitForIncomingEmail(500, received.length + 1);
        }
        throw new AssertionError("No code reached GreenMail for " + address);
    }

    private String codeFromOutbox(String address) {
        JsonNode outbox = outbox();
        for (JsonNode message : outbox) {
            if (message.path("recipient").asText().equals(address)) {
                Matcher code = CODE.matcher(message.path("body").asText());
                if (code.find()) {
                    return code.group(1);
                }
            }
        }
        throw new AssertionError("No code was sent to " + address + "; the outbox holds " + outbox);
    }

    /**
     * The 8-digit code in the newest message of {@code channel} ("SMS" or "VOICE") to {@code recipient} in E.164
     * (an office phone's extension as {@code ;ext=123}).
     */
    String phonedCode(String channel, String recipient) {
        JsonNode message = newest(channel, recipient);
        // A call reads the digits one by one ("0, 3, 9, …"): join them before looking for the code.
        Matcher code = CODE.matcher(message.path("body").asText().replace(", ", ""));
        if (!code.find()) {
            throw new AssertionError("No code in " + message);
        }
        return code.group(1);
    }

    /** How many messages of {@code channel} went to {@code recipient} so far. */
    long sentTo(String channel, String recipient) {
        long count = 0;
        for (JsonNode message : outbox()) {
            if (message.path("channel").asText().equals(channel) && message.path("recipient").asText().equals(recipient)) {
                count++;
            }
        }
        return count;
    }

    /** The newest app notification: its JSON body (title, message, answerUrl, choices). */
    JsonNode newestPush() {
        try {
            return Json.newMapper().readTree(newest("PUSH", null).path("body").asText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Answers a notification as the phone would: the number tapped, or DENY. Returns the HTTP status. */
    int answerPush(JsonNode push, String answer) {
        String path = java.net.URI.create(push.path("answerUrl").asText()).getRawPath();
        return server.json("POST", path, null, "{\"answer\":\"" + answer + "\"}").statusCode();
    }

    private JsonNode newest(String channel, String recipient) {
        JsonNode outbox = outbox();
        for (JsonNode message : outbox) { // newest first
            if (message.path("channel").asText().equals(channel)
                    && (recipient == null || message.path("recipient").asText().equals(recipient))) {
                return message;
            }
        }
        throw new AssertionError("No " + channel + " message to " + recipient + "; the outbox holds " + outbox);
    }

    private JsonNode outbox() {
        try {
            return Json.newMapper().readTree(server.get("/api/v1/test/outbox", null).body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Mail sent through the relay so far (0 without one). */
    int mailCount() {
        return mail == null ? 0 : mail.getReceivedMessages().length;
    }

    @Override
    public void close() {
        server.close();
        if (mail != null) {
            mail.stop();
        }
    }
}
