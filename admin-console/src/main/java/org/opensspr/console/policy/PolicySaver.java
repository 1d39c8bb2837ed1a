package org.opensspr.console.policy;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.opensspr.api.ApiError;
import org.opensspr.api.ErrorCode;
import org.opensspr.api.PolicyDocumentDto;
import org.opensspr.client.OpenSsprApiException;
import org.opensspr.client.OpenSsprClient;
import org.opensspr.client.ServerUnreachableException;
import org.opensspr.console.ConsoleContext;
import org.opensspr.policy.PolicyViolation;
import org.opensspr.policy.PolicyViolationCode;
import org.opensspr.policy.SsprPolicy;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Loads and saves the policy for the editor. Nothing is saved while any pane is invalid; when the
 * server can't be reached the edits stay in the panes and Retry repeats exactly what failed.
 */
public final class PolicySaver {
    private final ConsoleContext context;
    private final OpenSsprClient client;
    private final PolicyEditor editor;
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty failed = new SimpleBooleanProperty(false);
    private final BooleanProperty retryable = new SimpleBooleanProperty(false);
    private Runnable retry = () -> { };
    private Consumer<PolicyPaneModel> onInvalid = pane -> { };
    private ImpactCheck impactCheck = null;

    public PolicySaver(ConsoleContext context, OpenSsprClient client, PolicyEditor editor) {
        this.context = context;
        this.client = client;
        this.editor = editor;
    }

    /** Called with the first pane that holds a problem, so the console can show it. */
    public void onInvalid(Consumer<PolicyPaneModel> handler) {
        this.onInvalid = handler;
    }

    /**
     * Before storing, the server computes who the change affects ({@code fetch}, off the FX thread);
     * {@code confirm} shows it and runs its continuation to go ahead.
     */
    public <T> void checkImpactWith(java.util.function.Function<SsprPolicy, T> fetch, java.util.function.Predicate<T> nobody,
                                    BiConsumer<T, Runnable> confirm) {
        this.impactCheck = new ImpactCheck() {
            @Override
            public void run(SsprPolicy policy) {
                status.set(context.text("impact.checking"));
                context.background().run(() -> fetch.apply(policy), impact -> {
                    if (nobody.test(impact)) {
                        store(policy);
                    } else {
                        status.set("");
                        confirm.accept(impact, () -> store(policy));
                    }
                }, PolicySaver.this::failedWith);
            }
        };
    }

    private interface ImpactCheck {
        void run(SsprPolicy policy);
    }

    public void load() {
        retry = this::load;
        context.background().run(client::currentPolicy, document -> {
            editor.load(document);
            ok(describe(document));
        }, this::failedWith);
    }

    public void save() {
        switch (editor.check()) {
            case PolicyCheck.Invalid invalid -> {
                String panes = invalid.panes().stream().map(p -> context.text("nav." + p.key()))
                        .collect(Collectors.joining(", "));
                problem(context.text("save.invalid", invalid.problemCount(),
                        panes.isEmpty() ? String.join(" ", invalid.unplaced()) : panes), false);
                invalid.panes().stream().findFirst().ifPresent(onInvalid);
            }
            case PolicyCheck.Ready ready -> {
                retry = this::save;
                if (impactCheck == null) {
                    store(ready.policy());
                } else {
                    impactCheck.run(ready.policy());
                }
            }
        }
    }

    /** The admin went back from the impact preview: nothing stored, edits kept. */
    public void cancelled() {
        ok(context.text("impact.cancelled"));
    }

    /** Drops every edit and shows the version last loaded. */
    public void discard() {
        if (editor.documentProperty().get() != null) {
            editor.load(editor.documentProperty().get());
            ok(describe(editor.documentProperty().get()));
        }
    }

    private void store(SsprPolicy policy) {
        int version = editor.version();
        retry = () -> store(policy);
        status.set(context.text("save.saving"));
        context.background().run(() -> client.updatePolicy(version, policy), document -> {
            editor.load(document);
            ok(context.text("save.saved", document.version()));
        }, this::failedWith);
    }

    private void failedWith(Exception failure) {
        switch (failure) {
            case ServerUnreachableException e -> problem(context.text("save.unreachable"), true);
            case OpenSsprApiException e when e.code() == ErrorCode.VERSION_CONFLICT ->
                    problem(context.text("save.conflict"), false);
            case OpenSsprApiException e when e.code() == ErrorCode.VALIDATION_FAILED -> {
                editor.placeViolations(e.fieldErrors().stream().map(PolicySaver::violation).toList())
                        .flatMap(invalid -> invalid.panes().stream().findFirst()).ifPresent(onInvalid);
                problem(context.text("save.refused", e.fieldErrors().size()), false);
            }
            case OpenSsprApiException e when e.code() == ErrorCode.FORBIDDEN -> problem(context.text("save.forbidden"), false);
            case OpenSsprApiException e when e.code() == ErrorCode.SESSION_EXPIRED || e.code() == ErrorCode.UNAUTHENTICATED ->
                    problem(context.text("save.session"), false);
            default -> problem(context.text("save.failed", failure.getMessage()), true);
        }
    }

    private static PolicyViolation violation(ApiError.FieldError error) {
        PolicyViolationCode code;
        try {
            code = PolicyViolationCode.valueOf(error.code());
        } catch (IllegalArgumentException | NullPointerException e) {
            code = null;
        }
        return new PolicyViolation(code, error.field() == null ? "" : error.field(), error.message());
    }

    private String describe(PolicyDocumentDto document) {
        return document.createdAt() == null ? context.text("save.defaults")
                : context.text("save.version", document.version(), document.author(), java.util.Date.from(document.createdAt()));
    }

    private void ok(String text) {
        status.set(text);
        failed.set(false);
        retryable.set(false);
    }

    private void problem(String text, boolean canRetry) {
        status.set(text);
        failed.set(true);
        retryable.set(canRetry);
    }

    public void retry() {
        retry.run();
    }

    public StringProperty statusProperty() {
        return status;
    }

    public BooleanProperty failedProperty() {
        return failed;
    }

    public BooleanProperty retryableProperty() {
        return retryable;
    }

    public List<PolicyPaneModel> panes() {
        return editor.panes();
    }
}
