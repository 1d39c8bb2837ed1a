package org.opensspr.console;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.opensspr.ui.i18n.Messages;
import org.opensspr.ui.settings.UiSettings;
import org.opensspr.ui.tasks.Background;
import org.opensspr.ui.theme.ThemeMode;

/** What every view of the console shares: texts, background calls, remembered settings and the theme. */
public final class ConsoleContext {
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
