package org.opensspr.api;

/** The new password, after every gate passed. The kiosk checks "confirm" itself; the server checks the rules. */
public record NewPasswordRequest(String ticket, String newPassword) {
    @Override
    public String toString() {
        return "NewPasswordRequest[ticket=" + Redacted.mark(ticket) + ", newPassword=" + Redacted.mark(newPassword) + "]";
    }
}
