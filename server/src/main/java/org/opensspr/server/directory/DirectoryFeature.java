package org.opensspr.server.directory;

import com.fasterxml.jackson.core.type.TypeReference;
import io.javalin.http.HandlerType;
import org.opensspr.api.ApiError;
import org.opensspr.api.ErrorCode;
import org.opensspr.api.GroupDto;
import org.opensspr.api.GroupMemberDto;
import org.opensspr.api.GroupRefDto;
import org.opensspr.api.GroupWriteRequest;
import org.opensspr.api.ImportResultDto;
import org.opensspr.api.ImportRowErrorDto;
import org.opensspr.api.Page;
import org.opensspr.api.RolesUpdateRequest;
import org.opensspr.api.UserDetailDto;
import org.opensspr.api.UserSummaryDto;
import org.opensspr.api.UploadLimits;
import org.opensspr.api.UserWriteRequest;
import org.opensspr.server.http.Access;
import org.opensspr.server.http.ApiException;
import org.opensspr.server.http.ApiRoute;
import org.opensspr.server.http.QueryParam;
import org.opensspr.server.http.Request;

import java.lang.reflect.Type;
import java.util.List;

import static io.javalin.http.HandlerType.DELETE;
import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.POST;
import static io.javalin.http.HandlerType.PUT;
import static org.opensspr.directory.Permission.MANAGE_GROUPS;
import static org.opensspr.directory.Permission.MANAGE_ROLES;
import static org.opensspr.directory.Permission.MANAGE_USERS;
import static org.opensspr.directory.Permission.READ_DIRECTORY;

/** The directory API: users, groups, memberships, roles, contact pre-fill and CSV import. */
public final class DirectoryFeature {
    private static final QueryParam USER_SEARCH = QueryParam.text("q", "the start of a user's UPN, display name,"
            + " given name or surname, in any case; at most " + DirectoryList.SEARCH_LIMIT + " matches of each are read");
    private static final QueryParam GROUP_SEARCH = QueryParam.text("q", "the start of a group's name, in any case;"
            + " at most " + DirectoryList.SEARCH_LIMIT + " matches are read");
    private static final QueryParam SORT = QueryParam.text("sort", "sort key, '-' first for descending");
    private static final QueryParam AFTER = QueryParam.text("after", "a page's 'next' cursor: the page after it,"
            + " in the same sort (instead of 'page')");

    private static final QueryParam AMONG = QueryParam.text("among", "group ids, comma-separated, at most "
            + GroupService.MAX_CANDIDATES);

    private static final Type GROUP_REFS = new TypeReference<List<GroupRefDto>>() { }.getType();
    private static final Type USER_PAGE = new TypeReference<Page<UserSummaryDto>>() { }.getType();
    private static final Type GROUP_PAGE = new TypeReference<Page<GroupDto>>() { }.getType();
    private static final Type MEMBER_PAGE = new TypeReference<Page<GroupMemberDto>>() { }.getType();

    private final DirectoryService users;
    private final GroupService groups;
    private final UserImportService importer;

    public DirectoryFeature(DirectoryService users, GroupService groups, UserImportService importer) {
        this.users = users;
        this.groups = groups;
        this.importer = importer;
    }

