package org.opensspr.server.directory;

import org.opensspr.server.audit.AuditSeals;
import org.junit.jupiter.params.ParameterizedTest;
import org.opensspr.api.ErrorCode;
import org.opensspr.api.Page;
import org.opensspr.api.UserSummaryDto;
import org.opensspr.directory.ContactInfo;
import org.opensspr.directory.UserSource;
import org.opensspr.server.db.Database;
import org.opensspr.server.http.ApiException;
import org.opensspr.server.testing.OnBothDatabases;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opensspr.server.directory.DirectoryServiceTest.START;

/** Server-side paging (by number and by cursor), search and sort over 10,000 users, on both databases. */
class DirectoryPagingTest {
    private static final int USERS = 10_000;

    @OnBothDatabases
    void pagesThroughTenThousandUsersInOrderAndBySearch(Database db) {
        List<UserRow> rows = tenThousandUsers();
        db.inTransactionDo(tx -> new DirectoryRepository().insertUsers(tx, rows));
        DirectoryService service = new DirectoryService(db, Clock.fixed(START, ZoneOffset.UTC), AuditSeals.log(db, Clock.fixed(START, ZoneOffset.UTC)));

        List<String> inUpnOrder = allPages(service, "", "upn", 200, USERS);
        assertThat(inUpnOrder).isEqualTo(rows.stream().map(UserRow::userPrincipalName).sorted().toList());

        List<String> surname7 = allPages(service, "SURNAME7", "-upn", 150, USERS / 10);
        assertThat(surname7).isEqualTo(rows.stream().filter(r -> r.surname().equals("Surname7"))
                .map(UserRow::userPrincipalName).sorted(Collections.reverseOrder()).toList());

        Page<UserSummaryDto> byUpnPart = page(service, "user0042", "upn", 0, 50);
        assertThat(byUpnPart.total()).isEqualTo(10);
        assertThat(byUpnPart.items()).extracting(UserSummaryDto::userPrincipalName)
                .allSatisfy(upn -> assertThat(upn).startsWith("user0042"));
        assertThat(page(service, "person 01234", "upn", 0, 50).items()).extracting(UserSummaryDto::displayName)
                .containsExactly("Person 01234");
        Page<UserSummaryDto> everyone = page(service, "giv", "upn", 0, 1);
        assertThat(everyone.total()).as("given names match too; a search reads the first matches of each name")
                .isEqualTo(DirectoryList.SEARCH_LIMIT);
        assertThat(everyone.totalExact()).isFalse();
        assertThat(page(service, "person 0123", "upn", 0, 1).totalExact()).as("a search that read every match").isTrue();
        assertThat(page(service, "100%_", "upn", 0, 10).total()).as("wildcards are plain text").isZero();
        assertThat(page(service, "erson 0", "upn", 0, 10).total()).as("the start of a name, not any part").isZero();
    }

    @OnBothDatabases
    void cursorsWalkEveryOrderBothWaysAsPagesDo(Database db) {
        List<UserRow> rows = tenThousandUsers();
        db.inTransactionDo(tx -> new DirectoryRepository().insertUsers(tx, rows));
        DirectoryService service = new DirectoryService(db, Clock.fixed(START, ZoneOffset.UTC), AuditSeals.log(db, Clock.fixed(START, ZoneOffset.UTC)));

        for (String sort : List.of("upn", "-upn", "displayName", "-displayName", "createdAt", "-createdAt")) {
            List<String> byCursor = new ArrayList<>();
            Page<UserSummaryDto> current = null;
            int pages = 0;
            do {
                String after = current == null ? "" : current.next();
                current = service.listUsers(ListQuery.of("", sort, 0, 200, after, DirectoryQueries.USER_SORT_KEYS));
                assertThat(current.page()).as("a cursor's page has the number it would have").isEqualTo(pages++);
                assertThat(current.total()).isEqualTo(USERS);
                current.items().forEach(u -> byCursor.add(u.id()));
            } while (current.next() != null);
            assertThat(current.hasNext()).isFalse();
            assertThat(byCursor).as(sort).isEqualTo(ids(rows, sort));
        }
    }

