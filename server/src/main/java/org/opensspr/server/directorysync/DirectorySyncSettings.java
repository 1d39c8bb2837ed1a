package org.opensspr.server.directorysync;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.LDAPException;
import org.opensspr.server.writeback.LdapSettings;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What the directory sync reads and how often, on top of the writeback's {@link LdapSettings} (same servers,
 * service account and base DN).
 *
 * @param every     how often the server runs a delta sync by itself; null: only on demand
 * @param upnSuffix OpenLDAP only: a user's UPN is {@code uid@upnSuffix}; null or blank: the user's {@code mail}
 */
public record DirectorySyncSettings(LdapSettings ldap, Duration every, String upnSuffix) {
    /** A sync more often than this would keep a large directory busy for nothing. */
    public static final Duration MIN_EVERY = Duration.ofMinutes(1);

    public DirectorySyncSettings {
        upnSuffix = upnSuffix == null ? "" : upnSuffix.strip();
    }

    public static DirectorySyncSettings onDemand(LdapSettings ldap) {
        return new DirectorySyncSettings(ldap, null, null);
    }

    /** The key the sync's cursor, lease and runs are stored under: the base DN, normalized. */
    public String directoryKey() {
        return dnKey(ldap.baseDn());
    }

    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (every != null && every.compareTo(MIN_EVERY) < 0) {
            problems.add("--ldap-sync-every must be at least " + MIN_EVERY.toMinutes() + " minute; it is "
                    + every.toSeconds() + " s.");
        }
        if (!upnSuffix.isEmpty() && !upnSuffix.matches("[A-Za-z0-9.-]+\\.[A-Za-z0-9-]+")) {
            problems.add("--ldap-sync-upn-suffix must be a domain name such as example.org; it is '" + upnSuffix + "'.");
        }
        return problems;
    }

    /** A DN in one spelling (case, spaces and escapes normalized), as entries and member values are compared. */
    static String dnKey(String dn) {
        try {
            return new DN(dn).toNormalizedString();
        } catch (LDAPException e) {
            return dn.strip().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
