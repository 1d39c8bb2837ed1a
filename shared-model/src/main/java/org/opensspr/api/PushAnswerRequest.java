package org.opensspr.api;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

@JsonClassDescription("A phone's answer to an app notification")
public record PushAnswerRequest(
        @JsonPropertyDescription("The number picked (two digits), or DENY") String answer) {
}
