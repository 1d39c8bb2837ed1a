package org.opensspr.kiosk.register;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import org.opensspr.api.ApiError;
import org.opensspr.api.ErrorCode;
import org.opensspr.api.HelpdeskContactDto;
import org.opensspr.api.PhoneRegistrationRequest;
import org.opensspr.api.RegisteredInfoDto;
import org.opensspr.api.SecurityAnswersRequest;
import org.opensspr.api.SecurityInfoDto;
import org.opensspr.api.SecurityInfoProofRequest;
import org.opensspr.client.OpenSsprApiException;
import org.opensspr.client.OpenSsprClient;
import org.opensspr.eligibility.SignInPrompt;
import org.opensspr.kiosk.deadend.DeadEnd;
import org.opensspr.kiosk.register.SecurityInfoScreen.Mode;
import org.opensspr.kiosk.wizard.StepOutcome;
import org.opensspr.kiosk.wizard.WizardDriver;
import org.opensspr.kiosk.wizard.WizardScreen;
import org.opensspr.methods.AuthMethod.Registration;
import org.opensspr.methods.PhoneDelivery;
import org.opensspr.ui.tasks.Background;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The security-info wizard (issue 12): after a sign-in that asks to register, confirm or reconfirm, or when
 * the person opens Security info. The server keeps the state and decides; this model asks it, and from its
 * answer ({@link SecurityInfoDto}) chooses the next screen: each method's set-up, the proof of a registered
 * method before a change when the server wants one, "You're all set". One model per appearance; the session
 * belongs to the kiosk's shell. Used on the FX thread only.
 */
public final class SecurityInfoModel implements WizardDriver {

    /** Where the person goes from here. */
    public interface Exit {
        /** On to the signed-in screen (the session stays open if it still is: Security info can be opened again). */
        void signedIn();

        /** The session is over: back to the sign-in screen, with this message. */
        void signInAgain(String messageKey);
    }

    private final OpenSsprClient client;
    private final Background background;
    private final SecuritySession session;
    private final Mode mode;
    private final Supplier<HelpdeskContactDto> helpdesk;
    private final Exit exit;

    private final ReadOnlyObjectWrapper<WizardScreen> screen = new ReadOnlyObjectWrapper<>(this, "screen");
    private final ReadOnlyBooleanWrapper working = new ReadOnlyBooleanWrapper(this, "working");
    private final ReadOnlyStringWrapper messageKey = new ReadOnlyStringWrapper(this, "messageKey", "");
    private final ReadOnlyObjectWrapper<Object[]> messageArgs = new ReadOnlyObjectWrapper<>(this, "messageArgs",
            new Object[0]);
    private final ReadOnlyBooleanWrapper messageIsError = new ReadOnlyBooleanWrapper(this, "messageIsError");
    private final ReadOnlyBooleanWrapper backAvailable = new ReadOnlyBooleanWrapper(this, "backAvailable");
    private final ReadOnlyObjectWrapper<List<ApiError.FieldError>> serverErrors =
            new ReadOnlyObjectWrapper<>(this, "serverErrors", List.of());

    private SecurityInfoDto info;
    /** The prompt or the Security info page: where Back from a method's steps comes home to. */
    private SecurityInfoScreen base;
    /** What runs once a registered method has been proven again. */
    private SecurityInfoAction pending;
    private boolean closed;

    public SecurityInfoModel(OpenSsprClient client, Background background, SecuritySession session, Mode mode,
                             Supplier<HelpdeskContactDto> helpdesk, Exit exit) {
        this.client = client;
        this.background = background;
        this.session = session;
        this.mode = mode;
        this.helpdesk = helpdesk;
        this.exit = exit;
        screen.addListener((o, old, now) -> backAvailable.set(now instanceof SecurityInfoScreen s && hasBack(s)));
    }

    /** Reads the security info and shows the prompt (asked at sign-in) or the Security info page. */
    public void begin() {
        call(() -> client.securityInfo(session.id()), fresh -> {
            info = fresh;
            base = mode == Mode.ASKED_AT_SIGN_IN ? new SecurityInfoScreen.Prompt(mode, fresh)
                    : new SecurityInfoScreen.Overview(mode, fresh);
            show(base);
        });
    }

