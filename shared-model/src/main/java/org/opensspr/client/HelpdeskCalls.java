package org.opensspr.client;

import org.opensspr.api.AdminPasswordResetDto;
import org.opensspr.api.AdminPasswordResetRequest;
import org.opensspr.api.ApiPaths;
import org.opensspr.api.ContactUpdateRequest;
import org.opensspr.api.TemporaryAccessPassDto;
import org.opensspr.api.TemporaryAccessPassRequest;
import org.opensspr.api.UserDetailDto;
import org.opensspr.methods.AuthMethod;

import java.util.Objects;

/**
 * The helpdesk's calls over one user (the console's Users view), from {@link OpenSsprClient#helpdesk()}. Each
 * answers FORBIDDEN, with the reason, when the signed-in administrator's roles don't reach the user.
 */
public final class HelpdeskCalls {
    private final ApiTransport transport;

    HelpdeskCalls(ApiTransport transport) {
        this.transport = transport;
    }

    /** Resets the password: the request's, or a generated one answered here once. */
    public AdminPasswordResetDto resetPassword(String userId, AdminPasswordResetRequest request) {
        Objects.requireNonNull(request, "request");
        return transport.post(user(userId) + "/password", request, AdminPasswordResetDto.class);
    }

    public UserDetailDto unlock(String userId) {
        return transport.post(user(userId) + "/unlock", null, UserDetailDto.class);
    }

    /** Removes every registered method: the user registers again at the next sign-in. */
    public UserDetailDto requireReregistration(String userId) {
        return transport.post(user(userId) + "/reregistration", null, UserDetailDto.class);
    }

    public UserDetailDto deleteMethod(String userId, AuthMethod.Registration kind) {
        return transport.delete(user(userId) + "/methods/" + kind.name(), UserDetailDto.class);
    }

    /** Pre-fills (or, with "", clears) the contact data the request sends. */
    public UserDetailDto prefillContact(String userId, ContactUpdateRequest request) {
        return transport.patch(user(userId) + "/contact", request, UserDetailDto.class);
    }

    /** Issues a Temporary Access Pass, replacing any; the answer holds the pass, this once. */
    public TemporaryAccessPassDto issuePass(String userId, TemporaryAccessPassRequest request) {
        return transport.post(user(userId) + "/temporary-access-pass", request, TemporaryAccessPassDto.class);
    }

    /** The user's pass without the pass itself; NOT_FOUND when there is none. */
    public TemporaryAccessPassDto pass(String userId) {
        return transport.get(user(userId) + "/temporary-access-pass", TemporaryAccessPassDto.class);
    }

    public void revokePass(String userId) {
        transport.delete(user(userId) + "/temporary-access-pass", Void.class);
    }

    private static String user(String userId) {
        return ApiPaths.USERS + "/" + ApiTransport.segment(userId);
    }
}
