package org.opensspr.server.reset;

import org.opensspr.server.kiosk.KioskCaller;
import io.javalin.http.HandlerType;
import org.opensspr.api.ChooseMethodRequest;
import org.opensspr.api.ErrorCode;
import org.opensspr.api.FlowResponse;
import org.opensspr.api.IdentifyRequest;
import org.opensspr.api.NewPasswordRequest;
import org.opensspr.api.ProveRequest;
import org.opensspr.api.PushAnswerRequest;
import org.opensspr.api.StartFlowRequest;
import org.opensspr.api.TicketRequest;
import org.opensspr.api.WhatIfDto;
import org.opensspr.directory.Permission;
import org.opensspr.flow.FlowIntent;
import org.opensspr.server.http.Access;
import org.opensspr.server.http.ApiException;
import org.opensspr.server.http.QueryParam;
import org.opensspr.server.http.Request;
import org.opensspr.server.http.ApiRoute;

import java.util.List;

/** The reset and unlock flow routes the kiosk calls, one per step. */
public final class ResetFeature {
    private static final ErrorCode[] FLOW_ERRORS = {ErrorCode.NOT_FOUND, ErrorCode.TICKET_ALREADY_USED,
            ErrorCode.FLOW_EXPIRED, ErrorCode.CONFLICT};

    private final ResetFlows flows;
    private final ResetCompletion completion;
    private final NotificationAnswers answers;
    private final Runnable mailQueued;

    /** @param mailQueued told after steps that may have queued mail, so it goes out at once */
    ResetFeature(ResetFlows flows, ResetCompletion completion, NotificationAnswers answers, Runnable mailQueued) {
        this.flows = flows;
        this.completion = completion;
        this.answers = answers;
        this.mailQueued = mailQueued;
    }

    private <T> T nudging(T response) {
        mailQueued.run();
        return response;
    }

    public List<ApiRoute<?>> routes() {
        return List.of(
                route("/reset/flows", "Start a reset or unlock flow").body(StartFlowRequest.class)
                        .status(201).errors(ErrorCode.THROTTLED, ErrorCode.INVALID_VALUE)
                        .handle(r -> flows.start(r.body(), caller(r))),
                route("/reset/flows/captcha", "Show a new captcha (at most 10 per flow)").body(TicketRequest.class)
                        .errors(FLOW_ERRORS).errors(ErrorCode.THROTTLED)
                        .handle(r -> flows.refreshCaptcha(r.body(), caller(r))),
                route("/reset/flows/identify", "User ID and captcha").body(IdentifyRequest.class).errors(FLOW_ERRORS)
                        .handle(r -> flows.identify(r.body(), caller(r))),
                route("/reset/flows/method", "Choose the method for the current gate").body(ChooseMethodRequest.class)
                        .errors(FLOW_ERRORS).handle(r -> nudging(flows.choose(r.body(), caller(r)))),
                route("/reset/flows/prove", "Enter the code or answer the questions").body(ProveRequest.class)
                        .hashingWhereItHashes() // a code costs no hash; security answers do (ResetFlows.proveHashed)
                        .errors(FLOW_ERRORS).handle(r -> flows.prove(r.body(), caller(r))),
                route("/reset/flows/back", "Leave the open gate for the choice of methods").body(TicketRequest.class)
                        .errors(FLOW_ERRORS).handle(r -> flows.back(r.body(), caller(r))),
                route("/reset/flows/resend", "Send the code (or the notification) again").body(TicketRequest.class).errors(FLOW_ERRORS)
                        .handle(r -> nudging(flows.resend(r.body(), caller(r)))),
                // An on-premises account's directory may be unreachable, or refuse for want of a right or the account.
                route("/reset/flows/password", "Set the new password").body(NewPasswordRequest.class).hashing()
                        .errors(FLOW_ERRORS).errors(ErrorCode.VALIDATION_FAILED, ErrorCode.SERVICE_UNAVAILABLE,
                                ErrorCode.DIRECTORY_UNAVAILABLE, ErrorCode.DIRECTORY_REFUSED)
                        .handle(r -> nudging(completion.setPassword(r.body(), caller(r)))),
                route("/reset/flows/unlock", "Unlock the account without resetting").body(TicketRequest.class)
                        .errors(FLOW_ERRORS).errors(ErrorCode.SERVICE_UNAVAILABLE, ErrorCode.DIRECTORY_UNAVAILABLE,
                                ErrorCode.DIRECTORY_REFUSED)
                        .handle(r -> nudging(completion.unlock(r.body(), caller(r)))),
                // From the user's phone, anywhere: the signed token is the only credential.
                ApiRoute.<Object>route(HandlerType.POST, "/push/answers/{token}",
                                "Answer an app notification: the number picked, or DENY", Access.PUBLIC)
                        .body(PushAnswerRequest.class)
                        .errors(ErrorCode.NOT_FOUND, ErrorCode.FLOW_EXPIRED, ErrorCode.CONFLICT, ErrorCode.INVALID_VALUE)
                        .handle(r -> {
                            answers.answer(r.path("token"), r.body().answer());
                            return null;
                        }),
                ApiRoute.<Object>route(HandlerType.GET, "/push/answers/{token}",
                                "The page a tap on the notification opens: its numbers and Deny (HTML)", Access.PUBLIC)
                        .returns(org.opensspr.server.http.BinaryResponse.class)
                        .handle(r -> answers.page(r.path("token"))),
                ApiRoute.<Object>route(HandlerType.POST, "/push/answers/{token}/form",
                                "The answer page's form: answer=<number>|DENY (HTML outcome)", Access.PUBLIC)
                        .rawBody("application/x-www-form-urlencoded", 256).returns(org.opensspr.server.http.BinaryResponse.class)
                        .handle(r -> answers.answerFromForm(r.path("token"), r.rawBody())),
                ApiRoute.route(HandlerType.GET, "/policy/what-if",
                                "What a user would meet at the kiosk now (eligibility, first step)",
                                Access.admin(Permission.READ_DIRECTORY))
                        .returns(WhatIfDto.class).errors(ErrorCode.MISSING_FIELD)
                        .query(QueryParam.text("user", "the user's UPN"),
                                QueryParam.oneOf("intent", FlowIntent.class, "RESET_PASSWORD when left out"))
                        .handle(r -> flows.whatIf(r.query("user").orElseThrow(() -> ApiException.field(
                                ErrorCode.MISSING_FIELD, "user", "'user' is required.")),
                                r.queryEnum("intent", FlowIntent.class).orElse(FlowIntent.RESET_PASSWORD))),
                // Nothing to answer: 204, as the kiosk's client expects.
                ApiRoute.<Object>route(HandlerType.POST, "/reset/flows/abandon", "End the flow (cancel or idle timeout)",
                                Access.SELF_SERVICE).body(TicketRequest.class)
                        .errors(FLOW_ERRORS).handle(r -> {
                            flows.abandon(r.body(), caller(r));
                            return null;
                        }));
    }

    private static KioskCaller caller(Request<?> request) {
        return KioskCaller.of(request.principal(), request.clientAddress());
    }

    private static ApiRoute.Builder<Object> route(String path, String summary) {
        return ApiRoute.<Object>route(HandlerType.POST, path, summary, Access.SELF_SERVICE).returns(FlowResponse.class);
    }
}
