package org.opensspr.api;

import com.fasterxml.jackson.annotation.JsonClassDescription;

@JsonClassDescription("A security question as shown to the user: its id (to answer by) and its text in the flow's"
        + " language")
public record QuestionDto(String id, String text) {
}
