package org.opensspr.methods;

/**
 * How a code reaches a phone: a text message, or a call that reads it aloud. A mobile phone takes either
 * (the user chooses); an office phone only a call.
 */
public enum PhoneDelivery {
    TEXT, CALL;

    /** Whether {@code method} can be reached this way. */
    public boolean reaches(AuthMethod method) {
        return method == AuthMethod.MOBILE_PHONE || (method == AuthMethod.OFFICE_PHONE && this == CALL);
    }
}
