package org.opensspr.server.delivery;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Who gets which notice, in which language, saying what (docs/design.md §14). */
class ResetNotificationsTest {
    private static final Instant AT = Instant.parse("2026-11-05T14:30:00Z");
    private static final ResetNotifications NOTIFICATIONS = new ResetNotifications(ZoneId.of("UTC"));

    private static MailContact user(String primary, String alternate, String language) {
        return new MailContact("Adele Vance", "adelev@contoso.example", primary, alternate, language);
    }

    @ParameterizedTest(name = "primary={0} alternate={1} → {2}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            adele@contoso.example | adele.v@fabrikam.example | adele@contoso.example;adele.v@fabrikam.example
            -                     | adele.v@fabrikam.example | adele.v@fabrikam.example
            adele@contoso.example | -                        | adele@contoso.example
            -                     | -                        | adelev@contoso.example
            '  '                  | ''                       | adelev@contoso.example
            adele@contoso.example | ADELE@contoso.example    | adele@contoso.example
            """)
    void userNoticesGoToPrimaryAndAlternateElseTheUpn(String primary, String alternate, String expected) {
        MailContact adele = user(primary, alternate, "en");
        List<String> recipients = Arrays.asList(expected.split(";"));

        assertThat(ResetNotifications.userRecipients(adele)).containsExactlyElementsOf(recipients);
        assertThat(NOTIFICATIONS.passwordReset(adele, "Contoso", AT)).extracting(EmailMessage::to)
                .containsExactlyElementsOf(recipients);
        assertThat(NOTIFICATIONS.accountUnlocked(adele, "Contoso", AT)).extracting(EmailMessage::to)
                .containsExactlyElementsOf(recipients);
    }

    @ParameterizedTest(name = "language ''{0}'' → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            en     | Your Contoso password was reset
            en-US  | Your Contoso password was reset
            es     | Se restableció la contraseña de su cuenta de Contoso
            es-MX  | Se restableció la contraseña de su cuenta de Contoso
            es_ES  | Se restableció la contraseña de su cuenta de Contoso
            fr     | Your Contoso password was reset
            ''     | Your Contoso password was reset
            xx-!!  | Your Contoso password was reset
            """)
    void theUsersLanguageIsUsedAndAnythingUnknownFallsBackToEnglish(String language, String subject) {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.of("es"));
        try {
            assertThat(NOTIFICATIONS.passwordReset(user("adele@contoso.example", "", language), "Contoso", AT))
                    .singleElement().extracting(EmailMessage::subject).isEqualTo(subject);
        } finally {
            Locale.setDefault(before);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            en | Contoso account verification code                | Your Contoso verification code is 48151623 | valid for 5 minutes | If you didn't ask for this code, ignore this message.
            es | Código de verificación de la cuenta de Contoso   | Su código de verificación de Contoso es 48151623 | válido durante 5 minutos | Si no solicitó este código, ignore este mensaje.
            """)
    void theCodeEmailCarriesTheCodeItsValidityAndWhatToDoIfUnasked(String language, String subject, String codeLine,
                                                                     String validity, String ignore) {
        EmailMessage email = NOTIFICATIONS.verificationCode(user("adele@contoso.example", "adele.v@fabrikam.example",
                language), "adele.v@fabrikam.example", "48151623", Duration.ofMinutes(5), "Contoso");

        assertThat(email.to()).isEqualTo("adele.v@fabrikam.example");
        assertThat(email.subject()).isEqualTo(subject).doesNotContain("48151623");
        assertThat(email.textBody()).contains(codeLine).contains(validity).contains(ignore).contains("Adele Vance");
    }

    @Test
    void aCodeIsOneNonBlankLine() {
        MailContact adele = user("", "adele.v@fabrikam.example", "en");
        for (String code : new String[]{"", "  ", "1234\n5678"}) {
            assertThatThrownBy(() -> NOTIFICATIONS.verificationCode(adele, "adele.v@fabrikam.example", code,
                    Duration.ofMinutes(5), "Contoso"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("1234"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            en | The password of your Contoso account adelev@contoso.example was reset on November 5, 2026 at 14:30 UTC.
            es | La contraseña de su cuenta de Contoso, adelev@contoso.example, se restableció el 5 de noviembre de 2026 a las 14:30 UTC.
            """)
    void theResetNoticeNamesTheAccountAndTheTime(String language, String sentence) {
        EmailMessage notice = NOTIFICATIONS.passwordReset(user("adele@contoso.example", "", language), "Contoso", AT)
                .getFirst();

        assertThat(notice.textBody()).contains(sentence);
    }

