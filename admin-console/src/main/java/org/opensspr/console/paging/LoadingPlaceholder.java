package org.opensspr.console.paging;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Label;

/**
 * What an empty list shows: "Loading…" until its first answer, then nothing — the status line beneath says
 * what came back (none, no match, a failure), so an empty list never claims to be loading still.
 */
public final class LoadingPlaceholder {
    private LoadingPlaceholder() {
    }

    /** {@code status} is the list's status line, empty until the first answer. */
    public static Label of(String loading, ObservableStringValue status) {
        Label label = new Label();
        label.getStyleClass().add("muted");
        label.textProperty().bind(Bindings.when(Bindings.isEmpty(status)).then(loading).otherwise(""));
        return label;
    }
}
