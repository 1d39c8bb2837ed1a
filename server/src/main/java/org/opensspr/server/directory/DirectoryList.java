package org.opensspr.server.directory;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.RecordMapper;
import org.jooq.SQLDialect;
import org.jooq.Select;
import org.jooq.SelectField;
import org.jooq.SortField;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.opensspr.api.Page;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectCount;

/**
 * One directory list (users or groups) that stays fast at a million rows (ADR 18, docs/design.md §22).
 * Every statement walks an index; none reads the whole table or sorts it:
 * <ul>
 *   <li><b>Orders.</b> Each order the list offers is a set of key columns with an index over exactly them,
 *       the last one unique, so equal names keep one order from page to page.</li>
 *   <li><b>Pages.</b> A page is found by its sort keys alone, then its rows are read by their unique key:
 *       after a cursor (keyset: an index range from the cursor's keys, however deep), or by number (an
 *       offset over the index, index-only on PostgreSQL; H2's counted B-tree skips it in log time).</li>
 *   <li><b>Search.</b> The search text matches the start of each searched name's lower-cased key: one
 *       index range per name, each read in its index's order up to {@link #SEARCH_LIMIT} rows, from the
 *       index alone when it holds the order's keys (every searched index holds the display order's). The rows
 *       found (at most that many per name) are sorted and paged here; when a name has that many matches,
 *       the total is flagged as a lower bound.</li>
 *   <li><b>Total.</b> Counted up to {@link #EXACT_COUNT_LIMIT}; beyond it, H2 counts the table from its
 *       own row count and PostgreSQL reports its planner's estimate (flagged as not exact).</li>
 * </ul>
 * Statements run with their values inlined, so PostgreSQL plans each for its own values (a cached generic
 * plan can't use an index for a LIKE pattern it doesn't know) and what a test explains is what runs.
 */
final class DirectoryList<T> {
    /** How many matches of each searched name a search reads. */
    static final int SEARCH_LIMIT = 1_000;
    /** Up to how many rows a list without a search is counted exactly everywhere. */
    static final int EXACT_COUNT_LIMIT = 10_000;

    /** An order a list offers: its key columns, in index order; the last one is unique. */
    record Order(String name, List<Field<?>> keys) {
        Order {
            keys = List.copyOf(keys);
        }

        Field<?> unique() {
            return keys.getLast();
        }
    }

    /** A searched name: its key column first, then the rest of its index's columns. */
    record Searched(List<Field<?>> indexOrder) {
        Searched {
            indexOrder = List.copyOf(indexOrder);
        }

        @SuppressWarnings("unchecked")
        Field<String> key() {
            return (Field<String>) indexOrder.getFirst();
        }
    }

    private final Table<?> table;
    private final List<Order> orders;
    private final List<Searched> searched;
    private final List<SelectField<?>> rowFields;
    private final RecordMapper<Record, T> mapper;

    /**
     * @param orders    the orders offered, by name; the first is the default
     * @param searched  the names a search matches
     * @param rowFields what an item is read from
     * @param mapper    an item from a record of {@code rowFields}
     */
    DirectoryList(Table<?> table, List<Order> orders, List<Searched> searched, List<SelectField<?>> rowFields,
                  RecordMapper<Record, T> mapper) {
        this.table = table;
        this.orders = List.copyOf(orders);
        this.searched = List.copyOf(searched);
        this.rowFields = List.copyOf(rowFields);
        this.mapper = mapper;
    }

    List<String> sortKeys() {
        return orders.stream().map(Order::name).toList();
    }

