package org.opensspr.password;

import java.util.Objects;
import java.util.function.Predicate;

/**
 * A proposed new password with what the rules need to judge it.
 *
 * @param password               the proposed password, as typed
 * @param owner                  whose password it would be (names become banned terms)
 * @param matchesCurrentPassword answers "is this the current password?"; the server backs it
 *                               with a hash comparison so the domain never sees hashes
 */
public record PasswordCandidate(String password, PasswordOwner owner, Predicate<String> matchesCurrentPassword) {

    public PasswordCandidate {
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(matchesCurrentPassword, "matchesCurrentPassword");
    }

    /** A candidate for an unknown user with no current password to compare against. */
    public static PasswordCandidate of(String password) {
        return new PasswordCandidate(password, PasswordOwner.UNKNOWN, ignored -> false);
    }

    /** Never print the password itself: records end up in logs. */
    @Override
    public String toString() {
        return "PasswordCandidate[password=(" + password.length() + " chars), owner=" + owner + "]";
    }
}
