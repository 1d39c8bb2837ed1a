package org.opensspr.console.whatif;

import org.opensspr.api.HelpdeskContactDto;
import org.opensspr.api.WhatIfDto;
import org.opensspr.console.ConsoleContext;
import org.opensspr.flow.FlowIntent;
import org.opensspr.flow.FlowStep;
import org.opensspr.methods.AuthMethod;
import org.opensspr.policy.SsprPolicy;
import org.opensspr.ui.deadend.DeadEndWords;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The what-if answer in words: can they, why (the internal reason, for administrators only), how many
 * gates, which methods, and for a dead end the very message the kiosk shows with its helpdesk contact.
 *
 * @param kioskTitle   the kiosk's heading for a dead end, else empty
 * @param kioskMessage the kiosk's text under it, else empty
 * @param helpdesk     the contact the kiosk offers with a dead end, else empty
 */
public record WhatIfSummary(boolean eligible, String verdict, String reason, String gates, String methods,
                            String next, String kioskTitle, String kioskMessage, String helpdesk) {

    /** {@code who} names the user; {@code policy} is the policy in force (for the helpdesk contact and unlock rule). */
    public static WhatIfSummary of(ConsoleContext context, WhatIfDto answer, FlowIntent intent, String who,
                                   SsprPolicy policy) {
        String action = context.text(intent == FlowIntent.UNLOCK_ACCOUNT ? "whatif.action.unlock" : "whatif.action.reset");
        String reason = context.text("whatif.reason." + (answer.reason() == null ? "ELIGIBLE" : answer.reason()));
        return switch (answer.firstStep()) {
            case FlowStep.DeadEnd dead -> new WhatIfSummary(false, context.text("whatif.verdict.no", who, action), reason,
                    context.text("whatif.gates.none"), context.text("whatif.methods.none"), "",
                    context.text(DeadEndWords.messageKey(dead.reason()) + ".title"),
                    context.text(DeadEndWords.messageKey(dead.reason()) + ".text"), helpdesk(context, policy));
            case FlowStep.ChooseMethod choose -> eligible(context, who, action, reason, choose.gatesRequired(),
                    choose.gate(), choose.options(), intent, policy);
            case FlowStep.ProveIdentity prove -> eligible(context, who, action, reason, prove.gatesRequired(),
                    prove.gate(), List.of(prove.method()), intent, policy);
            case FlowStep other -> new WhatIfSummary(true, context.text("whatif.verdict.yes", who, action), reason,
                    "", "", context.text("whatif.next.other", other.getClass().getSimpleName()), "", "", "");
        };
    }

    private static WhatIfSummary eligible(ConsoleContext context, String who, String action, String reason, int gates,
                                          int gate, List<AuthMethod> offered, FlowIntent intent, SsprPolicy policy) {
        String methods = offered.stream().map(m -> context.text("method." + m.name())).collect(Collectors.joining(", "));
        String after = intent == FlowIntent.UNLOCK_ACCOUNT && policy.onPremises().unlockWithoutReset()
                ? context.text("whatif.next.unlock") : context.text("whatif.next.reset");
        return new WhatIfSummary(true, context.text("whatif.verdict.yes", who, action), reason,
                context.text("whatif.gates", gates), context.text("whatif.methods", gate, methods), after, "", "", "");
    }

    /** Whom the kiosk names at a dead end, from the same rule and texts the kiosk uses. */
    static String helpdesk(ConsoleContext context, SsprPolicy policy) {
        DeadEndWords.Wording wording = DeadEndWords.helpdesk(HelpdeskContactDto.of(policy.customization()));
        return context.text(wording.key(), wording.args());
    }
}
