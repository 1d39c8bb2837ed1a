package org.opensspr.console.paging;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opensspr.api.Page;
import org.opensspr.ui.tasks.Background;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A list whose total is PostgreSQL's estimate (ADR 18): the rows past the estimate stay reachable, and rows the
 * estimate promised but the server hasn't go away as the table reaches them.
 */
@ExtendWith(ApplicationExtension.class)
class PagedRowsTest {
    private static final int SIZE = 10;
    private final Background background = new Background();

    @AfterEach
    void close() {
        background.close();
    }

    @Test
    void anEstimateBelowTheRowsGrowsUntilTheServerSaysTheListEnds() throws Exception {
        PagedRows<String> rows = open(120, 100);
        assertThat(size(rows)).isEqualTo(100);

        assertThat(rowAt(rows, 99)).isEqualTo("row 99");
        assertThat(size(rows)).as("the last page said more follow").isEqualTo(110);
        assertThat(rowAt(rows, 109)).isEqualTo("row 109");
        assertThat(rowAt(rows, 119)).isEqualTo("row 119");
        assertThat(size(rows)).as("the page that ends the list").isEqualTo(120);
    }

    @Test
    void anEstimateAboveTheRowsShrinksAsTheTableReachesTheEnd() throws Exception {
        PagedRows<String> rows = open(125, 150);

        assertThat(rowAt(rows, 149)).as("a page past the end: empty").isNull();
        assertThat(size(rows)).isEqualTo(140);
        assertThat(rowAt(rows, 129)).isNull();
        assertThat(size(rows)).isEqualTo(125);
        assertThat(rowAt(rows, 124)).isEqualTo("row 124");
    }

    @Test
    void anExactTotalStaysAsItIs() throws Exception {
        PagedRows<String> rows = open(35, 35, true);
        assertThat(rowAt(rows, 34)).isEqualTo("row 34");
        assertThat(size(rows)).isEqualTo(35);
        assertThat(rows.isTotalExact()).isTrue();
    }

    @Test
    void scrollingOnFromAPageHereFollowsItsCursorAndAJumpGoesByNumber() throws Exception {
        List<String> asked = java.util.Collections.synchronizedList(new ArrayList<>());
        PagedRows.Source<String> source = new PagedRows.Source<>() {
            @Override
            public Page<String> fetch(int page, int size) {
                asked.add("page " + page);
                return page(page, size);
            }

            @Override
            public Page<String> fetchAfter(int page, String cursor, int size) {
                asked.add(cursor + " -> " + page);
                return page(page, size);
            }

            private Page<String> page(int page, int size) {
                List<String> items = new ArrayList<>();
                for (int i = page * size; i < (page + 1) * size; i++) {
                    items.add("row " + i);
                }
                return new Page<>(items, 1_000, page, size, true, page < 99 ? "after " + page : null);
            }
        };
        AtomicReference<PagedRows<String>> opened = new AtomicReference<>();
        WaitForAsyncUtils.asyncFx(() -> PagedRows.open(source, SIZE, background, opened::set, e -> { })).get();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> opened.get() != null);
        PagedRows<String> rows = opened.get();

        assertThat(rowAt(rows, 15)).isEqualTo("row 15");
        assertThat(rowAt(rows, 705)).isEqualTo("row 705");
        assertThat(rowAt(rows, 712)).isEqualTo("row 712");
        assertThat(asked).containsExactly("page 0", "after 0 -> 1", "page 70", "after 70 -> 71");
    }

    private PagedRows<String> open(int actual, long total) throws Exception {
        return open(actual, total, false);
    }

    /** A server holding {@code actual} rows that reports {@code total}, with a cursor while more follow. */
    private PagedRows<String> open(int actual, long total, boolean exact) throws Exception {
        PagedRows.Source<String> source = (page, size) -> {
            List<String> items = new ArrayList<>();
            for (int i = page * size; i < Math.min(actual, (page + 1) * size); i++) {
                items.add("row " + i);
            }
            boolean more = (long) (page + 1) * size < actual;
            return new Page<>(items, total, page, size, exact, more ? "cursor" : null);
        };
        AtomicReference<PagedRows<String>> opened = new AtomicReference<>();
        WaitForAsyncUtils.asyncFx(() -> PagedRows.open(source, SIZE, background, opened::set, e -> { })).get();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> opened.get() != null);
        return opened.get();
    }

    /** Asks for the row (its page loads if need be) and answers it once its page is in, or null past the end. */
    private static String rowAt(PagedRows<String> rows, int index) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> rows.get(index)).get();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(
                () -> index >= rows.size() || rows.isLoaded(index)).get());
        return WaitForAsyncUtils.asyncFx(() -> index < rows.size() ? rows.get(index) : null).get();
    }

    private static int size(PagedRows<String> rows) throws Exception {
        return WaitForAsyncUtils.asyncFx(rows::size).get();
    }
}
