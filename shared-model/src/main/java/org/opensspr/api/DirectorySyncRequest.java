package org.opensspr.api;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Start a directory sync now. */
@JsonClassDescription("Start a directory sync now")
public record DirectorySyncRequest(
        @JsonPropertyDescription("FULL or DELTA; a delta without a usable cursor runs as a full sync") DirectorySyncMode mode,
        @JsonPropertyDescription("Compute and list the changes without writing any (default false)") @OptionalField
        boolean dryRun) {
}