    /** One page; call inside one transaction so that its statements see one state. */
    Page<T> page(DSLContext dsl, ListQuery query) {
        DSLContext ctx = inlined(dsl);
        Order order = order(query);
        ListCursor cursor = cursor(query, order);
        long position = cursor == null ? query.offset() : cursor.position();
        List<Object[]> keys;
        boolean more;
        long total;
        boolean exact;
        if (query.search().isEmpty()) {
            List<Object[]> fetched = ctx.fetch(keys(ctx, query)).map(r -> values(r, order, 0));
            more = fetched.size() > query.size();
            keys = more ? fetched.subList(0, query.size()) : fetched;
            long counted = ctx.fetchValue(boundedCount(ctx));
            long estimate = counted > EXACT_COUNT_LIMIT && ctx.dialect() == SQLDialect.POSTGRES ? estimate(ctx) : -1;
            exact = estimate < 0;
            total = counted <= EXACT_COUNT_LIMIT ? counted
                    : exact ? ctx.fetchCount(table) : Math.max(EXACT_COUNT_LIMIT + 1L, estimate);
        } else {
            Candidates found = candidates(ctx, query, order);
            Comparator<Object[]> comparator = comparator(query.descending());
            int start = cursor == null ? (int) Math.min(found.keys().size(), query.offset())
                    : firstAfter(found.keys(), keyValues(order, cursor), comparator);
            int end = Math.min(found.keys().size(), start + query.size());
            keys = found.keys().subList(start, end);
            more = end < found.keys().size();
            total = found.keys().size();
            exact = !found.capped();
        }
        Map<Object, T> byKey = keys.isEmpty() ? Map.of() : read(ctx, rows(ctx, query, keys.stream().map(k -> k[k.length - 1]).toList()), order);
        List<T> items = keys.stream().map(k -> byKey.get(k[k.length - 1])).filter(Objects::nonNull).toList();
        String next = more && !keys.isEmpty()
                ? new ListCursor(query.sort(), position + keys.size(), text(keys.getLast())).encode() : null;
        int page = cursor == null ? query.page() : (int) Math.min(ListQuery.MAX_PAGE, position / query.size());
        return new Page<>(items, total, page, query.size(), exact, next);
    }

    // --- The statements (package-private: DirectoryScaleTest explains them at a million rows) ---

    /** The sort keys of a page without a search, and of one row more to tell whether a page follows. */
    Select<Record> keys(DSLContext ctx, ListQuery query) {
        Order order = order(query);
        ListCursor cursor = cursor(query, order);
        Condition after = cursor == null ? noCondition() : after(order, keyValues(order, cursor), query.descending());
        return ctx.select(order.keys()).from(table).where(after)
                .orderBy(sortFields(order.keys(), query.descending()))
                .limit(inline(query.size() + 1)).offset(inline(cursor == null ? query.offset() : 0L));
    }

    /**
     * For a search: each searched name's first {@link #SEARCH_LIMIT} matches in its own index's order, with
     * the sort keys of the order asked for; a column "branch" says which name matched.
     */
    Select<Record> candidates(DSLContext ctx, ListQuery query) {
        Order order = order(query);
        Select<Record> all = null;
        for (int i = 0; i < searched.size(); i++) {
            Searched name = searched.get(i);
            List<SelectField<?>> fields = new ArrayList<>();
            fields.add(inline(i).as("branch"));
            fields.addAll(order.keys());
            Select<Record> branch = ctx.select(fields).from(table).where(startsWith(name.key(), query.searchKey()))
                    .orderBy(sortFields(name.indexOrder(), false)).limit(inline(SEARCH_LIMIT));
            all = all == null ? branch : all.unionAll(branch);
        }
        return all;
    }

    /** A page's rows, by the unique sort key of the order asked for. */
    Select<Record> rows(DSLContext ctx, ListQuery query, Collection<?> uniqueValues) {
        Field<?> unique = order(query).unique();
        List<SelectField<?>> fields = new ArrayList<>(rowFields);
        fields.add(unique.as("page_key"));
        return ctx.select(fields).from(table).where(unique.in(uniqueValues.stream().map(v -> inline(v)).toList()));
    }

    /** How many rows there are, counted no further than one beyond {@link #EXACT_COUNT_LIMIT}. */
    Select<org.jooq.Record1<Integer>> boundedCount(DSLContext ctx) {
        return ctx.select(DSL.count()).from(select(inline(1).as("one")).from(table)
                .limit(inline(EXACT_COUNT_LIMIT + 1)).asTable("bounded"));
    }

    // --- Helpers ---

    private record Candidates(List<Object[]> keys, boolean capped) {
    }

    private Candidates candidates(DSLContext ctx, ListQuery query, Order order) {
        int[] read = new int[searched.size()];
        Map<Object, Object[]> byUnique = new LinkedHashMap<>();
        for (Record r : ctx.fetch(candidates(ctx, query))) {
            read[r.get(0, Integer.class)]++;
            Object[] keys = values(r, order, 1);
            byUnique.putIfAbsent(keys[keys.length - 1], keys);
        }
        List<Object[]> sorted = new ArrayList<>(byUnique.values());
        sorted.sort(comparator(query.descending()));
        boolean capped = false;
        for (int count : read) {
            capped |= count >= SEARCH_LIMIT;
        }
        return new Candidates(sorted, capped);
    }

