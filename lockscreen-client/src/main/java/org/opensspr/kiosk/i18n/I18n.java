package org.opensspr.kiosk.i18n;

import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import org.opensspr.ui.deadend.DeadEndWords;
import org.opensspr.ui.i18n.Language;
import org.opensspr.ui.i18n.Messages;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The kiosk's texts in the current language. Views bind their texts with {@link #text}, so switching
 * the language re-words every screen at once without rebuilding it (and without losing what was typed).
 * The bindings observe the language weakly (JavaFX bindings do), so a discarded view leaves nothing behind.
 */
public final class I18n {
    public static final String BUNDLE = "org.opensspr.kiosk.i18n.kiosk";

    private final ReadOnlyObjectWrapper<Language> language = new ReadOnlyObjectWrapper<>(this, "language");
    private final ReadOnlyObjectWrapper<Messages> messages = new ReadOnlyObjectWrapper<>(this, "messages");

    public I18n(Language initial) {
        use(initial);
    }

    /** Call on the FX thread: every bound text changes. */
    public void use(Language next) {
        if (next == language.get()) {
            return;
        }
        messages.set(Messages.load(next.locale(), BUNDLE, DeadEndWords.BUNDLE));
        language.set(next);
    }

    public Language language() {
        return language.get();
    }

    public Locale locale() {
        return language.get().locale();
    }

    public ReadOnlyObjectProperty<Language> languageProperty() {
        return language.getReadOnlyProperty();
    }

    /** The text now; for texts that must follow the language, use {@link #text}. */
    public String get(String key, Object... args) {
        return messages.get().get(key, args);
    }

    /** Whether there is a text for {@code key} (a code from the server this kiosk may not know). */
    public boolean has(String key) {
        return messages.get().has(key);
    }

    /**
     * A text that follows the language. Arguments that are {@link ObservableValue}s are read when the
     * text is computed and followed too (a countdown, a step number).
     */
    public StringBinding text(String key, Object... args) {
        List<Observable> dependencies = new ArrayList<>();
        dependencies.add(messages);
        for (Object arg : args) {
            if (arg instanceof Observable observable) {
                dependencies.add(observable);
            }
        }
        return Bindings.createStringBinding(() -> messages.get().get(key, values(args)),
                dependencies.toArray(Observable[]::new));
    }

    /** A text whose key itself changes (a message chosen by a model). An empty or null key gives "". */
    public StringBinding textOf(ObservableValue<String> key) {
        return Bindings.createStringBinding(() -> {
            String k = key.getValue();
            return k == null || k.isEmpty() ? "" : messages.get().get(k);
        }, messages, key);
    }

    /** A text whose key and arguments both change (a message with a time in it). */
    public StringBinding textOf(ObservableValue<String> key, ObservableValue<Object[]> args) {
        return Bindings.createStringBinding(() -> {
            String k = key.getValue();
            Object[] a = args.getValue() == null ? new Object[0] : args.getValue();
            return k == null || k.isEmpty() ? "" : messages.get().get(k, a);
        }, messages, key, args);
    }

    private static Object[] values(Object[] args) {
        Object[] values = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            values[i] = args[i] instanceof ObservableValue<?> value ? value.getValue() : args[i];
        }
        return values;
    }
}