    @Override
    public void perform(StepOutcome outcome) {
        if (working.get() || closed) {
            return;
        }
        switch (outcome) {
            case StepOutcome.Invalid invalid -> say(invalid.messageKey(), true);
            case StepOutcome.Leave leave -> finish();
            case SecurityInfoAction action -> act(action);
            case StepOutcome.Action other -> throw new IllegalStateException("Not a security-info action: " + other);
            case StepOutcome.Call call -> throw new IllegalStateException("Not a reset flow");
            case StepOutcome.Start start -> throw new IllegalStateException("Not a reset flow");
        }
    }

    private void act(SecurityInfoAction action) {
        String id = session.id();
        switch (action) {
            case SecurityInfoAction.Begin begin -> show(new SecurityInfoScreen.ChooseMethod(mode, info));
            case SecurityInfoAction.OpenOverview open -> {
                base = new SecurityInfoScreen.Overview(mode, info);
                show(base);
            }
            case SecurityInfoAction.ChooseMethod choose -> show(new SecurityInfoScreen.ChooseMethod(mode, info));
            case SecurityInfoAction.Add add -> guarded(add, () -> startAdding(add.kind()));
            case SecurityInfoAction.ProveWith prove -> {
                boolean again = screen.get() instanceof SecurityInfoScreen.Prove shown && shown.kind() == prove.kind();
                call(() -> client.startSecurityInfoProof(id, prove.kind(), prove.delivery()), challenge -> {
                    show(new SecurityInfoScreen.Prove(mode, info, prove.kind(), challenge));
                    if (again && prove.kind() != Registration.SECURITY_QUESTIONS) {
                        say(challenge.delivery() == PhoneDelivery.CALL ? "notice.CODE_SENT_AGAIN.call"
                                : "notice.CODE_SENT_AGAIN", false);
                    }
                });
            }
            case SecurityInfoAction.SubmitProof proof -> call(() -> client.proveSecurityInfo(
                    new SecurityInfoProofRequest(id, proof.kind(), proof.code(), proof.answers())), fresh -> {
                        info = fresh;
                        SecurityInfoAction next = pending;
                        pending = null;
                        if (next != null) {
                            act(next);
                        } else {
                            show(home());
                        }
                    });
            case SecurityInfoAction.VerifyAuthenticator verify ->
                    call(() -> client.verifyAuthenticator(id, verify.code()), this::added);
            case SecurityInfoAction.SendEmailCode send -> {
                boolean again = screen.get() instanceof SecurityInfoScreen.EmailCode;
                call(() -> client.startEmailRegistration(id, send.address()), challenge -> {
                    show(new SecurityInfoScreen.EmailCode(mode, info, send.address(), challenge));
                    if (again) {
                        say("notice.CODE_SENT_AGAIN", false);
                    }
                });
            }
            case SecurityInfoAction.VerifyEmail verify ->
                    call(() -> client.verifyEmailRegistration(id, verify.code()), this::added);
            case SecurityInfoAction.SendPhoneCode send -> {
                boolean again = screen.get() instanceof SecurityInfoScreen.PhoneCode;
                PhoneEntry entry = send.entry();
                serverErrors.set(List.of());
                call(() -> client.startPhoneRegistration(new PhoneRegistrationRequest(id, entry.kind(), entry.number(),
                        entry.extensionOrNull(), entry.delivery())), challenge -> {
                            show(new SecurityInfoScreen.PhoneCode(mode, info, entry, challenge));
                            if (again) {
                                say(entry.delivery() == PhoneDelivery.CALL ? "notice.CODE_SENT_AGAIN.call"
                                        : "notice.CODE_SENT_AGAIN", false);
                            }
                        });
            }
            case SecurityInfoAction.VerifyPhone verify ->
                    call(() -> client.verifyPhoneRegistration(id, verify.code()), this::added);
            case SecurityInfoAction.SubmitAnswers answers -> {
                serverErrors.set(List.of());
                call(() -> client.registerSecurityAnswers(new SecurityAnswersRequest(id, answers.answers())),
                        this::added);
            }
            case SecurityInfoAction.AskDelete ask -> info.registered().stream()
                    .filter(item -> item.kind() == ask.kind()).findFirst()
                    .ifPresent(item -> show(new SecurityInfoScreen.Delete(mode, info, item)));
            case SecurityInfoAction.Delete delete -> guarded(delete, () ->
                    call(() -> client.deleteSecurityInfo(id, delete.kind()), fresh -> {
                        info = fresh;
                        base = new SecurityInfoScreen.Overview(mode, fresh);
                        show(base);
                        say("secinfo.deleted", false);
                    }));
            case SecurityInfoAction.Confirm confirm -> guarded(confirm, () ->
                    call(() -> client.confirmSecurityInfo(id), fresh -> {
                        info = fresh;
                        show(new SecurityInfoScreen.Done(mode, fresh));
                    }));
            case SecurityInfoAction.Finish finish -> finish();
        }
    }

