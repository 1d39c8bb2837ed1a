package org.opensspr.server.auth;

import io.javalin.http.HandlerType;
import org.opensspr.api.AdminPasswordChangeRequest;
import org.opensspr.api.AdminSessionInfoDto;
import org.opensspr.api.AdminSignInRequest;
import org.opensspr.api.ErrorCode;
import org.opensspr.api.SessionDto;
import org.opensspr.directory.Permission;
import org.opensspr.directory.Role;
import org.opensspr.server.http.Access;
import org.opensspr.server.http.ApiException;
import org.opensspr.server.http.ApiRoute;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Administrator sign-in, sign-out, "who am I" and own password change. Paths are under /api/v1.
 */
public final class AuthFeature {
    private static final int MAX_SECRET_LENGTH = 1024;

    private final AdminAuthService service;

    public AuthFeature(AdminAuthService service) {
        this.service = Objects.requireNonNull(service, "service");
    }

    public List<ApiRoute<?>> routes() {
        return List.of(
                ApiRoute.route(HandlerType.POST, "/admin/session",
                                "Sign in as an administrator (user name, password and authenticator code)", Access.PUBLIC)
                        .body(AdminSignInRequest.class).hashing()
                        .returns(SessionDto.class)
                        // A stale bearer header on this public call is refused before the body is read.
                        .errors(ErrorCode.INVALID_CREDENTIALS, ErrorCode.ACCOUNT_LOCKED, ErrorCode.UNAUTHENTICATED,
                                ErrorCode.SESSION_EXPIRED)
                        .handle(request -> {
                            AdminSignInRequest body = request.body();
                            limitLength("username", body.username(), NewAdministrator.MAX_UPN_LENGTH);
                            limitLength("password", body.password(), MAX_SECRET_LENGTH);
                            limitLength("totpCode", body.totpCode(), MAX_SECRET_LENGTH);
                            return toDto(service.signIn(body.username(), body.password(), body.totpCode()));
                        }),
                ApiRoute.route(HandlerType.DELETE, "/admin/session", "Sign out (ends this session)", Access.ANY_ADMIN)
                        .status(204)
                        .handle(request -> {
                            service.signOut(request.admin());
                            return null;
                        }),
                ApiRoute.route(HandlerType.GET, "/admin/session",
                                "The signed-in administrator, their roles and permissions, and the session's expiry",
                                Access.ANY_ADMIN)
                        .returns(AdminSessionInfoDto.class)
                        .handle(request -> toDto(service.describe(request.admin()))),
                ApiRoute.route(HandlerType.POST, "/admin/password",
                                "Change your own password; ends all your sessions and returns a new one", Access.ANY_ADMIN)
                        .body(AdminPasswordChangeRequest.class).hashing()
                        .returns(SessionDto.class)
                        .errors(ErrorCode.INVALID_CREDENTIALS, ErrorCode.ACCOUNT_LOCKED)
                        .handle(request -> {
                            AdminPasswordChangeRequest body = request.body();
                            limitLength("currentPassword", body.currentPassword(), MAX_SECRET_LENGTH);
                            limitLength("newPassword", body.newPassword(), MAX_SECRET_LENGTH);
                            limitLength("totpCode", body.totpCode(), MAX_SECRET_LENGTH);
                            try {
                                return toDto(service.changePassword(request.admin(), body.currentPassword(),
                                        body.newPassword(), body.totpCode()));
                            } catch (PasswordRejectedException rejected) {
                                throw rejected.toApiException("newPassword");
                            }
                        }));
    }

    /** Overlong values are refused up front so no one can make the server hash megabytes. */
    private static void limitLength(String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw ApiException.field(ErrorCode.INVALID_VALUE, field, "'" + field + "' is longer than " + max
                    + " characters.");
        }
    }

    static SessionDto toDto(IssuedSession session) {
        return new SessionDto(session.token(), session.idleExpiresAt(), session.displayName(),
                session.admin().roles().stream().map(Role::name).collect(Collectors.toSet()), session.admin().userId());
    }

    static AdminSessionInfoDto toDto(SessionInfo info) {
        return new AdminSessionInfoDto(info.admin().userId(), info.admin().userPrincipalName(), info.displayName(),
                info.admin().roles().stream().map(Role::name).collect(Collectors.toSet()),
                Role.permissionsOf(info.admin().roles()).stream().map(Permission::name).collect(Collectors.toSet()),
                info.createdAt(), info.idleExpiresAt(), info.absoluteExpiresAt());
    }
}
