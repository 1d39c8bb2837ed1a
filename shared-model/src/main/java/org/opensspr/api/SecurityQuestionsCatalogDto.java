package org.opensspr.api;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import java.util.List;

@JsonClassDescription("The security questions a user may register, in their language, and the rules for answers")
public record SecurityQuestionsCatalogDto(
        @JsonPropertyDescription("How many questions to answer") int toRegister,
        @JsonPropertyDescription("The predefined questions the policy offers, then the organization's own")
        List<QuestionDto> questions,
        @JsonPropertyDescription("The shortest answer, in characters") int minAnswerLength,
        @JsonPropertyDescription("The longest answer, in characters") int maxAnswerLength,
        @JsonPropertyDescription("The ids of the questions this user answered, if any") List<String> registered) {
    public SecurityQuestionsCatalogDto {
        questions = List.copyOf(questions);
        registered = registered == null ? List.of() : List.copyOf(registered);
    }
}
