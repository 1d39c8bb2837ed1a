package org.opensspr.server.writeback;

import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import org.opensspr.password.DirectoryPasswordPolicy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads the password policy that applies to one on-premises user, so the kiosk can show it:
 * <ul>
 * <li>Active Directory: the user's {@code msDS-ResultantPSO} (a fine-grained policy, which wins) or else
 *     the domain object's {@code minPwdLength}, {@code pwdProperties} (bit 1: complexity),
 *     {@code pwdHistoryLength}, {@code minPwdAge}, {@code maxPwdAge};</li>
 * <li>OpenLDAP: the user's {@code pwdPolicySubentry} or else the overlay's default policy entry, when
 *     configured ({@code pwdMinLength}, {@code pwdMaxLength}, {@code pwdInHistory}, {@code pwdCheckQuality},
 *     {@code pwdMinAge}, {@code pwdMaxAge}).</li>
 * </ul>
 * Policy entries are cached for {@link #CACHE_FOR} (they change rarely; the user's link to one is read
 * each time). Empty when anything can't be read: the caller says so rather than guess.
 */
final class DirectoryPolicyReader {
    /** How long a policy entry is trusted without reading it again. */
    static final Duration CACHE_FOR = Duration.ofMinutes(5);
    static final String RESULTANT_PSO = "msDS-ResultantPSO";
    static final String PPOLICY_SUBENTRY = "pwdPolicySubentry";
    /** pwdProperties' DOMAIN_PASSWORD_COMPLEX bit. */
    private static final int DOMAIN_PASSWORD_COMPLEX = 1;
    private static final String NAMING_CONTEXT = "defaultNamingContext";

    private record Cached(DirectoryPasswordPolicy policy, Instant until) {
    }

    private final LdapSettings settings;
    private final LdapConnections connections;
    private final Clock clock;
    private final Optional<String> defaultPpolicyDn;
    private final Map<String, Cached> byEntry = new ConcurrentHashMap<>();

    DirectoryPolicyReader(LdapSettings settings, LdapConnections connections, Clock clock,
                          Optional<String> defaultPpolicyDn) {
        this.settings = settings;
        this.connections = connections;
        this.clock = clock;
        this.defaultPpolicyDn = defaultPpolicyDn;
    }

    Optional<DirectoryPasswordPolicy> policyFor(OnPremAccount account) {
        LDAPConnection connection;
        try {
            connection = connections.borrow();
        } catch (LDAPException e) {
            return Optional.empty();
        }
        boolean usable = true;
        try {
            return read(connection, account);
        } catch (LDAPException e) {
            usable = LdapOutcomes.usable(e);
            return Optional.empty();
        } finally {
            connections.release(connection, usable);
        }
    }

    private Optional<DirectoryPasswordPolicy> read(LDAPConnection connection, OnPremAccount account)
            throws LDAPException {
        boolean ad = settings.flavor() == DirectoryFlavor.ACTIVE_DIRECTORY;
        String link = ad ? RESULTANT_PSO : PPOLICY_SUBENTRY;
        SearchRequest request = new SearchRequest(settings.baseDn(), SearchScope.SUB,
                Filter.createEqualityFilter(settings.userAttribute(), settings.lookupValue(account)), link);
        request.setSizeLimit(2);
        List<SearchResultEntry> users = connection.search(request).getSearchEntries();
        if (users.size() != 1) {
            return Optional.empty();
        }
        Optional<String> linked = Optional.ofNullable(users.getFirst().getAttributeValue(link));
        if (ad) {
            return linked.isPresent() ? cached(connection, linked.get(), PolicyEntries::fineGrained)
                    : domainDn(connection).flatMap(dn -> cachedQuietly(connection, dn, PolicyEntries::domain));
        }
        Optional<String> dn = linked.or(() -> defaultPpolicyDn);
        return dn.isEmpty() ? Optional.empty() : cached(connection, dn.get(), PolicyEntries::ppolicy);
    }

    private interface Parse {
        Optional<DirectoryPasswordPolicy> of(SearchResultEntry entry);
    }

    private Optional<DirectoryPasswordPolicy> cached(LDAPConnection connection, String dn, Parse parse)
            throws LDAPException {
        Instant now = clock.instant();
        Cached hit = byEntry.get(dn);
        if (hit != null && now.isBefore(hit.until())) {
            return Optional.of(hit.policy());
        }
        SearchResultEntry entry = connection.getEntry(dn, PolicyEntries.ATTRIBUTES);
        Optional<DirectoryPasswordPolicy> policy = entry == null ? Optional.empty() : parse.of(entry);
        policy.ifPresent(p -> byEntry.put(dn, new Cached(p, now.plus(CACHE_FOR))));
        return policy;
    }

    private Optional<DirectoryPasswordPolicy> cachedQuietly(LDAPConnection connection, String dn, Parse parse) {
        try {
            return cached(connection, dn, parse);
        } catch (LDAPException e) {
            return Optional.empty();
        }
    }

    /** The domain object: the root DSE's default naming context (the base DN may be an OU below it). */
    private Optional<String> domainDn(LDAPConnection connection) throws LDAPException {
        SearchResultEntry root = connection.getEntry("", NAMING_CONTEXT);
        return Optional.ofNullable(root == null ? null : root.getAttributeValue(NAMING_CONTEXT));
    }

    static boolean complexityBit(Integer pwdProperties) {
        return pwdProperties != null && (pwdProperties & DOMAIN_PASSWORD_COMPLEX) != 0;
    }
}
