package org.opensspr.console.users;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.opensspr.api.AdminPasswordResetDto;
import org.opensspr.api.AdminPasswordResetRequest;
import org.opensspr.api.ApiError;
import org.opensspr.api.AuditEventDto;
import org.opensspr.api.ContactUpdateRequest;
import org.opensspr.api.ErrorCode;
import org.opensspr.api.TemporaryAccessPassDto;
import org.opensspr.api.TemporaryAccessPassRequest;
import org.opensspr.api.UserDetailDto;
import org.opensspr.api.WhatIfDto;
import org.opensspr.client.OpenSsprApiException;
import org.opensspr.client.OpenSsprClient;
import org.opensspr.console.AdminRights;
import org.opensspr.console.CallFailures;
import org.opensspr.console.ConsoleContext;
import org.opensspr.directory.HelpdeskAction;
import org.opensspr.directory.HelpdeskRules;
import org.opensspr.directory.HelpdeskVerdict;
import org.opensspr.directory.Permission;
import org.opensspr.flow.FlowIntent;
import org.opensspr.methods.AuthMethod;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * One user as the helpdesk sees them: the account, its Temporary Access Pass, what the kiosk would answer them
 * (the what-if engine), recent audit events — and the helpdesk's actions, each judged by the domain's
 * {@link HelpdeskRules} first so the view can grey it out with the reason. The server judges again.
 */
public final class UserDetailModel {
    static final int EVENTS = 10;

    private final ConsoleContext context;
    private final OpenSsprClient client;
    private final AdminRights rights;
    private final String ownUserId;
    private Runnable changed = () -> { };
    private final ObjectProperty<UserDetailDto> user = new SimpleObjectProperty<>();
    private final ObjectProperty<TemporaryAccessPassDto> pass = new SimpleObjectProperty<>();
    private final ObjectProperty<WhatIfDto> eligibility = new SimpleObjectProperty<>();
    private final ObservableList<AuditEventDto> events = FXCollections.observableArrayList();
    private final StringProperty eventsNote = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private long request;

    /**
     * @param ownUserId the signed-in administrator's id (their own account is acted on through self-service)
     */
    public UserDetailModel(ConsoleContext context, OpenSsprClient client, AdminRights rights, String ownUserId) {
        this.context = context;
        this.client = client;
        this.rights = rights;
        this.ownUserId = ownUserId;
    }

    /** Told after an action changed the user, so the list shows it too. */
    public void onChanged(Runnable listener) {
        this.changed = listener;
    }

    /** Shows {@code userId} (null: nobody), reading the account, its pass, its eligibility and its events. */
    public void show(String userId) {
        long asked = ++request;
        user.set(null);
        pass.set(null);
        eligibility.set(null);
        events.clear();
        status.set("");
        if (userId == null) {
            return;
        }
        context.background().run(() -> client.user(userId), found -> {
            if (asked == request) {
                user.set(found);
                readAround(asked, found);
            }
        }, this::failed);
    }

    private void readAround(long asked, UserDetailDto found) {
        context.background().run(() -> passOf(found.id()), answer -> {
            if (asked == request) {
                pass.set(answer);
            }
        }, this::failed);
        context.background().run(() -> client.whatIf(found.userPrincipalName(), FlowIntent.RESET_PASSWORD), answer -> {
            if (asked == request) {
                eligibility.set(answer);
            }
        }, this::failed);
        if (!rights.may(Permission.READ_AUDIT)) {
            eventsNote.set(context.text("user.events.notAllowed"));
            return;
        }
        eventsNote.set("");
        context.background().run(() -> client.auditEventsAbout(found.userPrincipalName(), 0, EVENTS), page -> {
            if (asked == request) {
                events.setAll(page.items());
                eventsNote.set(page.items().isEmpty() ? context.text("user.events.none") : "");
            }
        }, this::failed);
    }

    private TemporaryAccessPassDto passOf(String userId) {
        try {
            return client.helpdesk().pass(userId);
        } catch (OpenSsprApiException e) {
            if (e.code() == ErrorCode.NOT_FOUND) {
                return null;
            }
            throw e;
        }
    }

