package org.opensspr.server.api;

import org.opensspr.api.ErrorCode;
import org.opensspr.api.GroupDto;
import org.opensspr.api.GroupMemberDto;
import org.opensspr.api.GroupRefDto;
import org.opensspr.api.GroupWriteRequest;
import org.opensspr.api.ImportResultDto;
import org.opensspr.api.ImportRowErrorDto;
import org.opensspr.api.Page;
import org.opensspr.api.UserDetailDto;
import org.opensspr.api.UserSummaryDto;
import org.opensspr.api.WhatIfDto;
import org.opensspr.client.OpenSsprApiException;
import org.opensspr.client.OpenSsprClient;
import org.opensspr.directory.Role;
import org.opensspr.flow.FlowIntent;
import org.opensspr.flow.FlowStep;
import org.opensspr.server.testing.OnBothDatabases;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

/** The console's pickers through the typed client: users, one user, groups, and what-if, on the demo directory. */
class ClientDirectoryTest {

    @OnBothDatabases
    void thePickersFindPeopleAndGroups(InProcessServer server) {
        server.server().seedDemo();
        try (OpenSsprClient console = TestAdmins.client(server, Role.HELPDESK_ADMINISTRATOR)) {
            Page<UserSummaryDto> first = console.users("", 0, 5);
            Page<UserSummaryDto> second = console.users(" ", 1, 5);
            assertThat(first.total()).isGreaterThanOrEqualTo(21);
            assertThat(first.items()).hasSize(5).extracting(UserSummaryDto::userPrincipalName).isSorted();
            assertThat(second.items()).hasSize(5).doesNotContainAnyElementsOf(first.items());
            assertThat(first.hasNext()).isTrue();

            Page<UserSummaryDto> adele = console.users("ADELE", 0, 10);
            assertThat(adele.items()).extracting(UserSummaryDto::userPrincipalName)
                    .containsExactly("adele.vance@contoso.example");
            // Characters that would end the value or add parameters are only searched for.
            assertThat(console.users("a&page=0&size=1#x %_", 0, 10).items()).isEmpty();
            assertThat(console.users("vance&size=1", 0, 10).total()).isZero();

            UserDetailDto detail = console.user(adele.items().getFirst().id());
            assertThat(detail.userPrincipalName()).isEqualTo("adele.vance@contoso.example");
            assertThat(detail.groups()).extracting(g -> g.name()).contains("SSPR pilot");
            assertThat(detail.registrations()).isNotEmpty();
            assertThat(catchThrowableOfType(OpenSsprApiException.class,
                    () -> console.user(UUID.randomUUID().toString())).code()).isEqualTo(ErrorCode.NOT_FOUND);
            assertThat(catchThrowableOfType(OpenSsprApiException.class,
                    () -> console.users("", 0, 201)).code()).isEqualTo(ErrorCode.INVALID_VALUE);

            assertThat(console.groups("pilot", 0, 10).items()).as("a group search matches the start of the name").isEmpty();
            Page<GroupDto> pilots = console.groups("SSPR pilot", 0, 10);
            assertThat(pilots.items()).extracting(GroupDto::name).containsExactly("SSPR pilot", "SSPR pilot wave 2");
            assertThat(pilots.items().getFirst().memberGroupCount()).isEqualTo(1);
            assertThat(console.groups("", 0, 2).items()).hasSize(2);
            assertThat(console.groups("", 0, 200).total()).isGreaterThanOrEqualTo(4);
        }
    }

    @OnBothDatabases
    void anImportComesBackRowByRowAndReportsItsUpload(InProcessServer server) {
        String header = "upn,givenName,surname,displayName,source,enabled,primaryEmail,alternateEmail,"
                + "mobilePhone,officePhone,preferredLanguage,groups,roles\n";
        String good = "ann@contoso.example,Ann,Lee,Ann Lee,CLOUD,true,,,,,en-US,Import wave,\n";
        String bad = "carl@contoso.example,Carl,Sun,Carl Sun,CLOUD,perhaps,,not-an-email,,,en-US,,\n"
                + "ann@contoso.example,Ann,Again,Ann Again,CLOUD,true,,,,,en-US,,\n";
        try (OpenSsprClient console = TestAdmins.client(server, Role.USER_ADMINISTRATOR)) {
            List<Long> sent = new ArrayList<>();
            byte[] refusedFile = (header + good + bad).getBytes(StandardCharsets.UTF_8);

            ImportResultDto refused = console.importUsers(refusedFile, sent::add);

            assertThat(refused.imported()).isFalse();
            assertThat(refused.importedCount()).isZero();
            assertThat(refused.errors()).extracting(ImportRowErrorDto::line, ImportRowErrorDto::column)
                    .containsExactly(tuple(3, "enabled"), tuple(3, "alternateEmail"), tuple(4, "upn"));
            assertThat(refused.errors()).allSatisfy(e -> assertThat(e.message()).doesNotStartWith("Line"));
            assertThat(sent).isSorted().last().isEqualTo((long) refusedFile.length);
            assertThat(console.users("ann", 0, 10).items()).as("nothing of a refused file is imported").isEmpty();

            ImportResultDto imported = console.importUsers((header + good).getBytes(StandardCharsets.UTF_8), n -> { });

            assertThat(imported.imported()).isTrue();
            assertThat(imported.importedCount()).isEqualTo(1);
            assertThat(imported.createdGroups()).containsExactly("Import wave");
            assertThat(console.users("ann", 0, 10).items()).extracting(UserSummaryDto::userPrincipalName)
                    .containsExactly("ann@contoso.example");
            ImportResultDto notText = console.importUsers(new byte[]{(byte) 0xC3, (byte) 0x28}, n -> { });
            assertThat(notText.errors()).as("a whole-line problem has no column")
                    .extracting(ImportRowErrorDto::line, ImportRowErrorDto::column).containsExactly(tuple(1, ""));
        }
    }

