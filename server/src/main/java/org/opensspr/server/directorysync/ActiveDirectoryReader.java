package org.opensspr.server.directorysync;

import com.unboundid.ldap.sdk.Control;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchResultEntry;
import org.opensspr.directory.ContactInfo;
import org.opensspr.directory.UserSource;
import org.opensspr.server.directory.UserDraft;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Active Directory (and Samba AD): users and groups by objectGUID. A delta reads the objects whose uSNChanged
 * is above the cursor's highestCommittedUSN on the same domain controller, in the whole naming context so that
 * an object moved out of the base DN is seen leaving, and the tombstones of deleted objects with the
 * show-deleted control.
 */
final class ActiveDirectoryReader implements DirectoryReader {
    /** LDAP_SERVER_SHOW_DELETED_OID: lets a search see tombstones (isDeleted=TRUE), which keep objectGUID. */
    static final String SHOW_DELETED = "1.2.840.113556.1.4.417";
    private static final int ACCOUNTDISABLE = 0x2;
    private static final Filter USERS_AND_GROUPS = Filter.createORFilter(
            Filter.createANDFilter(Filter.createEqualityFilter("objectClass", "user"),
                    Filter.createNOTFilter(Filter.createEqualityFilter("objectClass", "computer"))),
            Filter.createEqualityFilter("objectClass", "group"));
    private static final String[] ATTRIBUTES = {"objectGUID", "objectClass", "userPrincipalName", "givenName", "sn",
            "displayName", "cn", "mail", "otherMailbox", "mobile", "telephoneNumber", "preferredLanguage",
            "userAccountControl", "adminCount", "description", "member"};

    private final DN base;

    ActiveDirectoryReader(String baseDn) throws LDAPException {
        this.base = new DN(baseDn);
    }

    @Override
    public SyncCursor position(LDAPConnection connection) throws LDAPException {
        SearchResultEntry root = connection.getEntry("", "highestCommittedUSN", "dsServiceName");
        if (root == null || root.getAttributeValue("highestCommittedUSN") == null) {
            throw new LDAPException(ResultCode.NO_SUCH_ATTRIBUTE, "The directory's root DSE shows no"
                    + " highestCommittedUSN: is it Active Directory?");
        }
        String service = root.getAttributeValue("dsServiceName");
        SearchResultEntry settings = connection.getEntry(service, "invocationId");
        byte[] invocation = settings == null ? null : settings.getAttributeValueBytes("invocationId");
        String server = service + " invocationId=" + (invocation == null ? "?" : ObjectGuid.text(invocation));
        return new SyncCursor(server, Long.parseLong(root.getAttributeValue("highestCommittedUSN")), "");
    }

    @Override
    public String unusableReason(SyncCursor cursor, SyncCursor now) {
        if (cursor == null) {
            return "no earlier run to continue from";
        }
        if (!cursor.server().equals(now.server())) {
            return "update sequence numbers are per domain controller and the last run read " + cursor.server()
                    + ", this one " + now.server();
        }
        if (now.usn() < cursor.usn()) {
            return "the domain controller's highestCommittedUSN went back (" + now.usn() + " < " + cursor.usn() + ")";
        }
        return null;
    }

    @Override
    public DirectoryBatch readAll(LDAPConnection connection, SyncCursor now, Progress progress) throws LDAPException {
        Collected collected = new Collected(new PagedSearch(connection), progress);
        collected.search.each(base.toString(), USERS_AND_GROUPS, List.of(), collected::take, ATTRIBUTES);
        return new DirectoryBatch(true, collected.users, collected.groups, Set.of(), now, collected.search.entriesRead());
    }

