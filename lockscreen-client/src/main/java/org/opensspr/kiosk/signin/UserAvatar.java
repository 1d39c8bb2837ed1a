package org.opensspr.kiosk.signin;

import javafx.scene.layout.StackPane;
import javafx.scene.shape.Circle;
import javafx.scene.shape.SVGPath;

/** The round "other user" picture: a head and shoulders on a disc, like the sign-in screen's user tile. */
final class UserAvatar extends StackPane {
    UserAvatar(double radius) {
        Circle disc = new Circle(radius);
        disc.getStyleClass().add("avatar-disc");
        SVGPath person = new SVGPath();
        person.setContent("M12 12a5 5 0 1 0 0-10 5 5 0 0 0 0 10zm0 2c-5.3 0-9 2.7-9 6v2h18v-2c0-3.3-3.7-6-9-6z");
        person.getStyleClass().add("avatar-person");
        double scale = radius / 18.0;
        person.setScaleX(scale);
        person.setScaleY(scale);
        getChildren().addAll(disc, person);
        getStyleClass().add("avatar");
        setMinSize(radius * 2, radius * 2);
        setMaxSize(radius * 2, radius * 2);
    }
}
