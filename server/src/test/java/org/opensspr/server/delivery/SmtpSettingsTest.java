package org.opensspr.server.delivery;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Every setting checked up front, each problem in words an operator can act on. */
class SmtpSettingsTest {
    private static final MailFrom FROM = new MailFrom("sspr@contoso.example", "Contoso IT");

    @TempDir
    Path files;

    @ParameterizedTest(name = "{0}:{1} {2} user={3} → {5}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            smtp.contoso.example | 0     | STARTTLS | relay | pw | -
            smtp.contoso.example | 2525  | NONE     | -     | -  | -
            127.0.0.1            | 25    | NONE     | relay | pw | -
            localhost            | 25    | NONE     | relay | pw | -
            -                    | 587   | STARTTLS | -     | -  | The SMTP host is missing.
            'smtp contoso'       | 587   | STARTTLS | -     | -  | is not a host name or an IP address
            smtp.contoso.example | 70000 | STARTTLS | -     | -  | The SMTP port must be from 1 to 65535; it is 70000.
            smtp.contoso.example | 587   | -        | -     | -  | Choose the SMTP security: NONE, STARTTLS or SMTPS.
            smtp.contoso.example | 587   | STARTTLS | relay | -  | The SMTP user name is set but its password is not.
            smtp.contoso.example | 587   | STARTTLS | -     | pw | The SMTP password is set but the user name is not.
            smtp.contoso.example | 25    | NONE     | relay | pw | would cross the network unencrypted
            """)
    void checksHostPortSecurityAndCredentials(String host, int port, SmtpSettings.Security security, String user,
                                              String password, String expectedProblem) {
        SmtpSettings settings = SmtpSettings.of(host, port, security, user, password, FROM);

        if (expectedProblem == null) {
            assertThat(settings.problems()).isEmpty();
        } else {
            assertThat(settings.problems()).singleElement().asString().contains(expectedProblem);
        }
    }

    @ParameterizedTest(name = "{0} → port {1}")
    @CsvSource(textBlock = """
            NONE,     25
            STARTTLS, 587
            SMTPS,    465
            """)
    void portZeroMeansTheSecuritysUsualPort(SmtpSettings.Security security, int port) {
        assertThat(SmtpSettings.of("smtp.contoso.example", 0, security, null, null, FROM).port()).isEqualTo(port);
    }

    @ParameterizedTest(name = "from ''{0}'' → {1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            sspr@contoso.example     | -
            ''                       | The sender address is missing.
            nobody                   | The sender address 'nobody' is not a valid email address.
            'two words@contoso.test' | is not a valid email address
            """)
    void checksTheSender(String address, String expectedProblem) {
        SmtpSettings settings = SmtpSettings.of("smtp.contoso.example", 0, SmtpSettings.Security.STARTTLS, null, null,
                new MailFrom(address, "Contoso IT"));

        if (expectedProblem == null) {
            assertThat(settings.problems()).isEmpty();
        } else {
            assertThat(settings.problems()).singleElement().asString().contains(expectedProblem);
        }
    }

    @Test
    void defaultTimeoutsAreTenSecondsAndOutOfRangeOnesAreProblems() {
        SmtpSettings defaults = SmtpSettings.of("smtp.contoso.example", 0, SmtpSettings.Security.SMTPS, null, null, FROM);
        SmtpSettings wrong = new SmtpSettings("smtp.contoso.example", 0, SmtpSettings.Security.SMTPS, null, null, FROM,
                Duration.ZERO, Duration.ofMinutes(6), Duration.ofSeconds(10), null);

        assertThat(defaults.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(defaults.readTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(defaults.writeTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(wrong.problems()).containsExactly(
                "The SMTP connect timeout must be from 1 second to 5 minutes; it is 0 s.",
                "The SMTP read timeout must be from 1 second to 5 minutes; it is 360 s.");
    }

    @Test
    void checksTheTrustedCertificatesFile() {
        Path pem = TestCertificates.writePem(files.resolve("relay.pem"), TestCertificates.greenMail());
        SmtpSettings base = SmtpSettings.of("smtp.contoso.example", 0, SmtpSettings.Security.STARTTLS, null, null, FROM);

        assertThat(base.withTrustedCertificates(pem).problems()).isEmpty();
        assertThat(base.withTrustedCertificates(files.resolve("missing.pem")).problems()).singleElement().asString()
                .contains("can't be read");
        assertThat(SmtpSettings.of("smtp.contoso.example", 0, SmtpSettings.Security.NONE, null, null, FROM)
                .withTrustedCertificates(pem).problems()).singleElement().asString()
                .contains("apply only to STARTTLS or SMTPS");
    }

    @Test
    void theTextFormNeverShowsThePassword() {
        SmtpSettings settings = SmtpSettings.of("smtp.contoso.example", 0, SmtpSettings.Security.STARTTLS, "relay",
                "hunter2-Secret", FROM);

        assertThat(settings.toString()).doesNotContain("hunter2-Secret").contains("password=(set)").contains("relay");
    }
}
