package org.opensspr.console.users;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.opensspr.api.AuditEventDto;
import org.opensspr.api.MethodRegistrationDto;
import org.opensspr.api.TemporaryAccessPassDto;
import org.opensspr.api.UserDetailDto;
import org.opensspr.console.ConsoleContext;
import org.opensspr.console.dialogs.ShownOnceDialog;
import org.opensspr.console.policy.PaneText;
import org.opensspr.console.whatif.WhatIfResultCard;
import org.opensspr.console.whatif.WhatIfSummary;
import org.opensspr.directory.HelpdeskAction;
import org.opensspr.flow.FlowIntent;
import org.opensspr.policy.SsprPolicy;

import org.opensspr.directory.HelpdeskVerdict;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.function.Supplier;

/**
 * One user: profile, groups, registered methods (never their secrets), the Temporary Access Pass, what the kiosk
 * would answer them, recent audit events, and the helpdesk actions — each greyed out with the reason when the
 * administrator's role doesn't reach this account, and each asking before it acts.
 */
public final class UserDetailView extends ScrollPane {
    private final UserDetailModel model;
    private final ConsoleContext context;
    private final Supplier<SsprPolicy> policy;
    private final VBox content = new VBox(12);
    private final WhatIfResultCard eligibility;
    private final VBox passSlot = new VBox();
    private final VBox eventsSlot = new VBox();
    private final DateTimeFormatter when;

    public UserDetailView(UserDetailModel model, ConsoleContext context, Supplier<SsprPolicy> policy) {
        this.model = model;
        this.context = context;
        this.policy = policy;
        this.when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withLocale(context.messages().locale()).withZone(ZoneId.systemDefault());
        this.eligibility = new WhatIfResultCard(context);
        content.getStyleClass().add("policy-pane");
        content.setId("userDetail");
        setContent(content);
        setFitToWidth(true);
        getStyleClass().add("edge-to-edge");
        // The account redraws the whole; what is read around it redraws its own section only, so the view
        // neither jumps nor loses the keyboard focus as the answers arrive one by one.
        model.userProperty().addListener(o -> render());
        model.passProperty().addListener(o -> fillPass());
        model.eligibilityProperty().addListener(o -> fillEligibility());
        model.events().addListener((javafx.collections.ListChangeListener<AuditEventDto>) c -> fillEvents());
        model.eventsNoteProperty().addListener(o -> fillEvents());
        render();
    }

    public UserDetailModel model() {
        return model;
    }

    private void render() {
        UserDetailDto user = model.userProperty().get();
        Label status = new Label();
        status.setId("userStatus");
        status.setWrapText(true);
        status.getStyleClass().add("muted");
        status.textProperty().bind(model.statusProperty());
        status.managedProperty().bind(status.textProperty().isNotEmpty());
        if (user == null) {
            content.getChildren().setAll(PaneText.note(context.text("user.none")), status);
            return;
        }
        Label name = new Label(user.displayName().isBlank() ? user.userPrincipalName() : user.displayName());
        name.setId("userName");
        name.getStyleClass().add("pane-title");
        Label upn = new Label(user.userPrincipalName());
        upn.getStyleClass().add("muted");
        content.getChildren().setAll(name, upn, chips(user), actions(user), status,
                PaneText.section(context.text("user.profile")), profile(user),
                PaneText.section(context.text("user.methods")), methods(user),
                PaneText.section(context.text("user.pass")), passSlot,
                PaneText.section(context.text("user.groups")), groups(user),
                PaneText.section(context.text("user.eligibility")), eligibility,
                PaneText.section(context.text("user.events")), eventsSlot);
        fillPass();
        fillEligibility();
        fillEvents();
    }

    private void fillPass() {
        if (model.userProperty().get() != null) {
            passSlot.getChildren().setAll(pass(model.passProperty().get()));
        }
    }

    private void fillEligibility() {
        UserDetailDto user = model.userProperty().get();
        if (user != null) {
            var answer = model.eligibilityProperty().get();
            eligibility.show(answer == null ? null : WhatIfSummary.of(context, answer, FlowIntent.RESET_PASSWORD,
                    user.displayName().isBlank() ? user.userPrincipalName() : user.displayName(), policy.get()));
        }
    }

    private void fillEvents() {
        if (model.userProperty().get() != null) {
            eventsSlot.getChildren().setAll(events());
        }
    }

