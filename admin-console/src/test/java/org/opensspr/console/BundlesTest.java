package org.opensspr.console;

import org.junit.jupiter.api.Test;
import org.opensspr.ui.i18n.BundleLint;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.ChoiceFormat;
import java.text.DateFormat;
import java.text.Format;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console speaks English and Spanish completely: the same keys, every Spanish text translated, and each
 * text taking the same arguments in both languages, formatted the same way (as the kiosk's bundles are checked).
 */
class BundlesTest {
    private static final Locale SPANISH_LOCALE = Locale.forLanguageTag("es-ES");
    private static final Properties ENGLISH = read("messages.properties");
    private static final Properties SPANISH = read("messages_es.properties");
    private static final Pattern ARGUMENT = Pattern.compile("\\{\\s*(\\d+)\\s*[,}]");
    /** Texts that read the same in both languages: punctuation around arguments, a word, a sample name. */
    private static final Set<String> SAME_IN_BOTH = Set.of("common.no", "impact.user", "whatif.user",
            "history.diff.absent", "customization.organization.prompt", "user.method",
            "size.bytes", "size.kib", "size.mib", // units and number patterns, written alike in Spanish
            "insights.card.none", "insights.pattern.month", "insights.bucket.upTo", "insights.bucket.over",
            "insights.duration.s", "insights.duration.min", "insights.duration.minS", "insights.duration.h",
            "insights.duration.hMin",
            "onprem.server.problem", "onprem.right", "onprem.flavor.ACTIVE_DIRECTORY", "onprem.flavor.OPENLDAP");

    @Test
    void bothBundlesHaveExactlyTheSameKeys() {
        assertThat(new TreeSet<>(SPANISH.stringPropertyNames())).isEqualTo(new TreeSet<>(ENGLISH.stringPropertyNames()));
    }

    @Test
    void everySpanishTextIsTranslatedAndNoneIsEmpty() {
        List<String> untranslated = new ArrayList<>();
        for (String key : ENGLISH.stringPropertyNames()) {
            String english = ENGLISH.getProperty(key).strip();
            String spanish = SPANISH.getProperty(key, "").strip();
            assertThat(english).as(key).isNotEmpty();
            assertThat(spanish).as(key).isNotEmpty();
            if (english.equals(spanish) && !SAME_IN_BOTH.contains(key)) {
                untranslated.add(key);
            }
        }
        assertThat(untranslated).as("texts the same in both languages").isEmpty();
        assertThat(SAME_IN_BOTH).allSatisfy(key -> assertThat(SPANISH.getProperty(key)).as(key).isNotNull());
    }

    @Test
    void everyTextParsesAsAMessageFormatAndNoApostropheIsLost() {
        for (Properties bundle : List.of(ENGLISH, SPANISH)) {
            for (String key : bundle.stringPropertyNames()) {
                String text = bundle.getProperty(key);
                // throws IllegalArgumentException for unbalanced braces or an unknown format type
                new MessageFormat(text, SPANISH_LOCALE);
            }
        }
        assertThat(BundleLint.apostropheProblems(SPANISH)).isEmpty();
        assertThat(BundleLint.apostropheProblems(ENGLISH)).isEmpty();
    }

    @Test
    void eachTextTakesTheSameArgumentsFormattedTheSameWayInBothLanguages() {
        List<String> mismatches = new ArrayList<>();
        for (String key : new TreeSet<>(ENGLISH.stringPropertyNames())) {
            String english = ENGLISH.getProperty(key);
            String spanish = SPANISH.getProperty(key);
            if (spanish == null) {
                continue; // bothBundlesHaveExactlyTheSameKeys reports it
            }
            if (!argumentIndexes(english).equals(argumentIndexes(spanish))) {
                mismatches.add(key + ": arguments " + argumentIndexes(english) + " in English, "
                        + argumentIndexes(spanish) + " in Spanish");
            } else if (!formats(english, Locale.ENGLISH).equals(formats(spanish, SPANISH_LOCALE))) {
                mismatches.add(key + ": formats " + formats(english, Locale.ENGLISH) + " in English, "
                        + formats(spanish, SPANISH_LOCALE) + " in Spanish");
            }
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void everySpanishTextWithArgumentsFormatsCleanly() {
        for (String key : SPANISH.stringPropertyNames()) {
            String text = SPANISH.getProperty(key);
            Set<Integer> indexes = argumentIndexes(text);
            if (indexes.isEmpty()) {
                continue;
            }
            MessageFormat format = new MessageFormat(text, SPANISH_LOCALE);
            Set<Integer> dates = argumentIndexes(text, "date|time");
            Set<Integer> numbers = argumentIndexes(text, "number|choice");
            for (int count : new int[] {0, 1, 2, 1200}) {
                Object[] args = new Object[indexes.stream().mapToInt(Integer::intValue).max().orElseThrow() + 1];
                for (int i = 0; i < args.length; i++) {
                    args[i] = dates.contains(i) ? new Date(0) : numbers.contains(i) ? count : "X";
                }
                String formatted = format.format(args);
                assertThat(formatted).as(key).doesNotContain("{").doesNotContain("''");
            }
        }
    }

    /** Every argument index a text uses, inside choice sub-patterns too; quoted text is not an argument. */
    static Set<Integer> argumentIndexes(String text) {
        Set<Integer> indexes = new TreeSet<>();
        Matcher m = ARGUMENT.matcher(unquoted(text));
        while (m.find()) {
            indexes.add(Integer.parseInt(m.group(1)));
        }
        return indexes;
    }

    /** The indexes of the arguments a text formats as one of {@code types} ("date|time"). */
    private static Set<Integer> argumentIndexes(String text, String types) {
        Set<Integer> indexes = new TreeSet<>();
        Matcher m = Pattern.compile("\\{\\s*(\\d+)\\s*,\\s*(?:" + types + ")\\b").matcher(unquoted(text));
        while (m.find()) {
            indexes.add(Integer.parseInt(m.group(1)));
        }
        return indexes;
    }

    /** Per top-level argument, the kind of format (none, number, date, choice with its limits). */
    private static List<String> formats(String text, Locale locale) {
        List<String> kinds = new ArrayList<>();
        for (Format format : new MessageFormat(text, locale).getFormatsByArgumentIndex()) {
            kinds.add(switch (format) {
                case null -> "plain";
                case ChoiceFormat choice -> "choice" + Arrays.toString(choice.getLimits());
                case NumberFormat number -> "number";
                case DateFormat date -> "date";
                default -> format.getClass().getSimpleName();
            });
        }
        return kinds;
    }

    /** The text without MessageFormat's quoted sections ('' is one apostrophe, '…' is literal). */
    private static String unquoted(String text) {
        StringBuilder out = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'') {
                if (i + 1 < text.length() && text.charAt(i + 1) == '\'') {
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (!quoted) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static Properties read(String name) {
        Properties properties = new Properties();
        try (InputStream in = BundlesTest.class.getResourceAsStream("/org/opensspr/console/" + name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
