package org.opensspr.kiosk.register;

import org.opensspr.methods.AuthMethod.Registration;
import org.opensspr.methods.PhoneDelivery;

/**
 * A phone as typed on the number screen, kept so Back from the code returns to it filled in.
 *
 * @param extension an office phone's extension, empty for none
 * @param delivery  how the code travels: a mobile phone as chosen, an office phone always by a call
 */
record PhoneEntry(Registration kind, String number, String extension, PhoneDelivery delivery) {

    static PhoneEntry empty(Registration kind) {
        return new PhoneEntry(kind, "", "", kind == Registration.OFFICE_PHONE ? PhoneDelivery.CALL : PhoneDelivery.TEXT);
    }

    /** The extension for the server: none rather than empty. */
    String extensionOrNull() {
        return extension == null || extension.isBlank() ? null : extension.strip();
    }

    @Override
    public String toString() {
        return "PhoneEntry[kind=" + kind + ", hidden, delivery=" + delivery + "]";
    }
}
