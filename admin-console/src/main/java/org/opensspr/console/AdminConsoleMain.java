package org.opensspr.console;

import javafx.application.Application;

import java.util.List;

/** Entry point: a plain main class so the app runs from the class path without JavaFX modules. */
public final class AdminConsoleMain {
    private AdminConsoleMain() {
    }

    public static void main(String[] args) {
        try {
            ConsoleOptions.parse(List.of(args)); // a bad option is reported here, before any window opens
        } catch (IllegalArgumentException e) {
            System.err.println("opensspr admin: " + e.getMessage());
            System.exit(2);
        }
        Application.launch(AdminConsoleApp.class, args);
    }
}