    /** Runs {@code action} now, or first asks for a registered method to be proven again when the server wants it. */
    private void guarded(SecurityInfoAction action, Runnable run) {
        if (!info.proofRequired()) {
            run.run();
            return;
        }
        pending = action;
        List<Registration> provable = Kinds.provable(info);
        if (provable.size() == 1) {
            act(new SecurityInfoAction.ProveWith(provable.getFirst()));
        } else {
            show(new SecurityInfoScreen.ChooseProof(mode, info));
        }
    }

    private void startAdding(Registration kind) {
        String id = session.id();
        switch (kind) {
            case AUTHENTICATOR_APP -> call(() -> client.startAuthenticator(id),
                    setup -> show(new SecurityInfoScreen.Authenticator(mode, info, setup)));
            case EMAIL -> show(new SecurityInfoScreen.EmailAddress(mode, info, ""));
            case SECURITY_QUESTIONS -> call(() -> client.securityQuestionsCatalog(id), catalog -> {
                serverErrors.set(List.of());
                show(new SecurityInfoScreen.Questions(mode, info, catalog, serverErrors.getReadOnlyProperty()));
            });
            case MOBILE_PHONE, OFFICE_PHONE -> {
                serverErrors.set(List.of());
                show(new SecurityInfoScreen.PhoneNumber(mode, info, PhoneEntry.empty(kind),
                        serverErrors.getReadOnlyProperty()));
            }
        }
    }

    /** A method was registered: on to the next one while registering, else home with the news. */
    private void added(SecurityInfoDto fresh) {
        info = fresh;
        if (base instanceof SecurityInfoScreen.Overview) {
            base = new SecurityInfoScreen.Overview(mode, fresh);
            show(base);
        } else if (fresh.complete()) {
            show(new SecurityInfoScreen.Done(mode, fresh));
        } else {
            show(new SecurityInfoScreen.ChooseMethod(mode, fresh));
        }
        say("secinfo.saved", false);
    }

    /**
     * Next at the end, or Close: the page opened from the prompt returns to it (or to "You're all set" once
     * nothing is asked any more); leaving while sign-in still asks is "ask me later"; otherwise signed in.
     */
    private void finish() {
        if (screen.get() instanceof SecurityInfoScreen.Stopped) {
            leave();
        } else if (screen.get() instanceof SecurityInfoScreen.Overview && mode == Mode.ASKED_AT_SIGN_IN) {
            base = info.prompt() == SignInPrompt.NONE ? null : new SecurityInfoScreen.Prompt(mode, info);
            show(base != null ? base : new SecurityInfoScreen.Done(mode, info));
        } else if (mode == Mode.ASKED_AT_SIGN_IN && info != null && info.prompt() != SignInPrompt.NONE) {
            skip();
        } else {
            leave();
        }
    }

    /** "Ask me later": the server notes it and ends the session; the person is signed in all the same. */
    private void skip() {
        if (working.get() || closed) {
            return;
        }
        working.set(true);
        String id = session.id();
        background.run(() -> {
            client.skipSecurityInfo(id);
            return null;
        }, done -> {
            working.set(false);
            session.ended();
            leave();
        }, failure -> {
            working.set(false);
            session.end(); // the next sign-in asks again whatever happened here
            leave();
        });
    }

    private void leave() {
        if (closed) {
            return;
        }
        closed = true;
        exit.signedIn();
    }

    @Override
    public void back() {
        if (!backAvailable.get() || working.get() || closed) {
            return;
        }
        pending = null;
        say("", false);
        SecurityInfoScreen now = (SecurityInfoScreen) screen.get();
        if (now instanceof SecurityInfoScreen.Overview) {
            base = new SecurityInfoScreen.Prompt(mode, info);
            show(base);
        } else if (now instanceof SecurityInfoScreen.EmailCode code) {
            show(new SecurityInfoScreen.EmailAddress(mode, info, code.address()));
        } else if (now instanceof SecurityInfoScreen.PhoneCode code) {
            serverErrors.set(List.of());
            show(new SecurityInfoScreen.PhoneNumber(mode, info, code.entry(), serverErrors.getReadOnlyProperty()));
        } else if (isMethodSetUp(now) && base instanceof SecurityInfoScreen.Prompt) {
            show(new SecurityInfoScreen.ChooseMethod(mode, info));
        } else {
            show(home());
        }
    }

