package org.opensspr.console.customization;

import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import org.opensspr.console.ConsoleContext;
import org.opensspr.console.policy.PolicyPaneView;
import org.opensspr.console.policy.YesNo;

/** Customization pane: the helpdesk link, the organization name, logo and background, and a live preview of the kiosk. */
public final class CustomizationPane extends PolicyPaneView<CustomizationPaneModel> {

    public CustomizationPane(CustomizationPaneModel model, ConsoleContext context) {
        super(model, context, "customization.title", "customization.subtitle");
        YesNo customLink = new YesNo(context, model.customHelpdeskLinkProperty(), "customization.link");
        editableOnly(customLink);
        TextField helpdesk = field("helpdeskContact", "customization.contact", "customization.contact.prompt");
        helpdesk.textProperty().bindBidirectional(model.helpdeskProperty());
        helpdesk.disableProperty().bind(model.editableProperty().not().or(model.customHelpdeskLinkProperty().not()));
        Label whenOff = note(context.text("customization.contact.off"));
        whenOff.visibleProperty().bind(model.customHelpdeskLinkProperty().not());
        whenOff.managedProperty().bind(whenOff.visibleProperty());

        TextField organization = field("organizationName", "customization.organization", "customization.organization.prompt");
        organization.textProperty().bindBidirectional(model.organizationNameProperty());
        editableOnly(organization);

        BrandingImagePicker logo = new BrandingImagePicker(model, context, BrandingSlot.LOGO);
        BrandingImagePicker background = new BrandingImagePicker(model, context, BrandingSlot.BACKGROUND);
        editableOnly(logo.editingControls(), background.editingControls());

        content.getChildren().addAll(
                section(context.text("customization.helpdesk")), customLink, labelFor(helpdesk, "customization.contact"),
                helpdesk, problemLabel("customization.helpdeskEmailOrUrl", helpdesk), note(context.text("customization.contact.help")),
                whenOff,
                section(context.text("customization.branding")), labelFor(organization, "customization.organization"),
                organization, problemLabel("customization.organizationName", organization),
                note(context.text("customization.organization.help")),
                logo, problemLabel(BrandingSlot.LOGO.field()), background, problemLabel(BrandingSlot.BACKGROUND.field()),
                section(context.text("customization.preview")), note(context.text("customization.preview.help")),
                new KioskPreview(model, context));
    }

    private TextField field(String id, String labelKey, String promptKey) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(context.text(promptKey));
        field.setAccessibleText(context.text(labelKey));
        field.setMaxWidth(520);
        return field;
    }

    private Label labelFor(TextField field, String key) {
        Label label = new Label(context.text(key));
        label.setLabelFor(field);
        return label;
    }
}
