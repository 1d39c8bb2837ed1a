package org.opensspr.server.directory;

import org.opensspr.server.audit.AuditSeals;
import org.opensspr.api.GroupWriteRequest;
import org.opensspr.api.ImportResultDto;
import org.opensspr.api.ImportRowErrorDto;
import org.opensspr.directory.DirectoryUser;
import org.opensspr.directory.Role;
import org.opensspr.methods.AuthMethod;
import org.opensspr.server.db.Database;
import org.opensspr.server.testing.OnBothDatabases;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opensspr.server.db.Tables.DIRECTORY_GROUP;
import static org.opensspr.server.db.Tables.DIRECTORY_USER;
import static org.opensspr.server.db.Tables.GROUP_USER_MEMBER;
import static org.opensspr.server.db.Tables.METHOD_REGISTRATION;
import static org.opensspr.server.db.Tables.USER_ROLE;
import static org.opensspr.server.directory.DirectoryServiceTest.GLOBAL;
import static org.opensspr.server.directory.DirectoryServiceTest.START;

/** CSV import is all or nothing, on both databases. */
class UserImportServiceTest {
    private static final String HEADER = String.join(",", ImportRowReader.COLUMNS);

    /** Row i (from 0) of a 500-user file; every third user is in "Import A", every fifth also in "pilot". */
    private static String row(int i) {
        String groups = (i % 3 == 0 ? "Import A;" : "Import B;") + (i % 5 == 0 ? "pilot" : "");
        String roles = i == 7 ? "PASSWORD_ADMINISTRATOR;helpdesk_administrator" : "";
        return String.join(",", "user" + i + "@contoso.example", "Given" + i, "Surname", "\"Surname, Given " + i + "\"",
                i % 2 == 0 ? "CLOUD" : "ON_PREMISES", i % 10 == 9 ? "false" : "true", "user" + i + "@contoso.example",
                i % 4 == 0 ? "private" + i + "@example.org" : "", i % 4 == 1 ? "+41 79 555 " + (1000 + i) : "", "",
                "de-ch", groups, roles);
    }

