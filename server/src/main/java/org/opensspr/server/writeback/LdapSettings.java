package org.opensspr.server.writeback;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import com.unboundid.util.ssl.PEMFileTrustManager;
import org.opensspr.server.ServerConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStoreException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How to reach the on-premises directory. Checked as a whole with {@link #problems()} before use.
 *
 * @param urls                {@code ldaps://host[:port]} (or {@code ldap://} to a loopback address, OpenLDAP
 *                            only); several are tried in order (fail-over)
 * @param bindDn              the service account allowed to reset passwords (AD also takes {@code svc@domain})
 * @param baseDn              where to search for users
 * @param userAttribute       the attribute the account's UPN is matched against
 * @param matchLocalPart      match only the part of the UPN before '@' (e.g. {@code uid=alice} for alice@example.org)
 * @param trustedCertificates PEM file of the certificate(s) to trust for ldaps; null trusts the JVM's defaults
 * @param maxConnections      size of the service account's connection pool
 * @param defaultPasswordPolicy OpenLDAP: the ppolicy overlay's default policy entry (olcPPolicyDefault), for
 *                            users without their own pwdPolicySubentry; null when not given
 */
public record LdapSettings(List<String> urls, String bindDn, String bindPassword, String baseDn,
                           String userAttribute, boolean matchLocalPart, DirectoryFlavor flavor,
                           Duration connectTimeout, Duration responseTimeout, Path trustedCertificates,
                           int maxConnections, String defaultPasswordPolicy) {

    public static final String DEFAULT_USER_ATTRIBUTE = "userPrincipalName";
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_RESPONSE_TIMEOUT = Duration.ofSeconds(15);
    public static final int DEFAULT_MAX_CONNECTIONS = 4;
    static final Duration MAX_TIMEOUT = Duration.ofMinutes(2);

    private static final Pattern ATTRIBUTE = Pattern.compile("[A-Za-z][A-Za-z0-9-]*|[0-9]+(\\.[0-9]+)+");

    public LdapSettings {
        urls = urls == null ? List.of() : List.copyOf(urls);
        userAttribute = userAttribute == null || userAttribute.isBlank() ? DEFAULT_USER_ATTRIBUTE : userAttribute.strip();
        connectTimeout = connectTimeout == null ? DEFAULT_CONNECT_TIMEOUT : connectTimeout;
        responseTimeout = responseTimeout == null ? DEFAULT_RESPONSE_TIMEOUT : responseTimeout;
        maxConnections = maxConnections == 0 ? DEFAULT_MAX_CONNECTIONS : maxConnections;
        defaultPasswordPolicy = defaultPasswordPolicy == null || defaultPasswordPolicy.isBlank() ? null
                : defaultPasswordPolicy.strip();
    }

    /** Without a default password policy entry. */
    public LdapSettings(List<String> urls, String bindDn, String bindPassword, String baseDn, String userAttribute,
                        boolean matchLocalPart, DirectoryFlavor flavor, Duration connectTimeout,
                        Duration responseTimeout, Path trustedCertificates, int maxConnections) {
        this(urls, bindDn, bindPassword, baseDn, userAttribute, matchLocalPart, flavor, connectTimeout,
                responseTimeout, trustedCertificates, maxConnections, null);
    }

    /** Active Directory: users matched by userPrincipalName, default timeouts, JVM trust. */
    public static LdapSettings activeDirectory(List<String> urls, String bindDn, String bindPassword, String baseDn) {
        return new LdapSettings(urls, bindDn, bindPassword, baseDn, DEFAULT_USER_ATTRIBUTE, false,
                DirectoryFlavor.ACTIVE_DIRECTORY, null, null, null, 0);
    }

    /** OpenLDAP: users matched by uid against the UPN's local part, default timeouts, JVM trust. */
    public static LdapSettings openLdap(List<String> urls, String bindDn, String bindPassword, String baseDn) {
        return new LdapSettings(urls, bindDn, bindPassword, baseDn, "uid", true,
                DirectoryFlavor.OPENLDAP, null, null, null, 0);
    }

    public LdapSettings withUserAttribute(String attribute, boolean localPart) {
        return new LdapSettings(urls, bindDn, bindPassword, baseDn, attribute, localPart, flavor,
                connectTimeout, responseTimeout, trustedCertificates, maxConnections, defaultPasswordPolicy);
    }

    public LdapSettings withTimeouts(Duration connect, Duration response) {
        return new LdapSettings(urls, bindDn, bindPassword, baseDn, userAttribute, matchLocalPart, flavor,
                connect, response, trustedCertificates, maxConnections, defaultPasswordPolicy);
    }

    public LdapSettings withTrustedCertificates(Path pemFile) {
        return new LdapSettings(urls, bindDn, bindPassword, baseDn, userAttribute, matchLocalPart, flavor,
                connectTimeout, responseTimeout, pemFile, maxConnections, defaultPasswordPolicy);
    }

    /** OpenLDAP's default password policy entry, shown to users who have none of their own. */
    public LdapSettings withDefaultPasswordPolicy(String dn) {
        return new LdapSettings(urls, bindDn, bindPassword, baseDn, userAttribute, matchLocalPart, flavor,
                connectTimeout, responseTimeout, trustedCertificates, maxConnections, dn);
    }

    public LdapSettings withMaxConnections(int max) {
        return new LdapSettings(urls, bindDn, bindPassword, baseDn, userAttribute, matchLocalPart, flavor,
                connectTimeout, responseTimeout, trustedCertificates, max, defaultPasswordPolicy);
    }

    /** The value the account is looked up by. */
    String lookupValue(OnPremAccount account) {
        String upn = account.userPrincipalName();
        int at = upn.lastIndexOf('@');
        return matchLocalPart && at > 0 ? upn.substring(0, at) : upn;
    }

    /** Every reason these settings can't work, in words an operator can act on. Never shows the password. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (flavor == null) {
            problems.add("Choose the directory flavor: ACTIVE_DIRECTORY or OPENLDAP.");
        }
        if (urls.isEmpty()) {
            problems.add("Give at least one directory URL, e.g. ldaps://dc1.example.org:636.");
        }
        urls.forEach(url -> checkUrl(url, problems));
        if (bindDn == null || bindDn.isBlank()) {
            problems.add("The bind DN (the service account allowed to reset passwords) is required.");
        } else if (flavor != DirectoryFlavor.ACTIVE_DIRECTORY && !DN.isValidDN(bindDn)) {
            problems.add("The bind DN \"" + bindDn + "\" is not a valid DN.");
        }
        if (bindPassword == null || bindPassword.isEmpty()) {
            problems.add("The bind password of the service account is required.");
        }
        if (baseDn == null || baseDn.isBlank() || !DN.isValidDN(baseDn)) {
            problems.add("The base DN to search users under must be a valid DN, e.g. DC=example,DC=org.");
        }
        if (!ATTRIBUTE.matcher(userAttribute).matches()) {
            problems.add("The user attribute \"" + userAttribute + "\" is not an attribute name.");
        }
        checkTimeout("connect timeout", connectTimeout, problems);
        checkTimeout("response timeout", responseTimeout, problems);
        if (maxConnections < 1 || maxConnections > 64) {
            problems.add("The connection pool size must be from 1 to 64; it is " + maxConnections + ".");
        }
        if (trustedCertificates != null) {
            checkTrustFile(problems);
        }
        if (defaultPasswordPolicy != null && flavor == DirectoryFlavor.ACTIVE_DIRECTORY) {
            problems.add("A default password policy entry is for OpenLDAP's ppolicy; Active Directory's comes from"
                    + " the domain and the user's fine-grained policy.");
        } else if (defaultPasswordPolicy != null && !DN.isValidDN(defaultPasswordPolicy)) {
            problems.add("The default password policy \"" + defaultPasswordPolicy + "\" is not a valid DN.");
        }
        return problems;
    }

    private void checkUrl(String url, List<String> problems) {
        LDAPURL parsed;
        try {
            parsed = new LDAPURL(url);
        } catch (LDAPException e) {
            problems.add("\"" + url + "\" is not an LDAP URL (ldaps://host:636).");
            return;
        }
        String scheme = parsed.getScheme();
        if (!parsed.hostProvided()) {
            problems.add("The URL \"" + url + "\" names no host.");
        } else if (scheme.equals("ldap") && flavor == DirectoryFlavor.ACTIVE_DIRECTORY) {
            problems.add("Active Directory only accepts password changes over an encrypted connection: "
                    + "use ldaps:// instead of \"" + url + "\".");
        } else if (scheme.equals("ldap") && !ServerConfig.isLoopback(parsed.getHost())) {
            problems.add("\"" + url + "\" would send passwords unencrypted; plain ldap:// is only allowed "
                    + "to a loopback address. Use ldaps://.");
        } else if (!scheme.equals("ldap") && !scheme.equals("ldaps")) {
            problems.add("The URL \"" + url + "\" must start with ldaps:// (or ldap:// on loopback).");
        }
    }

    private static void checkTimeout(String name, Duration timeout, List<String> problems) {
        if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(MAX_TIMEOUT) > 0) {
            problems.add("The " + name + " must be more than 0 and at most " + MAX_TIMEOUT.toSeconds()
                    + " seconds; it is " + timeout.toMillis() + " ms.");
        }
    }

    private void checkTrustFile(List<String> problems) {
        if (!Files.isReadable(trustedCertificates)) {
            problems.add("The trusted certificate file " + trustedCertificates + " can't be read.");
            return;
        }
        try {
            new PEMFileTrustManager(trustedCertificates.toFile());
        } catch (KeyStoreException e) {
            problems.add("The trusted certificate file " + trustedCertificates
                    + " holds no PEM certificate that can be used.");
        }
    }

    @Override
    public String toString() {
        return "LdapSettings[urls=" + urls + ", bindDn=" + bindDn + ", bindPassword=" + (bindPassword == null ? "null"
                : "***") + ", baseDn=" + baseDn + ", userAttribute=" + userAttribute + ", matchLocalPart="
                + matchLocalPart + ", flavor=" + flavor + ", connectTimeout=" + connectTimeout + ", responseTimeout="
                + responseTimeout + ", trustedCertificates=" + trustedCertificates + ", maxConnections="
                + maxConnections + ", defaultPasswordPolicy=" + defaultPasswordPolicy + "]";
    }
}
