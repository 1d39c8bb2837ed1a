package org.opensspr.server.directory;

import org.opensspr.api.ErrorCode;
import org.opensspr.server.http.ApiException;

import java.util.List;
import java.util.Locale;

/**
 * What one page of a list asks for: an optional search text, a sort key from the list's own keys
 * ("-" in front for descending), and either the 0-based page or the cursor of the page before
 * ({@code after}, from a page's {@code next}), and the page size.
 */
public record ListQuery(String search, String sortKey, boolean descending, int page, int size, String after) {
    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 200;
    /** Far beyond any real list, and small enough that page × size stays a safe offset. */
    public static final int MAX_PAGE = 10_000_000;

    public ListQuery {
        search = search == null ? "" : search.strip();
        after = after == null ? "" : after.strip();
        if (page < 0 || page > MAX_PAGE) {
            throw ApiException.field(ErrorCode.INVALID_VALUE, "page", "'page' must be from 0 to " + MAX_PAGE + ".");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw ApiException.field(ErrorCode.INVALID_VALUE, "size", "'size' must be from 1 to " + MAX_SIZE + ".");
        }
        if (page > 0 && !after.isEmpty()) {
            throw ApiException.field(ErrorCode.INVALID_VALUE, "after", "Send 'page' or 'after', not both.");
        }
    }

    public ListQuery(String search, String sortKey, boolean descending, int page, int size) {
        this(search, sortKey, descending, page, size, "");
    }

    /**
     * Reads {@code sort} against the list's keys (the first is the default); an unknown key is the
     * client's mistake.
     */
    public static ListQuery of(String search, String sort, int page, int size, List<String> sortKeys) {
        return of(search, sort, page, size, "", sortKeys);
    }

    public static ListQuery of(String search, String sort, int page, int size, String after, List<String> sortKeys) {
        String text = sort == null ? "" : sort.strip();
        boolean descending = text.startsWith("-");
        String key = descending ? text.substring(1) : text;
        if (key.isEmpty() && !descending) {
            return new ListQuery(search, sortKeys.getFirst(), false, page, size, after);
        }
        if (!sortKeys.contains(key)) {
            throw ApiException.field(ErrorCode.INVALID_VALUE, "sort", "'sort' must be one of " + String.join(", ", sortKeys)
                    + ", with '-' in front for descending order.");
        }
        return new ListQuery(search, key, descending, page, size, after);
    }

    public long offset() {
        return (long) page * size;
    }

    /** The search text lower-cased, as the case-insensitive match compares it. */
    public String searchKey() {
        return search.toLowerCase(Locale.ROOT);
    }

    /** The sort as the client writes it, e.g. "-displayName". */
    public String sort() {
        return (descending ? "-" : "") + sortKey;
    }
}
