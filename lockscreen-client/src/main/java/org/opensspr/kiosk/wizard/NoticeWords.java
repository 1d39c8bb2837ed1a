package org.opensspr.kiosk.wizard;

import org.opensspr.api.FlowResponse;
import org.opensspr.flow.FlowNotice;
import org.opensspr.flow.FlowStep;
import org.opensspr.methods.AuthMethod;
import org.opensspr.methods.PhoneDelivery;

import java.util.Set;

/** Which message a notice shows: "sent again" says what was sent (a code, a call, a notification). */
final class NoticeWords {
    /** What went well or is only news; every other notice is shown as an error. */
    private static final Set<String> NEWS = Set.of(FlowNotice.CODE_SENT_AGAIN.name(),
            FlowNotice.WAITING_FOR_APPROVAL.name());

    private NoticeWords() {
    }

    static String key(FlowResponse response) {
        String notice = response.notice();
        if (FlowNotice.CODE_SENT_AGAIN.name().equals(notice) && response.step() instanceof FlowStep.ProveIdentity step) {
            if (step.method() == AuthMethod.MOBILE_APP_NOTIFICATION) {
                return "notice.CODE_SENT_AGAIN.notification";
            }
            boolean called = step.method() == AuthMethod.OFFICE_PHONE || (response.challenge() != null
                    && response.challenge().delivery() == PhoneDelivery.CALL);
            if (called) {
                return "notice.CODE_SENT_AGAIN.call";
            }
        }
        return "notice." + notice;
    }

    static boolean isError(String notice) {
        return !NEWS.contains(notice);
    }
}
