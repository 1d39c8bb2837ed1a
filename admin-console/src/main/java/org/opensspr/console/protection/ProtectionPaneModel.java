package org.opensspr.console.protection;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.opensspr.console.policy.IntegerText;
import org.opensspr.console.policy.PolicyPaneModel;
import org.opensspr.password.BannedPasswordScore;
import org.opensspr.password.BannedPasswordScorer;
import org.opensspr.password.CustomBannedTerms;
import org.opensspr.password.PasswordNormalizer;
import org.opensspr.password.PasswordOwner;
import org.opensspr.policy.PasswordProtectionPolicy;
import org.opensspr.policy.SsprPolicy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Password protection: the custom banned list, smart-lockout threshold and duration, and the "try a
 * password" score. The trial password lives only in {@link #trialPasswordProperty()}: it is never stored
 * in the policy, written to settings or logged.
 */
public final class ProtectionPaneModel extends PolicyPaneModel {
    static final String TERMS_FIELD = "passwordProtection.customBannedTerms";
    static final String THRESHOLD_FIELD = "passwordProtection.lockoutThreshold";
    static final String DURATION_FIELD = "passwordProtection.lockoutDurationSeconds";

    /** What adding one typed term did. */
    public enum AddOutcome { ADDED, DUPLICATE, EMPTY }

    private final ObservableList<String> terms = FXCollections.observableArrayList();
    private final StringProperty threshold = new SimpleStringProperty("");
    private final StringProperty duration = new SimpleStringProperty("");
    private final StringProperty trialPassword = new SimpleStringProperty("");
    private final StringProperty organizationName = new SimpleStringProperty("");
    private final ObjectBinding<BannedPasswordScore> trialScore;
    private final ObjectProperty<BannedTermsImport.Result> lastImport = new SimpleObjectProperty<>();
    private final String thresholdNotANumber;
    private final String durationNotANumber;
    private List<String> scorerTerms;
    private BannedPasswordScorer scorer;

    public ProtectionPaneModel(String thresholdNotANumber, String durationNotANumber) {
        this.thresholdNotANumber = thresholdNotANumber;
        this.durationNotANumber = durationNotANumber;
        watch(terms, threshold, duration);
        trialScore = Bindings.createObjectBinding(() -> score(trialPassword.get()), trialPassword, terms, organizationName);
    }

    @Override
    protected void read(SsprPolicy policy) {
        PasswordProtectionPolicy protection = policy.passwordProtection();
        terms.setAll(protection.customBannedTerms());
        threshold.set(Integer.toString(protection.lockoutThreshold()));
        duration.set(Integer.toString(protection.lockoutDurationSeconds()));
        if (!organizationName.isBound()) {
            organizationName.set(policy.customization().organizationName());
        }
        trialPassword.set("");
    }

    @Override
    public Map<String, String> inputProblems() {
        Map<String, String> problems = new LinkedHashMap<>();
        if (IntegerText.parse(threshold.get()).isEmpty()) {
            problems.put(THRESHOLD_FIELD, thresholdNotANumber);
        }
        if (IntegerText.parse(duration.get()).isEmpty()) {
            problems.put(DURATION_FIELD, durationNotANumber);
        }
        return problems;
    }

    @Override
    public SsprPolicy store(SsprPolicy policy) {
        PasswordProtectionPolicy was = policy.passwordProtection();
        return policy.withPasswordProtection(new PasswordProtectionPolicy(List.copyOf(terms),
                IntegerText.parse(threshold.get()).orElse(was.lockoutThreshold()),
                IntegerText.parse(duration.get()).orElse(was.lockoutDurationSeconds())));
    }

    @Override
    public String key() {
        return "protection";
    }

    @Override
    public List<String> ownedFields() {
        return List.of("passwordProtection.");
    }

    /** Adds a typed term unless it is empty or the list holds it already (compared as the scorer compares). */
    public AddOutcome addTerm(String text) {
        String term = text == null ? "" : text.strip();
        if (term.isEmpty()) {
            return AddOutcome.EMPTY;
        }
        if (normalizedTerms().contains(PasswordNormalizer.normalize(term))) {
            return AddOutcome.DUPLICATE;
        }
        terms.add(term);
        return AddOutcome.ADDED;
    }

    /** Reads {@code file} (UTF-8, one term per line) and adds its terms; call on the FX thread. */
    public BannedTermsImport.Result importFrom(Path file) throws IOException {
        return addImported(BannedTermsImport.readTerms(file));
    }

    /**
     * Adds terms read from a file: each once, only lengths the validator accepts, and no more than the
     * list may hold; the result counts what was skipped and why.
     */
    public BannedTermsImport.Result addImported(List<String> candidates) {
        Set<String> seen = normalizedTerms();
        int added = 0;
        int duplicates = 0;
        int wrongLength = 0;
        int overLimit = 0;
        for (String term : candidates) {
            int length = term.codePointCount(0, term.length());
            if (!seen.add(PasswordNormalizer.normalize(term))) {
                duplicates++;
            } else if (length < CustomBannedTerms.MIN_TERM_LENGTH || length > CustomBannedTerms.MAX_TERM_LENGTH) {
                wrongLength++;
            } else if (terms.size() >= CustomBannedTerms.MAX_TERMS) {
                overLimit++;
            } else {
                terms.add(term);
                added++;
            }
        }
        BannedTermsImport.Result result = new BannedTermsImport.Result(added, duplicates, wrongLength, overLimit);
        lastImport.set(result);
        return result;
    }

    private Set<String> normalizedTerms() {
        Set<String> normalized = new HashSet<>();
        terms.forEach(term -> normalized.add(PasswordNormalizer.normalize(term)));
        return normalized;
    }

    /**
     * The score the server would give {@code password}: its own scorer over the global list, the terms
     * as edited here (saved or not) and the organization name. The user's own names also count at the
     * kiosk; they aren't known here.
     */
    BannedPasswordScore score(String password) {
        if (password == null || password.isEmpty()) {
            return null;
        }
        return scorer().score(password, new PasswordOwner("", "", organizationName.get()));
    }

    private BannedPasswordScorer scorer() {
        List<String> current = List.copyOf(terms);
        if (!current.equals(scorerTerms)) {
            scorer = BannedPasswordScorer.withGlobalList(current);
            scorerTerms = current;
        }
        return scorer;
    }

    /** How the latest import went; the pane shows it. */
    public ObjectProperty<BannedTermsImport.Result> lastImportProperty() {
        return lastImport;
    }

    public ObservableList<String> terms() {
        return terms;
    }

    public StringProperty lockoutThresholdProperty() {
        return threshold;
    }

    public StringProperty lockoutDurationProperty() {
        return duration;
    }

    /** The password being tried; kept in memory only while the pane shows it. */
    public StringProperty trialPasswordProperty() {
        return trialPassword;
    }

    /** The organization name the score counts as a banned term; bind it to the Customization pane's field. */
    public StringProperty organizationNameProperty() {
        return organizationName;
    }

    /** The trial password's score, or null while the box is empty. */
    public ObjectBinding<BannedPasswordScore> trialScoreBinding() {
        return trialScore;
    }
}
