package org.opensspr.console;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.opensspr.ui.deadend.DeadEndWords;
import org.opensspr.ui.i18n.Language;
import org.opensspr.ui.i18n.Messages;
import org.opensspr.ui.settings.UiSettings;
import org.opensspr.ui.tasks.Background;
import org.opensspr.ui.theme.ThemeMode;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What every view of the console shares: texts, background calls, remembered settings, the theme and the
 * language. The views read their texts once when they are built, so a language chosen in the console is
 * remembered and applies from the next start (the theme switches at once).
 */
public final class ConsoleContext {
    public static final String BUNDLE = "org.opensspr.console.messages";
    /** The settings key of the language chosen in the console ({@link Language#code()}); absent: the system's. */
    public static final String LANGUAGE_SETTING = "language";

    private final Messages messages;
    private final Background background;
    private final UiSettings settings;
    private final Language systemLanguage;
    private final Language nextStartAtStart;
    private final ObjectProperty<ThemeMode> theme = new SimpleObjectProperty<>(ThemeMode.LIGHT);
    private final ObjectProperty<Optional<Language>> languageChoice = new SimpleObjectProperty<>(Optional.empty());

    /** With the system's language as the JVM's default locale names it. */
    public ConsoleContext(Messages messages, Background background, UiSettings settings) {
        this(messages, background, settings, Language.forLocale(Locale.getDefault()));
    }

    /** @param systemLanguage the language the console follows when none is chosen */
    public ConsoleContext(Messages messages, Background background, UiSettings settings, Language systemLanguage) {
        this.messages = messages;
        this.background = background;
        this.settings = settings;
        this.systemLanguage = Objects.requireNonNull(systemLanguage, "systemLanguage");
        theme.set(ThemeMode.parse(settings.get("theme").orElse("LIGHT")));
        languageChoice.set(chosenLanguage(settings));
        nextStartAtStart = languageAtNextStart();
    }

    /**
     * A run's context: texts in the {@linkplain #startLanguage language to start in}, settings and theme as
     * remembered.
     */
    public static ConsoleContext forRun(ConsoleOptions options, UiSettings settings, Locale system, Background background) {
        Language language = startLanguage(options, settings, system);
        return new ConsoleContext(messages(language.locale()), background, settings, Language.forLocale(system));
    }

    /**
     * The language to start in: {@code --mkt} if given, else the one chosen in the console (the settings file),
     * else the system's when the console speaks it, else English.
     */
    public static Language startLanguage(ConsoleOptions options, UiSettings settings, Locale system) {
        if (options.locale() != null) {
            return Language.forLocale(options.locale());
        }
        return chosenLanguage(settings).orElseGet(() -> Language.forLocale(system));
    }

    private static Optional<Language> chosenLanguage(UiSettings settings) {
        return settings.get(LANGUAGE_SETTING).flatMap(Language::ofCode);
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

    /** The language the console shows now. */
    public Language language() {
        return Language.forLocale(messages.locale());
    }

    /** The language chosen in the console, or empty to follow the system's; remembered in the settings file. */
    public ObjectProperty<Optional<Language>> languageChoiceProperty() {
        return languageChoice;
    }

    /** The language the console follows when none is chosen. */
    public Language systemLanguage() {
        return systemLanguage;
    }

    /** The language the next start will show, as chosen now ({@code --mkt} aside). */
    public Language languageAtNextStart() {
        return languageChoice.get().orElse(systemLanguage);
    }

    /** Whether a choice made in this run changes the language of the next start (so a restart is due). */
    public boolean languageChangesAtRestart() {
        return languageAtNextStart() != nextStartAtStart;
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
