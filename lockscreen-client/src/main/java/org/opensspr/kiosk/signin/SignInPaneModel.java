package org.opensspr.kiosk.signin;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.opensspr.api.ErrorCode;
import org.opensspr.api.PassSignInRequest;
import org.opensspr.api.UserSignInRequest;
import org.opensspr.api.UserSignInResultDto;
import org.opensspr.client.OpenSsprApiException;
import org.opensspr.client.OpenSsprClient;
import org.opensspr.kiosk.branding.BrandingModel;
import org.opensspr.ui.tasks.Background;

import java.time.Instant;

/**
 * The sign-in screen's state: what was typed, what the last attempt said, and which ways out it offers.
 * "Reset password" appears after a wrong password, "Unlock" for a locked account when the policy
 * allows it; "Can't access your account?" is always there (in the view). Under "Sign-in options" the person
 * may sign in with a Temporary Access Pass instead of the password: the same field, answered the same way (a
 * wrong, expired or spent pass reads like a wrong password), and a pass that works opens their security info
 * to register. Used on the FX thread only.
 */
public final class SignInPaneModel {
    private final OpenSsprClient client;
    private final Background background;
    private final BrandingModel branding;
    private final SignInActions actions;
    private final StringProperty userName = new SimpleStringProperty(this, "userName", "");
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final ReadOnlyStringWrapper messageKey = new ReadOnlyStringWrapper(this, "messageKey", "");
    private final ReadOnlyBooleanWrapper resetOffered = new ReadOnlyBooleanWrapper(this, "resetOffered");
    private final ReadOnlyBooleanWrapper unlockOffered = new ReadOnlyBooleanWrapper(this, "unlockOffered");
    private final ReadOnlyObjectWrapper<Instant> lockedUntil = new ReadOnlyObjectWrapper<>(this, "lockedUntil");
    private final ReadOnlyBooleanWrapper working = new ReadOnlyBooleanWrapper(this, "working");
    private final ReadOnlyObjectWrapper<SignInMethod> method =
            new ReadOnlyObjectWrapper<>(this, "method", SignInMethod.PASSWORD);
    private final ReadOnlyBooleanWrapper optionsShown = new ReadOnlyBooleanWrapper(this, "optionsShown");
    private final java.util.function.Supplier<java.util.Locale> locale;

    /** @param locale the kiosk's language now: the security-info session shows its questions in it */
    public SignInPaneModel(OpenSsprClient client, Background background, BrandingModel branding, SignInActions actions,
                           java.util.function.Supplier<java.util.Locale> locale) {
        this.locale = locale;
        this.client = client;
        this.background = background;
        this.branding = branding;
        this.actions = actions;
    }

    public void signIn() {
        if (working.get()) {
            return;
        }
        String user = userName.get() == null ? "" : userName.get().strip();
        String typed = password.get() == null ? "" : password.get();
        SignInMethod using = method.get();
        if (user.isEmpty()) {
            say("signin.userNameRequired");
            return;
        }
        if (typed.isEmpty()) {
            say(using == SignInMethod.TEMPORARY_ACCESS_PASS ? "signin.passRequired" : "signin.passwordRequired");
            return;
        }
        working.set(true);
        String language = locale.get().toLanguageTag();
        background.run(() -> using == SignInMethod.TEMPORARY_ACCESS_PASS
                        ? client.signInUserWithPass(new PassSignInRequest(user, typed, language))
                        : client.signInUser(new UserSignInRequest(user, typed, language)),
                result -> answered(using, user, typed, result), this::failed);
    }

