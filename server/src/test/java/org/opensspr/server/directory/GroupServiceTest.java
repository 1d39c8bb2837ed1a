package org.opensspr.server.directory;

import org.opensspr.server.audit.AuditSeals;
import org.opensspr.api.ErrorCode;
import org.opensspr.api.GroupDto;
import org.opensspr.api.GroupMemberDto;
import org.opensspr.api.GroupRefDto;
import org.opensspr.api.GroupWriteRequest;
import org.opensspr.api.Page;
import org.opensspr.server.db.Database;
import org.opensspr.server.http.ApiException;
import org.opensspr.server.testing.OnBothDatabases;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opensspr.server.db.Tables.DIRECTORY_USER;
import static org.opensspr.server.db.Tables.GROUP_GROUP_MEMBER;
import static org.opensspr.server.db.Tables.GROUP_USER_MEMBER;
import static org.opensspr.server.directory.DirectoryServiceTest.GLOBAL;
import static org.opensspr.server.directory.DirectoryServiceTest.START;

class GroupServiceTest {

    @OnBothDatabases
    void createsRenamesAndRefusesATakenNameRegardlessOfCase(Database db) {
        GroupService groups = new GroupService(db, Clock.fixed(START, ZoneOffset.UTC), AuditSeals.log(db, Clock.fixed(START, ZoneOffset.UTC)));
        GroupDto pilot = groups.createGroup("admin@contoso.example", new GroupWriteRequest(" SSPR pilot ", "First wave"));
        GroupDto sales = groups.createGroup("admin@contoso.example", new GroupWriteRequest("Sales", ""));

        assertThat(pilot).isEqualTo(new GroupDto(pilot.id(), "SSPR pilot", "First wave", 0, 0, START));
        assertThat(groups.getGroup(pilot.id())).isEqualTo(pilot);
        assertCode(() -> groups.createGroup("admin@contoso.example", new GroupWriteRequest("sspr PILOT", "")), ErrorCode.CONFLICT,
                "sspr PILOT");
        assertCode(() -> groups.updateGroup("admin@contoso.example", sales.id(), new GroupWriteRequest("SSPR Pilot", "")),
                ErrorCode.CONFLICT, "SSPR Pilot");
        assertCode(() -> groups.createGroup("admin@contoso.example", new GroupWriteRequest("A;B", "")), ErrorCode.VALIDATION_FAILED, "';'");
        assertCode(() -> groups.createGroup("admin@contoso.example", new GroupWriteRequest(" ", "")), ErrorCode.VALIDATION_FAILED, "required");
        assertThat(groups.updateGroup("admin@contoso.example", pilot.id(), new GroupWriteRequest("SSPR Pilot", "Renamed")).name())
                .isEqualTo("SSPR Pilot");
        assertCode(() -> groups.getGroup("missing"), ErrorCode.NOT_FOUND, "missing");
    }

    @OnBothDatabases
    void membershipChangesAreIdempotentAndAGroupCantContainItself(Database db) {
        Clock clock = Clock.fixed(START, ZoneOffset.UTC);
        GroupService groups = new GroupService(db, clock, AuditSeals.log(db, clock));
        String ada = new DirectoryService(db, clock, AuditSeals.log(db, clock)).createUser(GLOBAL, DirectoryServiceTest.request("ada@contoso.com")).id();
        String pilot = groups.createGroup("admin@contoso.example", new GroupWriteRequest("Pilot", "")).id();
        String wave = groups.createGroup("admin@contoso.example", new GroupWriteRequest("Wave", "")).id();

        groups.addUserMember("admin@contoso.example", pilot, ada);
        groups.addUserMember("admin@contoso.example", pilot, ada);
        groups.addGroupMember("admin@contoso.example", pilot, wave);
        groups.addGroupMember("admin@contoso.example", pilot, wave);
        groups.addGroupMember("admin@contoso.example", wave, pilot);

        assertThat(groups.getGroup(pilot)).extracting(GroupDto::memberUserCount, GroupDto::memberGroupCount)
                .containsExactly(1L, 1L);
        assertCode(() -> groups.addGroupMember("admin@contoso.example", pilot, pilot), ErrorCode.INVALID_VALUE, "itself");
        assertCode(() -> groups.addUserMember("admin@contoso.example", pilot, "nobody"), ErrorCode.NOT_FOUND, "nobody");
        assertCode(() -> groups.addGroupMember("admin@contoso.example", "nothing", pilot), ErrorCode.NOT_FOUND, "nothing");

        groups.removeUserMember("admin@contoso.example", pilot, ada);
        groups.removeUserMember("admin@contoso.example", pilot, ada);
        groups.removeGroupMember("admin@contoso.example", wave, pilot);
        assertThat(groups.getGroup(pilot).memberUserCount()).isZero();
        assertThat(groups.getGroup(wave).memberGroupCount()).isZero();
    }

