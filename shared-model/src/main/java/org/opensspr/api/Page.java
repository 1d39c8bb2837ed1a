package org.opensspr.api;

import java.util.List;

/**
 * One page of a longer list.
 *
 * @param items the items on this page
 * @param total how many items there are on all pages together
 * @param page  this page's index, starting at 0
 * @param size  the page size that was asked for (the last page may hold fewer items)
 */
public record Page<T>(List<T> items, long total, int page, int size) {

    public Page {
        items = items == null ? List.of() : List.copyOf(items);
        if (total < 0 || page < 0 || size < 0) {
            throw new IllegalArgumentException(
                    "total, page and size must not be negative: total=" + total + ", page=" + page + ", size=" + size);
        }
    }

    /** Whether a page follows this one. */
    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }
}
