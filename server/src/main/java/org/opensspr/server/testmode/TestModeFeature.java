package org.opensspr.server.testmode;

import io.javalin.http.HandlerType;
import org.jooq.impl.DSL;
import org.opensspr.api.ClockAdvanceRequest;
import org.opensspr.api.ClockDto;
import org.opensspr.api.ErrorCode;
import org.opensspr.api.OutboxMessageDto;
import org.opensspr.server.db.Database;
import org.opensspr.server.delivery.Outbox;
import org.opensspr.server.http.Access;
import org.opensspr.server.http.ApiException;
import org.opensspr.server.http.ApiRoute;
import org.opensspr.server.http.QueryParam;
import org.opensspr.server.time.ServerClock;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.opensspr.server.db.Tables.OUTBOX_MESSAGE;

/**
 * Routes that exist only with {@code --test-mode} (which the server refuses unless bound to loopback):
 * read the outbox and move the clock forward, so end-to-end tests can read codes and cross expiry
 * and throttling boundaries without waiting. The captcha's fixed answer is {@link #CAPTCHA_ANSWER}.
 */
public final class TestModeFeature {
    /** In test mode every captcha accepts this answer. */
    public static final String CAPTCHA_ANSWER = "OPENSSPR";
    private static final long MAX_ADVANCE_SECONDS = Duration.ofDays(400).toSeconds();

    private final Database database;
    private final ServerClock clock;
    private final Outbox outbox;

    public TestModeFeature(Database database, ServerClock clock, Outbox outbox) {
        this.database = database;
        this.clock = clock;
        this.outbox = outbox;
    }

    public List<ApiRoute<?>> routes() {
        return List.of(
                ApiRoute.route(HandlerType.GET, "/test/outbox", "Test mode: every queued message, newest first", Access.PUBLIC)
                        .returns(OutboxMessageDto[].class)
                        .query(QueryParam.integer("limit", "at most this many messages (1–1000, default 100)"),
                                QueryParam.text("to", "only messages to this recipient (case-insensitive)"))
                        .handle(request -> outbox(request.queryInt("limit", 100, 1, 1000), request.query("to"))),
                ApiRoute.route(HandlerType.GET, "/test/clock", "Test mode: the server's time", Access.PUBLIC)
                        .returns(ClockDto.class)
                        .handle(request -> new ClockDto(clock.instant())),
                ApiRoute.route(HandlerType.POST, "/test/clock", "Test mode: move the server's clock forward", Access.PUBLIC)
                        .body(ClockAdvanceRequest.class)
                        .returns(ClockDto.class)
                        .handle(request -> advance(request.body())));
    }

    private ClockDto advance(ClockAdvanceRequest request) {
        if (request.seconds() < 1 || request.seconds() > MAX_ADVANCE_SECONDS) {
            throw ApiException.field(ErrorCode.INVALID_VALUE, "seconds",
                    "The clock moves forward by 1 second to 400 days.");
        }
        return new ClockDto(clock.advance(Duration.ofSeconds(request.seconds())));
    }

    /** Newest first; with a recipient, the scan down the id stops at {@code limit} of theirs (no index needed). */
    private List<OutboxMessageDto> outbox(int limit, Optional<String> to) {
        return database.dsl().selectFrom(OUTBOX_MESSAGE)
                .where(to.map(address -> OUTBOX_MESSAGE.RECIPIENT.equalIgnoreCase(address)).orElse(DSL.noCondition()))
                .orderBy(OUTBOX_MESSAGE.ID.desc()).limit(limit)
                .fetch(outbox::asReceived);
    }

}
