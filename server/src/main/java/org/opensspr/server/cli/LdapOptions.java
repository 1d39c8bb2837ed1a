package org.opensspr.server.cli;

import org.opensspr.server.writeback.DirectoryFlavor;
import org.opensspr.server.writeback.LdapSettings;
import picocli.CommandLine.Option;

import java.nio.file.Path;
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

    LdapSettings settings() {
        String password = passwordVariable == null ? null : System.getenv(passwordVariable);
        LdapSettings settings = flavor == DirectoryFlavor.OPENLDAP
                ? LdapSettings.openLdap(urls, bindDn, password, baseDn)
                : LdapSettings.activeDirectory(urls, bindDn, password, baseDn);
        return trustedCertificates == null ? settings : settings.withTrustedCertificates(trustedCertificates);
    }
}
