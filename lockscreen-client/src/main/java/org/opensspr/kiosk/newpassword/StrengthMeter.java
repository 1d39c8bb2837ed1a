package org.opensspr.kiosk.newpassword;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableIntegerValue;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import org.opensspr.kiosk.i18n.I18n;

/** Four bars and a word (weak … very strong) from zxcvbn's estimate; advice only, the rules decide. */
final class StrengthMeter extends HBox {
    private static final int BARS = 4;
    private final Region[] bars = new Region[BARS];

    StrengthMeter(I18n i18n, ObservableIntegerValue score) {
        getStyleClass().add("strength-meter");
        setAlignment(Pos.CENTER_LEFT);
        HBox barBox = new HBox();
        barBox.getStyleClass().add("strength-bars");
        for (int i = 0; i < BARS; i++) {
            bars[i] = new Region();
            bars[i].getStyleClass().add("strength-bar");
            barBox.getChildren().add(bars[i]);
        }
        Label word = new Label();
        word.setId("passwordStrength");
        word.textProperty().bind(Bindings.createStringBinding(() -> score.get() < 0 ? i18n.get("strength.none")
                : i18n.get("strength.label", i18n.get("strength." + score.get())), score, i18n.languageProperty()));
        getChildren().addAll(barBox, word);
        score.addListener((o, was, now) -> paint(now.intValue()));
        paint(score.get());
    }

    /** Score 0 lights one bar (weak), 4 lights all four; nothing typed lights none. */
    private void paint(int score) {
        int lit = score < 0 ? 0 : Math.max(1, score);
        for (int i = 0; i < BARS; i++) {
            bars[i].getStyleClass().removeAll("lit", "weak", "fair", "strong");
            if (i < lit) {
                bars[i].getStyleClass().addAll("lit", score <= 1 ? "weak" : score == 2 ? "fair" : "strong");
            }
        }
    }
}
