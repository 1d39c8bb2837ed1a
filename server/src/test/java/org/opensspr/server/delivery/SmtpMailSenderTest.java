package org.opensspr.server.delivery;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * SMTP delivery against GreenMail as the relay: plain, STARTTLS (through {@link SmtpFront}, since
 * GreenMail has none) and SMTPS, with authentication and every trust decision, and how each failure
 * is classified — permanent only when the recipient or the message itself is refused.
 */
class SmtpMailSenderTest {
    private static final String PASSWORD = "s3cret-Relay!";
    private static final Instant QUEUED = Instant.parse("2026-11-05T14:30:00Z");
    private static final MailFrom FROM = new MailFrom("sspr@contoso.example", "Contoso TI – Autoservicio");
    private static final String SUBJECT = "Código de verificación de la cuenta de Contoso";
    private static final String BODY = "Hola, Begoña Núñez:\n\nSu código de verificación de Contoso es 12345678\n\n"
            + "El código es válido durante 5 minutos.\n";

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = new GreenMailExtension(
            ServerSetup.dynamicPort(new ServerSetup[]{ServerSetupTest.SMTP, ServerSetupTest.SMTPS}))
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("relay@example.org", "relay", PASSWORD));

    @TempDir
    Path files;

    private final Clock clock = Clock.fixed(QUEUED.plusSeconds(3), ZoneOffset.UTC);

    private static QueuedEmail email(String to) {
        return new QueuedEmail(7, QUEUED, new EmailMessage(to, SUBJECT, BODY));
    }

    private SmtpMailSender sender(int port, SmtpSettings.Security security, String user, String password, Path trust) {
        return new SmtpMailSender(SmtpSettings.of("127.0.0.1", port, security, user, password, FROM)
                .withTrustedCertificates(trust), clock);
    }

    private static int plainPort() {
        return GREEN_MAIL.getSmtp().getPort();
    }

    @Test
    void plainSmtpDeliversUtf8TextWithSenderNameStableMessageIdAndAutoSubmitted() throws Exception {
        sender(plainPort(), SmtpSettings.Security.NONE, null, null, null).send(email("begona@fabrikam.example"));

        MimeMessage[] received = GREEN_MAIL.getReceivedMessages();
        assertThat(received).hasSize(1);
        MimeMessage message = received[0];
        InternetAddress from = (InternetAddress) message.getFrom()[0];
        assertThat(from.getAddress()).isEqualTo("sspr@contoso.example");
        assertThat(from.getPersonal()).isEqualTo("Contoso TI – Autoservicio");
        assertThat(message.getAllRecipients()).extracting(Object::toString).containsExactly("begona@fabrikam.example");
        assertThat(message.getSubject()).isEqualTo(SUBJECT);
        assertThat(message.getContentType()).containsIgnoringCase("text/plain").containsIgnoringCase("charset=UTF-8");
        // GreenMail drops the final line break when it stores a message.
        assertThat(((String) message.getContent()).replace("\r\n", "\n")).isEqualTo(BODY.strip());
        assertThat(message.getMessageID()).isEqualTo("<opensspr.7." + QUEUED.toEpochMilli() + "@contoso.example>");
        assertThat(message.getHeader("Auto-Submitted", null)).isEqualTo("auto-generated");
        assertThat(message.getSentDate().toInstant()).isEqualTo(clock.instant());
    }

    @Test
    void startTlsWithAuthenticationUpgradesBeforeLoggingIn() throws Exception {
        TestCertificates.Issued authority = TestCertificates.authority("Contoso Mail CA");
        TestCertificates.Issued relay = TestCertificates.server(authority, "127.0.0.1");
        Path trust = TestCertificates.writePem(files.resolve("ca.pem"), authority.certificate());
        try (SmtpFront front = new SmtpFront(plainPort(), SmtpFront.Mode.STARTTLS,
                TestCertificates.serverContext(relay), address -> null)) {
            sender(front.port(), SmtpSettings.Security.STARTTLS, "relay", PASSWORD, trust).send(email("ana@example.org"));

            assertThat(front.tlsHandshakes()).isEqualTo(1);
        }
        assertThat(GREEN_MAIL.getReceivedMessages()).hasSize(1);
        assertThat(GREEN_MAIL.getReceivedMessages()[0].getSubject()).isEqualTo(SUBJECT);
    }

    @Test
    void startTlsIsRequiredNotOpportunistic() {
        SmtpMailSender sender = sender(plainPort(), SmtpSettings.Security.STARTTLS, null, null, null);

        DeliveryException refused = catchThrowableOfType(DeliveryException.class, () -> sender.send(email("ana@example.org")));

        assertThat(refused.permanent()).isFalse();
        assertThat(refused.getMessage()).contains("STARTTLS");
        assertThat(GREEN_MAIL.getReceivedMessages()).isEmpty();
    }

    @Test
    void smtpsWithAuthenticationTrustsGreenMailsPinnedSelfSignedCertificate() throws Exception {
        Path pin = TestCertificates.writePem(files.resolve("greenmail.pem"), TestCertificates.greenMail());

        sender(GREEN_MAIL.getSmtps().getPort(), SmtpSettings.Security.SMTPS, "relay", PASSWORD, pin)
                .send(email("ana@example.org"));

        assertThat(GREEN_MAIL.getReceivedMessages()).hasSize(1);
        assertThat(GREEN_MAIL.getReceivedMessages()[0].getAllRecipients()[0].toString()).isEqualTo("ana@example.org");
    }

    @Test
    void theSystemsAuthoritiesDoNotVouchForASelfSignedRelay() {
        SmtpMailSender sender = sender(GREEN_MAIL.getSmtps().getPort(), SmtpSettings.Security.SMTPS, "relay", PASSWORD, null);

        DeliveryException refused = catchThrowableOfType(DeliveryException.class, () -> sender.send(email("ana@example.org")));

        assertThat(refused.permanent()).isFalse();
        assertThat(refused.getMessage()).containsIgnoringCase("certification path");
        assertThat(GREEN_MAIL.getReceivedMessages()).isEmpty();
    }

    @Test
    void aPinForAnotherCertificateRefusesTheRelay() {
        TestCertificates.Issued other = TestCertificates.authority("Some other relay");
        Path pin = TestCertificates.writePem(files.resolve("other.pem"), other.certificate());
        SmtpMailSender sender = sender(GREEN_MAIL.getSmtps().getPort(), SmtpSettings.Security.SMTPS, "relay", PASSWORD, pin);

        DeliveryException refused = catchThrowableOfType(DeliveryException.class, () -> sender.send(email("ana@example.org")));

        assertThat(refused.permanent()).isFalse();
        assertThat(GREEN_MAIL.getReceivedMessages()).isEmpty();
    }

    @ParameterizedTest(name = "certificate for {0} → delivered: {1}")
    @CsvSource(textBlock = """
            127.0.0.1,          true
            mail.example.test,  false
            """)
    void aCertificateFromATrustedIssuerMustNameTheRelay(String certificateName, boolean delivered) {
        TestCertificates.Issued authority = TestCertificates.authority("Contoso Mail CA");
        TestCertificates.Issued relay = TestCertificates.server(authority, certificateName);
        Path trust = TestCertificates.writePem(files.resolve("ca.pem"), authority.certificate());
        try (SmtpFront front = new SmtpFront(plainPort(), SmtpFront.Mode.IMPLICIT_TLS,
                TestCertificates.serverContext(relay), address -> null)) {
            SmtpMailSender sender = sender(front.port(), SmtpSettings.Security.SMTPS, "relay", PASSWORD, trust);
            if (delivered) {
                assertThatNoDeliveryException(sender);
            } else {
                DeliveryException refused = catchThrowableOfType(DeliveryException.class,
                        () -> sender.send(email("ana@example.org")));
                assertThat(refused.permanent()).isFalse();
                assertThat(refused.getMessage()).containsIgnoringCase("127.0.0.1");
            }
        }
        assertThat(GREEN_MAIL.getReceivedMessages()).hasSize(delivered ? 1 : 0);
    }

    private static void assertThatNoDeliveryException(SmtpMailSender sender) {
        try {
            sender.send(email("ana@example.org"));
        } catch (DeliveryException e) {
            throw new AssertionError("expected delivery, got: " + e.getMessage(), e);
        }
    }

    @Test
    void aRefusedPasswordIsTransientVisibleAndNeverRepeated() {
        SmtpMailSender sender = sender(GREEN_MAIL.getSmtps().getPort(), SmtpSettings.Security.SMTPS, "relay",
                "wrong-" + PASSWORD, TestCertificates.writePem(files.resolve("gm.pem"), TestCertificates.greenMail()));

        DeliveryException refused = catchThrowableOfType(DeliveryException.class, () -> sender.send(email("ana@example.org")));

        assertThat(refused.permanent()).isFalse();
        assertThat(refused.getMessage()).contains("user name or password").contains("535");
        assertThat(refused.getMessage()).doesNotContain(PASSWORD);
        assertThat(GREEN_MAIL.getReceivedMessages()).isEmpty();
    }

    @ParameterizedTest(name = "{0} → permanent: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            550 5.1.1 <gone@example.org>: Recipient address rejected: User unknown | true
            450 4.2.1 <gone@example.org>: Mailbox busy, try again later           | false
            """)
    void aRecipientRefusedWith5xxIsPermanentWith4xxTransient(String reply, boolean permanent) {
        try (SmtpFront front = new SmtpFront(plainPort(), SmtpFront.Mode.PLAIN, null,
                address -> address.equals("gone@example.org") ? reply : null)) {
            SmtpMailSender sender = sender(front.port(), SmtpSettings.Security.NONE, null, null, null);

            DeliveryException refused = catchThrowableOfType(DeliveryException.class,
                    () -> sender.send(email("gone@example.org")));

            assertThat(refused.permanent()).isEqualTo(permanent);
            assertThat(refused.getMessage()).contains(reply.substring(0, 9));
        }
        assertThat(GREEN_MAIL.getReceivedMessages()).isEmpty();
    }

    @Test
    void anUnreachableRelayIsTransient() throws IOException {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            closedPort = probe.getLocalPort();
        }
        SmtpMailSender sender = sender(closedPort, SmtpSettings.Security.NONE, null, null, null);

        DeliveryException refused = catchThrowableOfType(DeliveryException.class, () -> sender.send(email("ana@example.org")));

        assertThat(refused.permanent()).isFalse();
        assertThat(refused.getMessage()).containsIgnoringCase("connect").contains(Integer.toString(closedPort));
    }

    @Test
    void aMalformedRecipientFailsPermanentlyWithoutConnecting() {
        SmtpMailSender sender = sender(plainPort(), SmtpSettings.Security.NONE, null, null, null);

        DeliveryException refused = catchThrowableOfType(DeliveryException.class, () -> sender.send(email("not an address")));

        assertThat(refused.permanent()).isTrue();
        assertThat(refused.getMessage()).contains("not an address");
    }

    @Test
    void invalidSettingsAreRefusedWithEveryProblem() {
        assertThatThrownBy(() -> new SmtpMailSender(SmtpSettings.of("", 0, SmtpSettings.Security.STARTTLS, "relay",
                null, new MailFrom("nobody", "")), clock))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("host is missing")
                .hasMessageContaining("password is not")
                .hasMessageContaining("'nobody' is not a valid email address");
    }

    @ParameterizedTest(name = "{0} {1} → permanent: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            DATA      | 554 | true
            DATA      | 451 | false
            MAIL FROM | 550 | false
            MAIL FROM | 530 | false
            """)
    void refusalsAfterConnectingAreClassifiedByCommandAndCode(String command, int code, boolean permanent) {
        SMTPSendFailedException failure = new SMTPSendFailedException(command, code, code + " refused", null,
                null, null, null);

        assertThat(SmtpMailSender.classify(failure).permanent()).isEqualTo(permanent);
    }

    @Test
    void refusedRecipientsAndPasswordsAreClassifiedThroughTheChain() throws Exception {
        InternetAddress gone = new InternetAddress("gone@example.org");
        MessagingException recipient = new SendFailedException("Invalid Addresses",
                new SMTPAddressFailedException(gone, "RCPT TO:<gone@example.org>", 550, "550 no such user"));

        assertThat(SmtpMailSender.classify(recipient).permanent()).isTrue();
        assertThat(SmtpMailSender.classify(new AuthenticationFailedException("535 5.7.8 nope")).permanent()).isFalse();
    }
}
