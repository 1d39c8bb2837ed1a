package org.opensspr.server.health;

import io.javalin.http.HandlerType;
import org.opensspr.api.HealthDto;
import org.opensspr.server.db.Database;
import org.opensspr.server.http.Access;
import org.opensspr.server.http.ApiException;
import org.opensspr.server.http.ApiRoute;
import org.opensspr.api.ErrorCode;

import java.util.List;

/** {@code GET /health}: up when the database answers. */
public final class HealthFeature {
    private final Database database;
    private final String version;

    public HealthFeature(Database database, String version) {
        this.database = database;
        this.version = version;
    }

    public List<ApiRoute<?>> routes() {
        return List.of(ApiRoute.route(HandlerType.GET, "/health", "Whether the server and its database are up",
                        Access.PUBLIC)
                .returns(HealthDto.class)
                .errors(ErrorCode.SERVICE_UNAVAILABLE)
                .handle(request -> check()));
    }

    private HealthDto check() {
        try {
            database.dsl().selectOne().fetch();
            return new HealthDto("UP", version);
        } catch (RuntimeException e) {
            throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "The database is not answering.");
        }
    }
}