    private Map<Object, T> read(DSLContext ctx, Select<Record> rows, Order order) {
        Map<Object, T> byKey = new HashMap<>();
        for (Record r : ctx.fetch(rows)) {
            byKey.put(r.get("page_key", order.unique().getType()), mapper.map(r));
        }
        return byKey;
    }

    private Order order(ListQuery query) {
        return orders.stream().filter(o -> o.name().equals(query.sortKey())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No order " + query.sortKey()));
    }

    private static ListCursor cursor(ListQuery query, Order order) {
        return query.after().isEmpty() ? null : ListCursor.decode(query.after(), query.sort(), order.keys().size());
    }

    /** Rows after the key values in the order (a row comparison, which both databases answer from the index). */
    private static Condition after(Order order, Object[] values, boolean descending) {
        List<Field<?>> keys = order.keys();
        if (keys.size() == 1) {
            @SuppressWarnings("unchecked")
            Field<Object> key = (Field<Object>) keys.getFirst();
            return descending ? key.lt(inline(values[0], key)) : key.gt(inline(values[0], key));
        }
        List<Field<?>> inlined = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            @SuppressWarnings("unchecked")
            Field<Object> key = (Field<Object>) keys.get(i);
            inlined.add(inline(values[i], key));
        }
        return descending ? DSL.row(keys).lt(DSL.row(inlined)) : DSL.row(keys).gt(DSL.row(inlined));
    }

    private static List<SortField<?>> sortFields(List<Field<?>> keys, boolean descending) {
        return keys.stream().<SortField<?>>map(k -> descending ? k.desc() : k.asc()).toList();
    }

    private static Object[] values(Record r, Order order, int from) {
        Object[] values = new Object[order.keys().size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = r.get(from + i, order.keys().get(i).getType());
        }
        return values;
    }

    /** The cursor's key values typed as the order's columns; a cursor that doesn't fit is INVALID_VALUE. */
    private static Object[] keyValues(Order order, ListCursor cursor) {
        Object[] values = new Object[order.keys().size()];
        for (int i = 0; i < values.length; i++) {
            String text = cursor.keys().get(i);
            if (order.keys().get(i).getType() == OffsetDateTime.class) {
                try {
                    values[i] = OffsetDateTime.parse(text);
                } catch (DateTimeParseException e) {
                    throw ListCursor.invalid();
                }
            } else {
                values[i] = text;
            }
        }
        return values;
    }

    private static List<String> text(Object[] keys) {
        List<String> text = new ArrayList<>();
        for (Object key : keys) {
            text.add(key.toString());
        }
        return text;
    }

    /**
     * The order of the keys, as the databases compare them: text by character (PostgreSQL compares the
     * lower-cased keys byte by byte, V30.1; both agree with this for every character outside the
     * surrogate range), instants by time.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Comparator<Object[]> comparator(boolean descending) {
        Comparator<Object[]> ascending = (a, b) -> {
            for (int i = 0; i < a.length; i++) {
                int c = ((Comparable) a[i]).compareTo(b[i]);
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        };
        return descending ? ascending.reversed() : ascending;
    }

    private static int firstAfter(List<Object[]> sorted, Object[] cursor, Comparator<Object[]> comparator) {
        int low = 0;
        int high = sorted.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (comparator.compare(sorted.get(mid), cursor) <= 0) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /**
     * The key starts with {@code text}: the index range [text, text with its last character the next one),
     * which the databases compare as the index does (by character; on PostgreSQL the keys' "C" collation);
     * H2 would also test a LIKE on every entry of the range, ten times what reading it costs. A text whose
     * last character has no simple successor (a surrogate or above) is a LIKE.
     */
    static Condition startsWith(Field<String> key, String text) {
        char last = text.isEmpty() ? Character.MAX_VALUE : text.charAt(text.length() - 1);
        if (last >= Character.MIN_SURROGATE - 1) {
            return key.like(inline(likePattern(text)), '!');
        }
        String end = text.substring(0, text.length() - 1) + (char) (last + 1);
        return key.ge(inline(text)).and(key.lt(inline(end)));
    }

    /** LIKE 'text%' with the text's own wildcards taken literally ('!' escapes). */
    static String likePattern(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }

    private long estimate(DSLContext ctx) {
        Object value = ctx.fetchValue("select reltuples from pg_class where oid = to_regclass({0})",
                inline(table.getName()));
        return value instanceof Number n ? Math.round(n.doubleValue()) : -1;
    }

    /** The same context with every value written into the statement text. */
    static DSLContext inlined(DSLContext dsl) {
        return org.opensspr.server.db.InlinedStatements.of(dsl);
    }
}
