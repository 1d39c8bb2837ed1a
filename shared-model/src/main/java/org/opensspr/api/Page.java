package org.opensspr.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import java.util.List;

/**
 * One page of a longer list.
 *
 * @param items      the items on this page
 * @param total      how many items there are on all pages together; see {@code totalExact}
 * @param page       this page's index, starting at 0 (a page asked for with a cursor: the index it would
 *                   have at this size)
 * @param size       the page size that was asked for (the last page may hold fewer items)
 * @param totalExact false when {@code total} is not a count: for a search that read as many matches of
 *                   a name as it reads, the number it read (a lower bound); for a long list on PostgreSQL,
 *                   the database's estimate
 * @param next       for the lists that offer it (users, groups), the cursor of the page after this one,
 *                   to send back as {@code after}; null on the last page
 */
public record Page<T>(List<T> items, long total, int page, int size,
                      @JsonPropertyDescription("False when total is a lower bound (a search that read as many"
                              + " matches of a name as it reads) or an estimate (a long list on PostgreSQL)") boolean totalExact,
                      @JsonPropertyDescription("The cursor of the next page, to send as 'after'; missing on the"
                              + " last page and on lists without cursors") @OptionalField String next) {

    public Page {
        items = items == null ? List.of() : List.copyOf(items);
        if (total < 0 || page < 0 || size < 0) {
            throw new IllegalArgumentException(
                    "total, page and size must not be negative: total=" + total + ", page=" + page + ", size=" + size);
        }
    }

    /** A page of a list counted exactly and paged by number only. */
    public Page(List<T> items, long total, int page, int size) {
        this(items, total, page, size, true, null);
    }

    /**
     * Whether a page follows this one: the list said so with a cursor, or its exact total says so. (A list
     * with cursors leaves {@code next} out on its last page, whatever an estimated total suggests.)
     */
    public boolean hasNext() {
        return next != null || (totalExact && (long) (page + 1) * size < total);
    }
}