    private static List<String> fiveHundredRows() {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            rows.add(row(i));
        }
        return rows;
    }

    private static byte[] file(List<String> rows) {
        return ("\uFEFF" + HEADER + "\r\n" + String.join("\r\n", rows) + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    @OnBothDatabases
    void oneBadRowInFiveHundredImportsNothingAndIsReported(Database db) {
        new GroupService(db, Clock.fixed(START, ZoneOffset.UTC), AuditSeals.log(db, Clock.fixed(START, ZoneOffset.UTC))).createGroup("admin@contoso.example", new GroupWriteRequest("Pilot", ""));
        List<String> rows = fiveHundredRows();
        rows.set(249, rows.get(249).replace("+41 79 555 1249", "079 555 1249"));

        ImportResultDto result = importer(db).importCsv(GLOBAL, file(rows));

        assertThat(result.imported()).isFalse();
        assertThat(result.importedCount()).isZero();
        assertThat(result.errors()).singleElement().satisfies(error -> {
            assertThat(error.line()).as("the header is line 1").isEqualTo(251);
            assertThat(error.column()).isEqualTo("mobilePhone");
            assertThat(error.message()).contains("079 555 1249");
        });
        assertThat(db.dsl().fetchCount(DIRECTORY_USER)).isZero();
        assertThat(db.dsl().fetchCount(DIRECTORY_GROUP)).isEqualTo(1);
    }

    @OnBothDatabases
    void aCleanFileImportsEveryUserWithGroupsRolesAndPrefilledMethods(Database db) {
        Clock clock = Clock.fixed(START, ZoneOffset.UTC);
        String pilot = new GroupService(db, clock, AuditSeals.log(db, clock)).createGroup("admin@contoso.example", new GroupWriteRequest("Pilot", "")).id();

        ImportResultDto result = importer(db).importCsv(GLOBAL, file(fiveHundredRows()));

        assertThat(result.errors()).isEmpty();
        assertThat(result.importedCount()).isEqualTo(500);
        assertThat(result.createdGroups()).containsExactly("Import A", "Import B");
        assertThat(db.dsl().fetchCount(DIRECTORY_USER)).isEqualTo(500);
        assertThat(db.dsl().fetchCount(GROUP_USER_MEMBER)).isEqualTo(500 + 100);
        assertThat(new SqlGroupMembership(db.dsl()).membersOf(pilot)).hasSize(100);
        assertThat(db.dsl().fetchCount(METHOD_REGISTRATION)).isEqualTo(125 + 125);
        assertThat(db.dsl().fetchCount(USER_ROLE)).isEqualTo(2);
        DirectoryUser seven = new DirectoryService(db, clock, AuditSeals.log(db, clock)).loadUserByUpn("USER7@contoso.example").orElseThrow();
        assertThat(seven.displayName()).isEqualTo("Surname, Given 7");
        assertThat(seven.roles()).containsExactlyInAnyOrder(Role.PASSWORD_ADMINISTRATOR, Role.HELPDESK_ADMINISTRATOR);
        assertThat(seven.preferredLanguage()).isEqualTo("de-CH");
        DirectoryUser four = new DirectoryService(db, clock, AuditSeals.log(db, clock)).loadUserByUpn("user4@contoso.example").orElseThrow();
        assertThat(four.registration(AuthMethod.Registration.EMAIL)).hasValueSatisfying(r ->
                assertThat(r.registeredAt()).isEqualTo(START));
    }

    @OnBothDatabases
    void everyBadRowIsReportedIncludingDuplicatesInTheFileAndTakenUpns(Database db) {
        new DirectoryService(db, Clock.fixed(START, ZoneOffset.UTC), AuditSeals.log(db, Clock.fixed(START, ZoneOffset.UTC)))
                .createUser(GLOBAL, DirectoryServiceTest.request("taken@contoso.example"));
        List<String> rows = new ArrayList<>(List.of(row(1), row(2), row(3), row(4)));
        rows.set(1, row(2).replace("CLOUD", "MAINFRAME"));
        rows.add(row(1).replace("user1@", "USER1@"));
        rows.add(row(5).replace("user5@contoso.example,Given5", "Taken@Contoso.example,Given5"));
        rows.add("too,few");

        ImportResultDto result = importer(db).importCsv(GLOBAL, file(rows));

        assertThat(result.errors()).extracting(ImportRowErrorDto::line, ImportRowErrorDto::column).containsExactly(
                org.assertj.core.groups.Tuple.tuple(3, "source"),
                org.assertj.core.groups.Tuple.tuple(6, "upn"),
                org.assertj.core.groups.Tuple.tuple(7, "upn"),
                org.assertj.core.groups.Tuple.tuple(8, ""));
        assertThat(result.errors().get(1).message()).contains("USER1@contoso.example", "line 2");
        assertThat(result.errors().get(2).message()).contains("Taken@Contoso.example", "already exists");
        assertThat(db.dsl().fetchCount(DIRECTORY_USER)).isEqualTo(1);
    }

    @OnBothDatabases
    void unreadableFilesAreReportedWithTheirLine(Database db) {
        UserImportService importer = importer(db);
        byte[] latin1 = (HEADER + "\n" + row(1) + "\nJosé").getBytes(StandardCharsets.ISO_8859_1);
        byte[] unclosed = (HEADER + "\n" + row(1) + "\n\"user2@contoso.example,\nplain").getBytes(StandardCharsets.UTF_8);
        byte[] strayQuote = (HEADER + "\n" + row(1) + "\n\"user2@contoso.example,\n" + row(3)).getBytes(StandardCharsets.UTF_8);

        assertThat(importer.importCsv(GLOBAL, latin1).errors()).containsExactly(
                new ImportRowErrorDto(3, "", "The file is not UTF-8 text."));
        assertThat(importer.importCsv(GLOBAL, unclosed).errors()).containsExactly(
                new ImportRowErrorDto(3, "", "A quoted value is not closed."));
        assertThat(importer.importCsv(GLOBAL, strayQuote).errors()).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(4);
            assertThat(e.message()).startsWith("Text after a closing quote").endsWith("began on line 3.)");
        });
        assertThat(importer.importCsv(GLOBAL, new byte[0]).errors()).singleElement()
                .satisfies(e -> assertThat(e.message()).startsWith("The file is empty"));
        assertThat(importer.importCsv(GLOBAL, "upn,roles\n".getBytes(StandardCharsets.UTF_8)).errors())
                .hasSize(11).allSatisfy(e -> assertThat(e.line()).isEqualTo(1));
        assertThat(db.dsl().fetchCount(DIRECTORY_USER)).isZero();
    }

    @OnBothDatabases
    void aUserAdministratorCantAssignRolesByImport(Database db) {
        DirectoryServiceTest.assertForbidden(() -> importer(db).importCsv(DirectoryServiceTest.USER_ADMIN,
                file(List.of(row(7)))));
        assertThat(importer(db).importCsv(DirectoryServiceTest.USER_ADMIN, file(List.of(row(8)))).importedCount())
                .isEqualTo(1);
    }

    private static UserImportService importer(Database db) {
        return new UserImportService(db, Clock.fixed(START, ZoneOffset.UTC), AuditSeals.log(db, Clock.fixed(START, ZoneOffset.UTC)));
    }
}
