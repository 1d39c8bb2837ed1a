package org.opensspr.kiosk.i18n;

import org.junit.jupiter.api.Test;
import org.opensspr.flow.DeadEndReason;
import org.opensspr.kiosk.deadend.DeadEnd;
import org.opensspr.methods.AuthMethod;
import org.opensspr.ui.deadend.DeadEndWords;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** English and Spanish are complete: the same keys, every Spanish text translated, every key the code asks for present. */
class BundlesTest {
    private static final Properties ENGLISH = load("kiosk/i18n/kiosk.properties", "ui/deadend/deadends.properties");
    private static final Properties SPANISH = load("kiosk/i18n/kiosk_es.properties", "ui/deadend/deadends_es.properties");

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
            if (english.equals(spanish)) {
                untranslated.add(key);
            }
        }
        assertThat(untranslated).as("texts the same in both languages").isEmpty();
    }

    @Test
    void textsWithArgumentsFormatCleanlyAndTheOthersHaveNoDoubledQuotes() {
        for (Properties bundle : List.of(ENGLISH, SPANISH)) {
            for (String key : bundle.stringPropertyNames()) {
                String text = bundle.getProperty(key);
                if (text.contains("{0}")) {
                    Object first = text.contains("{0,date") || text.contains("{0,time") ? new java.util.Date(0) : "A";
                    String formatted = new MessageFormat(text, Locale.ROOT).format(new Object[] {first, "B", "C"});
                    assertThat(formatted).as(key).doesNotContain("{").doesNotContain("''");
                } else if (!key.equals("clock.datePattern")) {
                    assertThat(text).as(key + " is shown as is, so '' would show twice").doesNotContain("''");
                }
            }
        }
    }

    @Test
    void everyKeyTheCodeAsksForIsThere() throws IOException {
        Set<String> wanted = new TreeSet<>();
        Pattern literal = Pattern.compile("\"((?:signin|signedin|change|wizard|intent|verify|gates|method|notice|newpassword"
                + "|rules|strength|password|unlock|done|deadend|helpdesk|admin|enroll|clock|corner|secinfo)\\.[A-Za-z0-9_.]+)\"");
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = literal.matcher(Files.readString(source));
                while (m.find()) {
                    if (!m.group(1).endsWith(".")) {
                        wanted.add(m.group(1));
                    }
                }
            }
        }
        for (AuthMethod method : AuthMethod.values()) {
            wanted.add("method." + method.name());
        }
        for (DeadEnd.Kind kind : DeadEnd.Kind.values()) {
            wanted.add(kind.messageKey() + ".title");
            wanted.add(kind.messageKey() + ".text");
        }
        for (org.opensspr.flow.FlowNotice notice : org.opensspr.flow.FlowNotice.values()) {
            wanted.add("notice." + notice.name());
        }
        for (org.opensspr.methods.AuthMethod.Registration kind : org.opensspr.methods.AuthMethod.Registration.values()) {
            wanted.add("secinfo.kind." + kind.name());
            wanted.add("secinfo.add." + kind.name());
            wanted.add("secinfo.proveWith." + kind.name());
        }
        for (String problem : List.of("OK", "NO_QUESTION", "QUESTION_REPEATED", "NO_ANSWER", "ANSWER_TOO_SHORT",
                "ANSWER_TOO_LONG", "ANSWER_REPEATED", "QUESTION_NOT_OFFERED", "TOO_FEW_ANSWERS", "NOT_FOR_ADMINISTRATORS")) {
            wanted.add("secinfo.answer." + problem);
        }
        for (String stop : List.of("SERVER_UNREACHABLE", "KIOSK_NOT_ALLOWED", "UNEXPECTED")) {
            wanted.add("secinfo.stop." + stop + ".title");
            wanted.add("secinfo.stop." + stop + ".text");
        }
        for (int score = 0; score <= 4; score++) {
            wanted.add("strength." + score);
        }
        for (String code : List.of("TOO_SHORT", "TOO_LONG", "TOO_FEW_CHARACTER_CLASSES", "DISALLOWED_CHARACTERS",
                "SAME_AS_CURRENT_PASSWORD", "BANNED_PASSWORD")) {
            wanted.add("password.server." + code);
        }
        for (org.opensspr.password.DirectoryRefusal refusal : org.opensspr.password.DirectoryRefusal.values()) {
            wanted.add("password.directory." + refusal.name());
        }
        assertThat(wanted).isNotEmpty().allSatisfy(key -> assertThat(ENGLISH.getProperty(key)).as(key).isNotNull());
    }

    /** The console's what-if quotes the server's dead ends by {@link DeadEndWords}: the kiosk must use the same texts. */
    @Test
    void everyServerDeadEndIsWordedAsTheConsoleQuotesIt() {
        for (DeadEndReason reason : DeadEndReason.values()) {
            assertThat(DeadEnd.Kind.of(reason).messageKey()).as(reason.name()).isEqualTo(DeadEndWords.messageKey(reason));
        }
    }

    /** The kiosk's own texts and the shared dead-end texts it shows, as one (a key in both is a mistake). */
    private static Properties load(String own, String shared) {
        Properties kiosk = read(own);
        Properties deadEnds = read(shared);
        assertThat(deadEnds.stringPropertyNames()).doesNotContainAnyElementsOf(kiosk.stringPropertyNames());
        kiosk.putAll(deadEnds);
        return kiosk;
    }

    private static Properties read(String name) {
        Properties properties = new Properties();
        try (InputStream in = BundlesTest.class.getResourceAsStream("/org/opensspr/" + name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
