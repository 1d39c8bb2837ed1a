package org.opensspr.server.cli;

import org.opensspr.api.KioskEnrollmentCodeDto;
import org.opensspr.server.OpenSsprServer;
import org.opensspr.server.http.ApiException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/** {@code enroll-kiosk}: create a kiosk and print its one-time enrollment code. */
@Command(name = "enroll-kiosk", mixinStandardHelpOptions = true,
        description = "Create a kiosk and print the one-time code to enter on it (valid 24 hours).")
public final class EnrollKioskCommand implements Callable<Integer> {
    @Mixin
    ServerOptions options = new ServerOptions();

    @Option(names = "--name", required = true, paramLabel = "TEXT", description = "Where the kiosk stands, e.g. \"Reception 1\".")
    String name;

    @Override
    public Integer call() {
        try (OpenSsprServer server = OpenSsprServer.open(options.offlineConfig())) {
            KioskEnrollmentCodeDto code = server.kiosks().createEnrollment(name, "cli");
            System.out.println("Kiosk \"" + code.kioskName() + "\" created.");
            System.out.println("Enrollment code: " + code.code() + " (valid until " + code.expiresAt() + ")");
            return 0;
        } catch (ApiException e) {
            System.err.println("opensspr server: " + e.getMessage());
            return 2;
        }
    }
}
