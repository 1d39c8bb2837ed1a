package org.opensspr.api;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import java.util.List;

/**
 * One change of a directory sync run. {@code fields} lists an update's changed attributes with their values
 * before and after ({@link FieldChangeDto#path()} is the attribute's API name); a membership's {@code detail}
 * names the member.
 */
@JsonClassDescription("One change of a directory sync run")
public record DirectorySyncChangeDto(
        DirectorySyncChangeKind kind,
        @JsonPropertyDescription("The user's UPN or the group's name (a membership change: the group's)") String target,
        @JsonPropertyDescription("The member of a membership change; why for a conflict or a skipped entry") String detail,
        @JsonPropertyDescription("An update's changed fields, before and after") List<FieldChangeDto> fields) {
    public DirectorySyncChangeDto {
        detail = detail == null ? "" : detail;
        fields = fields == null ? List.of() : List.copyOf(fields);
    }
}
