package org.opensspr.api;

/** A user's sign-in at the lock screen. */
public record UserSignInRequest(String userName, String password) {
    @Override
    public String toString() {
        return "UserSignInRequest[userName=" + userName + ", password=" + Redacted.mark(password) + "]";
    }
}
