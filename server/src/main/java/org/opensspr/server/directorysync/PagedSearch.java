package org.opensspr.server.directorysync;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Control;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;

import java.util.ArrayList;
import java.util.List;

/**
 * A subtree search read page by page (the simple paged results control), so a directory of 100,000 users is
 * never one answer in memory and AD's MaxPageSize is respected. Counts every entry it hands on.
 */
final class PagedSearch {
    static final int PAGE_SIZE = 500;
    /** AD hands a large multi-valued attribute out in ranges (MaxValRange, 1,500 by default). */
    private static final String RANGE = "range=";

    private final LDAPConnection connection;
    private int entriesRead;

    PagedSearch(LDAPConnection connection) {
        this.connection = connection;
    }

    /** What to do with each entry; may read more from the directory (a group's further member ranges). */
    interface EntryHandler {
        void accept(SearchResultEntry entry) throws LDAPException;
    }

    int entriesRead() {
        return entriesRead;
    }

    void each(String baseDn, Filter filter, List<Control> controls, EntryHandler onEntry,
              String... attributes) throws LDAPException {
        ASN1OctetString cookie = null;
        do {
            SearchRequest request = new SearchRequest(baseDn, SearchScope.SUB, filter, attributes);
            request.addControl(new SimplePagedResultsControl(PAGE_SIZE, cookie, true));
            controls.forEach(request::addControl);
            SearchResult page = connection.search(request);
            for (SearchResultEntry entry : page.getSearchEntries()) {
                entriesRead++;
                onEntry.accept(entry);
            }
            SimplePagedResultsControl answer = SimplePagedResultsControl.get(page);
            cookie = answer == null ? null : answer.getCookie();
        } while (cookie != null && cookie.getValueLength() > 0);
    }

    /**
     * Every value of a multi-valued attribute such as {@code member}, asking for the next ranges when AD answered
     * {@code member;range=0-1499} instead of the whole list.
     */
    List<String> allValues(SearchResultEntry entry, String attribute) throws LDAPException {
        Attribute plain = entry.getAttribute(attribute);
        if (plain != null) {
            return List.of(plain.getValues());
        }
        List<String> values = new ArrayList<>();
        Attribute ranged = ranged(entry, attribute);
        while (ranged != null) {
            values.addAll(List.of(ranged.getValues()));
            String range = ranged.getOptions().stream().filter(o -> o.toLowerCase().startsWith(RANGE)).findFirst()
                    .orElse(RANGE + "0-*");
            String end = range.substring(range.indexOf('-') + 1);
            if (end.equals("*")) {
                break;
            }
            String next = attribute + ";" + RANGE + (Long.parseLong(end) + 1) + "-*";
            SearchResultEntry more = connection.getEntry(entry.getDN(), next);
            ranged = more == null ? null : ranged(more, attribute);
        }
        return values;
    }

    private static Attribute ranged(SearchResultEntry entry, String attribute) {
        return entry.getAttributes().stream()
                .filter(a -> a.getBaseName().equalsIgnoreCase(attribute) && a.getOptions().stream()
                        .anyMatch(o -> o.toLowerCase().startsWith(RANGE)))
                .findFirst().orElse(null);
    }
}