    @Override
    public void cancel() {
        if (working.get() || closed) {
            return;
        }
        if (mode == Mode.ASKED_AT_SIGN_IN) {
            skip();
        } else {
            leave();
        }
    }

    /** The person left (signed out, idle time): no answer that comes later changes the screen. */
    public void close() {
        closed = true;
    }

    private SecurityInfoScreen home() {
        return base instanceof SecurityInfoScreen.Overview ? new SecurityInfoScreen.Overview(mode, info)
                : new SecurityInfoScreen.Prompt(mode, info);
    }

    private boolean hasBack(SecurityInfoScreen shown) {
        return switch (shown) {
            case SecurityInfoScreen.Prompt p -> false;
            case SecurityInfoScreen.Done d -> false;
            case SecurityInfoScreen.Stopped s -> false;
            case SecurityInfoScreen.Overview o -> mode == Mode.ASKED_AT_SIGN_IN;
            default -> true;
        };
    }

    private static boolean isMethodSetUp(SecurityInfoScreen shown) {
        return shown instanceof SecurityInfoScreen.Authenticator || shown instanceof SecurityInfoScreen.EmailAddress
                || shown instanceof SecurityInfoScreen.Questions || shown instanceof SecurityInfoScreen.PhoneNumber;
    }

    private <T> void call(Callable<T> work, Consumer<T> done) {
        if (working.get() || closed) {
            return;
        }
        working.set(true);
        say("", false);
        background.run(work, result -> {
            working.set(false);
            if (!closed) {
                done.accept(result);
            }
        }, this::fail);
    }

    private void fail(Exception failure) {
        working.set(false);
        if (closed) {
            return;
        }
        if (failure instanceof OpenSsprApiException api && api.code() == ErrorCode.CODE_INVALID
                && screen.get() instanceof SecurityInfoScreen.Prove prove && prove.kind() == Registration.SECURITY_QUESTIONS) {
            // Wrong answers draw new questions, as in the reset flow.
            call(() -> client.startSecurityInfoProof(session.id(), prove.kind()), challenge -> {
                show(new SecurityInfoScreen.Prove(mode, info, prove.kind(), challenge));
                say("notice.WRONG_ANSWERS", true);
            });
            return;
        }
        switch (SecurityInfoFailures.of(failure)) {
            case SecurityInfoFailures.Outcome.Stay stay -> {
                if (failure instanceof OpenSsprApiException api && !api.fieldErrors().isEmpty()) {
                    serverErrors.set(api.fieldErrors()); // the questions or the phone number step shows them by field
                }
                say(stay.messageKey(), true, stay.args());
            }
            case SecurityInfoFailures.Outcome.SignInAgain again -> {
                session.ended();
                closed = true;
                exit.signInAgain("secinfo.sessionEnded");
            }
            case SecurityInfoFailures.Outcome.Stop stop -> {
                session.end();
                pending = null;
                show(new SecurityInfoScreen.Stopped(mode, new DeadEnd(stop.kind(), null, helpdesk.get())));
            }
        }
    }

    private void show(SecurityInfoScreen next) {
        say("", false);
        screen.set(next);
    }

    private void say(String key, boolean error, Object... args) {
        messageIsError.set(error);
        messageArgs.set(args);
        messageKey.set(key);
    }

    /** The registered item of {@code kind}, if any (the Delete screen names it). */
    RegisteredInfoDto registered(Registration kind) {
        return info.registered().stream().filter(item -> item.kind() == kind).findFirst().orElse(null);
    }

    public Mode mode() {
        return mode;
    }

    @Override
    public String headingKey() {
        return "secinfo.heading";
    }

    @Override
    public String cancelKey() {
        return mode == Mode.ASKED_AT_SIGN_IN ? "secinfo.askLater" : "secinfo.close";
    }

    @Override
    public ReadOnlyObjectProperty<WizardScreen> screenProperty() {
        return screen.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyBooleanProperty workingProperty() {
        return working.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyStringProperty messageKeyProperty() {
        return messageKey.getReadOnlyProperty();
    }

    @Override
    public ObservableValue<Object[]> messageArgsProperty() {
        return messageArgs.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyBooleanProperty messageIsErrorProperty() {
        return messageIsError.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyBooleanProperty backAvailableProperty() {
        return backAvailable.getReadOnlyProperty();
    }
}
