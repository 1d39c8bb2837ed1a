package org.opensspr.server.helpdesk;

import io.javalin.http.HandlerType;
import org.opensspr.api.AdminPasswordResetDto;
import org.opensspr.api.AdminPasswordResetRequest;
import org.opensspr.api.ContactUpdateRequest;
import org.opensspr.api.ErrorCode;
import org.opensspr.api.TemporaryAccessPassDto;
import org.opensspr.api.TemporaryAccessPassRequest;
import org.opensspr.api.UserDetailDto;
import org.opensspr.directory.Permission;
import org.opensspr.methods.AuthMethod.Registration;
import org.opensspr.server.http.Access;
import org.opensspr.server.http.ApiEnums;
import org.opensspr.server.http.ApiRoute;

import java.util.List;

import static io.javalin.http.HandlerType.DELETE;
import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.PATCH;
import static io.javalin.http.HandlerType.POST;

/**
 * The helpdesk's API over one user. The route's permission is checked before the body is read; which accounts
 * that permission reaches is {@link HelpdeskService}'s one check ({@code FORBIDDEN} with the reason otherwise).
 */
public final class HelpdeskFeature {
    private final HelpdeskService service;

    public HelpdeskFeature(HelpdeskService service) {
        this.service = service;
    }

    public List<ApiRoute<?>> routes() {
        return List.of(
                route(POST, "/users/{id}/password", "Reset a user's password (by admin): typed, or generated and answered"
                        + " once; must change at next sign-in unless told otherwise; the user's sessions, flows and codes"
                        + " end", Permission.RESET_NON_ADMIN_PASSWORD).body(AdminPasswordResetRequest.class).hashing()
                        .returns(AdminPasswordResetDto.class)
                        .errors(ErrorCode.VALIDATION_FAILED, ErrorCode.CONFLICT, ErrorCode.SERVICE_UNAVAILABLE)
                        .handle(r -> service.resetPassword(r.admin(), r.path("id"), r.body())),
                route(POST, "/users/{id}/unlock", "Unlock a user's account: its lock, sign-in lockouts and SSPR block",
                        Permission.UNLOCK_NON_ADMIN).returns(UserDetailDto.class)
                        .errors(ErrorCode.CONFLICT, ErrorCode.SERVICE_UNAVAILABLE)
                        .handle(r -> service.unlock(r.admin(), r.path("id"))),
                route(POST, "/users/{id}/reregistration", "Require re-registration: every registered method is removed",
                        Permission.MANAGE_USERS).returns(UserDetailDto.class)
                        .handle(r -> service.requireReregistration(r.admin(), r.path("id"))),
                route(DELETE, "/users/{id}/methods/{kind}", "Delete one registered method (" + String.join(", ",
                        ApiEnums.wireNames(Registration.class)) + ")", Permission.MANAGE_USERS)
                        .returns(UserDetailDto.class).errors(ErrorCode.INVALID_VALUE)
                        .handle(r -> service.deleteMethod(r.admin(), r.path("id"),
                                ApiEnums.parse(Registration.class, "kind", r.path("kind")))),
                route(PATCH, "/users/{id}/contact", "Pre-fill or clear a user's alternate email and phones (they count as"
                        + " registered methods); a field left out stays as it is", Permission.MANAGE_USERS)
                        .body(ContactUpdateRequest.class).returns(UserDetailDto.class)
                        .handle(r -> service.prefillContact(r.admin(), r.path("id"), r.body())),
                route(POST, "/users/{id}/temporary-access-pass", "Issue a Temporary Access Pass (replacing any), answered"
                        + " once", Permission.ISSUE_TEMPORARY_ACCESS_PASS).body(TemporaryAccessPassRequest.class).hashing()
                        .returns(TemporaryAccessPassDto.class).status(201).errors(ErrorCode.VALIDATION_FAILED)
                        .handle(r -> service.issuePass(r.admin(), r.path("id"), r.body())),
                route(GET, "/users/{id}/temporary-access-pass", "The user's Temporary Access Pass, without the pass",
                        Permission.READ_DIRECTORY).returns(TemporaryAccessPassDto.class)
                        .handle(r -> service.pass(r.path("id"))),
                route(DELETE, "/users/{id}/temporary-access-pass", "Revoke the user's Temporary Access Pass",
                        Permission.ISSUE_TEMPORARY_ACCESS_PASS).handle(r -> {
                            service.revokePass(r.admin(), r.path("id"));
                            return null;
                        }));
    }

    private static ApiRoute.Builder<Object> route(HandlerType method, String path, String summary, Permission permission) {
        return ApiRoute.route(method, path, summary, Access.admin(permission)).errors(ErrorCode.NOT_FOUND);
    }
}
