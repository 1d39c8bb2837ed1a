package org.opensspr.console.paging;

import javafx.collections.ObservableListBase;
import org.opensspr.api.Page;
import org.opensspr.ui.tasks.Background;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A server-side list as a virtual {@link javafx.collections.ObservableList}: as long as the server's total, holding
 * only the pages a table has shown lately. A row not yet loaded reads as null (the table draws it empty) and asks
 * for its page; the page's arrival replaces those rows. However far the scroll bar jumps, only the pages under it
 * are fetched, the newest wish first and at most {@link #IN_FLIGHT} at once. Touch it on the FX thread only.
 *
 * <p>The total may be an estimate (a long list on PostgreSQL, {@link Page#totalExact()}), and rows may come or go
 * while the list is shown: a page that says the list ends in it shortens the list to there, and a last page that
 * says more follow lengthens it by a page, so no row is out of reach and none is drawn empty for good.
 */
public final class PagedRows<T> extends ObservableListBase<T> {
    /** How the rows are fetched: the page from 0 and its size, off the FX thread. */
    @FunctionalInterface
    public interface Source<T> {
        Page<T> fetch(int page, int size) throws Exception;

        /**
         * The page after the one whose {@link Page#next()} is {@code cursor} (its number is {@code page}): a list
         * with cursors finds it from the previous page's last row, however deep (ADR 18). By default, by number.
         */
        default Page<T> fetchAfter(int page, String cursor, int size) throws Exception {
            return fetch(page, size);
        }
    }

    static final int IN_FLIGHT = 2;
    static final int KEPT_PAGES = 64;
    static final int WAITING_PAGES = 16;

    private final Source<T> source;
    private final int pageSize;
    private int total;
    private final boolean totalExact;
    private final Background background;
    private final Consumer<Exception> onFailure;
    private final Map<Integer, List<T>> pages = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, List<T>> eldest) {
            return size() > KEPT_PAGES;
        }
    };
    /** The {@link Page#next()} cursor of each page kept: the page after it is asked for with it. */
    private final Map<Integer, String> cursors = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, String> eldest) {
            return size() > KEPT_PAGES;
        }
    };
    private final Deque<Integer> wanted = new ArrayDeque<>();
    private final Set<Integer> loading = new HashSet<>();
    private boolean closed;

    private PagedRows(Source<T> source, int pageSize, Page<T> first, Background background, Consumer<Exception> onFailure) {
        this.source = source;
        this.pageSize = pageSize;
        this.total = (int) Math.min(Integer.MAX_VALUE, first.total());
        this.totalExact = first.totalExact();
        this.background = background;
        this.onFailure = onFailure;
        pages.put(0, List.copyOf(first.items()));
        remember(0, first);
        total = fittedTotal(0, first);
    }

    /** Fetches the first page (which gives the total), then answers the list with it. */
    public static <T> void open(Source<T> source, int pageSize, Background background, Consumer<PagedRows<T>> onOpen,
                                Consumer<Exception> onFailure) {
        background.run(() -> source.fetch(0, pageSize),
                first -> onOpen.accept(new PagedRows<>(source, pageSize, first, background, onFailure)), onFailure);
    }

    @Override
    public T get(int index) {
        if (index < 0 || index >= total) {
            throw new IndexOutOfBoundsException(index);
        }
        int page = index / pageSize;
        List<T> rows = pages.get(page);
        if (rows == null) {
            want(page);
            return null;
        }
        int offset = index % pageSize;
        return offset < rows.size() ? rows.get(offset) : null;
    }

    @Override
    public int size() {
        return total;
    }

    /** Whether the first page's total was a count, not an estimate or a lower bound. */
    public boolean isTotalExact() {
        return totalExact;
    }

    /** Whether the row is here (not a placeholder waiting for its page). */
    public boolean isLoaded(int index) {
        return pages.containsKey(index / pageSize);
    }

    /** Fetches the row's page again (an action changed the row), the rows staying as they were until it comes. */
    public void reload(int index) {
        if (index >= 0 && index < total && !closed) {
            want(index / pageSize);
        }
    }

    /** Stops asking: answers still on their way are dropped (a new search replaced this list). */
    public void close() {
        closed = true;
        wanted.clear();
    }

    private void want(int page) {
        if (closed || loading.contains(page)) {
            return;
        }
        wanted.remove(page);
        wanted.addFirst(page);
        while (wanted.size() > WAITING_PAGES) {
            wanted.removeLast(); // scrolled past long ago
        }
        fetchNext();
    }

    private void fetchNext() {
        while (!closed && loading.size() < IN_FLIGHT && !wanted.isEmpty()) {
            int page = wanted.removeFirst();
            loading.add(page);
            // Scrolling on from a page that is here: after its cursor (cheap at any depth); a jump: by number.
            String after = cursors.get(page - 1);
            background.run(() -> after == null ? source.fetch(page, pageSize) : source.fetchAfter(page, after, pageSize),
                    answer -> arrived(page, answer), failure -> {
                loading.remove(page);
                if (!closed) {
                    onFailure.accept(failure);
                }
            });
        }
    }

    private void arrived(int page, Page<T> answer) {
        loading.remove(page);
        if (closed) {
            return;
        }
        pages.put(page, List.copyOf(answer.items()));
        remember(page, answer);
        int from = page * pageSize;
        int fitted = fittedTotal(page, answer);
        int to = Math.min(Math.min(total, fitted), from + pageSize);
        beginChange();
        for (int i = from; i < to; i++) {
            nextSet(i, null);
        }
        if (fitted < total) {
            nextRemove(fitted, Collections.<T>nCopies(total - fitted, null));
        } else if (fitted > total) {
            nextAdd(total, fitted);
        }
        total = fitted;
        endChange();
        fetchNext();
    }

    private void remember(int page, Page<T> answer) {
        if (answer.next() == null) {
            cursors.remove(page);
        } else {
            cursors.put(page, answer.next());
        }
    }

    /** The list's length as this page tells it: it ends in the page, more follow it, or as it was. */
    private int fittedTotal(int page, Page<T> answer) {
        long end = (long) page * pageSize + answer.items().size();
        if (!answer.hasNext()) {
            return (int) Math.min(Integer.MAX_VALUE, end);
        }
        return end >= total ? (int) Math.min(Integer.MAX_VALUE, end + pageSize) : total;
    }
}
