package org.opensspr.api;

/**
 * A user's sign-in at the lock screen.
 *
 * @param locale the lock screen's language (BCP 47), for what the security-info session shows; en-US if absent
 */
public record UserSignInRequest(String userName, String password, @OptionalField String locale) {
    public UserSignInRequest(String userName, String password) {
        this(userName, password, null);
    }

    @Override
    public String toString() {
        return "UserSignInRequest[userName=" + userName + ", password=" + Redacted.mark(password) + ", locale=" + locale + "]";
    }
}
