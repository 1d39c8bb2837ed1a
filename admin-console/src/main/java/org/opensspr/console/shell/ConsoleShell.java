package org.opensspr.console.shell;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.opensspr.console.ConsoleContext;
import org.opensspr.console.ConsoleSession;
import org.opensspr.console.impact.ImpactDialog;
import org.opensspr.console.policy.PolicyEditor;
import org.opensspr.console.policy.PolicyPaneModel;
import org.opensspr.console.policy.PolicySaver;
import org.opensspr.directory.Permission;
import org.opensspr.ui.i18n.Language;
import org.opensspr.ui.theme.ThemeMode;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** The signed-in console: header, navigation on the left, the selected view, and the save bar. */
public final class ConsoleShell extends BorderPane {
    private final ListView<NavEntry> navigation = new ListView<>();
    private final StackPane center = new StackPane();
    private final Map<String, Node> built = new HashMap<>();
    private final PolicyEditor editor;
    private final PolicySaver saver;

    public ConsoleShell(ConsoleContext context, ConsoleSession session, ConsolePanes panes, Runnable onSignOut) {
        this.editor = panes.editor();
        this.saver = panes.saver();
        getStyleClass().add("console-shell");
        setTop(header(context, session, onSignOut));

        navigation.setId("navigation");
        navigation.setAccessibleText(context.text("nav.title"));
        navigation.getItems().setAll(panes.entries());
        navigation.setCellFactory(list -> new NavCell(context));
        navigation.setPrefWidth(270); // the longest Spanish entries fit without a horizontal scroll bar
        navigation.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null && !now.selectable()) {
                navigation.getSelectionModel().select(was); // headers and later features can't be opened
            } else if (now != null) {
                show(now);
            }
        });
        setLeft(navigation);
        setCenter(center);
        center.setPadding(new Insets(8, 24, 8, 24));

        boolean mayEdit = session.rights().may(Permission.MANAGE_POLICY);
        SaveBar bar = new SaveBar(context, saver, editor.dirtyBinding(), mayEdit);
        bar.setPadding(new Insets(10, 16, 10, 16));
        setBottom(bar);
        saver.onInvalid(this::showPane);
        saver.checkImpactWith(session.client()::policyImpact, ImpactDialog::affectsNobody, (impact, go) -> {
            ImpactDialog dialog = new ImpactDialog(context, impact, getScene().getWindow());
            dialog.setOnHidden(e -> {
                if (ImpactDialog.SAVE.equals(dialog.getResult())) {
                    go.run();
                } else {
                    saver.cancelled();
                }
            });
            dialog.show(); // not showAndWait: the call that fetched the impact must finish first
        });
        editor.panes().forEach(p -> p.dirtyProperty().addListener((o, was, now) -> navigation.refresh()));
        editor.panes().forEach(p -> p.problems().addListener((javafx.collections.MapChangeListener<String, String>) c -> navigation.refresh()));

        sceneProperty().addListener((o, was, scene) -> {
            if (scene != null && mayEdit) {
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN), saver::save);
            }
        });
        navigation.getItems().stream().filter(NavEntry::selectable).findFirst()
                .ifPresent(first -> navigation.getSelectionModel().select(first));
        saver.load();
    }

    private Node header(ConsoleContext context, ConsoleSession session, Runnable onSignOut) {
        Label title = new Label(context.text("app.title"));
        title.getStyleClass().add("app-title");
        Label server = new Label(session.serverUrl());
        server.getStyleClass().add("muted");
        Label admin = new Label(session.session().adminName());
        admin.setId("adminName");
        Label roles = new Label(session.rights().roles().stream().map(r -> context.text("role." + r.name()))
                .sorted().collect(java.util.stream.Collectors.joining(", ")));
        roles.setId("adminRoles");
        roles.getStyleClass().add("muted");
        VBox who = new VBox(2, admin, roles);
        who.setAlignment(Pos.CENTER_RIGHT);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button theme = new Button();
        theme.setId("themeToggle");
        Runnable themeText = () -> theme.setText(context.text(context.themeProperty().get() == ThemeMode.LIGHT
                ? "theme.toDark" : "theme.toLight"));
        themeText.run();
        context.themeProperty().addListener((o, was, now) -> themeText.run());
        theme.setOnAction(e -> context.themeProperty().set(context.themeProperty().get().other()));
        Label languageNote = new Label();
        languageNote.setId("languageNote");
        languageNote.getStyleClass().add("muted");
        MenuButton language = languagePicker(context, languageNote);
        Button signOut = new Button(context.text("signout.button"));
        signOut.setId("signOutButton");
        signOut.setOnAction(e -> onSignOut.run());
        HBox bar = new HBox(14, new VBox(2, title, server), spacer, who, languageNote, language, theme, signOut);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(10, 16, 10, 16));
        bar.getStyleClass().add("header-bar");
        return bar;
    }

    /**
     * The console's language next to the theme: the system's, or one chosen. The views read their texts when
     * built, so a choice is remembered for the next start and {@code note} says a restart shows it.
     */
    private static MenuButton languagePicker(ConsoleContext context, Label note) {
        MenuButton picker = new MenuButton(context.language().endonym());
        picker.setId("languagePicker");
        picker.setAccessibleText(context.text("language.label"));
        picker.setTooltip(new Tooltip(context.text("language.label")));
        MenuItem hint = new MenuItem(context.text("language.hint"));
        hint.setDisable(true);
        picker.getItems().addAll(hint, new SeparatorMenuItem());
        ToggleGroup choices = new ToggleGroup();
        Runnable showNote = () -> {
            boolean restart = context.languageChangesAtRestart();
            note.setText(restart ? context.text("language.restart", context.languageAtNextStart().endonym()) : "");
            note.setVisible(restart);
            note.setManaged(restart);
        };
        List<Optional<Language>> options = Stream.concat(Stream.of(Optional.<Language>empty()),
                Arrays.stream(Language.values()).map(Optional::of)).toList();
        for (Optional<Language> option : options) {
            RadioMenuItem item = new RadioMenuItem(option.map(Language::endonym)
                    .orElseGet(() -> context.text("language.system", context.systemLanguage().endonym())));
            item.setId("language-" + option.map(Language::name).orElse("SYSTEM"));
            item.setToggleGroup(choices);
            item.setSelected(option.equals(context.languageChoiceProperty().get()));
            item.setOnAction(e -> {
                context.languageChoiceProperty().set(option);
                showNote.run();
            });
            picker.getItems().add(item);
        }
        showNote.run();
        return picker;
    }

    private void show(NavEntry entry) {
        Node view = built.computeIfAbsent(entry.key(), key -> entry.view().get());
        center.getChildren().setAll(view);
    }

    /** Opens the pane of {@code model} (e.g. the first one with a problem). */
    public void showPane(PolicyPaneModel model) {
        navigation.getItems().stream().filter(e -> e.policyPane() == model).findFirst()
                .ifPresent(e -> navigation.getSelectionModel().select(e));
    }

    /** Opens the view named {@code key} (as in {@code nav.<key>}). */
    public void open(String key) {
        navigation.getItems().stream().filter(e -> e.key().equals(key) && e.selectable()).findFirst()
                .ifPresent(e -> navigation.getSelectionModel().select(e));
    }

    public boolean hasUnsavedChanges() {
        return editor.dirtyBinding().get();
    }

    public PolicySaver saver() {
        return saver;
    }

    public PolicyEditor editor() {
        return editor;
    }

    /** The keys of the views that can be opened, in navigation order. */
    public List<String> viewKeys() {
        return navigation.getItems().stream().filter(NavEntry::selectable).map(NavEntry::key).toList();
    }
}