    @Test
    void theUnlockNoticeSaysThePasswordDidNotChange() {
        EmailMessage notice = NOTIFICATIONS.accountUnlocked(user("", "", "en"), "Contoso", AT).getFirst();

        assertThat(notice.to()).isEqualTo("adelev@contoso.example");
        assertThat(notice.subject()).isEqualTo("Your Contoso account was unlocked");
        assertThat(notice.textBody()).contains("was unlocked on November 5, 2026 at 14:30 UTC")
                .contains("password did not change");
    }

    @Test
    void timesAreShownInTheOrganizationsTimeZone() {
        ResetNotifications madrid = new ResetNotifications(ZoneId.of("Europe/Madrid"));

        assertThat(madrid.passwordReset(user("adele@contoso.example", "", "es"), "Contoso", AT).getFirst().textBody())
                .contains("el 5 de noviembre de 2026 a las 15:30 CET");
    }

    @Test
    void everyGlobalAdministratorWithAPrimaryEmailIsToldInTheirLanguageExceptTheOneWhoReset() {
        MailContact resetter = new MailContact("Megan Bowen", "meganb@contoso.example", "megan@contoso.example", "", "en");
        List<MailContact> globalAdministrators = List.of(
                new MailContact("Alex Wilber", "alexw@contoso.example", "alex@contoso.example", "alex@fabrikam.example", "en"),
                new MailContact("Begoña Núñez", "begonan@contoso.example", "begona@contoso.example", "", "es-ES"),
                new MailContact("No Mail", "nomail@contoso.example", "", "nomail@fabrikam.example", "en"),
                resetter,
                new MailContact("Alex again", "alexw2@contoso.example", "ALEX@contoso.example", "", "en"));

        List<EmailMessage> notices = NOTIFICATIONS.administratorReset(resetter, globalAdministrators, "Contoso", AT);

        assertThat(notices).extracting(EmailMessage::to).containsExactly("alex@contoso.example", "begona@contoso.example");
        assertThat(notices.get(0).subject()).isEqualTo("Contoso: an administrator reset their password");
        assertThat(notices.get(0).textBody()).startsWith("Hello Alex Wilber,")
                .contains("Megan Bowen (meganb@contoso.example), who holds an administrator role in Contoso, reset their own password")
                .contains("November 5, 2026 at 14:30 UTC");
        assertThat(notices.get(1).subject()).isEqualTo("Contoso: un administrador restableció su contraseña");
        assertThat(notices.get(1).textBody()).startsWith("Hola, Begoña Núñez:").contains("Megan Bowen (meganb@contoso.example)");
    }

    @Test
    void withoutAnOrganizationNameTheProductNameIsUsedAndWithoutADisplayNameTheUpn() {
        MailContact anonymous = new MailContact("", "x@contoso.example", "", "", "");

        EmailMessage notice = NOTIFICATIONS.passwordReset(anonymous, " ", AT).getFirst();

        assertThat(notice.subject()).isEqualTo("Your OpenSSPR password was reset");
        assertThat(notice.textBody()).startsWith("Hello x@contoso.example,");
    }

    @Test
    void theSpanishBundleHasEveryKeyWithTheSamePlaceholders() throws Exception {
        Properties english = load("ResetNotifications.properties");
        Properties spanish = load("ResetNotifications_es.properties");

        assertThat(spanish.stringPropertyNames()).isEqualTo(english.stringPropertyNames());
        for (String key : english.stringPropertyNames()) {
            assertThat(placeholders(spanish.getProperty(key))).as(key).isEqualTo(placeholders(english.getProperty(key)));
        }
    }

    private static Properties load(String name) throws Exception {
        Properties properties = new Properties();
        try (var in = ResetNotifications.class.getResourceAsStream(name);
             var reader = new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    private static java.util.Set<String> placeholders(String pattern) {
        return java.util.regex.Pattern.compile("\\{\\d}").matcher(pattern).results()
                .map(java.util.regex.MatchResult::group).collect(java.util.stream.Collectors.toSet());
    }
}
