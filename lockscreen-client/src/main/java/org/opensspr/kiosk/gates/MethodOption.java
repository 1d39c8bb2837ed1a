package org.opensspr.kiosk.gates;

import org.opensspr.methods.AuthMethod;
import org.opensspr.methods.PhoneDelivery;

import java.util.ArrayList;
import java.util.List;

/**
 * One line of the method choice. The server offers methods; the kiosk offers a mobile phone twice (text or
 * call) so the person picks how the code travels in one choice, not two screens.
 *
 * @param delivery how a phone's code travels; null for the other methods (an office phone is always called)
 */
public record MethodOption(AuthMethod method, PhoneDelivery delivery) {

    /** The options for the methods the server offers, in its order. */
    public static List<MethodOption> of(List<AuthMethod> offered) {
        List<MethodOption> options = new ArrayList<>();
        for (AuthMethod method : offered) {
            switch (method) {
                case MOBILE_PHONE -> {
                    options.add(new MethodOption(method, PhoneDelivery.TEXT));
                    options.add(new MethodOption(method, PhoneDelivery.CALL));
                }
                case OFFICE_PHONE -> options.add(new MethodOption(method, PhoneDelivery.CALL));
                default -> options.add(new MethodOption(method, null));
            }
        }
        return options;
    }

    /** The control's id: method-EMAIL, method-MOBILE_PHONE-TEXT, … (an office phone has one way: method-OFFICE_PHONE). */
    public String id() {
        return method == AuthMethod.MOBILE_PHONE ? "method-" + method.name() + "-" + delivery.name() : "method-" + method.name();
    }

    /** The bundle key of its text. */
    public String textKey() {
        return method == AuthMethod.MOBILE_PHONE ? "method." + method.name() + "." + delivery.name() : "method." + method.name();
    }
}
