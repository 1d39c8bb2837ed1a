package org.opensspr.console;

import org.opensspr.ui.i18n.Language;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Command-line options: {@code --server URL} (the server to sign in to), {@code --data DIR} (the local
 * server's data directory, for the certificate to pin), {@code --settings FILE} (where theme, language and
 * window size are remembered), {@code --mkt=es-es} (the language for this run, over the remembered one and
 * the system's, as the kiosk's option). Unknown options are an error the app shows, not something it ignores.
 *
 * @param locale the language asked for with {@code --mkt}, or null
 */
public record ConsoleOptions(String serverUrl, Path dataDirectory, Path settingsFile, Locale locale) {

    public static final String DEFAULT_SERVER = "https://127.0.0.1:8443";

    /** Without {@code --mkt}. */
    public ConsoleOptions(String serverUrl, Path dataDirectory, Path settingsFile) {
        this(serverUrl, dataDirectory, settingsFile, null);
    }

    public static ConsoleOptions parse(List<String> args) {
        String server = null;
        Path data = null;
        Path settings = null;
        Locale locale = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1)
                    : (i + 1 < args.size() ? args.get(++i) : null);
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("The option " + name + " needs a value.");
            }
            switch (name) {
                case "--server" -> server = value.strip();
                case "--data" -> data = Path.of(value);
                case "--settings" -> settings = Path.of(value);
                case "--mkt" -> locale = Language.market(value);
                default -> throw new IllegalArgumentException("Unknown option " + name
                        + ". Use --server URL, --data DIR, --settings FILE, --mkt=LL-CC.");
            }
        }
        return new ConsoleOptions(server, data, settings, locale);
    }
}
