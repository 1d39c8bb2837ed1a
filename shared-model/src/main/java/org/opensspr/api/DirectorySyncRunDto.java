package org.opensspr.api;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import java.time.Instant;

/** A directory sync run: its progress while it runs (phase and counts so far), then its outcome. */
@JsonClassDescription("A directory sync run: progress while it runs, then its outcome")
public record DirectorySyncRunDto(
        String id,
        @JsonPropertyDescription("What was asked for") DirectorySyncMode requestedMode,
        @JsonPropertyDescription("What ran: a delta without a usable cursor runs FULL (see note)") DirectorySyncMode mode,
        boolean dryRun,
        @JsonPropertyDescription("The administrator who started it, or 'directory sync' for the schedule") String requestedBy,
        Instant startedAt,
        @JsonPropertyDescription("Missing while it runs") @OptionalField Instant finishedAt,
        DirectorySyncPhase phase,
        @JsonPropertyDescription("Directory entries read so far (users, groups, deleted objects)") int entriesRead,
        int usersSeen,
        int groupsSeen,
        int usersAdded,
        int usersUpdated,
        int usersDeleted,
        int groupsAdded,
        int groupsUpdated,
        int groupsDeleted,
        int membersAdded,
        int membersRemoved,
        int conflicts,
        int skipped,
        @JsonPropertyDescription("E.g. why a delta ran as a full sync; empty when nothing to say") String note,
        @JsonPropertyDescription("Why the run failed; missing unless it did") @OptionalField String error) {
}
