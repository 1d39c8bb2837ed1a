package org.opensspr.server.writeback;

import com.fasterxml.jackson.core.type.TypeReference;
import io.javalin.http.HandlerType;
import org.opensspr.api.ConnectionTestDto;
import org.opensspr.api.ConnectionTestRequest;
import org.opensspr.api.ErrorCode;
import org.opensspr.api.WritebackIntentDto;
import org.opensspr.api.WritebackStatusDto;
import org.opensspr.directory.Permission;
import org.opensspr.server.http.Access;
import org.opensspr.server.http.ApiException;
import org.opensspr.server.http.ApiRoute;
import org.opensspr.server.http.QueryParam;

import java.lang.reflect.Type;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The on-premises directory for administrators: the writebacks attempted ({@code GET /writeback/intents}, to review
 * those in doubt), where writeback stands ({@code GET /writeback/status}) and the pane's "Test connection".
 */
public final class WritebackFeature {
    static final int MAX_LIMIT = 500;
    private static final Type LIST_OF_INTENTS = new TypeReference<List<WritebackIntentDto>>() {
    }.getType();

    private final WritebackIntents intents;
    private final LdapSettings settings;

    /** @param settings the configured directory; null when none is */
    public WritebackFeature(WritebackIntents intents, LdapSettings settings) {
        this.intents = intents;
        this.settings = settings;
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
                        .map(WritebackFeature::dto).toList()),
                ApiRoute.route(HandlerType.GET, "/writeback/status", "The on-premises directory this server writes"
                                + " back to, and how its last writebacks went", Access.admin(Permission.READ_POLICY))
                        .returns(WritebackStatusDto.class)
                        .handle(request -> status()),
                ApiRoute.route(HandlerType.POST, "/writeback/connection-test", "Test the connection to each directory"
                                + " server, the service account's bind, the base DN and (given a test user) the account's"
                                + " rights; writes nothing", Access.admin(Permission.MANAGE_POLICY))
                        .body(ConnectionTestRequest.class).returns(ConnectionTestDto.class)
                        .errors(ErrorCode.CONFLICT)
                        .handle(request -> test(request.body())));
    }

    WritebackStatusDto status() {
        WritebackIntentDto lastFailure = newest(IntentStatus.FAILED, IntentStatus.UNKNOWN);
        WritebackIntentDto last = newest(IntentStatus.DONE, IntentStatus.FAILED, IntentStatus.UNKNOWN);
        int inDoubt = intents.count(IntentStatus.UNKNOWN);
        if (settings == null) {
            return new WritebackStatusDto(false, null, List.of(), null, null, last, lastFailure, inDoubt);
        }
        return new WritebackStatusDto(true, settings.flavor().name(), settings.urls(), settings.baseDn(),
                settings.bindDn(), last, lastFailure, inDoubt);
    }

    private ConnectionTestDto test(ConnectionTestRequest request) {
        if (settings == null) {
            throw new ApiException(ErrorCode.CONFLICT, "No on-premises directory is configured on this server: start it"
                    + " with --ldap-url, --ldap-bind-dn and --ldap-base-dn (see the README's on-premises section).");
        }
        return new DirectoryProbe(settings).run(request == null ? null : request.testUser());
    }

    /** The newest intent in any of these states, by when it was created. */
    private WritebackIntentDto newest(IntentStatus... statuses) {
        return Stream.of(statuses).map(status -> intents.recent(status, 1)).flatMap(List::stream)
                .max(Comparator.comparing(WritebackIntent::createdAt))
                .map(WritebackFeature::dto).orElse(null);
    }

    private static WritebackIntentDto dto(WritebackIntent intent) {
        return new WritebackIntentDto(intent.id(), intent.userId(), intent.flowId(), intent.operation().name(),
                intent.status().name(), intent.createdAt(), intent.completedAt(), intent.detail());
    }
}