    private Node chips(UserDetailDto user) {
        FlowPane chips = new FlowPane(6, 6);
        chips.setId("userChips");
        chips.getChildren().add(chip(context.text("whatif.source." + user.source().name()), "chip"));
        chips.getChildren().add(chip(context.text(user.enabled() ? "user.enabled" : "whatif.user.disabled"),
                user.enabled() ? "chip" : "chip-warning"));
        if (user.locked()) {
            chips.getChildren().add(chip(context.text("whatif.user.locked"), "chip-warning"));
        }
        for (String role : user.roles()) {
            chips.getChildren().add(chip(context.text("role." + role), "chip-accent"));
        }
        return chips;
    }

    private static Label chip(String text, String style) {
        Label chip = new Label(text);
        chip.getStyleClass().addAll("chip", style);
        return chip;
    }

    private Node actions(UserDetailDto user) {
        FlowPane actions = new FlowPane(8, 8);
        actions.setId("userActions");
        actions.getChildren().addAll(
                action(HelpdeskAction.RESET_PASSWORD, "resetPassword", () -> {
                    new ResetPasswordDialog(context, user, getScene().getWindow()).showAndWait().ifPresent(request ->
                            model.resetPassword(request, done -> {
                                if (done.generatedPassword() != null) {
                                    new ShownOnceDialog(context, "shown.password", done.generatedPassword(),
                                            context.text(done.mustChangeAtNextSignIn() ? "shown.password.mustChange"
                                                    : "shown.password.keep"), getScene().getWindow()).show();
                                }
                            }));
                }),
                action(HelpdeskAction.UNLOCK, "unlock", () -> confirm("unlock", user, model::unlock)),
                action(HelpdeskAction.ISSUE_TEMPORARY_ACCESS_PASS, "issuePass", () ->
                        new PassDialog(context, user, getScene().getWindow()).showAndWait().ifPresent(request ->
                                model.issuePass(request, issued -> new ShownOnceDialog(context, "shown.pass",
                                        issued.pass(), context.text("shown.pass.until", when.format(issued.expiresAt()),
                                        context.text(issued.oneTime() ? "pass.oneTime.yes" : "pass.oneTime.no")),
                                        getScene().getWindow()).show()))),
                action(HelpdeskAction.REQUIRE_REREGISTRATION, "requireReregistration",
                        () -> confirm("reregistration", user, model::requireReregistration)),
                action(HelpdeskAction.PREFILL_CONTACT, "editContact",
                        () -> new ContactDialog(context, model, user, getScene().getWindow()).showAndWait()));
        return new VBox(6, actions, whyNot(List.of(HelpdeskAction.RESET_PASSWORD, HelpdeskAction.UNLOCK,
                HelpdeskAction.ISSUE_TEMPORARY_ACCESS_PASS, HelpdeskAction.REQUIRE_REREGISTRATION,
                HelpdeskAction.DELETE_METHOD, HelpdeskAction.PREFILL_CONTACT)));
    }

    /** On screen, not only in tooltips: which actions are greyed out, and why, one line per reason. */
    private Node whyNot(List<HelpdeskAction> shown) {
        Map<HelpdeskVerdict, List<String>> byReason = new EnumMap<>(HelpdeskVerdict.class);
        for (HelpdeskAction action : shown) {
            HelpdeskVerdict verdict = model.verdict(action);
            if (!verdict.allowed()) {
                byReason.computeIfAbsent(verdict, v -> new ArrayList<>())
                        .add(context.text("helpdesk.action." + action.name()).replace("…", ""));
            }
        }
        VBox notes = new VBox(2);
        notes.setId("userActionNotes");
        byReason.forEach((verdict, actions) -> {
            Label note = PaneText.note(context.text("helpdesk.why." + verdict.name(), String.join(", ", actions)));
            note.getStyleClass().add("read-only-note");
            notes.getChildren().add(note);
        });
        notes.managedProperty().bind(notes.visibleProperty());
        notes.setVisible(!byReason.isEmpty());
        return notes;
    }

    /** A button for {@code action}, greyed out with the domain's reason when the role can't take it here. */
    private Node action(HelpdeskAction action, String id, Runnable run) {
        Button button = new Button(context.text("helpdesk.action." + action.name()));
        button.setId(id);
        String reason = model.reason(action);
        if (reason.isEmpty()) {
            button.setOnAction(e -> run.run());
            button.disableProperty().bind(context.background().busyProperty());
            return button;
        }
        button.setDisable(true);
        button.setAccessibleHelp(reason);
        // A disabled control shows no tooltip, so the reason hangs on a wrapper the pointer can reach.
        HBox holder = new HBox(button);
        holder.setId(id + "Holder");
        Tooltip.install(holder, new Tooltip(reason));
        return holder;
    }

