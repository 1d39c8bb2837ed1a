package org.opensspr.server.writeback;

import com.unboundid.ldap.sdk.ExtendedResult;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPSearchException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.ModifyRequest;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.extensions.PasswordModifyExtendedRequest;
import com.unboundid.ldap.sdk.unboundidds.controls.PasswordPolicyRequestControl;
import org.opensspr.password.DirectoryRefusal;

import com.unboundid.util.StaticUtils;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Optional;
import java.util.List;
import java.util.Objects;

/**
 * Writes passwords and clears lockouts in Active Directory or OpenLDAP over LDAP(S), as the configured
 * service account. The entry is found by the account's UPN (or its local part) under the base DN;
 * then, by flavor:
 * <ul>
 * <li>ACTIVE_DIRECTORY: reset replaces {@code unicodePwd} (an admin reset: AD skips history and minimum
 *     age) and sets {@code lockoutTime} to 0 in the same modify, so a reset also unlocks (and, when the
 *     administrator asks for it, {@code pwdLastSet} to 0: must change at next sign-in); change deletes the
 *     old and adds the new value in one modify (a user change: AD applies all rules); unlock sets
 *     {@code lockoutTime} to 0. Accounts with {@code adminCount=1} are refused.</li>
 * <li>OPENLDAP: reset uses the password modify extended operation (RFC 3062) on the user's DN, so the
 *     server hashes the password and ppolicy clears a lockout; must-change sets {@code pwdReset: TRUE}
 *     after it; change binds as the user and uses the password modify extended
 *     operation (so ppolicy treats it as the user's own change); unlock deletes {@code pwdAccountLockedTime}.</li>
 * </ul>
 */
public final class LdapPasswordWriteback implements PasswordWriteback, AutoCloseable {
    static final String UNICODE_PWD = "unicodePwd";
    static final String LOCKOUT_TIME = "lockoutTime";
    static final String ADMIN_COUNT = "adminCount";
    static final String USER_PASSWORD = "userPassword";
    static final String LOCKED_TIME = "pwdAccountLockedTime";
    static final String PWD_LAST_SET = "pwdLastSet";
    static final String PWD_CHANGED_TIME = "pwdChangedTime";
    static final String PWD_RESET = "pwdReset";
    private static final Instant AD_EPOCH = Instant.parse("1601-01-01T00:00:00Z");

    private final LdapSettings settings;
    private final LdapConnections connections;
    private final DirectoryPolicyReader policies;

