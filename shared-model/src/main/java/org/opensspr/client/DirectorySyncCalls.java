package org.opensspr.client;

import com.fasterxml.jackson.core.type.TypeReference;
import org.opensspr.api.ApiPaths;
import org.opensspr.api.DirectorySyncChangeDto;
import org.opensspr.api.DirectorySyncMode;
import org.opensspr.api.DirectorySyncRequest;
import org.opensspr.api.DirectorySyncRunDto;
import org.opensspr.api.DirectorySyncStartedDto;
import org.opensspr.api.Page;

import java.util.List;
import java.util.Objects;

/**
 * Directory sync from the on-premises directory, from {@link OpenSsprClient#directorySync()}: starting a run needs
 * MANAGE_USERS, reading runs READ_DIRECTORY. A run is followed by asking for it again until its phase is finished.
 */
public final class DirectorySyncCalls {
    private static final TypeReference<List<DirectorySyncRunDto>> RUNS = new TypeReference<>() { };
    private static final TypeReference<Page<DirectorySyncChangeDto>> CHANGES = new TypeReference<>() { };

    private final ApiTransport transport;

    DirectorySyncCalls(ApiTransport transport) {
        this.transport = transport;
    }

    /** Starts a run (CONFLICT while one is going on); answers its id at once. */
    public String start(DirectorySyncMode mode, boolean dryRun) {
        Objects.requireNonNull(mode, "mode");
        return transport.post(ApiPaths.DIRECTORY_SYNC_RUNS, new DirectorySyncRequest(mode, dryRun),
                DirectorySyncStartedDto.class).runId();
    }

    /** The run's phase and counts so far, or its outcome. */
    public DirectorySyncRunDto run(String runId) {
        return transport.get(ApiPaths.DIRECTORY_SYNC_RUNS + "/" + ApiTransport.segment(runId), DirectorySyncRunDto.class);
    }

    /** The last {@code limit} runs (1–100), newest first. */
    public List<DirectorySyncRunDto> recent(int limit) {
        return transport.get(ApiPaths.DIRECTORY_SYNC_RUNS + "?limit=" + limit, RUNS);
    }

    /** A page of the run's changes (size 1–200); a dry run's are what it would change. */
    public Page<DirectorySyncChangeDto> changes(String runId, int page, int size) {
        return transport.get(ApiPaths.DIRECTORY_SYNC_RUNS + "/" + ApiTransport.segment(runId) + "/changes?page=" + page
                + "&size=" + size, CHANGES);
    }
}
