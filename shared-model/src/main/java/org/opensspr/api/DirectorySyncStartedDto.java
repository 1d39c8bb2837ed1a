package org.opensspr.api;

import com.fasterxml.jackson.annotation.JsonClassDescription;

/** A directory sync that was started: follow it at GET /directory-sync/runs/{runId}. */
@JsonClassDescription("A directory sync that was started; follow it at GET /directory-sync/runs/{runId}")
public record DirectorySyncStartedDto(String runId) {
}