    public List<ApiRoute<?>> routes() {
        return List.of(
                route(GET, "/users", "Users, searched (q), sorted (sort=upn|displayName|createdAt, '-' for"
                        + " descending) and paged (page from 0, or after a page's next cursor; size 1-200)",
                        READ_DIRECTORY).returns(USER_PAGE)
                        .query(USER_SEARCH).query(SORT).query(QueryParam.paging()).query(AFTER)
                        .handle(r -> users.listUsers(listQuery(r, DirectoryQueries.USER_SORT_KEYS))),
                route(POST, "/users", "Create a user", MANAGE_USERS).body(UserWriteRequest.class)
                        .returns(UserDetailDto.class).status(201).errors(ErrorCode.CONFLICT)
                        .handle(r -> users.createUser(actor(r), r.body())),
                route(GET, "/users/{id}", "A user with roles, registered methods and groups", READ_DIRECTORY)
                        .returns(UserDetailDto.class).handle(r -> users.getUser(r.path("id"))),
                // An administrator's lookup only (READ_DIRECTORY, as by id): no anonymous route says whether a UPN exists.
                route(GET, "/users/by-upn/{upn}", "The user with this userPrincipalName (any case)", READ_DIRECTORY)
                        .returns(UserDetailDto.class).handle(r -> users.getUserByUpn(r.path("upn"))),
                route(PUT, "/users/{id}", "Change a user's attributes", MANAGE_USERS).body(UserWriteRequest.class)
                        .returns(UserDetailDto.class).errors(ErrorCode.CONFLICT)
                        .handle(r -> users.updateUser(actor(r), r.path("id"), r.body())),
                route(DELETE, "/users/{id}", "Delete a user", MANAGE_USERS).errors(ErrorCode.CONFLICT)
                        .handle(r -> {
                            users.deleteUser(actor(r), r.path("id"));
                            return null;
                        }),
                route(PUT, "/users/{id}/roles", "Replace a user's administrator roles", MANAGE_ROLES)
                        .body(RolesUpdateRequest.class).returns(UserDetailDto.class).errors(ErrorCode.CONFLICT)
                        .handle(r -> users.setRoles(actor(r), r.path("id"), r.body())),
                route(POST, "/users/import", "Import users with groups and roles from CSV, all rows or none",
                        MANAGE_USERS).rawBody("text/csv", UploadLimits.USER_IMPORT_BYTES).returns(ImportResultDto.class)
                        .errors(ErrorCode.CONFLICT, ErrorCode.VALIDATION_FAILED).handle(this::importUsers),
                route(GET, "/groups", "Groups, searched (q), sorted (sort=name|createdAt, '-' for descending)"
                        + " and paged (page, or after a page's next cursor)", READ_DIRECTORY).returns(GROUP_PAGE)
                        .query(GROUP_SEARCH).query(SORT).query(QueryParam.paging()).query(AFTER)
                        .handle(r -> groups.listGroups(listQuery(r, DirectoryQueries.GROUP_SORT_KEYS))),
                route(POST, "/groups", "Create a group", MANAGE_GROUPS).body(GroupWriteRequest.class)
                        .returns(GroupDto.class).status(201).errors(ErrorCode.CONFLICT)
                        .handle(r -> groups.createGroup(actor(r).name(), r.body())),
                route(GET, "/groups/{id}", "A group", READ_DIRECTORY).returns(GroupDto.class)
                        .handle(r -> groups.getGroup(r.path("id"))),
                route(PUT, "/groups/{id}", "Rename a group or change its description", MANAGE_GROUPS)
                        .body(GroupWriteRequest.class).returns(GroupDto.class).errors(ErrorCode.CONFLICT)
                        .handle(r -> groups.updateGroup(actor(r).name(), r.path("id"), r.body())),
                route(DELETE, "/groups/{id}", "Delete a group and its memberships", MANAGE_GROUPS)
                        .handle(r -> {
                            groups.deleteGroup(actor(r).name(), r.path("id"));
                            return null;
                        }),
                route(GET, "/groups/{id}/members", "A group's direct members, groups first (page, size)",
                        READ_DIRECTORY).returns(MEMBER_PAGE)
                        .query(QueryParam.paging())
                        .handle(r -> groups.members(r.path("id"), page(r), size(r))),
                route(GET, "/groups/{id}/held-by", "Which of the groups named in 'among' are this group or hold it"
                        + " through nesting, at any depth (e.g. the SSPR scope groups that bring its members in)",
                        READ_DIRECTORY).returns(GROUP_REFS).query(AMONG)
                        .handle(r -> groups.heldBy(r.path("id"), among(r))),
                route(PUT, "/groups/{id}/members/users/{userId}", "Add a user to a group", MANAGE_GROUPS)
                        .errors(ErrorCode.CONFLICT).handle(r -> {
                            groups.addUserMember(actor(r).name(), r.path("id"), r.path("userId"));
                            return null;
                        }),
                route(DELETE, "/groups/{id}/members/users/{userId}", "Remove a user from a group", MANAGE_GROUPS)
                        .handle(r -> {
                            groups.removeUserMember(actor(r).name(), r.path("id"), r.path("userId"));
                            return null;
                        }),
                route(PUT, "/groups/{id}/members/groups/{groupId}", "Nest a group in a group", MANAGE_GROUPS)
                        .errors(ErrorCode.CONFLICT, ErrorCode.INVALID_VALUE).handle(r -> { // INVALID_VALUE: a group in itself
                            groups.addGroupMember(actor(r).name(), r.path("id"), r.path("groupId"));
                            return null;
                        }),
                route(DELETE, "/groups/{id}/members/groups/{groupId}", "Take a nested group out of a group",
                        MANAGE_GROUPS).handle(r -> {
                            groups.removeGroupMember(actor(r).name(), r.path("id"), r.path("groupId"));
                            return null;
                        }));
    }

    /** A file with problems imports nothing and answers 422 with one field error per problem. */
    private Object importUsers(Request<Object> request) {
        ImportResultDto result = importer.importCsv(actor(request), request.rawBody());
        if (result.imported()) {
            return result;
        }
        // The field names the place (lines[N] or lines[N].column), so the message is the problem alone.
        List<ApiError.FieldError> problems = result.errors().stream().map(e -> new ApiError.FieldError(
                e.column().isEmpty() ? "lines[" + e.line() + "]" : "lines[" + e.line() + "]." + e.column(),
                ErrorCode.INVALID_VALUE.wire(), e.message())).toList();
        ImportRowErrorDto first = result.errors().getFirst();
        throw new ApiException(ErrorCode.VALIDATION_FAILED, problems.size() + (problems.size() == 1 ? " problem" :
                " problems") + " in the file; nothing was imported. Line " + first.line()
                + (first.column().isEmpty() ? "" : ", " + first.column()) + ": " + first.message(), problems, null);
    }

    private static ApiRoute.Builder<Object> route(HandlerType method, String path, String summary,
                                                  org.opensspr.directory.Permission permission) {
        return ApiRoute.route(method, path, summary, Access.admin(permission));
    }

    private static DirectoryActor actor(Request<?> request) {
        return DirectoryActor.of(request.admin());
    }

    private static ListQuery listQuery(Request<?> request, List<String> sortKeys) {
        return ListQuery.of(request.query("q").orElse(""), request.query("sort").orElse(""), page(request),
                size(request), request.query("after").orElse(""), sortKeys);
    }

    /** The ids in the 'among' query, blanks and repeats left out. */
    private static List<String> among(Request<?> request) {
        return java.util.Arrays.stream(request.query("among").orElse("").split(",")).map(String::strip)
                .filter(id -> !id.isEmpty()).distinct().toList();
    }

    private static int page(Request<?> request) {
        return request.queryInt("page", 0, 0, ListQuery.MAX_PAGE);
    }

    private static int size(Request<?> request) {
        return request.queryInt("size", ListQuery.DEFAULT_SIZE, 1, ListQuery.MAX_SIZE);
    }
}
