package org.opensspr.kiosk.register;

import javafx.beans.property.ReadOnlyObjectProperty;
import org.opensspr.api.ApiError;
import org.opensspr.api.AuthenticatorSetupDto;
import org.opensspr.api.ChallengeDto;
import org.opensspr.api.RegisteredInfoDto;
import org.opensspr.api.SecurityInfoDto;
import org.opensspr.api.SecurityQuestionsCatalogDto;
import org.opensspr.kiosk.deadend.DeadEnd;
import org.opensspr.kiosk.wizard.WizardScreen;
import org.opensspr.methods.AuthMethod.Registration;

import java.util.List;

/**
 * The screens of the security-info wizard (issue 12). The server keeps the state ({@link SecurityInfoDto});
 * the kiosk decides which screen comes next from it ({@link SecurityInfoModel}). Each screen carries what its
 * view shows, and {@link #mode()} says whether sign-in asked or the person opened the page themselves.
 */
public sealed interface SecurityInfoScreen extends WizardScreen.Local {

    /** Why the wizard is on screen. */
    enum Mode {
        /** Sign-in asked (register, confirm, reconfirm): "Ask me later" is offered. */
        ASKED_AT_SIGN_IN,
        /** The person opened "Security info" from the signed-in screen. */
        OPENED
    }

    Mode mode();

    /** "More information required", or "Is your security info still current?" (confirm, reconfirm). */
    record Prompt(Mode mode, SecurityInfoDto info) implements SecurityInfoScreen {
    }

    /** The Security info page: what is registered, with add, change and delete. */
    record Overview(Mode mode, SecurityInfoDto info) implements SecurityInfoScreen {
    }

    /** Which method to add next. */
    record ChooseMethod(Mode mode, SecurityInfoDto info) implements SecurityInfoScreen {
    }

    /** Which registered method to prove again before a change. */
    record ChooseProof(Mode mode, SecurityInfoDto info) implements SecurityInfoScreen {
    }

    /** Proving a registered method again: its code, or answers to the drawn questions. */
    record Prove(Mode mode, SecurityInfoDto info, Registration kind, ChallengeDto challenge) implements SecurityInfoScreen {
    }

    /** A new Authenticator app: the QR code and the secret, then a code from the app. */
    record Authenticator(Mode mode, SecurityInfoDto info, AuthenticatorSetupDto setup) implements SecurityInfoScreen {
        @Override
        public String toString() {
            return "Authenticator[mode=" + mode + ", setup=" + setup + "]";
        }
    }

    /** A new alternate email: the address. */
    record EmailAddress(Mode mode, SecurityInfoDto info, String address) implements SecurityInfoScreen {
    }

    /** A new alternate email: the code sent to it, with "send a new code". */
    record EmailCode(Mode mode, SecurityInfoDto info, String address, ChallengeDto challenge)
            implements SecurityInfoScreen {
    }

    /**
     * A new mobile or office phone: the number, an office phone's extension, a mobile phone's text or call.
     *
     * @param serverErrors what the server refused of the last number sent, by field ({@code number}, {@code extension})
     */
    record PhoneNumber(Mode mode, SecurityInfoDto info, PhoneEntry typed,
                       ReadOnlyObjectProperty<List<ApiError.FieldError>> serverErrors) implements SecurityInfoScreen {
    }

    /** A new phone: the code texted to it or read out by a call, with "send a new code" or "call again". */
    record PhoneCode(Mode mode, SecurityInfoDto info, PhoneEntry entry, ChallengeDto challenge)
            implements SecurityInfoScreen {
    }

    /**
     * Security questions to choose and answer.
     *
     * @param serverErrors what the server refused of the last submission, by field ({@code answers[i].answer})
     */
    record Questions(Mode mode, SecurityInfoDto info, SecurityQuestionsCatalogDto catalog,
                     ReadOnlyObjectProperty<List<ApiError.FieldError>> serverErrors) implements SecurityInfoScreen {
    }

    /** "Delete this method?" */
    record Delete(Mode mode, SecurityInfoDto info, RegisteredInfoDto item) implements SecurityInfoScreen {
    }

    /** "You're all set": what is registered now. */
    record Done(Mode mode, SecurityInfoDto info) implements SecurityInfoScreen {
    }

    /** The security info can't be changed now (no server, a kiosk refused, something unexpected). */
    record Stopped(Mode mode, DeadEnd deadEnd) implements SecurityInfoScreen {
    }
}
