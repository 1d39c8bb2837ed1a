package org.opensspr.server.delivery;

import com.fasterxml.jackson.core.type.TypeReference;
import io.javalin.http.HandlerType;
import org.opensspr.api.ErrorCode;
import org.opensspr.api.OutboxMessageDto;
import org.opensspr.api.Page;
import org.opensspr.directory.Permission;
import org.opensspr.server.http.Access;
import org.opensspr.server.http.ApiException;
import org.opensspr.server.http.ApiRoute;
import org.opensspr.server.http.QueryParam;

import java.lang.reflect.Type;
import java.util.List;

/**
 * {@code GET /outbox?page=0&size=50} (READ_OUTBOX, Global Administrators only): the messages the embedded
 * default delivered into its own outbox, newest first. A server that sends through a relay or gateway answers
 * CONFLICT: what it keeps of a message is not what the recipient got (a sent code's body is blanked).
 */
public final class OutboxFeature {
    public static final int MAX_PAGE_SIZE = 100;
    static final String NOT_EMBEDDED = "This server sends its messages through SMTP or a gateway; its outbox is"
            + " not shown. Read them where they are delivered.";
    private static final Type PAGE_OF_MESSAGES = new TypeReference<Page<OutboxMessageDto>>() {
    }.getType();

    private final OutboxReader reader;
    private final boolean embedded;

    /** {@code embedded}: whether this server delivers every channel into its own outbox (no relay, no gateway). */
    public OutboxFeature(OutboxReader reader, boolean embedded) {
        this.reader = reader;
        this.embedded = embedded;
    }

    public List<ApiRoute<?>> routes() {
        return List.of(ApiRoute.route(HandlerType.GET, "/outbox",
                        "The embedded default's outbox: messages as their recipients receive them, newest first",
                        Access.admin(Permission.READ_OUTBOX))
                .returns(PAGE_OF_MESSAGES)
                .query(QueryParam.paging())
                .errors(ErrorCode.CONFLICT)
                .handle(request -> {
                    if (!embedded) {
                        throw new ApiException(ErrorCode.CONFLICT, NOT_EMBEDDED);
                    }
                    int size = request.queryInt("size", 50, 1, MAX_PAGE_SIZE);
                    return reader.page(request.queryInt("page", 0, 0, OutboxReader.LISTED / size), size,
                            request.admin().userPrincipalName());
                }));
    }
}
