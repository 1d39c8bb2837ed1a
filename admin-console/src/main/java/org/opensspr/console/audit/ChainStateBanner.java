package org.opensspr.console.audit;

import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.opensspr.api.AuditChainState;
import org.opensspr.console.ConsoleContext;

import java.time.format.DateTimeFormatter;

/**
 * What the server's last check of the tamper-evident chain found, above the list: intact (how much, when), broken
 * (what someone changed, and where), or not checked yet. A broken chain means the list below can't be trusted.
 */
final class ChainStateBanner extends VBox {
    private final ConsoleContext context;
    private final DateTimeFormatter when;
    private final Label headline = new Label();
    private final Label detail = new Label();

    ChainStateBanner(ConsoleContext context, DateTimeFormatter when, AuditLogsModel model) {
        super(2);
        this.context = context;
        this.when = when;
        setId("auditChain");
        getStyleClass().add("audit-chain");
        headline.setId("auditChainHeadline");
        headline.getStyleClass().add("field-title");
        headline.setWrapText(true);
        detail.setId("auditChainDetail");
        detail.setWrapText(true);
        getChildren().addAll(headline, detail);
        model.chainProperty().addListener((o, was, now) -> show(now, model.chainFailureProperty().get()));
        model.chainFailureProperty().addListener((o, was, now) -> show(model.chainProperty().get(), now));
        show(null, "");
    }

    private void show(AuditChainState state, String failure) {
        getStyleClass().removeAll("chain-intact", "chain-broken", "chain-unknown");
        if (!failure.isEmpty() || state == null || state.status() == AuditChainState.Status.NOT_CHECKED) {
            getStyleClass().add("chain-unknown");
            headline.setText(context.text("audit.chain.notChecked"));
            detail.setText(!failure.isEmpty() ? failure : state == null ? context.text("audit.chain.loading")
                    : context.text("audit.chain.notChecked.detail"));
        } else if (state.intact()) {
            getStyleClass().add("chain-intact");
            headline.setText(context.text("audit.chain.intact"));
            detail.setText(context.text("audit.chain.intact.detail", state.linksChecked(), state.firstLink(),
                    state.lastLink(), checkedAt(state), state.notLinkedYet()));
        } else {
            getStyleClass().add("chain-broken");
            headline.setText(context.text("audit.chain.broken"));
            detail.setText(context.text("audit.chain.problem." + state.problem().name(), eventId(state),
                    state.fromLink(), state.toLink()) + " " + context.text("audit.chain.broken.detail",
                    state.linksChecked(), checkedAt(state)));
        }
        setAccessibleText(headline.getText() + " " + detail.getText());
    }

    private String checkedAt(AuditChainState state) {
        return state.checkedAt() == null ? "—" : when.format(state.checkedAt());
    }

    private static String eventId(AuditChainState state) {
        return state.eventId() == null ? "—" : String.valueOf(state.eventId());
    }
}
