package org.opensspr.console;

import javafx.application.Application;

/** Entry point: a plain main class so the app runs from the class path without JavaFX modules. */
public final class AdminConsoleMain {
    private AdminConsoleMain() {
    }

    public static void main(String[] args) {
        Application.launch(AdminConsoleApp.class, args);
    }
}
