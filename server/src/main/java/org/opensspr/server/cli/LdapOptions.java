package org.opensspr.server.cli;

import org.opensspr.server.directorysync.DirectorySyncSettings;
import org.opensspr.server.writeback.DirectoryFlavor;
import org.opensspr.server.writeback.LdapSettings;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** {@code --ldap-*}: the on-premises directory (AD or OpenLDAP) that receives password writeback. */
final class LdapOptions {
    @Option(names = "--ldap-url", required = true, paramLabel = "URL", split = ",",
            description = "ldaps://dc1.example.org[,ldaps://dc2…]; ldap:// only on loopback.")
    List<String> urls;

    @Option(names = "--ldap-flavor", paramLabel = "KIND", description = "ACTIVE_DIRECTORY (default) or OPENLDAP.")
    DirectoryFlavor flavor = DirectoryFlavor.ACTIVE_DIRECTORY;

    @Option(names = "--ldap-bind-dn", required = true, paramLabel = "DN", description = "The service account.")
    String bindDn;

    @Option(names = "--ldap-bind-password-env", paramLabel = "VAR", defaultValue = "OPENSSPR_LDAP_PASSWORD",
            description = "Environment variable holding the service account's password (default: ${DEFAULT-VALUE}).")
    String passwordVariable;

    @Option(names = "--ldap-base-dn", required = true, paramLabel = "DN", description = "Where users are searched.")
    String baseDn;

    @Option(names = "--ldap-trusted-certificates", paramLabel = "FILE", description = "PEM certificates to trust for ldaps.")
    Path trustedCertificates;

    @Option(names = "--ldap-default-password-policy", paramLabel = "DN",
            description = "OPENLDAP only: the ppolicy overlay's default policy entry (olcPPolicyDefault), shown at the"
                    + " kiosk to users without their own pwdPolicySubentry.")
    String defaultPasswordPolicy;

    @Option(names = "--ldap-sync-every", paramLabel = "DURATION", converter = SyncInterval.class,
            description = "Sync users and groups from the directory this often (e.g. 15m, 1h; at least 1m): a delta"
                    + " since the last run. Off when not given; a sync can always be started from the API.")
    Duration syncEvery;

    @Option(names = "--ldap-sync-upn-suffix", paramLabel = "DOMAIN",
            description = "OPENLDAP only: a synced user's UPN is uid@DOMAIN; without it, the user's mail.")
    String syncUpnSuffix;

    /** The sync's settings over the same directory; null when neither option is given (on demand only). */
    DirectorySyncSettings syncSettings(LdapSettings ldap) {
        return syncEvery == null && syncUpnSuffix == null ? null
                : new DirectorySyncSettings(ldap, syncEvery, syncUpnSuffix);
    }

    /** 90s, 15m, 2h, 1d, or ISO-8601 (PT15M). */
    static final class SyncInterval implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            String text = value.strip().toLowerCase(java.util.Locale.ROOT);
            if (text.matches("\\d+[smhd]")) {
                long n = Long.parseLong(text.substring(0, text.length() - 1));
                return switch (text.charAt(text.length() - 1)) {
                    case 's' -> Duration.ofSeconds(n);
                    case 'm' -> Duration.ofMinutes(n);
                    case 'h' -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                };
            }
            try {
                return Duration.parse(value.strip().toUpperCase(java.util.Locale.ROOT));
            } catch (java.time.format.DateTimeParseException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a duration such as 15m, 1h or PT15M");
            }
        }
    }

    LdapSettings settings() {
        String password = passwordVariable == null ? null : System.getenv(passwordVariable);
        LdapSettings settings = flavor == DirectoryFlavor.OPENLDAP
                ? LdapSettings.openLdap(urls, bindDn, password, baseDn)
                : LdapSettings.activeDirectory(urls, bindDn, password, baseDn);
        settings = defaultPasswordPolicy == null ? settings : settings.withDefaultPasswordPolicy(defaultPasswordPolicy);
        return trustedCertificates == null ? settings : settings.withTrustedCertificates(trustedCertificates);
    }
}