    @Override
    public DirectoryBatch readChanged(LDAPConnection connection, SyncCursor from, SyncCursor now, Progress progress)
            throws LDAPException {
        Collected collected = new Collected(new PagedSearch(connection), progress);
        String after = Long.toString(from.usn() + 1);
        String context = namingContextOf(connection);
        Filter changed = Filter.createANDFilter(Filter.createGreaterOrEqualFilter("uSNChanged", after), USERS_AND_GROUPS);
        collected.search.each(context, changed, List.of(), entry -> {
            if (entry.getParsedDN().isDescendantOf(base, true)) {
                collected.take(entry);
            } else {
                collected.gone(entry);
            }
        }, ATTRIBUTES);
        Filter deleted = Filter.createANDFilter(Filter.createEqualityFilter("isDeleted", "TRUE"),
                Filter.createGreaterOrEqualFilter("uSNChanged", after));
        collected.search.each(context, deleted, List.of(new Control(SHOW_DELETED, true)), collected::gone, "objectGUID");
        return new DirectoryBatch(false, collected.users, collected.groups, collected.gone, now,
                collected.search.entriesRead());
    }

    /** The domain naming context holding the base DN (deleted objects go to its Deleted Objects container). */
    private String namingContextOf(LDAPConnection connection) throws LDAPException {
        SearchResultEntry root = connection.getEntry("", "namingContexts", "defaultNamingContext");
        String best = base.toString();
        int depth = -1;
        for (String context : root == null ? new String[0] : root.getAttributeValues("namingContexts")) {
            DN dn = new DN(context);
            if (base.isDescendantOf(dn, true) && dn.getRDNs().length > depth) {
                best = context;
                depth = dn.getRDNs().length;
            }
        }
        return best;
    }

    private static final class Collected {
        final PagedSearch search;
        final Progress progress;
        final List<SourceUser> users = new ArrayList<>();
        final List<SourceGroup> groups = new ArrayList<>();
        final Set<String> gone = new HashSet<>();

        Collected(PagedSearch search, Progress progress) {
            this.search = search;
            this.progress = progress;
        }

        void take(SearchResultEntry entry) throws LDAPException {
            byte[] guid = entry.getAttributeValueBytes("objectGUID");
            if (guid != null) {
                if (entry.hasObjectClass("group")) {
                    groups.add(group(entry, ObjectGuid.text(guid)));
                } else if (entry.hasObjectClass("user") && !entry.hasObjectClass("computer")) {
                    users.add(user(entry, ObjectGuid.text(guid)));
                }
            }
            progress.read(search.entriesRead(), users.size(), groups.size());
        }

        void gone(SearchResultEntry entry) {
            byte[] guid = entry.getAttributeValueBytes("objectGUID");
            if (guid != null) {
                gone.add(ObjectGuid.text(guid));
            }
            progress.read(search.entriesRead(), users.size(), groups.size());
        }

        private SourceGroup group(SearchResultEntry entry, String anchor) throws LDAPException {
            String name = entry.getAttributeValue("cn");
            List<String> members = search.allValues(entry, "member").stream()
                    .map(DirectorySyncSettings::dnKey).toList();
            return new SourceGroup(anchor, DirectorySyncSettings.dnKey(entry.getDN()), name,
                    entry.getAttributeValue("description"), members);
        }

        private static SourceUser user(SearchResultEntry entry, String anchor) {
            Integer control = entry.getAttributeValueAsInteger("userAccountControl");
            boolean enabled = control == null || (control & ACCOUNTDISABLE) == 0;
            String displayName = text(entry, "displayName");
            UserDraft draft = new UserDraft(text(entry, "userPrincipalName"), text(entry, "givenName"),
                    text(entry, "sn"), displayName.isBlank() ? text(entry, "cn") : displayName,
                    UserSource.ON_PREMISES, enabled, "1".equals(entry.getAttributeValue("adminCount")),
                    new ContactInfo(text(entry, "mail"), text(entry, "otherMailbox"), text(entry, "mobile"),
                            text(entry, "telephoneNumber")), text(entry, "preferredLanguage"));
            return new SourceUser(anchor, DirectorySyncSettings.dnKey(entry.getDN()), draft);
        }

        private static String text(SearchResultEntry entry, String attribute) {
            String value = entry.getAttributeValue(attribute);
            return value == null ? "" : value;
        }
    }
}