    private void confirm(String key, UserDetailDto user, Runnable run) {
        ButtonType go = new ButtonType(context.text("confirm." + key + ".go"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(context.text("dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, context.text("confirm." + key + ".text",
                user.userPrincipalName()), go, cancel);
        alert.setTitle(context.text("confirm." + key + ".go"));
        alert.setHeaderText(context.text("confirm." + key + ".header", user.userPrincipalName()));
        alert.getDialogPane().setId("confirmDialog");
        alert.initOwner(getScene().getWindow());
        ((Button) alert.getDialogPane().lookupButton(cancel)).setDefaultButton(true);
        ((Button) alert.getDialogPane().lookupButton(go)).setDefaultButton(false);
        if (alert.showAndWait().filter(go::equals).isPresent()) {
            run.run();
        }
    }

    private Node profile(UserDetailDto user) {
        GridPane grid = new GridPane(16, 4);
        grid.setId("userProfile");
        int row = 0;
        row = fact(grid, row, "user.givenName", user.givenName());
        row = fact(grid, row, "user.surname", user.surname());
        row = fact(grid, row, "user.primaryEmail", user.primaryEmail());
        row = fact(grid, row, "user.alternateEmail", user.alternateEmail());
        row = fact(grid, row, "user.mobilePhone", user.mobilePhone());
        row = fact(grid, row, "user.officePhone", user.officePhone());
        fact(grid, row, "user.language", user.preferredLanguage());
        return grid;
    }

    private int fact(GridPane grid, int row, String key, String value) {
        Label label = new Label(context.text(key));
        label.getStyleClass().add("muted");
        grid.addRow(row, label, new Label(value == null || value.isBlank() ? "—" : value));
        return row + 1;
    }

    private Node methods(UserDetailDto user) {
        VBox rows = new VBox(6);
        rows.setId("userMethods");
        if (user.registrations().isEmpty()) {
            rows.getChildren().add(PaneText.note(context.text("user.methods.none")));
            return rows;
        }
        for (MethodRegistrationDto method : user.registrations()) {
            Label what = new Label(context.text("user.method", context.text("registration." + method.kind().name()),
                    context.text("user.method.source." + method.source().name()), when.format(method.registeredAt())));
            what.setWrapText(true);
            what.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(what, javafx.scene.layout.Priority.ALWAYS);
            Node delete = action(HelpdeskAction.DELETE_METHOD, "delete-" + method.kind().name(),
                    () -> confirm("delete", user, () -> model.deleteMethod(method.kind())));
            if (delete instanceof javafx.scene.layout.Region region) {
                region.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            }
            HBox row = new HBox(12, what, delete);
            row.setAlignment(Pos.CENTER_LEFT);
            rows.getChildren().add(row);
        }
        return rows;
    }

    private Node pass(TemporaryAccessPassDto pass) {
        VBox box = new VBox(6);
        box.setId("userPass");
        if (pass == null) {
            box.getChildren().add(PaneText.note(context.text("user.pass.none")));
            return box;
        }
        String state = pass.usable() ? context.text("user.pass.usable", when.format(pass.expiresAt()))
                : pass.usedAt() != null && pass.oneTime() ? context.text("user.pass.spent", when.format(pass.usedAt()))
                : context.text("user.pass.expired", when.format(pass.expiresAt()));
        Label line = new Label(state + " · " + context.text(pass.oneTime() ? "pass.oneTime.yes" : "pass.oneTime.no")
                + " · " + context.text("user.pass.issuedBy", pass.issuedBy()));
        line.setId("userPassState");
        line.setWrapText(true);
        UserDetailDto user = model.userProperty().get();
        box.getChildren().addAll(line, action(HelpdeskAction.REVOKE_TEMPORARY_ACCESS_PASS, "revokePass",
                () -> confirm("revoke", user, model::revokePass)));
        return box;
    }

    private Node groups(UserDetailDto user) {
        Label groups = new Label(user.groups().isEmpty() ? context.text("user.groups.none")
                : String.join(", ", user.groups().stream().map(g -> g.name()).toList()));
        groups.setId("userGroups");
        groups.setWrapText(true);
        return groups;
    }

    private Node events() {
        VBox rows = new VBox(4);
        rows.setId("userEvents");
        String note = model.eventsNoteProperty().get();
        if (!note.isEmpty()) {
            rows.getChildren().add(PaneText.note(note));
        }
        for (AuditEventDto event : model.events()) {
            Label line = new Label(context.text("user.event", when.format(event.occurredAt()), event.activity().entraName(),
                    event.actor(), context.text("user.event.result." + event.result().name())));
            line.setWrapText(true);
            rows.getChildren().add(line);
        }
        return rows;
    }
}
