package org.opensspr.console;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.opensspr.ui.deadend.DeadEndWords;
import org.opensspr.ui.i18n.Messages;
import org.opensspr.ui.settings.UiSettings;
import org.opensspr.ui.tasks.Background;
import org.opensspr.ui.theme.ThemeMode;

import java.util.Locale;

/** What every view of the console shares: texts, background calls, remembered settings and the theme. */
public final class ConsoleContext {
    public static final String BUNDLE = "org.opensspr.console.messages";

    private final Messages messages;
    private final Background background;
    private final UiSettings settings;
    private final ObjectProperty<ThemeMode> theme = new SimpleObjectProperty<>(ThemeMode.LIGHT);

    public ConsoleContext(Messages messages, Background background, UiSettings settings) {
        this.messages = messages;
        this.background = background;
        this.settings = settings;
        theme.set(ThemeMode.parse(settings.get("theme").orElse("LIGHT")));
    }

    /** The console's texts, then the kiosk's dead-end texts that what-if quotes. */
    public static Messages messages(Locale locale) {
        return Messages.load(locale, BUNDLE, DeadEndWords.BUNDLE);
    }

    public Messages messages() {
        return messages;
    }

    public String text(String key, Object... args) {
        return messages.get(key, args);
    }

    public Background background() {
        return background;
    }

    public UiSettings settings() {
        return settings;
    }

    public ObjectProperty<ThemeMode> themeProperty() {
        return theme;
    }
}