    @OnBothDatabases
    void deletingAGroupRemovesItsMembershipsButNotItsMembers(Database db) {
        Clock clock = Clock.fixed(START, ZoneOffset.UTC);
        GroupService groups = new GroupService(db, clock, AuditSeals.log(db, clock));
        DirectoryService users = new DirectoryService(db, clock, AuditSeals.log(db, clock));
        String ada = users.createUser(GLOBAL, DirectoryServiceTest.request("ada@contoso.com")).id();
        String all = groups.createGroup("admin@contoso.example", new GroupWriteRequest("All", "")).id();
        String pilot = groups.createGroup("admin@contoso.example", new GroupWriteRequest("Pilot", "")).id();
        String inner = groups.createGroup("admin@contoso.example", new GroupWriteRequest("Inner", "")).id();
        groups.addGroupMember("admin@contoso.example", all, pilot);
        groups.addGroupMember("admin@contoso.example", pilot, inner);
        groups.addUserMember("admin@contoso.example", pilot, ada);

        groups.deleteGroup("admin@contoso.example", pilot);

        assertCode(() -> groups.getGroup(pilot), ErrorCode.NOT_FOUND, pilot);
        assertThat(db.dsl().fetchCount(GROUP_USER_MEMBER)).isZero();
        assertThat(db.dsl().fetchCount(GROUP_GROUP_MEMBER)).isZero();
        assertThat(db.dsl().fetchCount(DIRECTORY_USER)).isEqualTo(1);
        assertThat(users.getUser(ada).groups()).isEmpty();
        assertThat(groups.getGroup(inner).name()).isEqualTo("Inner");
    }

    @OnBothDatabases
    void membersAreListedGroupsFirstThenUsersByUpnInPages(Database db) {
        Clock clock = Clock.fixed(START, ZoneOffset.UTC);
        GroupService groups = new GroupService(db, clock, AuditSeals.log(db, clock));
        DirectoryService users = new DirectoryService(db, clock, AuditSeals.log(db, clock));
        String team = groups.createGroup("admin@contoso.example", new GroupWriteRequest("Team", "")).id();
        for (String name : List.of("Zeta", "alpha")) {
            groups.addGroupMember("admin@contoso.example", team, groups.createGroup("admin@contoso.example", new GroupWriteRequest(name, "about " + name)).id());
        }
        for (String upn : List.of("erin@contoso.com", "Bob@contoso.com", "dan@contoso.com", "carl@contoso.com",
                "ann@contoso.com")) {
            groups.addUserMember("admin@contoso.example", team, users.createUser(GLOBAL, DirectoryServiceTest.request(upn)).id());
        }

        Page<GroupMemberDto> first = groups.members(team, 0, 3);
        Page<GroupMemberDto> last = groups.members(team, 2, 3);

        assertThat(first.total()).isEqualTo(7);
        assertThat(first.items()).extracting(GroupMemberDto::kind, GroupMemberDto::name, GroupMemberDto::detail)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(GroupMemberDto.Kind.GROUP, "alpha", "about alpha"),
                        org.assertj.core.groups.Tuple.tuple(GroupMemberDto.Kind.GROUP, "Zeta", "about Zeta"),
                        org.assertj.core.groups.Tuple.tuple(GroupMemberDto.Kind.USER, "ann@contoso.com",
                                "Ada Lovelace"));
        assertThat(groups.members(team, 1, 3).items()).extracting(GroupMemberDto::name)
                .containsExactly("Bob@contoso.com", "carl@contoso.com", "dan@contoso.com");
        assertThat(last.items()).extracting(GroupMemberDto::name).containsExactly("erin@contoso.com");
        assertThat(last.hasNext()).isFalse();
        assertThat(groups.listGroups(ListQuery.of("", "-name", 0, 10, DirectoryQueries.GROUP_SORT_KEYS)).items())
                .extracting(GroupDto::name).containsExactly("Zeta", "Team", "alpha");
        assertThat(groups.listGroups(ListQuery.of("TE", "name", 0, 10, DirectoryQueries.GROUP_SORT_KEYS)).items())
                .extracting(GroupDto::name).containsExactly("Team");
    }

    @OnBothDatabases
    void heldByNamesTheCandidatesThatAreTheGroupOrHoldItAtAnyDepthCyclesOrNot(Database db) {
        GroupService groups = new GroupService(db, Clock.fixed(START, ZoneOffset.UTC), AuditSeals.log(db, Clock.fixed(START, ZoneOffset.UTC)));
        String all = groups.createGroup("admin@contoso.example", new GroupWriteRequest("All staff", "")).id();
        String pilot = groups.createGroup("admin@contoso.example", new GroupWriteRequest("Pilot", "")).id();
        String wave = groups.createGroup("admin@contoso.example", new GroupWriteRequest("Wave 2", "")).id();
        String other = groups.createGroup("admin@contoso.example", new GroupWriteRequest("Other", "")).id();
        groups.addGroupMember("admin@contoso.example", all, pilot);
        groups.addGroupMember("admin@contoso.example", pilot, wave);

        assertThat(groups.heldBy(wave, List.of(pilot, other, all, "unknown"))).extracting(GroupRefDto::name)
                .containsExactly("All staff", "Pilot");
        assertThat(groups.heldBy(pilot, List.of(pilot, wave))).extracting(GroupRefDto::name)
                .as("a selected group is its own way in; what it holds is not").containsExactly("Pilot");
        assertThat(groups.heldBy(other, List.of(all, pilot, wave))).isEmpty();
        assertThat(groups.heldBy(all, List.of())).isEmpty();

        groups.addGroupMember("admin@contoso.example", wave, all);
        assertThat(groups.heldBy(all, List.of(wave, other))).extracting(GroupRefDto::name)
                .as("through a cycle").containsExactly("Wave 2");
        assertCode(() -> groups.heldBy("missing", List.of(all)), ErrorCode.NOT_FOUND, "missing");
        List<String> tooMany = java.util.stream.IntStream.rangeClosed(0, GroupService.MAX_CANDIDATES)
                .mapToObj(i -> "g" + i).toList();
        assertCode(() -> groups.heldBy(all, tooMany), ErrorCode.INVALID_VALUE, "at most");
    }

    static void assertCode(Runnable call, ErrorCode code, String messagePart) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.getMessage()).contains(messagePart);
        });
    }
}
