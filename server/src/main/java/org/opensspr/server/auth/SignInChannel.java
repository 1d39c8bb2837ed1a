package org.opensspr.server.auth;

/** Where a password sign-in happened; smart lockout keeps each channel's attempts apart. */
public enum SignInChannel {
    CONSOLE, KIOSK
}
