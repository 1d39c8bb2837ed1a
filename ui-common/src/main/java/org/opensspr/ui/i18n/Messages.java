package org.opensspr.ui.i18n;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.Set;

/**
 * An app's texts in one locale: {@code get(key, args)} formats with {@link MessageFormat}. The texts may
 * come from several bundles (the app's own, then shared ones); the first that has a key answers.
 */
public final class Messages {
    private static final ResourceBundle.Control NO_DEFAULT_LOCALE =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final List<ResourceBundle> bundles;
    private final Locale locale;

    private Messages(List<ResourceBundle> bundles, Locale locale) {
        this.bundles = bundles;
        this.locale = locale;
    }

    /**
     * The app's bundle {@code own} and then {@code shared} ones (UTF-8 properties), for {@code locale} or
     * else the base (English) bundle, never the machine's locale. The app's bundle decides the language:
     * an app not yet translated into the locale's language stays in English in its shared texts too.
     */
    public static Messages load(Locale locale, String own, String... shared) {
        Objects.requireNonNull(locale, "locale");
        ResourceBundle first = ResourceBundle.getBundle(own, locale, NO_DEFAULT_LOCALE);
        Locale language = first.getLocale().equals(Locale.ROOT) ? Locale.ROOT : locale;
        List<ResourceBundle> bundles = new ArrayList<>(List.of(first));
        for (String name : shared) {
            bundles.add(ResourceBundle.getBundle(name, language, NO_DEFAULT_LOCALE));
        }
        return new Messages(List.copyOf(bundles), locale);
    }

    public Locale locale() {
        return locale;
    }

    /** The text for {@code key}; a missing key is a programming error that tests catch, shown as {@code !key!}. */
    public String get(String key, Object... args) {
        for (ResourceBundle bundle : bundles) {
            if (bundle.containsKey(key)) {
                String pattern = bundle.getString(key);
                return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
            }
        }
        return "!" + key + "!";
    }

    public boolean has(String key) {
        return bundles.stream().anyMatch(b -> b.containsKey(key));
    }

    /** Every key of every bundle, once. */
    public Enumeration<String> keys() {
        Set<String> keys = new LinkedHashSet<>();
        bundles.forEach(b -> keys.addAll(b.keySet()));
        return Collections.enumeration(keys);
    }
}
