package org.opensspr.kiosk.gates;

import javafx.scene.control.Hyperlink;
import javafx.scene.layout.Pane;
import org.opensspr.flow.FlowStep;
import org.opensspr.kiosk.wizard.StepContext;

/**
 * "Use another method" under a gate, when the choice offered more than one option: back to the choice
 * (the server ends the gate; its attempts still count).
 */
final class OtherMethod {
    private OtherMethod() {
    }

    static void addTo(Pane view, StepContext context) {
        if (offered(context)) {
            view.getChildren().add(link(context, "gates.otherMethod", "otherMethod"));
        }
    }

    /** Whether the last choice had another option (a mobile phone counts twice: text or call). */
    static boolean offered(StepContext context) {
        FlowStep.ChooseMethod choice = context.model().lastChoice();
        return choice != null && MethodOption.of(choice.options()).size() > 1;
    }

    /** A link back to the method choice, with its own words ("I can't use my app now"). */
    static Hyperlink link(StepContext context, String textKey, String id) {
        Hyperlink back = new Hyperlink();
        back.setId(id);
        back.textProperty().bind(context.i18n().text(textKey));
        back.setOnAction(e -> context.model().send((client, ticket) -> client.backToMethods(ticket)));
        return back;
    }
}
