package org.opensspr.server.directory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opensspr.api.ImportRowErrorDto;
import org.opensspr.directory.Role;
import org.opensspr.directory.UserSource;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ImportRowReaderTest {
    private static final String HEADER = String.join(",", ImportRowReader.COLUMNS);
    private static final String GOOD = "ada@contoso.com,Ada,Lovelace,Ada Lovelace,CLOUD,true,ada@contoso.com,"
            + "ada@example.org,+44 20 7946 0958,+44 20 7946 0000,en-gb,Pilot;Engineering,HELPDESK_ADMINISTRATOR";

    private static ImportRowReader reader() throws Exception {
        return ImportRowReader.forHeader(CsvParser.parse(HEADER).getFirst()).value();
    }

    @Test
    void aGoodRowBecomesAUserWithGroupsAndRoles() throws Exception {
        ImportRowReader.Result<ImportRow> result = reader().read(new CsvRecord(2, CsvParser.parse(GOOD).getFirst().fields()));

        assertThat(result.errors()).isEmpty();
        ImportRow row = result.value();
        assertThat(row.user().userPrincipalName()).isEqualTo("ada@contoso.com");
        assertThat(row.user().source()).isEqualTo(UserSource.CLOUD);
        assertThat(row.user().enabled()).isTrue();
        assertThat(row.user().preferredLanguage()).isEqualTo("en-GB");
        assertThat(row.user().contact().mobilePhone()).isEqualTo("+44 20 7946 0958");
        assertThat(row.groupNames()).containsExactly("Pilot", "Engineering");
        assertThat(row.roles()).isEqualTo(Set.of(Role.HELPDESK_ADMINISTRATOR));
    }

    /** Each case changes one column of the good row and expects that column to be reported. */
    @ParameterizedTest(name = "{0} = ''{1}'' -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            upn               | ''                   | user principal name is required
            upn               | ada                  | must look like name@domain
            displayName       | ''                   | display name is required
            source            | AZURE                | must be CLOUD or ON_PREMISES
            source            | ''                   | source is required
            enabled           | yes                  | must be true or false
            enabled           | ''                   | must be true or false
            primaryEmail      | ada at contoso       | is not an email address
            alternateEmail    | ADA@contoso.com      | outside the organization
            mobilePhone       | 0207 946 0958        | +<country code> <number>
            officePhone       | +44 1                | +<country code> <number>
            preferredLanguage | british              | is not a language tag
            groups            | Pilot;;Se\u0001les   | control characters
            roles             | SUPERUSER            | SUPERUSER is not a role
            givenName         | LONG                 | longer than 256 characters
            """)
    void aBadValueIsReportedWithItsLineAndColumn(String column, String value, String reason) throws Exception {
        List<String> fields = new java.util.ArrayList<>(CsvParser.parse(GOOD).getFirst().fields());
        String bad = value.equals("LONG") ? "x".repeat(257) : value.replace("\\u0001", "\u0001");
        fields.set(ImportRowReader.COLUMNS.indexOf(column), bad);

        ImportRowReader.Result<ImportRow> result = reader().read(new CsvRecord(7, fields));

        assertThat(result.succeeded()).isFalse();
        assertThat(result.errors()).singleElement().satisfies(error -> {
            assertThat(error.line()).isEqualTo(7);
            assertThat(error.column()).isEqualTo(column);
            assertThat(error.message().replace("'", "")).contains(reason);
        });
    }

    @Test
    void everyProblemOfARowIsReportedInColumnOrder() throws Exception {
        List<String> fields = List.of("bad", "", "", "", "MAINFRAME", "maybe", "", "", "", "", "", "", "");

        List<ImportRowErrorDto> errors = reader().read(new CsvRecord(3, fields)).errors();

        assertThat(errors).extracting(ImportRowErrorDto::column)
                .containsExactly("upn", "displayName", "source", "enabled");
    }

    @Test
    void aRowWithTooFewValuesIsReportedAsAWhole() throws Exception {
        List<ImportRowErrorDto> errors = reader().read(new CsvRecord(4, List.of("a@b.c", "A"))).errors();

        assertThat(errors).containsExactly(new ImportRowErrorDto(4, "", "Expected 13 values, found 2."));
    }

    @ParameterizedTest(name = "header {0}")
    @CsvSource(delimiter = '|', textBlock = """
            upn,givenName                                    | surname
            UPN,GIVENNAME,SURNAME,DISPLAYNAME,SOURCE,ENABLED,PRIMARYEMAIL,ALTERNATEEMAIL,MOBILEPHONE,OFFICEPHONE,PREFERREDLANGUAGE,GROUPS,ROLES,upn | upn
            upn,givenName,surname,displayName,source,enabled,primaryEmail,alternateEmail,mobilePhone,officePhone,preferredLanguage,groups,roles,manager | manager
            """)
    void aBadHeaderIsReportedOnLineOne(String header, String column) throws Exception {
        ImportRowReader.Result<ImportRowReader> result = ImportRowReader.forHeader(CsvParser.parse(header).getFirst());

        assertThat(result.succeeded()).isFalse();
        assertThat(result.errors()).allSatisfy(e -> assertThat(e.line()).isEqualTo(1))
                .extracting(ImportRowErrorDto::column).contains(column);
    }
}
