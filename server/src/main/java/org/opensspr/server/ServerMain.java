package org.opensspr.server;

import org.opensspr.server.cli.RunCommand;
import picocli.CommandLine;

/** Entry point of {@code ./opensspr server}: {@code run} is the default subcommand. */
public final class ServerMain {
    private ServerMain() {
    }

    public static void main(String[] args) {
        int exit = new CommandLine(new RunCommand()).execute(args);
        if (exit != 0) {
            System.exit(exit);
        }
    }
}