    private void answered(SignInMethod using, String user, String typed, UserSignInResultDto result) {
        working.set(false);
        switch (result.outcome()) {
            case SIGNED_IN -> {
                clear();
                actions.signedIn(result.displayName(), result.session(), result.securityInfo());
            }
            case MUST_CHANGE_PASSWORD -> {
                if (using == SignInMethod.TEMPORARY_ACCESS_PASS) { // a pass is never answered so; nothing to change
                    password.set("");
                    say("signin.error");
                    return;
                }
                clear();
                actions.mustChangePassword(user, typed);
            }
            case WRONG_PASSWORD -> {
                password.set("");
                resetOffered.set(result.resetAvailable());
                unlockOffered.set(false);
                lockedUntil.set(null);
                say(using == SignInMethod.TEMPORARY_ACCESS_PASS ? "signin.wrongPass" : "signin.wrongPassword");
            }
            case LOCKED -> locked(result.resetAvailable(), result.unlockAvailable(), result.retryAfter());
        }
    }

    private void locked(boolean reset, boolean unlock, Instant until) {
        password.set("");
        resetOffered.set(reset);
        unlockOffered.set(unlock && branding.current().unlockOffered());
        lockedUntil.set(until);
        say(until == null ? "signin.locked" : "signin.lockedUntil");
    }

    private void failed(Exception failure) {
        working.set(false);
        password.set("");
        if (failure instanceof OpenSsprApiException api && api.code() == ErrorCode.ACCOUNT_LOCKED) {
            locked(true, false, api.retryAfter().orElse(null));
        } else if (failure instanceof OpenSsprApiException api && api.code() == ErrorCode.INVALID_VALUE) {
            say("signin.userNameRequired");
        } else if (failure instanceof OpenSsprApiException api && api.code() == ErrorCode.BUSY) {
            say("wizard.error.busy");
        } else if (failure instanceof OpenSsprApiException) {
            say("signin.error");
        } else {
            say("signin.unreachable");
        }
    }

    /** "Sign-in options": shows the ways to sign in (password, Temporary Access Pass), or hides them again. */
    public void toggleOptions() {
        optionsShown.set(!optionsShown.get());
    }

    /**
     * Signs in with {@code next} from now on. A switch forgets what was typed in the field (a password is never
     * sent as a pass, nor the other way round) and the last attempt's message; the links it offered stay.
     */
    public void use(SignInMethod next) {
        if (next == null || next == method.get() || working.get()) {
            return;
        }
        method.set(next);
        password.set("");
        lockedUntil.set(null);
        say("");
    }

    public void resetPassword() {
        actions.resetPassword(userName.get());
    }

    public void unlockAccount() {
        actions.unlockAccount(userName.get());
    }

    public void cantAccessAccount() {
        actions.cantAccessAccount(userName.get());
    }

    /** Empties every field and forgets the last attempt; the next sign-in is with a password again. */
    public void clear() {
        userName.set("");
        password.set("");
        method.set(SignInMethod.PASSWORD);
        optionsShown.set(false);
        resetOffered.set(false);
        unlockOffered.set(false);
        lockedUntil.set(null);
        say("");
    }

    /** Shows a message that isn't about a sign-in attempt (the password was just changed, for one). */
    public void inform(String key) {
        say(key);
    }

    private void say(String key) {
        messageKey.set(key);
    }

    public StringProperty userNameProperty() {
        return userName;
    }

    /** What the field holds: the password, or the Temporary Access Pass (see {@link #methodProperty()}). */
    public StringProperty passwordProperty() {
        return password;
    }

    public ReadOnlyStringProperty messageKeyProperty() {
        return messageKey.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty resetOfferedProperty() {
        return resetOffered.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty unlockOfferedProperty() {
        return unlockOffered.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Instant> lockedUntilProperty() {
        return lockedUntil.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty workingProperty() {
        return working.getReadOnlyProperty();
    }

    /** Password or Temporary Access Pass: what the field takes and which sign-in it goes to. */
    public ReadOnlyObjectProperty<SignInMethod> methodProperty() {
        return method.getReadOnlyProperty();
    }

    /** Whether "Sign-in options" shows its choices. */
    public ReadOnlyBooleanProperty optionsShownProperty() {
        return optionsShown.getReadOnlyProperty();
    }
}
