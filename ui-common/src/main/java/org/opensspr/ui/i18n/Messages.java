package org.opensspr.ui.i18n;

import java.text.MessageFormat;
import java.util.Enumeration;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;

/** An app's texts in one locale: {@code get(key, args)} formats with {@link MessageFormat}. */
public final class Messages {
    private final ResourceBundle bundle;
    private final Locale locale;

    private Messages(ResourceBundle bundle, Locale locale) {
        this.bundle = bundle;
        this.locale = locale;
    }

    /** Loads {@code baseName} (UTF-8 properties) for {@code locale}, falling back to the base (English) bundle. */
    public static Messages load(String baseName, Locale locale) {
        Objects.requireNonNull(locale, "locale");
        ResourceBundle bundle = ResourceBundle.getBundle(baseName, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new Messages(bundle, locale);
    }

    public Locale locale() {
        return locale;
    }

    /** The text for {@code key}; a missing key is a programming error that tests catch, shown as {@code !key!}. */
    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    public Enumeration<String> keys() {
        return bundle.getKeys();
    }
}
