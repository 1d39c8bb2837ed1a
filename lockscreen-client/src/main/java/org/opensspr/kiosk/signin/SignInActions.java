package org.opensspr.kiosk.signin;

/** What the sign-in screen asks of the kiosk around it. */
public interface SignInActions {

    /** "Reset password" after a wrong password, or a locked account: the wizard, user ID filled in. */
    void resetPassword(String userName);

    /** "Unlock account" for a locked account. */
    void unlockAccount(String userName);

    /** "Can't access your account?": the wizard, asking first what went wrong when unlocking is offered. */
    void cantAccessAccount(String userName);

    /**
     * Signed in. {@code session} is the person's security-info session (null from a server without one), and
     * {@code prompt} what sign-in asks of their security info before letting them in (register, confirm, …).
     */
    void signedIn(String displayName, String session, org.opensspr.eligibility.SignInPrompt prompt);

    /** The password is right but must be changed first. */
    void mustChangePassword(String userName, String currentPassword);
}
