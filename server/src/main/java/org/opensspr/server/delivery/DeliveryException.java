package org.opensspr.server.delivery;

/**
 * A message could not be delivered. {@code permanent} means retrying the same message can't help
 * (the recipient was refused, the address is malformed); otherwise the worker tries again later.
 * The message is shown to administrators: it names the cause (the mail server's reply is fine) and
 * never holds a password or the email's body.
 */
public final class DeliveryException extends Exception {
    private final boolean permanent;

    public DeliveryException(String message, boolean permanent) {
        super(message);
        this.permanent = permanent;
    }

    public static DeliveryException temporary(String message) {
        return new DeliveryException(message, false);
    }

    public static DeliveryException permanent(String message) {
        return new DeliveryException(message, true);
    }

    public boolean permanent() {
        return permanent;
    }
}
