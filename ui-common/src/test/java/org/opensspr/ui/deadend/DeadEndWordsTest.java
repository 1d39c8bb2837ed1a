package org.opensspr.ui.deadend;

import org.junit.jupiter.api.Test;
import org.opensspr.api.HelpdeskContactDto;
import org.opensspr.flow.DeadEndReason;
import org.opensspr.ui.i18n.BundleLint;
import org.opensspr.ui.i18n.Messages;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class DeadEndWordsTest {
    private static final Locale SPANISH = Locale.forLanguageTag("es-ES");

    @Test
    void everyServerDeadEndHasATitleAndATextInEnglishAndSpanish() {
        Messages english = Messages.load(Locale.ENGLISH, "org.opensspr.ui.i18n.translated", DeadEndWords.BUNDLE);
        Messages spanish = Messages.load(SPANISH, "org.opensspr.ui.i18n.translated", DeadEndWords.BUNDLE);
        for (DeadEndReason reason : DeadEndReason.values()) {
            String key = DeadEndWords.messageKey(reason);
            for (String part : new String[] {".title", ".text"}) {
                assertThat(english.has(key + part)).as(key + part).isTrue();
                assertThat(spanish.get(key + part)).as(key + part).isNotEqualTo(english.get(key + part));
            }
        }
    }

    @Test
    void theBundlesHaveTheSameKeysAndSurviveMessageFormat() {
        Properties english = read("deadends.properties");
        Properties spanish = read("deadends_es.properties");
        assertThat(spanish.stringPropertyNames()).isEqualTo(english.stringPropertyNames());
        assertThat(BundleLint.apostropheProblems(english)).isEmpty();
        assertThat(BundleLint.apostropheProblems(spanish)).isEmpty();
    }

    @Test
    void theAppsOwnBundleDecidesTheLanguageOfTheSharedTexts() {
        Messages translated = Messages.load(SPANISH, "org.opensspr.ui.i18n.translated", DeadEndWords.BUNDLE);
        Messages englishOnly = Messages.load(SPANISH, "org.opensspr.ui.i18n.englishonly", DeadEndWords.BUNDLE);

        assertThat(translated.get("greeting")).isEqualTo("Hola");
        assertThat(translated.get("deadend.BLOCKED.title")).isEqualTo("Demasiados intentos");
        assertThat(englishOnly.get("greeting")).isEqualTo("Hello");
        assertThat(englishOnly.get("deadend.BLOCKED.title")).as("not half Spanish").isEqualTo("Too many attempts");
        assertThat(englishOnly.get("no.such.key")).isEqualTo("!no.such.key!");
        assertThat(java.util.Collections.list(translated.keys())).contains("greeting", "deadend.BLOCKED.title");
    }

    @Test
    void whomToContact() {
        Messages texts = Messages.load(Locale.ENGLISH, "org.opensspr.ui.i18n.translated", DeadEndWords.BUNDLE);

        assertThat(say(texts, new HelpdeskContactDto("help@contoso.example", "Contoso")))
                .isEqualTo("Contact your helpdesk: help@contoso.example");
        assertThat(say(texts, new HelpdeskContactDto(" https://help.contoso.example/a@b ", "Contoso")))
                .isEqualTo("Get help from your helpdesk: https://help.contoso.example/a@b");
        assertThat(say(texts, new HelpdeskContactDto("", "Contoso")))
                .isEqualTo("Contact your administrator at Contoso for help.");
        assertThat(say(texts, new HelpdeskContactDto(null, " "))).isEqualTo("Contact your administrator for help.");
        assertThat(say(texts, null)).isEqualTo("Contact your administrator for help.");
    }

    private static String say(Messages texts, HelpdeskContactDto contact) {
        DeadEndWords.Wording wording = DeadEndWords.helpdesk(contact);
        return texts.get(wording.key(), wording.args());
    }

    private static Properties read(String name) {
        Properties properties = new Properties();
        try (InputStream in = DeadEndWordsTest.class.getResourceAsStream(name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
