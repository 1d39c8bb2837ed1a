package org.opensspr.methods;

/**
 * The six ways a user can prove who they are (seed 003's methods table).
 * App code and app notification share one registration: the Authenticator app.
 */
public enum AuthMethod {
    MOBILE_APP_NOTIFICATION(Registration.AUTHENTICATOR_APP, true),
    MOBILE_APP_CODE(Registration.AUTHENTICATOR_APP, true),
    EMAIL(Registration.EMAIL, true),
    MOBILE_PHONE(Registration.MOBILE_PHONE, true),
    OFFICE_PHONE(Registration.OFFICE_PHONE, true),
    SECURITY_QUESTIONS(Registration.SECURITY_QUESTIONS, false);

    private final Registration registration;
    private final boolean allowedForAdministrators;

    AuthMethod(Registration registration, boolean allowedForAdministrators) {
        this.registration = registration;
        this.allowedForAdministrators = allowedForAdministrators;
    }

    /** What the user registers to use this method; counts once towards "methods registered". */
    public Registration registration() {
        return registration;
    }

    /** Accounts with an admin role never use security questions (two-gate policy). */
    public boolean allowedForAdministrators() {
        return allowedForAdministrators;
    }

    /** A registrable piece of security info; several methods may share one. */
    public enum Registration {
        AUTHENTICATOR_APP, EMAIL, MOBILE_PHONE, OFFICE_PHONE, SECURITY_QUESTIONS
    }
}
