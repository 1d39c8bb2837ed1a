package org.opensspr.methods;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class PredefinedQuestionTextTest {

    @ParameterizedTest
    @EnumSource(PredefinedQuestion.class)
    void everyQuestionHasAnEnglishAndASpanishText(PredefinedQuestion question) {
        String english = question.text(Locale.ENGLISH);
        String spanish = question.text(Locale.forLanguageTag("es-MX"));

        assertThat(english).contains("?").doesNotContain("¿");
        assertThat(spanish).contains("¿").isNotEqualTo(english);
    }

    @Test
    void theSpanishQuestionsAreAllDifferentFromEachOther() {
        Set<String> texts = Arrays.stream(PredefinedQuestion.values())
                .map(q -> q.text(Locale.forLanguageTag("es"))).collect(Collectors.toSet());

        assertThat(texts).hasSize(PredefinedQuestion.values().length);
    }

    @Test
    void aLanguageWithoutTextsFallsBackToEnglishEvenOnASpanishMachine() {
        Locale machine = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("es-ES"));

            assertThat(PredefinedQuestion.FIRST_PET.text(Locale.GERMAN)).isEqualTo("What was the name of your first pet?");
            assertThat(PredefinedQuestion.FIRST_PET.text(Locale.ENGLISH)).isEqualTo("What was the name of your first pet?");
        } finally {
            Locale.setDefault(machine);
        }
    }
}