    /** What the domain's table says of {@code action} on the shown user, before the server is asked. */
    public HelpdeskVerdict verdict(HelpdeskAction action) {
        UserDetailDto shown = user.get();
        if (shown == null) {
            return HelpdeskVerdict.ROLE_LACKS_PERMISSION;
        }
        return HelpdeskRules.judge(rights.roles(), Objects.equals(ownUserId, shown.id()),
                AdminRights.fromRoleNames(Set.copyOf(shown.roles())).roles(),
                shown.onPremisesProtected(), action);
    }

    /** Why {@code action} is greyed out, or "" when it isn't. */
    public String reason(HelpdeskAction action) {
        HelpdeskVerdict verdict = verdict(action);
        return verdict.allowed() ? "" : context.text("helpdesk.verdict." + verdict.name(),
                context.text("helpdesk.action." + action.name()));
    }

    // ---- actions: each asks the server, then reads the user again -------------------------------------------

    public void resetPassword(AdminPasswordResetRequest reset, Consumer<AdminPasswordResetDto> shown) {
        act(() -> client.helpdesk().resetPassword(id(), reset), shown, "user.done.reset");
    }

    public void unlock() {
        act(() -> client.helpdesk().unlock(id()), done -> { }, "user.done.unlock");
    }

    public void issuePass(TemporaryAccessPassRequest issue, Consumer<TemporaryAccessPassDto> shown) {
        act(() -> client.helpdesk().issuePass(id(), issue), shown, "user.done.pass");
    }

    public void revokePass() {
        act(() -> {
            client.helpdesk().revokePass(id());
            return Boolean.TRUE;
        }, done -> { }, "user.done.revoke");
    }

    public void requireReregistration() {
        act(() -> client.helpdesk().requireReregistration(id()), done -> { }, "user.done.reregistration");
    }

    public void deleteMethod(AuthMethod.Registration kind) {
        act(() -> client.helpdesk().deleteMethod(id(), kind), done -> { }, "user.done.delete");
    }

    /**
     * Pre-fills contact data; {@code saved} runs once the server took it, {@code refused} hears the fields it
     * refused (by API name, with the reason) so a dialog can keep what was typed and point at the mistake.
     */
    public void prefillContact(ContactUpdateRequest contact, Runnable saved,
                               Consumer<List<ApiError.FieldError>> refused) {
        act(() -> client.helpdesk().prefillContact(id(), contact), done -> saved.run(), "user.done.contact", failure -> {
            if (failure instanceof OpenSsprApiException e && e.code() == ErrorCode.VALIDATION_FAILED
                    && !e.fieldErrors().isEmpty()) {
                status.set("");
                refused.accept(e.fieldErrors());
            } else {
                failed(failure);
                refused.accept(List.of());
            }
        });
    }

    private <T> void act(Callable<T> call, Consumer<T> shown, String doneKey) {
        act(call, shown, doneKey, this::failed);
    }

    private <T> void act(Callable<T> call, Consumer<T> shown, String doneKey, Consumer<Exception> failedHere) {
        String userId = id();
        long asked = request;
        status.set(context.text("user.working"));
        context.background().run(call, result -> {
            shown.accept(result);
            changed.run();
            if (asked == request) {
                String name = user.get() == null ? "" : user.get().userPrincipalName();
                show(userId);
                status.set(context.text(doneKey, name));
            }
        }, failure -> {
            if (asked == request) {
                failedHere.accept(failure);
            }
        });
    }

    private String id() {
        return Objects.requireNonNull(user.get(), "no user shown").id();
    }

    private void failed(Exception failure) {
        status.set(context.text("user.failed", CallFailures.describe(context, failure)));
    }

    public ObjectProperty<UserDetailDto> userProperty() {
        return user;
    }

    public ObjectProperty<TemporaryAccessPassDto> passProperty() {
        return pass;
    }

    public ObjectProperty<WhatIfDto> eligibilityProperty() {
        return eligibility;
    }

    public ObservableList<AuditEventDto> events() {
        return events;
    }

    public StringProperty eventsNoteProperty() {
        return eventsNote;
    }

    public StringProperty statusProperty() {
        return status;
    }
}
