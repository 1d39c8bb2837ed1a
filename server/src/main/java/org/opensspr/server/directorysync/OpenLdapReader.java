package org.opensspr.server.directorysync;

import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SearchResultEntry;
import org.opensspr.directory.ContactInfo;
import org.opensspr.directory.UserSource;
import org.opensspr.server.directory.UserDraft;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * OpenLDAP: inetOrgPerson users and groupOfNames / groupOfUniqueNames groups by entryUUID. A user's UPN is
 * {@code uid@suffix} when a suffix is configured, else its {@code mail}; ppolicy's permanent lock
 * ({@code pwdAccountLockedTime=000001010000Z}) disables it. A delta reads entries whose modifyTimestamp is at or
 * after the newest one the last run read. OpenLDAP keeps no tombstones, so deletions are seen by a full sync.
 */
final class OpenLdapReader implements DirectoryReader {
    static final String LOCKED_BY_ADMINISTRATOR = "000001010000Z";
    private static final Filter USERS = Filter.createEqualityFilter("objectClass", "inetOrgPerson");
    private static final Filter GROUPS = Filter.createORFilter(Filter.createEqualityFilter("objectClass", "groupOfNames"),
            Filter.createEqualityFilter("objectClass", "groupOfUniqueNames"));
    private static final String[] ATTRIBUTES = {"entryUUID", "objectClass", "uid", "mail", "givenName", "sn",
            "displayName", "cn", "mobile", "telephoneNumber", "preferredLanguage", "pwdAccountLockedTime",
            "description", "member", "uniqueMember", "modifyTimestamp"};

    private final String baseDn;
    private final String upnSuffix;

    OpenLdapReader(String baseDn, String upnSuffix) {
        this.baseDn = baseDn;
        this.upnSuffix = upnSuffix;
    }

    @Override
    public SyncCursor position(LDAPConnection connection) {
        return new SyncCursor("openldap", 0, "");
    }

    @Override
    public String unusableReason(SyncCursor cursor, SyncCursor now) {
        return cursor == null || cursor.stamp().isEmpty() ? "no earlier run to continue from" : null;
    }

    @Override
    public DirectoryBatch readAll(LDAPConnection connection, SyncCursor now, Progress progress) throws LDAPException {
        return read(connection, Filter.createORFilter(USERS, GROUPS), true, "", progress);
    }

    @Override
    public DirectoryBatch readChanged(LDAPConnection connection, SyncCursor from, SyncCursor now, Progress progress)
            throws LDAPException {
        Filter changed = Filter.createANDFilter(Filter.createGreaterOrEqualFilter("modifyTimestamp", from.stamp()),
                Filter.createORFilter(USERS, GROUPS));
        return read(connection, changed, false, from.stamp(), progress);
    }

    private DirectoryBatch read(LDAPConnection connection, Filter filter, boolean complete, String newest,
                                Progress progress) throws LDAPException {
        PagedSearch search = new PagedSearch(connection);
        List<SourceUser> users = new ArrayList<>();
        List<SourceGroup> groups = new ArrayList<>();
        String[] stamp = {newest};
        search.each(baseDn, filter, List.of(), entry -> {
            String anchor = entry.getAttributeValue("entryUUID");
            if (anchor != null) {
                if (entry.hasObjectClass("inetOrgPerson")) {
                    users.add(user(entry, anchor.toLowerCase()));
                } else {
                    groups.add(group(search, entry, anchor.toLowerCase()));
                }
            }
            String modified = entry.getAttributeValue("modifyTimestamp");
            if (modified != null && modified.compareTo(stamp[0]) > 0) {
                stamp[0] = modified;
            }
            progress.read(search.entriesRead(), users.size(), groups.size());
        }, ATTRIBUTES);
        return new DirectoryBatch(complete, users, groups, Set.of(), new SyncCursor("openldap", 0, stamp[0]),
                search.entriesRead());
    }

    private SourceUser user(SearchResultEntry entry, String anchor) {
        String uid = text(entry, "uid");
        String upn = upnSuffix.isEmpty() ? text(entry, "mail") : uid.isEmpty() ? "" : uid + "@" + upnSuffix;
        String displayName = text(entry, "displayName");
        boolean enabled = !LOCKED_BY_ADMINISTRATOR.equals(entry.getAttributeValue("pwdAccountLockedTime"));
        UserDraft draft = new UserDraft(upn, text(entry, "givenName"), text(entry, "sn"),
                displayName.isBlank() ? text(entry, "cn") : displayName, UserSource.ON_PREMISES, enabled, false,
                new ContactInfo(text(entry, "mail"), "", text(entry, "mobile"), text(entry, "telephoneNumber")),
                text(entry, "preferredLanguage"));
        return new SourceUser(anchor, DirectorySyncSettings.dnKey(entry.getDN()), draft);
    }

    private static SourceGroup group(PagedSearch search, SearchResultEntry entry, String anchor) throws LDAPException {
        // uniqueMember may end in "#'0101'B" (an optional unique id); the DN is what comes before it
        List<String> members = Stream.concat(search.allValues(entry, "member").stream(),
                        search.allValues(entry, "uniqueMember").stream().map(v -> v.replaceFirst("#'[01]*'B$", "")))
                .map(DirectorySyncSettings::dnKey).toList();
        return new SourceGroup(anchor, DirectorySyncSettings.dnKey(entry.getDN()), text(entry, "cn"),
                entry.getAttributeValue("description"), members);
    }

    private static String text(SearchResultEntry entry, String attribute) {
        String value = entry.getAttributeValue(attribute);
        return value == null ? "" : value;
    }
}
