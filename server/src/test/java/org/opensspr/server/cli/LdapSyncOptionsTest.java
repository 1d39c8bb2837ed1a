package org.opensspr.server.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code --ldap-sync-every} and {@code --ldap-sync-upn-suffix}: off unless given, durations as operators write them. */
class LdapSyncOptionsTest {
    private static final String[] DIRECTORY = {"--ldap-url", "ldaps://dc1.example.org", "--ldap-bind-dn",
            "svc@example.org", "--ldap-base-dn", "DC=example,DC=org"};

    @Test
    void withoutTheOptionsTheSyncRunsOnDemandOnly() {
        RunCommand command = parse();
        assertThat(command.ldap.syncSettings(command.ldap.settings())).isNull();
    }

    @Test
    void theIntervalIsReadInMinutesHoursOrIso() {
        assertThat(every("15m")).isEqualTo(Duration.ofMinutes(15));
        assertThat(every("2h")).isEqualTo(Duration.ofHours(2));
        assertThat(every("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(every("PT30M")).isEqualTo(Duration.ofMinutes(30));
        assertThatThrownBy(() -> every("soon")).isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("15m");
        RunCommand command = parse("--ldap-sync-every", "30s");
        assertThat(command.ldap.syncSettings(command.ldap.settings()).problems()).singleElement().asString()
                .contains("at least 1 minute");
    }

    @Test
    void theUpnSuffixIsTakenForOpenLdap() {
        RunCommand command = parse("--ldap-flavor", "OPENLDAP", "--ldap-sync-upn-suffix", "example.org");
        var settings = command.ldap.syncSettings(command.ldap.settings());
        assertThat(settings.upnSuffix()).isEqualTo("example.org");
        assertThat(settings.every()).isNull();
    }

    private static Duration every(String value) {
        RunCommand command = parse("--ldap-sync-every", value);
        return command.ldap.syncSettings(command.ldap.settings()).every();
    }

    @Test
    void openLdapsDefaultPasswordPolicyEntryIsTakenAsGiven() {
        RunCommand command = parse("--ldap-flavor", "OPENLDAP", "--ldap-default-password-policy",
                "cn=default,ou=policies,dc=example,dc=org");
        assertThat(command.ldap.settings().defaultPasswordPolicy()).isEqualTo("cn=default,ou=policies,dc=example,dc=org");
        assertThat(parse().ldap.settings().defaultPasswordPolicy()).isNull();
    }

    private static RunCommand parse(String... extra) {
        RunCommand command = new RunCommand();
        String[] args = new String[DIRECTORY.length + extra.length];
        System.arraycopy(DIRECTORY, 0, args, 0, DIRECTORY.length);
        System.arraycopy(extra, 0, args, DIRECTORY.length, extra.length);
        new CommandLine(command).parseArgs(args);
        return command;
    }
}
