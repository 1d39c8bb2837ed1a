package org.opensspr.kiosk;

import org.opensspr.ui.i18n.Language;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The kiosk's command line. Every option has a default, so {@code ./opensspr kiosk} alone runs against
 * the embedded default server on this machine.
 *
 * @param serverUrl         the server ({@code --server}); default {@value #DEFAULT_SERVER}
 * @param dataDirectory     the embedded server's data directory ({@code --data}), where its certificate is pinned from
 * @param settingsDirectory where the kiosk keeps its credential and admin PIN ({@code --settings})
 * @param idleTimeout       back to the sign-in screen after this long without input ({@code --idle-seconds}, default 90)
 * @param locale            the language ({@code --mkt=es-es}); null means the operating system's
 * @param fingerprint       the server certificate's SHA-256 fingerprint to expect at enrollment ({@code --fingerprint}), or null
 * @param windowed          a normal window instead of full screen, for development ({@code --windowed})
 * @param setAdminPin       ask for a new admin exit PIN on the terminal and stop ({@code --set-admin-pin})
 */
public record KioskOptions(String serverUrl, Path dataDirectory, Path settingsDirectory, Duration idleTimeout,
                           Locale locale, String fingerprint, boolean windowed, boolean setAdminPin) {

    public static final String DEFAULT_SERVER = "https://127.0.0.1:8443";
    public static final Duration DEFAULT_IDLE = Duration.ofSeconds(90);

    public static final String USAGE = """
            Usage: ./opensspr kiosk [options]
              --server URL         the OpenSSPR server (default %s)
              --data DIR           the embedded server's data directory; its certificate is pinned from there
              --settings DIR       where the kiosk keeps its credential and admin PIN (default ~/.config/opensspr)
              --idle-seconds N     back to the sign-in screen after N seconds without input (default 90)
              --mkt=LL-CC          language, for example es-es (default: the system's)
              --fingerprint FP     the server certificate's SHA-256 fingerprint to expect when enrolling
              --windowed           a normal window instead of full screen (development)
              --set-admin-pin      set the PIN that, after Ctrl+Alt+Shift+X, lets an administrator leave the kiosk
            """.formatted(DEFAULT_SERVER);

    /** @throws IllegalArgumentException for an unknown option or a bad value, with a message for the operator */
    public static KioskOptions parse(String... args) {
        String server = DEFAULT_SERVER;
        Path data = null;
        Path settings = null;
        Duration idle = DEFAULT_IDLE;
        Locale locale = null;
        String fingerprint = null;
        boolean windowed = false;
        boolean setPin = false;
        List<String> queue = new ArrayList<>(List.of(args));
        while (!queue.isEmpty()) {
            String arg = queue.removeFirst();
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            switch (name) {
                case "--server" -> server = value(arg, queue);
                case "--data" -> data = Path.of(value(arg, queue));
                case "--settings" -> settings = Path.of(value(arg, queue));
                case "--idle-seconds" -> idle = seconds(value(arg, queue));
                case "--mkt" -> locale = Language.market(value(arg, queue));
                case "--fingerprint" -> fingerprint = value(arg, queue);
                case "--windowed" -> windowed = true;
                case "--set-admin-pin" -> setPin = true;
                default -> throw new IllegalArgumentException("Unknown option " + arg + "\n" + USAGE);
            }
        }
        return new KioskOptions(server, data, settings == null ? defaultSettings() : settings, idle, locale,
                fingerprint, windowed, setPin);
    }

    /** Same options with another idle timeout (tests use a short one). */
    public KioskOptions withIdleTimeout(Duration timeout) {
        return new KioskOptions(serverUrl, dataDirectory, settingsDirectory, timeout, locale, fingerprint, windowed,
                setAdminPin);
    }

    public KioskOptions withLocale(Locale language) {
        return new KioskOptions(serverUrl, dataDirectory, settingsDirectory, idleTimeout, language, fingerprint,
                windowed, setAdminPin);
    }

    /** The language to start in: {@code --mkt} if given, else the system's (English when the kiosk doesn't speak it). */
    public Language language(Locale system) {
        return Language.forLocale(locale != null ? locale : system);
    }

    /** {@code $XDG_CONFIG_HOME/opensspr}, else {@code ~/.config/opensspr} (beside the apps' settings files). */
    public static Path defaultSettings() {
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return base.resolve("opensspr");
    }

    /** The server's own default data directory ({@code $XDG_DATA_HOME/opensspr} or {@code ~/.local/share/opensspr}). */
    public Path effectiveDataDirectory() {
        if (dataDirectory != null) {
            return dataDirectory;
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".local", "share");
        return base.resolve("opensspr");
    }

    private static String value(String arg, List<String> queue) {
        if (arg.contains("=")) {
            return arg.substring(arg.indexOf('=') + 1);
        }
        if (queue.isEmpty() || queue.getFirst().startsWith("--")) {
            throw new IllegalArgumentException(arg + " needs a value\n" + USAGE);
        }
        return queue.removeFirst();
    }

    private static Duration seconds(String text) {
        try {
            long seconds = Long.parseLong(text.strip());
            if (seconds < 1 || seconds > 3600) {
                throw new NumberFormatException();
            }
            return Duration.ofSeconds(seconds);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--idle-seconds takes a number of seconds from 1 to 3600, not " + text);
        }
    }
}
