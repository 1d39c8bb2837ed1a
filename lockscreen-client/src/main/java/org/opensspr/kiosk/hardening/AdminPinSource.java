package org.opensspr.kiosk.hardening;

import java.io.Console;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * Where the admin exit PIN comes from, in this order:
 * <ol>
 *   <li>{@code OPENSSPR_KIOSK_PIN} in the environment (digits, at least six) — for managed installs that
 *       put it in the service's environment; hashed at start, never written anywhere;</li>
 *   <li>{@code <settings>/kiosk-admin-pin.properties}, written (hash only, 0600) by
 *       {@code ./opensspr kiosk --set-admin-pin}, which asks for it twice on the terminal;</li>
 *   <li>otherwise a random 8-digit PIN for this run, printed once on the kiosk's own console — so the
 *       person who started it (a terminal, or the service log) can stop it, and the person at the screen can't.</li>
 * </ol>
 */
public final class AdminPinSource {
    public static final String ENVIRONMENT = "OPENSSPR_KIOSK_PIN";

    private AdminPinSource() {
    }

    public static AdminPin resolve(Map<String, String> environment, Path settingsDirectory, PrintStream console) {
        String fromEnvironment = environment.get(ENVIRONMENT);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            char[] pin = fromEnvironment.strip().toCharArray();
            if (AdminPin.valid(pin)) {
                return AdminPin.of(pin);
            }
            console.println("opensspr kiosk: " + ENVIRONMENT + " must be at least " + AdminPin.MIN_DIGITS
                    + " digits; ignoring it.");
        }
        Optional<AdminPin> stored = AdminPin.load(settingsDirectory.resolve(AdminPin.FILE));
        if (stored.isPresent()) {
            return stored.get();
        }
        char[] pin = AdminPin.random();
        console.println("opensspr kiosk: no admin PIN is set (see --set-admin-pin). To leave the kiosk, press "
                + "Ctrl+Alt+Shift+X and enter this PIN: " + new String(pin));
        AdminPin generated = AdminPin.of(pin);
        AdminPin.wipe(pin);
        return generated;
    }

    /** {@code --set-admin-pin}: asks twice on the terminal and stores the hash; returns the process exit code. */
    public static int setInteractively(Path settingsDirectory, PrintStream out) {
        Console console = System.console();
        if (console == null) {
            out.println("opensspr kiosk: --set-admin-pin needs a terminal (or set " + ENVIRONMENT + ").");
            return 2;
        }
        char[] first = console.readPassword("New admin PIN (at least %d digits): ", AdminPin.MIN_DIGITS);
        char[] second = console.readPassword("Again: ");
        try {
            if (first == null || !Arrays.equals(first, second)) {
                out.println("opensspr kiosk: the two PINs differ; nothing was changed.");
                return 1;
            }
            if (!AdminPin.valid(first)) {
                out.println("opensspr kiosk: the PIN must be at least " + AdminPin.MIN_DIGITS + " digits.");
                return 1;
            }
            Path file = settingsDirectory.resolve(AdminPin.FILE);
            AdminPin.of(first).save(file);
            out.println("opensspr kiosk: admin PIN saved (hash only) in " + file);
            return 0;
        } catch (IOException e) {
            out.println("opensspr kiosk: could not save the PIN: " + e.getMessage());
            return 1;
        } finally {
            if (first != null) {
                AdminPin.wipe(first);
            }
            if (second != null) {
                AdminPin.wipe(second);
            }
        }
    }
}
