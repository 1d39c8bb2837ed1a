package org.opensspr.server.secinfo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opensspr.methods.PredefinedQuestion;
import org.opensspr.policy.CustomQuestion;
import org.opensspr.policy.SecurityQuestionsPolicy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The registration rules, one row per case: answers as {@code id=answer;…}, {@code len:N} for N letters. */
class SecurityAnswerRulesTest {
    /** Three to register; every predefined question but FAVORITE_FOOD; one custom question. */
    static final SecurityQuestionsPolicy POLICY = new SecurityQuestionsPolicy(3, 3,
            EnumSet.complementOf(EnumSet.of(PredefinedQuestion.FAVORITE_FOOD)),
            List.of(new CustomQuestion("team-mascot", "What was your first team's mascot?")));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            three answers | FIRST_PET=Fluffy;HOSPITAL_BORN=St Mary;FIRST_JOB=Baker |
            five with a custom question | FIRST_PET=Fluffy;HOSPITAL_BORN=St Mary;FIRST_JOB=Baker;CHILDHOOD_HERO=Zorro;team-mascot=Bulldog |
            two is too few | FIRST_PET=Fluffy;HOSPITAL_BORN=St Mary | TOO_FEW_ANSWERS
            six is too many | FIRST_PET=aaa;HOSPITAL_BORN=bbb;FIRST_JOB=ccc;CHILDHOOD_HERO=ddd;FIRST_CAR_MAKE_MODEL=eee;FIRST_SCHOOL_ATTENDED=fff | TOO_MANY_ANSWERS
            unknown question id | FIRST_PET=Fluffy;HOSPITAL_BORN=St Mary;NO_SUCH_QUESTION=Baker | QUESTION_NOT_OFFERED
            question the policy dropped | FIRST_PET=Fluffy;HOSPITAL_BORN=St Mary;FAVORITE_FOOD=Pizza | QUESTION_NOT_OFFERED
            custom id in another case | FIRST_PET=Fluffy;HOSPITAL_BORN=St Mary;TEAM-MASCOT=Bulldog | QUESTION_NOT_OFFERED
            a question used twice | FIRST_PET=Fluffy;HOSPITAL_BORN=St Mary;FIRST_PET=Rex | QUESTION_REPEATED
            two characters | FIRST_PET=ab;HOSPITAL_BORN=St Mary;FIRST_JOB=Baker | ANSWER_TOO_SHORT
            two after trimming | FIRST_PET=   ab   ;HOSPITAL_BORN=St Mary;FIRST_JOB=Baker | ANSWER_TOO_SHORT
            empty answer | FIRST_PET=;HOSPITAL_BORN=St Mary;FIRST_JOB=Baker | ANSWER_TOO_SHORT
            three with inner space | FIRST_PET=a b;HOSPITAL_BORN=St Mary;FIRST_JOB=Baker |
            three with a run of spaces | FIRST_PET=a     b;HOSPITAL_BORN=St Mary;FIRST_JOB=Baker |
            forty characters | FIRST_PET=len:40;HOSPITAL_BORN=St Mary;FIRST_JOB=Baker |
            forty-one characters | FIRST_PET=len:41;HOSPITAL_BORN=St Mary;FIRST_JOB=Baker | ANSWER_TOO_LONG
            same answer twice | FIRST_PET=Fluffy;HOSPITAL_BORN=Fluffy;FIRST_JOB=Baker | ANSWER_REPEATED
            alike after normalizing | FIRST_PET=  Fluffy  THE cat ;HOSPITAL_BORN=fluffy the cat;FIRST_JOB=Baker | ANSWER_REPEATED
            alike in full-width letters | FIRST_PET=ＦＬＵＦＦＹ;HOSPITAL_BORN=fluffy;FIRST_JOB=Baker | ANSWER_REPEATED
            several problems at once | FIRST_PET=ab;FIRST_PET=Baker;FAVORITE_FOOD=baker | QUESTION_REPEATED,ANSWER_TOO_SHORT,QUESTION_NOT_OFFERED,ANSWER_REPEATED
            """)
    void checks(String description, String answers, String expectedCodes) {
        List<String> codes = SecurityAnswerRules.check(parse(answers), POLICY).stream().map(AnswerProblem::code).toList();

        assertThat(codes).containsExactlyInAnyOrderElementsOf(
                expectedCodes == null ? List.of() : Arrays.asList(expectedCodes.split(",")));
    }

    @Test
    void everyProblemNamesItsFieldAndNeverTheAnswer() {
        List<AnswerProblem> problems = SecurityAnswerRules.check(
                parse("FIRST_PET=Fluffy;NOPE=Secret-Answer;HOSPITAL_BORN= fluffy;FIRST_JOB=xy"), POLICY);

        assertThat(problems).containsExactlyInAnyOrder(
                new AnswerProblem.QuestionNotOffered(1, "NOPE"),
                new AnswerProblem.AnswerRepeated(2, "HOSPITAL_BORN", 0),
                new AnswerProblem.AnswerTooShort(3, "FIRST_JOB", 3));
        assertThat(problems).extracting(AnswerProblem::field)
                .containsExactlyInAnyOrder("answers[1].questionId", "answers[2].answer", "answers[3].answer");
        assertThat(problems).allSatisfy(p -> assertThat(p.message() + p).doesNotContainIgnoringCase("fluffy")
                .doesNotContain("Secret-Answer"));
        assertThat(new SecurityAnswersRejectedException(problems).getMessage()).doesNotContainIgnoringCase("fluffy");
    }

    @Test
    void nullEntriesAreProblemsNotCrashes() {
        List<QuestionAnswer> answers = new ArrayList<>(parse("FIRST_PET=Fluffy;HOSPITAL_BORN=St Mary"));
        answers.add(new QuestionAnswer(null, null));

        assertThat(SecurityAnswerRules.check(answers, POLICY)).extracting(AnswerProblem::code)
                .containsExactlyInAnyOrder("QUESTION_NOT_OFFERED", "ANSWER_TOO_SHORT");
    }

    @Test
    void questionTextsComeFromThePolicy() {
        assertThat(SecurityQuestionTexts.text(POLICY, "FIRST_PET", Locale.ENGLISH))
                .contains("What was the name of your first pet?");
        assertThat(SecurityQuestionTexts.text(POLICY, "team-mascot", Locale.ENGLISH))
                .contains("What was your first team's mascot?");
        assertThat(SecurityQuestionTexts.text(POLICY, "FAVORITE_FOOD", Locale.ENGLISH)).isEmpty();
        assertThat(SecurityQuestionTexts.text(POLICY, "nope", Locale.ENGLISH)).isEmpty();
    }

    static List<QuestionAnswer> parse(String spec) {
        List<QuestionAnswer> answers = new ArrayList<>();
        for (String pair : spec.split(";")) {
            int equals = pair.indexOf('=');
            String answer = pair.substring(equals + 1);
            if (answer.startsWith("len:")) {
                answer = "x".repeat(Integer.parseInt(answer.substring(4)) - 1) + "y";
            }
            answers.add(new QuestionAnswer(pair.substring(0, equals).strip(), answer));
        }
        return answers;
    }
}
