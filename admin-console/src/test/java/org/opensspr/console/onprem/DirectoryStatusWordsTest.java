package org.opensspr.console.onprem;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opensspr.api.ConnectionTestDto;
import org.opensspr.api.RightCheckDto;
import org.opensspr.api.RightCheckDto.Right;
import org.opensspr.api.RightCheckDto.State;
import org.opensspr.api.ServerCheckDto;
import org.opensspr.api.TestUserCheckDto;
import org.opensspr.api.WritebackIntentDto;
import org.opensspr.api.WritebackStatusDto;
import org.opensspr.console.ConsoleContext;
import org.opensspr.console.ConsoleOptions;
import org.opensspr.ui.settings.UiSettings;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** What the On-premises pane says of the directory, its writebacks and a connection test. */
class DirectoryStatusWordsTest {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);
    private static final Instant NINE = Instant.parse("2026-12-06T09:00:00Z");
    private static final WritebackStatusDto CONFIGURED = new WritebackStatusDto(true, "ACTIVE_DIRECTORY",
            List.of("ldaps://dc1.contoso.example", "ldaps://dc2.contoso.example"), "DC=contoso,DC=example",
            "svc-sspr@contoso.example", null, null, 0);

    @TempDir
    Path directory;

    @Test
    void namesTheDirectoryOrSaysWhyThereIsNone() {
        ConsoleContext english = context("en");

        assertThat(DirectoryStatusWords.connection(english, null, "")).startsWith("Asking the server");
        assertThat(DirectoryStatusWords.connection(english, new WritebackStatusDto(false, null, List.of(), null, null,
                null, null, 0), "")).startsWith("This server has no on-premises directory configured").contains("--ldap-url");
        assertThat(DirectoryStatusWords.connection(english, CONFIGURED, "")).isEqualTo("Active Directory at"
                + " ldaps://dc1.contoso.example, ldaps://dc2.contoso.example, signing in as svc-sspr@contoso.example;"
                + " users are looked up under DC=contoso,DC=example.");
        assertThat(DirectoryStatusWords.connection(english, CONFIGURED, "it failed")).isEqualTo("it failed");
    }

    @Test
    void saysHowTheLastWritebacksWent() {
        ConsoleContext english = context("en");
        WritebackIntentDto done = new WritebackIntentDto("i1", "u1", "f1", "RESET", "DONE", NINE, NINE.plusSeconds(1), "");
        WritebackIntentDto failed = new WritebackIntentDto("i0", "u2", null, "UNLOCK", "FAILED", NINE.minusSeconds(3600),
                NINE.minusSeconds(3599), "the directory can't be reached: connect error");

        assertThat(DirectoryStatusWords.writebacks(english, WHEN, null)).isEmpty();
        assertThat(DirectoryStatusWords.writebacks(english, WHEN, CONFIGURED))
                .containsExactly("No password has been written back yet.");
        assertThat(DirectoryStatusWords.writebacks(english, WHEN, new WritebackStatusDto(false, null, List.of(), null,
                null, null, null, 0))).as("nothing to say of writebacks that can't happen").isEmpty();
        assertThat(DirectoryStatusWords.writebacks(english, WHEN, new WritebackStatusDto(true, "ACTIVE_DIRECTORY",
                List.of("ldaps://dc1"), "DC=x", "svc", done, failed, 2))).containsExactly(
                "Last writeback: password reset, done, 2026-12-06 09:00.",
                "Last failure: unlock on 2026-12-06 08:00: the directory can't be reached: connect error",
                "2 writebacks have an unknown outcome: the server couldn't tell whether the directory applied it."
                        + " Check those accounts in the directory.");
        assertThat(DirectoryStatusWords.writebacks(english, WHEN, new WritebackStatusDto(true, "OPENLDAP",
                List.of("ldaps://ldap1"), "dc=x", "cn=svc", failed, failed, 1))).containsExactly(
                "Last writeback: unlock, failed, 2026-12-06 08:00.",
                "Why: the directory can't be reached: connect error",
                "One writeback has an unknown outcome: the server couldn't tell whether the directory applied it."
                        + " Check those accounts in the directory.");
    }

    @Test
    void describesEachServerAndTheTestUsersRights() {
        ConsoleContext english = context("en");
        ServerCheckDto good = new ServerCheckDto("ldaps://dc1.contoso.example", true, true, true, "Samba 4.17.12",
                "TLSv1.3", "TLS_AES_256_GCM_SHA384", "CN=dc1", "CN=Contoso CA", NINE, 42, null);
        ServerCheckDto bad = new ServerCheckDto("ldaps://dc2.contoso.example", false, false, false, null, null, null,
                null, null, null, 2000, "Can't connect: connect error (91): Connection refused");
        ConnectionTestDto test = new ConnectionTestDto(List.of(good, bad), new TestUserCheckDto("kim@contoso.example",
                true, "CN=Kim,CN=Users,DC=contoso,DC=example", List.of(new RightCheckDto(Right.RESET_PASSWORD,
                State.NOT_CHECKABLE), new RightCheckDto(Right.WRITE_LOCKOUT_TIME, State.MISSING))), false);

        assertThat(DirectoryStatusWords.verdict(english, test)).startsWith("The connection has problems");
        assertThat(DirectoryStatusWords.server(english, WHEN, good)).isEqualTo("✔ ldaps://dc1.contoso.example:"
                + " Samba 4.17.12; TLSv1.3 with TLS_AES_256_GCM_SHA384, certificate CN=dc1 issued by CN=Contoso CA,"
                + " valid until 2026-12-06 09:00; answered in 42 ms.");
        assertThat(DirectoryStatusWords.server(english, WHEN, bad))
                .isEqualTo("✘ ldaps://dc2.contoso.example: Can't connect: connect error (91): Connection refused");
        assertThat(DirectoryStatusWords.testUser(english, test.testUser())).containsExactly(
                "Test user kim@contoso.example: CN=Kim,CN=Users,DC=contoso,DC=example",
                "Reset password: can't be read without a change; the first reset shows it",
                "Write lockoutTime (unlock): missing: delegate it to the service account");
        assertThat(DirectoryStatusWords.testUser(english, new TestUserCheckDto("ghost@contoso.example", false, null,
                List.of()))).containsExactly("Test user ghost@contoso.example: not found under the base DN"
                + " (or more than one entry matches).");
    }

    @Test
    void speaksSpanish() {
        ConsoleContext spanish = context("es");

        assertThat(DirectoryStatusWords.connection(spanish, CONFIGURED, "")).startsWith("Active Directory en");
        assertThat(DirectoryStatusWords.writebacks(spanish, WHEN, CONFIGURED))
                .containsExactly("Todavía no se ha escrito ninguna contraseña en el directorio.");
        assertThat(DirectoryStatusWords.testUser(spanish, new TestUserCheckDto("kim@contoso.example", true, "CN=Kim",
                List.of(new RightCheckDto(Right.WRITE_PWD_LAST_SET, State.GRANTED)))))
                .contains("Escribir pwdLastSet (cambio obligatorio en el siguiente inicio de sesión): concedido");
    }

    private ConsoleContext context(String language) {
        UiSettings settings = new UiSettings(directory.resolve(language + ".properties"));
        settings.put(ConsoleContext.LANGUAGE_SETTING, language);
        return ConsoleContext.forRun(new ConsoleOptions(null, null, null), settings, Locale.US, null);
    }
}