    @OnBothDatabases
    void groupsAreCreatedFilledNestedAndAskedWhoHoldsThem(InProcessServer server) {
        server.server().seedDemo();
        try (OpenSsprClient console = TestAdmins.client(server, Role.USER_ADMINISTRATOR);
             OpenSsprClient helpdesk = TestAdmins.client(server, Role.HELPDESK_ADMINISTRATOR)) {
            GroupDto pilot = console.groups("SSPR pilot", 0, 1).items().getFirst();
            GroupDto team = console.createGroup(new GroupWriteRequest("Night shift", "Weekends"));
            String adele = console.users("adele", 0, 1).items().getFirst().id();

            console.addUserToGroup(team.id(), adele);
            console.addGroupToGroup(pilot.id(), team.id());
            Page<GroupMemberDto> members = console.groupMembers(pilot.id(), 0, 200);
            assertThat(members.items()).filteredOn(m -> m.kind() == GroupMemberDto.Kind.GROUP)
                    .extracting(GroupMemberDto::name).contains("Night shift");
            assertThat(console.groupMembers(team.id(), 0, 10).items()).extracting(GroupMemberDto::name)
                    .containsExactly("adele.vance@contoso.example");
            assertThat(helpdesk.groupHeldBy(team.id(), List.of(pilot.id(), team.id()))).extracting(GroupRefDto::name)
                    .containsExactly("Night shift", "SSPR pilot");
            assertThat(catchThrowableOfType(OpenSsprApiException.class,
                    () -> helpdesk.addUserToGroup(team.id(), adele)).code()).isEqualTo(ErrorCode.FORBIDDEN);
            assertThat(catchThrowableOfType(OpenSsprApiException.class,
                    () -> console.addGroupToGroup(team.id(), team.id())).code()).isEqualTo(ErrorCode.INVALID_VALUE);

            console.removeUserFromGroup(team.id(), adele);
            console.removeGroupFromGroup(pilot.id(), team.id());
            assertThat(console.groupMembers(team.id(), 0, 10).total()).isZero();
            assertThat(console.groupHeldBy(team.id(), List.of(pilot.id()))).isEmpty();
            assertThat(catchThrowableOfType(OpenSsprApiException.class,
                    () -> console.createGroup(new GroupWriteRequest("night SHIFT", ""))).code())
                    .isEqualTo(ErrorCode.CONFLICT);
        }
    }

    @OnBothDatabases
    void whatIfNamesTheFirstStepOrWhyNot(InProcessServer server) {
        server.server().seedDemo();
        try (OpenSsprClient console = TestAdmins.client(server, Role.USER_ADMINISTRATOR);
             OpenSsprClient reportsOnly = TestAdmins.client(server, Role.REPORTS_READER)) {
            WhatIfDto adele = console.whatIf("Adele.Vance@contoso.example", FlowIntent.RESET_PASSWORD);
            assertThat(adele.found()).isTrue();
            assertThat(adele.reason()).isNull();
            assertThat(adele.firstStep()).isInstanceOf(FlowStep.ChooseMethod.class);

            WhatIfDto miriam = console.whatIf("miriam.graham@contoso.example", FlowIntent.UNLOCK_ACCOUNT);
            assertThat(miriam.reason()).isEqualTo("ADMIN_NEEDS_TWO_METHODS");
            assertThat(miriam.firstStep()).isInstanceOf(FlowStep.DeadEnd.class);

            WhatIfDto nobody = console.whatIf("nobody+x&intent=UNLOCK@contoso.example", FlowIntent.RESET_PASSWORD);
            assertThat(nobody.found()).isFalse();
            assertThat(nobody.userPrincipalName()).isEqualTo("nobody+x&intent=unlock@contoso.example");
            assertThat(catchThrowableOfType(OpenSsprApiException.class,
                    () -> reportsOnly.whatIf("adele.vance@contoso.example", FlowIntent.RESET_PASSWORD)).code())
                    .isEqualTo(ErrorCode.FORBIDDEN);
        }
    }

    @OnBothDatabases
    void oneUserByUpnInAnyCaseForThoseWhoMayReadUsers(InProcessServer server) {
        server.server().seedDemo();
        try (OpenSsprClient console = TestAdmins.client(server, Role.HELPDESK_ADMINISTRATOR);
             OpenSsprClient reportsOnly = TestAdmins.client(server, Role.REPORTS_READER)) {
            UserDetailDto adele = console.userByUpn(" ADELE.Vance@Contoso.Example");
            assertThat(adele).isEqualTo(console.user(adele.id()));
            assertThat(adele.userPrincipalName()).isEqualTo("adele.vance@contoso.example");

            assertThat(catchThrowableOfType(OpenSsprApiException.class,
                    () -> console.userByUpn("nobody@contoso.example")).code()).isEqualTo(ErrorCode.NOT_FOUND);
            assertThat(catchThrowableOfType(OpenSsprApiException.class,
                    () -> reportsOnly.userByUpn("adele.vance@contoso.example")).code())
                    .isEqualTo(ErrorCode.FORBIDDEN);
            assertThat(server.get("/api/v1/users/by-upn/adele.vance@contoso.example", null).statusCode())
                    .as("anonymous").isEqualTo(401);
        }
    }
}
