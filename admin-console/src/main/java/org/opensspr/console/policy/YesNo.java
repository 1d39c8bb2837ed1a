package org.opensspr.console.policy;

import javafx.beans.property.BooleanProperty;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.opensspr.console.ConsoleContext;

/** A labelled Yes / No choice bound to a boolean, as Entra's panes ask their questions. */
public final class YesNo extends VBox {
    private final RadioButton yes;
    private final RadioButton no;

    public YesNo(ConsoleContext context, BooleanProperty value, String questionKey) {
        super(6);
        String question = context.text(questionKey);
        Label label = new Label(question);
        label.setWrapText(true);
        ToggleGroup group = new ToggleGroup();
        yes = new RadioButton(context.text("common.yes"));
        no = new RadioButton(context.text("common.no"));
        yes.setAccessibleText(question + " " + context.text("common.yes"));
        no.setAccessibleText(question + " " + context.text("common.no"));
        yes.setToggleGroup(group);
        no.setToggleGroup(group);
        String id = questionKey.replace('.', '-');
        yes.setId(id + "-yes");
        no.setId(id + "-no");
        Runnable show = () -> group.selectToggle(value.get() ? yes : no);
        show.run();
        value.addListener((o, was, now) -> show.run());
        group.selectedToggleProperty().addListener((o, was, now) -> {
            if (now != null) {
                value.set(now == yes);
            }
        });
        getChildren().addAll(label, new HBox(16, yes, no));
    }
}
