package org.opensspr.server.writeback;

import com.fasterxml.jackson.core.type.TypeReference;
import io.javalin.http.HandlerType;
import org.opensspr.api.WritebackIntentDto;
import org.opensspr.directory.Permission;
import org.opensspr.server.http.Access;
import org.opensspr.server.http.ApiRoute;
import org.opensspr.server.http.QueryParam;

import java.lang.reflect.Type;
import java.util.List;

/** {@code GET /writeback/intents}: the directory changes attempted, for administrators to review those in doubt. */
public final class WritebackFeature {
    static final int MAX_LIMIT = 500;
    private static final Type LIST_OF_INTENTS = new TypeReference<List<WritebackIntentDto>>() {
    }.getType();

    private final WritebackIntents intents;

    public WritebackFeature(WritebackIntents intents) {
        this.intents = intents;
    }

    public List<ApiRoute<?>> routes() {
        return List.of(ApiRoute.route(HandlerType.GET, "/writeback/intents",
                        "Directory writebacks, newest first; UNKNOWN ones need an administrator to check the account",
                        Access.admin(Permission.READ_DIRECTORY))
                .returns(LIST_OF_INTENTS)
                .query(QueryParam.oneOf("status", IntentStatus.class, "only writebacks in this state"),
                        QueryParam.integer("limit", "at most this many (1–" + MAX_LIMIT + ", default 100)"))
                .handle(request -> intents.recent(request.queryEnum("status", IntentStatus.class).orElse(null),
                                request.queryInt("limit", 100, 1, MAX_LIMIT)).stream()
                        .map(WritebackFeature::dto).toList()));
    }

    private static WritebackIntentDto dto(WritebackIntent intent) {
        return new WritebackIntentDto(intent.id(), intent.userId(), intent.flowId(), intent.operation().name(),
                intent.status().name(), intent.createdAt(), intent.completedAt(), intent.detail());
    }
}
