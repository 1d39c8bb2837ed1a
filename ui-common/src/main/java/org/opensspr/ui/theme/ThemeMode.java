package org.opensspr.ui.theme;

/** The two looks both apps offer; the admin's choice is remembered in their settings file. */
public enum ThemeMode {
    LIGHT, DARK;

    public ThemeMode other() {
        return this == LIGHT ? DARK : LIGHT;
    }

    /** Reads a stored value; anything unknown falls back to light. */
    public static ThemeMode parse(String stored) {
        return "DARK".equalsIgnoreCase(stored) ? DARK : LIGHT;
    }
}
