package org.opensspr.kiosk.register;

import org.opensspr.api.SecurityAnswersRequest;
import org.opensspr.kiosk.wizard.StepOutcome;
import org.opensspr.methods.AuthMethod.Registration;
import org.opensspr.methods.PhoneDelivery;

import java.util.List;
import java.util.Map;

/** What a security-info screen asks of {@link SecurityInfoModel}: Next's outcome, or a button's on the screen. */
public sealed interface SecurityInfoAction extends StepOutcome.Action {

    /** From "More information required" on: choose the first method to add. */
    record Begin() implements SecurityInfoAction {
    }

    /** Open the Security info page (from "Is your security info still current?"). */
    record OpenOverview() implements SecurityInfoAction {
    }

    /** Choose a method to add. */
    record ChooseMethod() implements SecurityInfoAction {
    }

    /** Add, or replace, one method (after proving a registered one again, when the server asks for it). */
    record Add(Registration kind) implements SecurityInfoAction {
    }

    /**
     * Prove this registered method again (the server sends its code, or draws its questions).
     *
     * @param delivery a mobile phone's code by text (null: the server's default, a text) or by a call
     */
    record ProveWith(Registration kind, PhoneDelivery delivery) implements SecurityInfoAction {
        ProveWith(Registration kind) {
            this(kind, null);
        }
    }

    /** The proof: a code, or answers by question id. */
    record SubmitProof(Registration kind, String code, Map<String, String> answers) implements SecurityInfoAction {
        @Override
        public String toString() {
            return "SubmitProof[kind=" + kind + ", hidden]";
        }
    }

    record VerifyAuthenticator(String code) implements SecurityInfoAction {
        @Override
        public String toString() {
            return "VerifyAuthenticator[hidden]";
        }
    }

    /** Send a code to this new address (again, for "send a new code"). */
    record SendEmailCode(String address) implements SecurityInfoAction {
        @Override
        public String toString() {
            return "SendEmailCode[hidden]";
        }
    }

    record VerifyEmail(String code) implements SecurityInfoAction {
        @Override
        public String toString() {
            return "VerifyEmail[hidden]";
        }
    }

    /** Text or call this new phone with a code (again, for "send a new code" or "call again"). */
    record SendPhoneCode(PhoneEntry entry) implements SecurityInfoAction {
    }

    record VerifyPhone(String code) implements SecurityInfoAction {
        @Override
        public String toString() {
            return "VerifyPhone[hidden]";
        }
    }

    record SubmitAnswers(List<SecurityAnswersRequest.Answer> answers) implements SecurityInfoAction {
        @Override
        public String toString() {
            return "SubmitAnswers[" + answers.size() + " hidden]";
        }
    }

    /** "Delete" on the Security info page: asks first. */
    record AskDelete(Registration kind) implements SecurityInfoAction {
    }

    /** Deletion confirmed. */
    record Delete(Registration kind) implements SecurityInfoAction {
    }

    /** "Looks good": the registered info is current. */
    record Confirm() implements SecurityInfoAction {
    }

    /** Done here: on to the signed-in screen. */
    record Finish() implements SecurityInfoAction {
    }
}