    @OnBothDatabases
    void cursorsPageThroughASearchAndStayInTheirSort(Database db) {
        List<UserRow> rows = tenThousandUsers();
        db.inTransactionDo(tx -> new DirectoryRepository().insertUsers(tx, rows));
        DirectoryService service = new DirectoryService(db, Clock.fixed(START, ZoneOffset.UTC), AuditSeals.log(db, Clock.fixed(START, ZoneOffset.UTC)));

        // Surname3: 1,000 people, newest first, through cursors in pages of 200.
        List<String> expected = rows.stream().filter(r -> r.surname().equals("Surname3"))
                .sorted(Comparator.comparing(UserRow::createdAt).thenComparing(UserRow::id).reversed())
                .map(UserRow::id).toList();
        List<String> found = new ArrayList<>();
        String after = "";
        do {
            Page<UserSummaryDto> page = service.listUsers(ListQuery.of("SURNAME3", "-createdAt", 0, 200, after,
                    DirectoryQueries.USER_SORT_KEYS));
            assertThat(page.total()).isEqualTo(1_000);
            page.items().forEach(u -> found.add(u.id()));
            after = page.next();
        } while (after != null);
        assertThat(found).isEqualTo(expected);

        // "Person 031…": 100 people; the second page of 40 by number and after the first page's cursor.
        Page<UserSummaryDto> first = service.listUsers(ListQuery.of("person 031", "displayName", 0, 40, "",
                DirectoryQueries.USER_SORT_KEYS));
        Page<UserSummaryDto> second = service.listUsers(ListQuery.of("person 031", "displayName", 1, 40, "",
                DirectoryQueries.USER_SORT_KEYS));
        Page<UserSummaryDto> afterFirst = service.listUsers(ListQuery.of("person 031", "displayName", 0, 40,
                first.next(), DirectoryQueries.USER_SORT_KEYS));
        assertThat(ids(afterFirst)).as("page 1 by number and by cursor").isEqualTo(ids(second)).hasSize(40);
        assertThat(afterFirst.page()).isEqualTo(1);
        assertThat(second.total()).isEqualTo(100);
        assertThat(second.totalExact()).isTrue();

        String upnCursor = page(service, "", "upn", 0, 10).next();
        assertThatThrownBy(() -> service.listUsers(ListQuery.of("", "-upn", 0, 10, upnCursor,
                DirectoryQueries.USER_SORT_KEYS))).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.fieldErrors()).singleElement().satisfies(f -> assertThat(f.field()).isEqualTo("after")));
        assertThatThrownBy(() -> service.listUsers(ListQuery.of("", "createdAt", 0, 10, "bm90IGEgY3Vyc29y",
                DirectoryQueries.USER_SORT_KEYS))).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> ListQuery.of("", "upn", 2, 10, upnCursor, DirectoryQueries.USER_SORT_KEYS))
                .isInstanceOf(ApiException.class);
    }

    @OnBothDatabases
    void searchesLowerCaseTheWayTheKeysAre(Database db) {
        Instant at = START;
        List<UserRow> rows = List.of(
                new UserRow("id-1", "ANNA@contoso.example", "Ærlig", "Øster", "Ærlig Øster", UserSource.CLOUD, true,
                        false, ContactInfo.none(), "", false, at, at),
                new UserRow("id-2", "bo@contoso.example", "Bo", "Ångström", "Bo Ångström", UserSource.CLOUD, true,
                        false, ContactInfo.none(), "", false, at, at));
        db.inTransactionDo(tx -> new DirectoryRepository().insertUsers(tx, rows));
        DirectoryService service = new DirectoryService(db, Clock.fixed(START, ZoneOffset.UTC), AuditSeals.log(db, Clock.fixed(START, ZoneOffset.UTC)));

        assertThat(ids(page(service, "æRL", "upn", 0, 10))).containsExactly("id-1");
        assertThat(ids(page(service, "ÅNG", "upn", 0, 10))).containsExactly("id-2");
        assertThat(ids(page(service, "anna@", "upn", 0, 10))).containsExactly("id-1");
        assertThat(ids(page(service, "", "-displayName", 0, 10))).as("by the lower-cased display name")
                .containsExactly("id-1", "id-2");
    }

    @OnBothDatabases
    void sortsByDisplayNameAndCreationTimeBothWays(Database db) {
        List<UserRow> rows = tenThousandUsers();
        db.inTransactionDo(tx -> new DirectoryRepository().insertUsers(tx, rows));
        DirectoryService service = new DirectoryService(db, Clock.fixed(START, ZoneOffset.UTC), AuditSeals.log(db, Clock.fixed(START, ZoneOffset.UTC)));

        assertThat(ids(page(service, "", "createdAt", 0, 100)))
                .isEqualTo(sorted(rows, UserRow::createdAt, false).subList(0, 100));
        assertThat(ids(page(service, "", "-createdAt", 3, 100)))
                .isEqualTo(sorted(rows, UserRow::createdAt, true).subList(300, 400));
        assertThat(ids(page(service, "", "-displayName", 0, 20)))
                .isEqualTo(sorted(rows, UserRow::displayName, true).subList(0, 20));
        Page<UserSummaryDto> beyond = page(service, "", "displayName", 60, 200);
        assertThat(beyond.items()).isEmpty();
        assertThat(beyond.total()).isEqualTo(USERS);
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "sort={0} page={1} size={2} -> {3}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', textBlock = """
            surname      | 0  | 50  | sort
            -            | 0  | 50  | sort
            upn          | -1 | 50  | page
            upn          | 0  | 0   | size
            upn          | 0  | 201 | size
            """)
    void rejectsUnknownSortKeysAndSizesOutOfRange(String sort, int page, int size, String field) {
        assertThatThrownBy(() -> ListQuery.of("", sort, page, size, DirectoryQueries.USER_SORT_KEYS))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_VALUE);
                    assertThat(e.fieldErrors()).singleElement().satisfies(f -> assertThat(f.field()).isEqualTo(field));
                });
    }

    /** user00000 … user09999, created in shuffled order, with ten surnames and zero-padded display names. */
    private static List<UserRow> tenThousandUsers() {
        List<Integer> creationOrder = new ArrayList<>();
        for (int i = 0; i < USERS; i++) {
            creationOrder.add(i);
        }
        Collections.shuffle(creationOrder, new Random(42));
        List<UserRow> rows = new ArrayList<>();
        for (int i = 0; i < USERS; i++) {
            String number = String.format("%05d", i);
            Instant created = START.plus(Duration.ofSeconds(creationOrder.get(i)));
            rows.add(new UserRow("id-" + number, "user" + number + "@contoso.example", "Given", "Surname" + (i % 10),
                    "Person " + number, UserSource.CLOUD, true, false, ContactInfo.none(), "", false, created, created));
        }
        return rows;
    }

    private static List<String> allPages(DirectoryService service, String q, String sort, int size, int expectedTotal) {
        List<String> upns = new ArrayList<>();
        int page = 0;
        Page<UserSummaryDto> current;
        do {
            current = page(service, q, sort, page++, size);
            assertThat(current.total()).isEqualTo(expectedTotal);
            assertThat(current.items().size()).isEqualTo(Math.min(size, expectedTotal - upns.size()));
            current.items().forEach(u -> upns.add(u.userPrincipalName()));
        } while (current.hasNext());
        assertThat(upns).hasSize(expectedTotal).doesNotHaveDuplicates();
        return upns;
    }

    private static Page<UserSummaryDto> page(DirectoryService service, String q, String sort, int page, int size) {
        return service.listUsers(ListQuery.of(q, sort, page, size, DirectoryQueries.USER_SORT_KEYS));
    }

    /** The ids in the order {@code sort} gives, by the same keys the server sorts by. */
    private static List<String> ids(List<UserRow> rows, String sort) {
        boolean descending = sort.startsWith("-");
        Comparator<UserRow> order = switch (sort.replace("-", "")) {
            case "upn" -> Comparator.comparing(r -> r.userPrincipalName().toLowerCase(java.util.Locale.ROOT));
            case "displayName" -> Comparator.<UserRow, String>comparing(r -> r.displayName().toLowerCase(java.util.Locale.ROOT))
                    .thenComparing(UserRow::id);
            default -> Comparator.comparing(UserRow::createdAt).thenComparing(UserRow::id);
        };
        return rows.stream().sorted(descending ? order.reversed() : order).map(UserRow::id).toList();
    }

    private static List<String> ids(Page<UserSummaryDto> page) {
        return page.items().stream().map(UserSummaryDto::id).toList();
    }

    private static <K extends Comparable<K>> List<String> sorted(List<UserRow> rows, Function<UserRow, K> key,
                                                                 boolean descending) {
        java.util.Comparator<UserRow> order = java.util.Comparator.comparing(key).thenComparing(UserRow::id);
        return rows.stream().sorted(descending ? order.reversed() : order).map(UserRow::id).toList();
    }
}
