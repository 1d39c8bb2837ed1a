package org.opensspr.console.groups;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.opensspr.api.GroupMemberDto;
import org.opensspr.api.GroupRefDto;
import org.opensspr.console.ConsoleContext;
import org.opensspr.console.policy.PaneText;
import org.opensspr.policy.SsprScope;

import java.util.List;

/**
 * One group: name, description, where it stands in the SSPR scope, and its members direct and nested — each
 * member marked with the scope group that brings it in. Adding and removing members is greyed out, with the
 * reason on screen, for a role that may not manage groups; removing asks first.
 */
public final class GroupDetailView extends ScrollPane {
    private final GroupDetailModel model;
    private final ConsoleContext context;
    private final String readOnlyReason;
    private final VBox content = new VBox(12);
    private final TreeTableView<MemberRow> members = new TreeTableView<>();
    private final Label status = new Label();
    private boolean focusWasHere;

    /** @param readOnlyReason why this role can't change groups, or null when it can */
    public GroupDetailView(GroupDetailModel model, ConsoleContext context, String readOnlyReason) {
        this.model = model;
        this.context = context;
        this.readOnlyReason = readOnlyReason;
        content.getStyleClass().add("policy-pane");
        content.setId("groupDetail");
        setContent(content);
        setFitToWidth(true);
        getStyleClass().add("edge-to-edge");

        members.setId("groupMembers");
        members.setAccessibleText(context.text("group.members"));
        members.setShowRoot(false);
        members.setPrefHeight(340);
        members.setMinWidth(0); // in a narrow pane the columns give way (names end in "…"); the pane doesn't widen
        members.setPrefWidth(200);
        TreeTableColumn<MemberRow, MemberRow> member = new TreeTableColumn<>(context.text("group.column.member"));
        member.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(row.getValue().getValue()));
        member.setCellFactory(column -> new MemberCell(context));
        member.setPrefWidth(240);
        TreeTableColumn<MemberRow, String> through = new TreeTableColumn<>(context.text("group.column.through"));
        through.setCellValueFactory(row -> new ReadOnlyStringWrapper(row.getValue().getValue() instanceof MemberRow.Member m
                ? String.join(", ", m.inScopeThrough()) : ""));
        through.setPrefWidth(120);
        for (TreeTableColumn<MemberRow, ?> column : List.of(member, through)) {
            column.setSortable(false); // members come in the server's order, page by page
            column.setReorderable(false);
        }
        members.getColumns().setAll(List.of(member, through));
        members.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        members.rootProperty().bind(model.membersProperty());
        members.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                readMoreIfChosen();
            } else if (e.getCode() == KeyCode.DELETE && readOnlyReason == null) {
                removeChosen();
            }
        });
        members.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                readMoreIfChosen();
            }
        });
        status.setId("groupStatus");
        status.setWrapText(true);
        status.getStyleClass().add("muted");
        status.textProperty().bind(model.statusProperty());
        status.managedProperty().bind(status.textProperty().isNotEmpty());
        model.shownProperty().addListener(o -> render());
        render();
    }

    public GroupDetailModel model() {
        return model;
    }

    public TreeTableView<MemberRow> members() {
        return members;
    }

    private void render() {
        // Reading the group again (after an action) rebuilds this pane: the keyboard's place moves to the members
        // rather than to the window's first control.
        Node owner = getScene() == null ? null : getScene().getFocusOwner();
        for (Node n = owner; n != null; n = n.getParent()) {
            focusWasHere |= n == this;
        }
        GroupDetailModel.Shown shown = model.shownProperty().get();
        if (shown == null) {
            content.getChildren().setAll(PaneText.note(context.text("group.none")), status);
            return;
        }
        Label name = new Label(shown.group().name());
        name.setId("groupName");
        name.getStyleClass().add("pane-title");
        Label description = new Label(shown.group().description().isBlank() ? context.text("group.description.none")
                : shown.group().description());
        description.setId("groupDescription");
        description.setWrapText(true);
        description.getStyleClass().add("muted");
        Label counts = new Label(context.text("group.counts", shown.group().memberUserCount(),
                shown.group().memberGroupCount()));
        content.getChildren().setAll(name, description, scope(shown), counts, actions(), status,
                PaneText.section(context.text("group.members")), PaneText.note(context.text("group.members.note")),
                members);
        if (focusWasHere) {
            focusWasHere = false;
            members.requestFocus();
        }
    }

    /** Where the group stands in the SSPR scope: selected, held by a selected group, or neither. */
    private Node scope(GroupDetailModel.Shown shown) {
        FlowPane chips = new FlowPane(6, 6);
        chips.setId("groupScope");
        SsprScope scope = shown.scope().scope();
        if (scope != SsprScope.SELECTED) {
            chips.getChildren().add(chip(context.text("group.scope." + scope.name()), scope == SsprScope.ALL));
            return chips;
        }
        if (shown.isScopeGroup()) {
            chips.getChildren().add(chip(context.text("group.scope.selected"), true));
        }
        List<String> holders = shown.heldBy().stream().filter(g -> !g.id().equals(shown.group().id()))
                .map(GroupRefDto::name).toList();
        if (!holders.isEmpty()) {
            chips.getChildren().add(chip(context.text("group.scope.through", String.join(", ", holders)), true));
        }
        if (shown.heldBy().isEmpty()) {
            chips.getChildren().add(chip(context.text("group.scope.outside"), false));
        }
        return chips;
    }

    private static Label chip(String text, boolean accent) {
        Label chip = new Label(text);
        chip.getStyleClass().add("chip");
        if (accent) {
            chip.getStyleClass().add("chip-accent");
        }
        return chip;
    }

    private Node actions() {
        Button remove = action("removeMember", "group.action.remove", this::removeChosen);
        if (readOnlyReason == null) {
            remove.disableProperty().bind(context.background().busyProperty().or(javafx.beans.binding.Bindings
                    .createBooleanBinding(() -> chosenDirectMember() == null,
                            members.getSelectionModel().selectedItemProperty())));
        }
        FlowPane actions = new FlowPane(8, 8, held(action("addUserMember", "group.action.addUser",
                () -> addMember(GroupMemberDto.Kind.USER))), held(action("addGroupMember", "group.action.addGroup",
                () -> addMember(GroupMemberDto.Kind.GROUP))), held(remove));
        actions.setId("groupActions");
        VBox box = new VBox(6, actions);
        if (readOnlyReason != null) {
            Label note = PaneText.note(readOnlyReason);
            note.getStyleClass().add("read-only-note");
            VBox notes = new VBox(2, note);
            notes.setId("groupActionNotes");
            box.getChildren().add(notes);
        } else {
            box.getChildren().add(PaneText.note(context.text("group.action.removeHint")));
        }
        return box;
    }

    /** A button, greyed out with the reason when the role may not change groups. */
    private Button action(String id, String textKey, Runnable run) {
        Button button = new Button(context.text(textKey));
        button.setId(id);
        if (readOnlyReason != null) {
            button.setDisable(true);
            button.setAccessibleHelp(readOnlyReason);
            return button;
        }
        button.setOnAction(e -> run.run());
        button.disableProperty().bind(context.background().busyProperty());
        return button;
    }

    /** A disabled control shows no tooltip, so the reason hangs on a wrapper the pointer can reach. */
    private Node held(Button button) {
        if (readOnlyReason == null) {
            return button;
        }
        HBox holder = new HBox(button);
        holder.setId(button.getId() + "Holder");
        Tooltip.install(holder, new Tooltip(readOnlyReason));
        return holder;
    }

    private void addMember(GroupMemberDto.Kind kind) {
        new AddMemberDialog(context, model, kind, model.shownProperty().get().group().name(), getScene().getWindow())
                .showAndWait().ifPresent(model::add);
    }

    private GroupMemberDto chosenDirectMember() {
        TreeItem<MemberRow> chosen = members.getSelectionModel().getSelectedItem();
        return chosen != null && chosen.getValue() instanceof MemberRow.Member m && m.direct() ? m.member() : null;
    }

    private void removeChosen() {
        GroupMemberDto member = chosenDirectMember();
        if (member == null || model.shownProperty().get() == null) {
            return;
        }
        String group = model.shownProperty().get().group().name();
        String kind = member.kind().name();
        ButtonType go = new ButtonType(context.text("confirm.removeMember.go"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(context.text("dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, context.text("confirm.removeMember.text." + kind,
                member.name(), group), go, cancel);
        alert.setTitle(context.text("confirm.removeMember.go"));
        alert.setHeaderText(context.text("confirm.removeMember.header", member.name(), group));
        alert.getDialogPane().setId("confirmDialog");
        alert.initOwner(getScene().getWindow());
        ((Button) alert.getDialogPane().lookupButton(cancel)).setDefaultButton(true);
        ((Button) alert.getDialogPane().lookupButton(go)).setDefaultButton(false);
        if (alert.showAndWait().filter(go::equals).isPresent()) {
            model.remove(member);
        }
    }

    private void readMoreIfChosen() {
        TreeItem<MemberRow> chosen = members.getSelectionModel().getSelectedItem();
        if (chosen != null && chosen.getValue() instanceof MemberRow.More && chosen.getParent() instanceof MemberTreeItem group) {
            group.readNext();
        }
    }

    /** A member as a line: kind, name and detail; its accessible text adds the scope group that brings it in. */
    private static final class MemberCell extends TreeTableCell<MemberRow, MemberRow> {
        private final ConsoleContext context;

        MemberCell(ConsoleContext context) {
            this.context = context;
        }

        @Override
        protected void updateItem(MemberRow row, boolean empty) {
            super.updateItem(row, empty);
            setText(null);
            setGraphic(null);
            setAccessibleText(null);
            getStyleClass().remove("muted");
            if (empty || row == null) {
                return;
            }
            switch (row) {
                case MemberRow.Loading loading -> setText(context.text("group.members.loading"));
                case MemberRow.More more -> {
                    setText(context.text("group.members.more", more.shown(), more.total()));
                    getStyleClass().add("muted");
                }
                case MemberRow.Member member -> show(member);
            }
            setAccessibleText(row instanceof MemberRow.Member ? describe(row) : getText());
        }

        /** The kind as a chip, then the name and detail as the cell's text, which a narrow column ends with "…". */
        private void show(MemberRow.Member row) {
            GroupMemberDto member = row.member();
            Label kind = new Label(context.text("group.member.kind." + member.kind().name()));
            kind.getStyleClass().addAll("chip", "member-kind");
            kind.setMinWidth(Region.USE_PREF_SIZE);
            setGraphic(kind);
            setText(member.detail() == null || member.detail().isBlank() ? member.name()
                    : context.text("group.member.line", member.name(), member.detail()));
        }

        private String describe(MemberRow row) {
            if (!(row instanceof MemberRow.Member m)) {
                return null;
            }
            String kind = context.text("group.member.kind." + m.member().kind().name());
            String text = kind + ", " + m.member().name() + (m.member().detail() == null || m.member().detail().isBlank()
                    ? "" : ", " + m.member().detail());
            return m.inScopeThrough().isEmpty() ? text
                    : text + ", " + context.text("group.member.through", String.join(", ", m.inScopeThrough()));
        }
    }
}
