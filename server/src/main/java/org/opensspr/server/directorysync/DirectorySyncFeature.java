package org.opensspr.server.directorysync;

import com.fasterxml.jackson.core.type.TypeReference;
import org.opensspr.api.DirectorySyncChangeDto;
import org.opensspr.api.DirectorySyncRequest;
import org.opensspr.api.DirectorySyncRunDto;
import org.opensspr.api.DirectorySyncStartedDto;
import org.opensspr.api.ErrorCode;
import org.opensspr.api.Page;
import org.opensspr.server.http.Access;
import org.opensspr.server.http.ApiException;
import org.opensspr.server.http.ApiRoute;
import org.opensspr.server.http.QueryParam;

import java.lang.reflect.Type;
import java.util.List;
import java.util.Optional;

import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.POST;
import static org.opensspr.directory.Permission.MANAGE_USERS;
import static org.opensspr.directory.Permission.READ_DIRECTORY;

/**
 * {@code /directory-sync/runs}: start a sync of the on-premises directory (User administrators and up, as for an
 * import), follow its progress, read the last runs and a run's changes page by page (READ_DIRECTORY). Without a
 * directory there is nothing to read (no runs; a run id is not found) and starting one is a CONFLICT that says what
 * to configure: a server's configuration is not an outage, so no 5xx.
 */
public final class DirectorySyncFeature {
    static final int MAX_CHANGES_PAGE = 200;
    private static final Type RUNS = new TypeReference<List<DirectorySyncRunDto>>() { }.getType();
    private static final Type CHANGES = new TypeReference<Page<DirectorySyncChangeDto>>() { }.getType();

    private final Optional<DirectorySync> sync;

    public DirectorySyncFeature(Optional<DirectorySync> sync) {
        this.sync = sync;
    }

    public List<ApiRoute<?>> routes() {
        return List.of(
                ApiRoute.route(POST, "/directory-sync/runs", "Start a directory sync (full or delta, dry or real);"
                                + " answers at once with the run to follow", Access.admin(MANAGE_USERS))
                        .body(DirectorySyncRequest.class).returns(DirectorySyncStartedDto.class).status(202)
                        .errors(ErrorCode.CONFLICT)
                        .handle(r -> {
                            if (r.body().mode() == null) {
                                throw ApiException.field(ErrorCode.MISSING_FIELD, "mode", "'mode' is FULL or DELTA.");
                            }
                            return new DirectorySyncStartedDto(sync().start(r.admin().userPrincipalName(),
                                    r.body().mode(), r.body().dryRun()));
                        }),
                ApiRoute.route(GET, "/directory-sync/runs", "The last directory sync runs, newest first (the first"
                                + " may still be running)", Access.admin(READ_DIRECTORY)).returns(RUNS)
                        .query(QueryParam.integer("limit", "at most this many (1–" + DirectorySync.MAX_RUNS_LISTED
                                + ", default 20)"))
                        .handle(r -> {
                            // a bad query is a 400 whether or not a directory is connected
                            int limit = r.queryInt("limit", 20, 1, DirectorySync.MAX_RUNS_LISTED);
                            return sync.map(s -> s.recentRuns(limit)).orElse(List.of());
                        }),
                ApiRoute.route(GET, "/directory-sync/runs/{id}", "A directory sync run: its phase and counts while it"
                                + " runs, then its outcome", Access.admin(READ_DIRECTORY)).returns(DirectorySyncRunDto.class)
                        .handle(r -> sync.flatMap(s -> s.run(r.path("id"))).orElseThrow(() ->
                                ApiException.notFound("Directory sync run " + r.path("id")))),
                ApiRoute.route(GET, "/directory-sync/runs/{id}/changes", "A run's changes (a dry run's: what it would"
                                + " change), in order, page by page; the first " + DirectorySync.MAX_RECORDED_CHANGES
                                + " are kept, the run's counts are the totals", Access.admin(READ_DIRECTORY))
                        .returns(CHANGES).query(QueryParam.paging())
                        .handle(r -> {
                            int page = r.queryInt("page", 0, 0, 1_000_000);
                            int size = r.queryInt("size", 50, 1, MAX_CHANGES_PAGE);
                            return sync.orElseThrow(() -> ApiException.notFound("Directory sync run " + r.path("id")))
                                    .changes(r.path("id"), page, size);
                        }));
    }

    private DirectorySync sync() {
        return sync.orElseThrow(() -> new ApiException(ErrorCode.CONFLICT,
                "No on-premises directory is connected (--ldap-url), so there is nothing to sync.", List.of(), null));
    }
}
