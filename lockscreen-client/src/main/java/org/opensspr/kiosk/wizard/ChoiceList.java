package org.opensspr.kiosk.wizard;

import javafx.beans.value.ObservableValue;
import javafx.event.ActionEvent;
import javafx.scene.control.RadioButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One choice out of several, as radio buttons that the keyboard alone can work: Tab visits every option
 * (a JavaFX toggle group would let Tab skip past them), the arrow keys move up and down, and the option
 * with the focus is the one chosen — so Tab to it and Enter for Next is enough.
 *
 * @param <T> what each option stands for
 */
public final class ChoiceList<T> extends VBox {
    private final List<RadioButton> options = new ArrayList<>();
    private final List<T> values = new ArrayList<>();

    public ChoiceList() {
        getStyleClass().add("choice-list");
    }

    public RadioButton add(String id, ObservableValue<String> text, T value, boolean enabled) {
        RadioButton option = new Option();
        option.setId(id);
        option.textProperty().bind(text);
        option.setDisable(!enabled);
        option.setWrapText(true);
        option.selectedProperty().addListener((o, was, selected) -> {
            if (selected) {
                options.stream().filter(other -> other != option).forEach(other -> other.setSelected(false));
            }
        });
        option.focusedProperty().addListener((o, was, focused) -> {
            if (focused) {
                option.setSelected(true);
            }
        });
        option.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.DOWN || event.getCode() == KeyCode.UP) {
                move(option, event.getCode() == KeyCode.DOWN ? 1 : -1);
                event.consume();
            }
        });
        options.add(option);
        values.add(value);
        getChildren().add(option);
        if (enabled && selected().isEmpty()) {
            option.setSelected(true);
        }
        return option;
    }

    /** A radio button that a second click doesn't clear (there is no toggle group to keep one chosen). */
    private static final class Option extends RadioButton {
        @Override
        public void fire() {
            if (!isDisabled()) {
                setSelected(true);
                fireEvent(new ActionEvent());
            }
        }
    }

    private void move(RadioButton from, int step) {
        int index = options.indexOf(from);
        for (int i = index + step; i >= 0 && i < options.size(); i += step) {
            if (!options.get(i).isDisabled()) {
                options.get(i).requestFocus();
                return;
            }
        }
    }

    public Optional<T> selected() {
        for (int i = 0; i < options.size(); i++) {
            if (options.get(i).isSelected()) {
                return Optional.of(values.get(i));
            }
        }
        return Optional.empty();
    }

    /** The chosen option (to give it the focus when the step opens), if any. */
    public Optional<RadioButton> selectedOption() {
        return options.stream().filter(RadioButton::isSelected).findFirst();
    }
}