    /** Checks the settings (throws with every problem) and prepares the pool without contacting the directory. */
    public LdapPasswordWriteback(LdapSettings settings) {
        List<String> problems = settings.problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("The directory settings can't be used: " + String.join(" ", problems));
        }
        this.settings = settings;
        this.connections = new LdapConnections(settings);
        this.policies = new DirectoryPolicyReader(settings, connections, java.time.Clock.systemUTC(),
                Optional.ofNullable(settings.defaultPasswordPolicy()));
    }

    @Override
    public Optional<org.opensspr.password.DirectoryPasswordPolicy> policyFor(OnPremAccount account) {
        return policies.policyFor(account);
    }

    @Override
    public WritebackResult resetPassword(OnPremAccount account, String newPassword, boolean mustChange) {
        Objects.requireNonNull(newPassword, "newPassword");
        String right = mustChange ? "reset this password and require a change at next sign-in" : "reset this password";
        return withEntry(account, right, (connection, entry) -> {
            if (isActiveDirectory()) {
                // One modify, so AD applies all or nothing: a reset that left the account locked would give
                // the user a password they can't sign in with, and one without pwdLastSet=0 a password the
                // administrator meant to be temporary.
                List<Modification> changes = new ArrayList<>(List.of(
                        new Modification(ModificationType.REPLACE, UNICODE_PWD, unicodePwd(newPassword)),
                        new Modification(ModificationType.REPLACE, LOCKOUT_TIME, "0")));
                if (mustChange) {
                    changes.add(new Modification(ModificationType.REPLACE, PWD_LAST_SET, "0"));
                }
                connection.modify(new ModifyRequest(entry.getDN(), changes));
                return WritebackResult.DONE;
            }
            WritebackResult reset = resetByExtendedOperation(connection, entry.getDN(), newPassword);
            return mustChange && reset instanceof WritebackResult.Done ? requireChange(connection, entry.getDN()) : reset;
        }, newPassword);
    }

    /**
     * ppolicy's must-change mark, set right after the reset (the extended operation carries no other
     * attribute, and slapd clears pwdReset on a reset by anyone but the rootdn). Should it be refused, the
     * password is already set: the result says so, and never claims the requirement was taken.
     */
    private static WritebackResult requireChange(LDAPConnection connection, String userDn) {
        try {
            connection.modify(userDn, new Modification(ModificationType.REPLACE, PWD_RESET, "TRUE"));
            return WritebackResult.DONE;
        } catch (LDAPException e) {
            String why = e.getResultCode() == ResultCode.INSUFFICIENT_ACCESS_RIGHTS
                    ? "the service account lacks the right to write " + PWD_RESET : e.getResultCode().getName();
            return new WritebackResult.Unavailable("the new password was set, but the directory did not take the "
                    + "requirement to change it at next sign-in (" + why + ")", true);
        }
    }

    @Override
    public WritebackResult unlock(OnPremAccount account) {
        return withEntry(account, "clear this account's lockout", (connection, entry) -> {
            if (isActiveDirectory()) {
                connection.modify(entry.getDN(), new Modification(ModificationType.REPLACE, LOCKOUT_TIME, "0"));
                return WritebackResult.DONE;
            }
            try {
                connection.modify(entry.getDN(), new Modification(ModificationType.DELETE, LOCKED_TIME));
            } catch (LDAPException e) {
                if (e.getResultCode() != ResultCode.NO_SUCH_ATTRIBUTE) {
                    throw e;
                }
                // not locked: nothing to clear, and that is the outcome the caller wants
            }
            return WritebackResult.DONE;
        });
    }

    /** A search and a modify, each on a connection that may be opened anew and bound, once retried. */
    @Override
    public java.time.Duration longestCall() {
        return settings.connectTimeout().plus(settings.responseTimeout().multipliedBy(2)).multipliedBy(2);
    }

    @Override
    public Optional<AccountState> read(OnPremAccount account) {
        String changed = isActiveDirectory() ? PWD_LAST_SET : PWD_CHANGED_TIME;
        String locked = isActiveDirectory() ? LOCKOUT_TIME : LOCKED_TIME;
        LDAPConnection connection;
        try {
            connection = connections.borrow();
        } catch (LDAPException e) {
            return Optional.empty();
        }
        boolean usable = true;
        try {
            SearchRequest request = new SearchRequest(settings.baseDn(), SearchScope.SUB,
                    Filter.createEqualityFilter(settings.userAttribute(), settings.lookupValue(account)), changed, locked);
            request.setSizeLimit(2);
            List<SearchResultEntry> entries = connection.search(request).getSearchEntries();
            if (entries.size() != 1) {
                return Optional.empty();
            }
            SearchResultEntry entry = entries.getFirst();
            boolean isLocked = isActiveDirectory()
                    ? entry.hasAttribute(LOCKOUT_TIME) && !"0".equals(entry.getAttributeValue(LOCKOUT_TIME))
                    : entry.hasAttribute(LOCKED_TIME);
            return Optional.of(new AccountState(changedAt(entry.getAttributeValue(changed)), isLocked));
        } catch (LDAPException e) {
            usable = LdapOutcomes.usable(e);
            return Optional.empty();
        } finally {
            connections.release(connection, usable);
        }
    }

    /** AD: 100-ns intervals since 1601 (0: must change at next sign-in, no time); ppolicy: a generalized time. */
    private Optional<Instant> changedAt(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            if (isActiveDirectory()) {
                long ticks = Long.parseLong(value.strip());
                return ticks <= 0 ? Optional.empty()
                        : Optional.of(AD_EPOCH.plusSeconds(ticks / 10_000_000L).plusNanos(ticks % 10_000_000L * 100));
            }
            return Optional.of(StaticUtils.decodeGeneralizedTime(value).toInstant());
        } catch (NumberFormatException | java.text.ParseException e) {
            return Optional.empty();
        }
    }

    @Override
    public WritebackResult changePassword(OnPremAccount account, String currentPassword, String newPassword) {
        Objects.requireNonNull(currentPassword, "currentPassword");
        Objects.requireNonNull(newPassword, "newPassword");
        return withEntry(account, "change this password", (connection, entry) -> {
            if (!isActiveDirectory()) {
                return changeAsUser(entry.getDN(), currentPassword, newPassword);
            }
            connection.modify(new ModifyRequest(entry.getDN(),
                    new Modification(ModificationType.DELETE, UNICODE_PWD, unicodePwd(currentPassword)),
                    new Modification(ModificationType.ADD, UNICODE_PWD, unicodePwd(newPassword))));
            return WritebackResult.DONE;
        }, currentPassword, newPassword);
    }

    @Override
    public void close() {
        connections.close();
    }

    /** AD's password value: the password in double quotes, encoded as UTF-16LE. */
    static byte[] unicodePwd(String password) {
        return ('"' + password + '"').getBytes(StandardCharsets.UTF_16LE);
    }

    private boolean isActiveDirectory() {
        return settings.flavor() == DirectoryFlavor.ACTIVE_DIRECTORY;
    }

    private interface Change {
        WritebackResult apply(LDAPConnection connection, SearchResultEntry entry) throws LDAPException;
    }

    /** Finds the account's entry with a pooled connection, then applies {@code change} on that connection. */
    private WritebackResult withEntry(OnPremAccount account, String right, Change change, String... secrets) {
        for (int attempt = 1; ; attempt++) {
            LDAPConnection connection;
            try {
                connection = connections.borrow();
            } catch (LDAPException e) {
                return LdapOutcomes.unreachable(e);
            }
            List<SearchResultEntry> entries;
            try {
                entries = search(connection, account);
            } catch (LDAPException e) {
                boolean usable = LdapOutcomes.usable(e);
                connections.release(connection, usable);
                if (!usable && attempt == 1) {
                    continue; // a pooled connection may have gone stale (idle timeout, directory restart)
                }
                return LdapOutcomes.beforeChange(e);
            }
            return changeEntry(connection, account, entries, right, change, secrets);
        }
    }

    private WritebackResult changeEntry(LDAPConnection connection, OnPremAccount account,
                                        List<SearchResultEntry> entries, String right, Change change,
                                        String... secrets) {
        boolean usable = true;
        try {
            if (entries.isEmpty()) {
                return WritebackResult.NOT_FOUND;
            }
            if (entries.size() > 1) {
                return new WritebackResult.Unavailable("more than one directory entry has " + settings.userAttribute()
                        + "=" + settings.lookupValue(account) + "; nothing was changed");
            }
            SearchResultEntry entry = entries.getFirst();
            if (isActiveDirectory() && Integer.valueOf(1).equals(entry.getAttributeValueAsInteger(ADMIN_COUNT))) {
                return new WritebackResult.RejectedByPolicy(DirectoryRefusal.PROTECTED_ACCOUNT,
                        "The account is protected in Active Directory (adminCount=1); self-service password reset"
                                + " does not change protected accounts.");
            }
            return change.apply(connection, entry);
        } catch (LDAPException e) {
            usable = LdapOutcomes.usable(e);
            return ServiceAccountRights.lacking(e, right, secrets).orElseGet(() -> LdapOutcomes.ofChange(e, secrets));
        } finally {
            connections.release(connection, usable);
        }
    }

    /** At most two entries: one is the answer, two means the attribute doesn't identify users. */
    private List<SearchResultEntry> search(LDAPConnection connection, OnPremAccount account) throws LDAPException {
        SearchRequest request = new SearchRequest(settings.baseDn(), SearchScope.SUB,
                Filter.createEqualityFilter(settings.userAttribute(), settings.lookupValue(account)),
                isActiveDirectory() ? ADMIN_COUNT : "1.1");
        request.setSizeLimit(2);
        try {
            return connection.search(request).getSearchEntries();
        } catch (LDAPSearchException e) {
            if (e.getResultCode() == ResultCode.SIZE_LIMIT_EXCEEDED) {
                return e.getSearchEntries();
            }
            throw e;
        }
    }

    /**
     * OpenLDAP's reset: the password modify extended operation names the user, so slapd hashes the password
     * by its own scheme (a plain modify stores clear text unless ppolicy's olcPPolicyHashCleartext is on), and
     * ppolicy treats it as an administrator's change: it clears pwdAccountLockedTime and pwdFailureTime, so
     * a reset also unlocks, and applies its quality and history rules.
     */
    private static WritebackResult resetByExtendedOperation(LDAPConnection connection, String userDn, String newPassword)
            throws LDAPException {
        // the ppolicy control asks OpenLDAP to say exactly why it refuses (LdapOutcomes reads it)
        ExtendedResult result = connection.processExtendedOperation(new PasswordModifyExtendedRequest(userDn, null,
                newPassword, new com.unboundid.ldap.sdk.Control[] {new PasswordPolicyRequestControl()}));
        if (result.getResultCode() != ResultCode.SUCCESS) {
            throw new LDAPException(result);
        }
        return WritebackResult.DONE;
    }

    /** OpenLDAP's user change: bound as the user, through the password modify extended operation. */
    private WritebackResult changeAsUser(String userDn, String currentPassword, String newPassword) {
        LDAPConnection connection;
        try {
            connection = connections.open();
        } catch (LDAPException e) {
            return LdapOutcomes.unreachable(e);
        }
        try (connection) {
            try {
                connection.bind(userDn, currentPassword);
            } catch (LDAPException e) {
                if (e.getResultCode() == ResultCode.INVALID_CREDENTIALS) {
                    return new WritebackResult.RejectedByPolicy(DirectoryRefusal.WRONG_CURRENT_PASSWORD,
                            "The directory did not accept the current password (invalidCredentials).");
                }
                return LdapOutcomes.beforeChange(e);
            }
            try {
                ExtendedResult result = connection.processExtendedOperation(
                        new PasswordModifyExtendedRequest(null, currentPassword, newPassword,
                                new com.unboundid.ldap.sdk.Control[] {new PasswordPolicyRequestControl()}));
                if (result.getResultCode() != ResultCode.SUCCESS) {
                    throw new LDAPException(result);
                }
                return WritebackResult.DONE;
            } catch (LDAPException e) {
                return LdapOutcomes.ofChange(e, currentPassword, newPassword);
            }
        }
    }
}
