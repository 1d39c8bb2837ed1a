package org.opensspr.kiosk.signin;

/**
 * What the person signs in with, chosen under "Sign-in options": their password, or a Temporary Access Pass an
 * administrator gave them (docs/design.md §18), which signs them in to set up their security info.
 */
public enum SignInMethod {
    PASSWORD,
    TEMPORARY_ACCESS_PASS
}
