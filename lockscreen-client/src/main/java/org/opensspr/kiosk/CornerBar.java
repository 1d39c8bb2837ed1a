package org.opensspr.kiosk;

import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.MenuButton;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.shape.SVGPath;
import org.opensspr.kiosk.i18n.I18n;
import org.opensspr.ui.i18n.Language;

/**
 * The bottom-right corner, as on the Windows sign-in screen: the language (three letters, each language
 * listed in itself) and accessibility options (larger text, high contrast) for the person at the screen.
 */
final class CornerBar extends HBox {
    private final MenuButton language = new MenuButton();
    private final CheckMenuItem largerText = new CheckMenuItem();
    private final CheckMenuItem highContrast = new CheckMenuItem();

    CornerBar(I18n i18n, Parent styledRoot) {
        getStyleClass().add("corner-bar");
        setAlignment(Pos.BOTTOM_RIGHT);
        setPickOnBounds(false);
        setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE); // stay in the corner, don't cover the screen

        language.setId("languagePicker");
        language.getStyleClass().add("corner-button");
        language.accessibleTextProperty().bind(i18n.text("corner.language"));
        ToggleGroup languages = new ToggleGroup();
        for (Language each : Language.values()) {
            RadioMenuItem item = new RadioMenuItem(each.endonym());
            item.setId("language-" + each.name());
            item.setToggleGroup(languages);
            item.setSelected(each == i18n.language());
            item.setOnAction(e -> i18n.use(each));
            language.getItems().add(item);
        }
        i18n.languageProperty().addListener((o, old, now) -> {
            language.setText(now.shortName());
            languages.getToggles().forEach(t -> t.setSelected(((RadioMenuItem) t).getId().equals("language-" + now.name())));
        });
        language.setText(i18n.language().shortName());

        MenuButton access = new MenuButton();
        access.setGraphic(accessibilityIcon());
        access.setId("accessibilityMenu");
        access.getStyleClass().add("corner-button");
        access.accessibleTextProperty().bind(i18n.text("corner.accessibility"));
        largerText.setId("largerText");
        largerText.textProperty().bind(i18n.text("corner.largerText"));
        largerText.selectedProperty().addListener((o, was, on) -> toggle(styledRoot, "large-text", on));
        highContrast.setId("highContrast");
        highContrast.textProperty().bind(i18n.text("corner.highContrast"));
        highContrast.selectedProperty().addListener((o, was, on) -> toggle(styledRoot, "high-contrast", on));
        access.getItems().addAll(largerText, highContrast);

        getChildren().addAll(language, access);
    }

    /** A person in a circle, the usual accessibility sign (drawn, so no font needs the glyph). */
    private static SVGPath accessibilityIcon() {
        SVGPath icon = new SVGPath();
        icon.setContent("M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm0 1.8a8.2 8.2 0 1 1 0 16.4 8.2 8.2 0 0 1 0-16.4z"
                + "M12 5.2a1.6 1.6 0 1 1 0 3.2 1.6 1.6 0 0 1 0-3.2zM6.8 9.2l4 .8h2.4l4-.8.3 1.4-3.7.9v2.3l1.6 4.2"
                + "-1.4.5-1.6-4h-.8l-1.6 4-1.4-.5 1.6-4.2v-2.3l-3.7-.9z");
        icon.getStyleClass().add("corner-icon");
        return icon;
    }

    /** The next person starts with the usual text size and contrast. */
    void reset() {
        largerText.setSelected(false);
        highContrast.setSelected(false);
    }

    private static void toggle(Parent root, String styleClass, boolean on) {
        root.getStyleClass().remove(styleClass);
        if (on) {
            root.getStyleClass().add(styleClass);
        }
    }
}
