package org.opensspr.server.secinfo;

import org.jooq.DSLContext;
import org.opensspr.api.ApiError;
import org.opensspr.api.AuditActivity;
import org.opensspr.api.AuthenticatorSetupDto;
import org.opensspr.api.ChallengeDto;
import org.opensspr.api.CodeFormat;
import org.opensspr.api.ErrorCode;
import org.opensspr.api.PhoneRegistrationRequest;
import org.opensspr.api.QuestionDto;
import org.opensspr.api.SecurityAnswersRequest;
import org.opensspr.api.SecurityInfoDto;
import org.opensspr.api.SecurityInfoProofRequest;
import org.opensspr.api.SecurityQuestionsCatalogDto;
import org.opensspr.directory.DirectoryUser;
import org.opensspr.eligibility.RegistrationRequirement;
import org.opensspr.eligibility.SignInPrompt;
import org.opensspr.methods.AuthMethod;
import org.opensspr.methods.AuthMethod.Registration;
import org.opensspr.methods.PhoneDelivery;
import org.opensspr.server.phone.PhoneNumber;
import org.opensspr.server.phone.PhoneNumbers;
import org.opensspr.policy.SsprPolicy;
import org.opensspr.server.audit.AuditEntry;
import org.opensspr.server.audit.AuditLog;
import org.opensspr.server.auth.AdminAccounts;
import org.opensspr.server.auth.Totp;
import org.opensspr.server.crypto.Base32;
import org.opensspr.server.db.Database;
import org.opensspr.server.delivery.Outbox;
import org.opensspr.server.delivery.ResetNotifications;
import org.opensspr.server.directory.DirectoryService;
import org.opensspr.server.http.ApiException;
import org.opensspr.server.http.LanguageTags;
import org.opensspr.server.kiosk.KioskCaller;
import org.opensspr.server.metrics.ThrottleMeters;
import org.opensspr.server.policy.PolicyService;
import org.opensspr.server.secinfo.PendingRegistrations.Pending;
import org.opensspr.server.secinfo.PendingRegistrations.Purpose;
import org.opensspr.server.signin.UserCredentials;
import org.opensspr.server.throttle.ThrottleStore;
import org.opensspr.throttling.ThrottleDecision;
import org.opensspr.throttling.ThrottleEventKind;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.UnaryOperator;
import java.util.random.RandomGenerator;
import java.security.SecureRandom;


/**
 * A signed-in user's own security info (issue 12, docs/design.md §7): what sign-in asks of them, and
 * registering, proving again, changing and deleting each method. Every operation passes one check first —
 * a live session of this kiosk, the user's row locked, and for changes a registered method proven again in
 * this session — before it changes anything (ADR 10). New methods count only once proven: an app by a code
 * from it, an address by the code sent to it; until then they wait in {@link PendingRegistrations}. Sends
 * and wrong codes count against the user's throttles exactly as in the reset flow.
 */
public final class SecurityInfoService {
    /** The kiosk offers "send again" after this pause, as in the reset flow. */
    static final Duration RESEND_PAUSE = Duration.ofSeconds(30);
    private static final int MAX_ADDRESS = 320;

    private final Database database;
    private final Clock clock;
    private final PolicyService policies;
    private final UnaryOperator<SsprPolicy> effective;
    private final DirectoryService directory;
    private final UserTotp totp;
    private final SecurityAnswers answers;
    private final RegisteredMethods methods;
    private final AuditLog audit;
    /** The push service's root URL, where the app subscribes to its topic; null when none is configured. */
    private final String notificationServer;
    private final Runnable mailQueued;
    private final SecurityInfoSessions sessions = new SecurityInfoSessions();
    private final PendingRegistrations pending;
    private final SentCodes codes;
    private final ThrottleStore throttles = new ThrottleStore();
    private final ThrottleMeters throttleMeters;
    private final UserCredentials credentials = new UserCredentials();
    private final RandomGenerator random = new SecureRandom();

    /** The parts a security-info session stands on. */
    public record Services(Database database, Clock clock, PolicyService policies, UnaryOperator<SsprPolicy> effective,
                           DirectoryService directory, UserTotp totp, SecurityAnswers answers, AuditLog audit,
                           Outbox outbox, ResetNotifications notifications, Runnable mailQueued,
                           org.opensspr.server.crypto.SecretBox secrets, String notificationServer,
                           ThrottleMeters throttleMeters) {
    }

    public SecurityInfoService(Services s) {
        this.database = s.database();
        this.clock = s.clock();
        this.policies = s.policies();
        this.effective = s.effective();
        this.directory = s.directory();
        this.totp = s.totp();
        this.answers = s.answers();
        this.methods = new RegisteredMethods(s.directory(), s.totp(), s.answers());
        this.audit = s.audit();
        this.notificationServer = s.notificationServer() == null ? null
                : s.notificationServer().endsWith("/") ? s.notificationServer() : s.notificationServer() + "/";
        this.mailQueued = s.mailQueued();
        this.pending = new PendingRegistrations(s.secrets());
        this.codes = new SentCodes(pending, s.outbox(), s.notifications(), throttles);
        this.throttleMeters = s.throttleMeters();
    }

    /** What a sign-in answers: the session's bearer, and what to ask before letting the user in. */
    public record Opened(String session, SignInPrompt prompt) {
        @Override
        public String toString() {
            return "Opened[prompt=" + prompt + "]";
        }
    }

    /** After a successful lock-screen sign-in: opens the user's session at this kiosk and says what to ask. */
    public Opened openAfterSignIn(String userId, KioskCaller caller, String locale) {
        Instant now = clock.instant();
        SsprPolicy policy = policy();
        return database.inTransaction(tx -> {
            DirectoryUser user = directory.loadUser(tx, userId).orElseThrow();
            SignInPrompt prompt = SecurityInfoFacts.prompt(tx, policy, user, now);
            String token = sessions.open(tx, userId, caller, sessionLocale(locale, user), prompt, now);
            if (prompt != SignInPrompt.NONE) {
                audit.append(tx, entry(AuditActivity.SECURITY_INFO_REGISTRATION_STARTED, user, caller)
                        .withDetails("asked at sign-in: " + prompt.name().toLowerCase(Locale.ROOT)));
            }
            return new Opened(token, prompt);
        });
    }

    /**
     * What a sign-in with a Temporary Access Pass answers: a session already proven (the pass stands in for the
     * password and a registered method, as in Entra), asking to register even when the user's methods would
     * otherwise be enough, since the pass exists because they can't use them.
     */
    public Opened openWithPass(DSLContext tx, String userId, KioskCaller caller, String locale, Instant now) {
        DirectoryUser user = directory.loadUser(tx, userId).orElseThrow();
        SignInPrompt facts = SecurityInfoFacts.prompt(tx, effective.apply(policies.current(tx).policy()), user, now);
        SignInPrompt prompt = facts == SignInPrompt.NONE ? SignInPrompt.REGISTER : facts;
        String token = sessions.openProven(tx, userId, caller, sessionLocale(locale, user), prompt, now);
        audit.append(tx, entry(AuditActivity.SECURITY_INFO_REGISTRATION_STARTED, user, caller)
                .withDetails("signed in with a Temporary Access Pass"));
        return new Opened(token, prompt);
    }

    public SecurityInfoDto view(String token, KioskCaller caller) {
        return inSession(token, caller, (tx, c) -> view(tx, c));
    }

    /** "Ask me later": the session ends, and the next sign-in asks again. */
    public void skip(String token, KioskCaller caller) {
        inSession(token, caller, (tx, c) -> {
            if (c.session().prompt() != SignInPrompt.NONE) {
                audit.append(tx, entry(AuditActivity.SECURITY_INFO_REGISTRATION_CANCELED, c.user(), caller)
                        .withDetails("ask me later"));
            }
            sessions.end(tx, c.session().id(), c.now());
            return null;
        });
    }

    /** Signed out or idle: the session ends, and whatever it left unproven is discarded. */
    public void end(String token, KioskCaller caller) {
        inSession(token, caller, (tx, c) -> {
            sessions.end(tx, c.session().id(), c.now());
            return null;
        });
    }

    /** "Looks good": the user confirms their info is current (a registered method proven first, if they have one). */
    public SecurityInfoDto confirm(String token, KioskCaller caller) {
        return inSession(token, caller, (tx, c) -> {
            requireProof(c);
            if (RegistrationRequirement.registered(c.policy(), c.user()) < RegistrationRequirement.required(c.policy(), c.user())) {
                throw new ApiException(ErrorCode.CONFLICT, "Register " + RegistrationRequirement.required(c.policy(), c.user())
                        + " methods before you confirm your security info.");
            }
            SecurityInfoFacts.reviewed(tx, c.user().id(), c.now());
            audit.append(tx, entry(AuditActivity.SECURITY_INFO_REVIEWED, c.user(), caller));
            return view(tx, c);
        });
    }

    // ---- proving a registered method again --------------------------------------------------------------

    /** Starts proving a registered method: emails a code to the registered address, or draws the questions. */
    public ChallengeDto startProof(String token, KioskCaller caller, Registration kind) {
        return startProof(token, caller, kind, null);
    }

    /** {@code delivery}: for a mobile phone, TEXT (the default) or CALL. */
    public ChallengeDto startProof(String token, KioskCaller caller, Registration kind, PhoneDelivery delivery) {
        ChallengeDto challenge = inSession(token, caller, (tx, c) -> {
            requireProvable(c, kind);
            return switch (kind) {
                case EMAIL -> {
                    requireNotBlocked(tx, c);
                    String address = c.user().contact().alternateEmail();
                    codes.email(tx, c, Purpose.PROOF_EMAIL, address);
                    yield SentCodes.emailChallenge(address, c.now());
                }
                case AUTHENTICATOR_APP -> new ChallengeDto(org.opensspr.methods.AuthMethod.MOBILE_APP_CODE, null,
                        CodeFormat.digits(Totp.DIGITS), List.of(), null, null);
                case SECURITY_QUESTIONS -> {
                    requireNotBlocked(tx, c);
                    List<String> drawn = answers.draw(tx, c.user().id(), c.policy().methods().securityQuestions().toReset(),
                            c.policy().methods().securityQuestions(), random);
                    sessions.proofQuestions(tx, c.session().id(), drawn);
                    yield new ChallengeDto(org.opensspr.methods.AuthMethod.SECURITY_QUESTIONS, null, null,
                            questions(c, drawn), null, null);
                }
                case MOBILE_PHONE, OFFICE_PHONE -> {
                    requireNotBlocked(tx, c);
                    String stored = kind == Registration.MOBILE_PHONE ? c.user().contact().mobilePhone()
                            : c.user().contact().officePhone();
                    PhoneNumber number = PhoneNumbers.dialable(stored).orElseThrow(() -> new ApiException(
                            ErrorCode.CONFLICT, "That phone number can't be dialled; prove another method."));
                    yield codes.phone(tx, c, Purpose.PROOF_PHONE, SentCodes.phoneMethod(kind), number, delivery);
                }
            };
        });
        mailQueued.run();
        return challenge;
    }

    /**
     * Proves a registered method with a code or answers. The attempt is counted as failed before it is
     * checked, so a burst can't outrun the throttle; answers are hashed with no connection held.
     */
    public SecurityInfoDto prove(SecurityInfoProofRequest request, KioskCaller caller) {
        Registration kind = required(request.kind(), "kind");
        ThrottleEventKind attempt = switch (kind) {
            case EMAIL -> ThrottleEventKind.CODE_ENTRY_ATTEMPT;
            case AUTHENTICATOR_APP -> ThrottleEventKind.APP_CODE_ATTEMPT;
            case SECURITY_QUESTIONS -> ThrottleEventKind.SECURITY_QUESTION_ATTEMPT;
            case MOBILE_PHONE, OFFICE_PHONE -> ThrottleEventKind.PHONE_CODE_ATTEMPT;
        };
        // Answers: the stored hashes are read in the first transaction, compared outside, recorded in a second.
        record Counted(long eventId, boolean passed, SecurityAnswers.Expected expected) {
        }
        Counted counted = inSession(request.session(), caller, (tx, c) -> {
            requireProvable(c, kind);
            requireNotBlocked(tx, c);
            long event = throttles.record(tx, ThrottleStore.userKey(c.user().id()), attempt, true, c.now());
            return switch (kind) {
                case EMAIL -> new Counted(event, pendingCodeMatches(tx, c, Purpose.PROOF_EMAIL, request.code()), null);
                case AUTHENTICATOR_APP -> new Counted(event,
                        totp.verify(tx, c.user().id(), request.code(), c.now()) == TotpCheck.ACCEPTED, null);
                case SECURITY_QUESTIONS -> new Counted(event, false,
                        answers.expected(tx, c.user().id(), c.session().proofQuestions()));
                case MOBILE_PHONE, OFFICE_PHONE ->
                        new Counted(event, pendingCodeMatches(tx, c, Purpose.PROOF_PHONE, request.code()), null);
            };
        });
        boolean passed = counted.expected() == null ? counted.passed()
                : answers.matches(counted.expected(), request.answers() == null ? Map.of() : request.answers());
        return inSession(request.session(), caller, (DSLContext tx, Checked c) -> {
            if (!passed) {
                audit.append(tx, AuditEntry.failure(AuditActivity.SECURITY_INFO_REVIEWED, c.user().userPrincipalName(),
                        c.user().userPrincipalName(), "wrong " + describe(kind) + " proving the user again")
                        .withKiosk(caller.kioskId()));
                if (kind == Registration.SECURITY_QUESTIONS) {
                    sessions.proofQuestions(tx, c.session().id(), List.of()); // drawn again next time
                }
                return Optional.<SecurityInfoDto>empty();
            }
            throttles.succeeded(tx, counted.eventId());
            pending.remove(tx, c.session().id(), Purpose.PROOF_EMAIL);
            pending.remove(tx, c.session().id(), Purpose.PROOF_PHONE);
            sessions.proven(tx, c.session().id(), c.now());
            return Optional.of(view(tx, c));
        }).orElseThrow(() -> wrongProof(kind));
    }

    // ---- the Authenticator app --------------------------------------------------------------------------

    /** A new app to add: its seed waits, sealed, until a code from the app proves it (at most the session's life). */
    public AuthenticatorSetupDto startAuthenticator(String token, KioskCaller caller) {
        return inSession(token, caller, (tx, c) -> {
            requireRegistrable(c, Registration.AUTHENTICATOR_APP);
            requireProof(c);
            byte[] seed = totp.newSeed();
            pending.putSeed(tx, c.session().id(), seed, c.now(), c.session().expiresAt());
            String uri = Totp.otpauthUri(AdminAccounts.ISSUER, c.user().userPrincipalName(), seed);
            // The topic comes from this seed, so it is the one notifications go to once the app is proven.
            String topicUrl = notificationServer == null ? null : notificationServer + totp.pushTopic(seed);
            return new AuthenticatorSetupDto(uri, Base32.encode(seed), QrCodes.pngBase64(uri),
                    CodeFormat.digits(Totp.DIGITS), c.session().expiresAt(), topicUrl,
                    topicUrl == null ? null : QrCodes.pngBase64(topicUrl));
        });
    }

    public SecurityInfoDto verifyAuthenticator(String token, KioskCaller caller, String code) {
        return inSession(token, caller, (DSLContext tx, Checked c) -> {
            requireRegistrable(c, Registration.AUTHENTICATOR_APP);
            requireProof(c);
            Pending app = pending.find(tx, c.session().id(), Purpose.AUTHENTICATOR_APP).orElseThrow(() ->
                    new ApiException(ErrorCode.CONFLICT, "Start adding the Authenticator app again."));
            requireNotBlocked(tx, c);
            byte[] seed = pending.seed(app);
            OptionalLong step = totp.check(seed, code, c.now());
            throttles.record(tx, ThrottleStore.userKey(c.user().id()), ThrottleEventKind.APP_CODE_ATTEMPT,
                    step.isEmpty(), c.now());
            if (step.isEmpty()) {
                return refused(tx, c, Registration.AUTHENTICATOR_APP, "wrong code from the new app");
            }
            boolean wasComplete = SecurityInfoFacts.complete(c.policy(), c.user());
            totp.registerProven(tx, c.user().id(), seed, step.getAsLong());
            pending.remove(tx, c.session().id(), Purpose.AUTHENTICATOR_APP);
            return registeredNow(tx, c, Registration.AUTHENTICATOR_APP, wasComplete);
        }).orElseThrow(() -> new ApiException(ErrorCode.CODE_INVALID,
                "That code isn't right. Enter the code the app shows now."));
    }

    // ---- the alternate email ----------------------------------------------------------------------------

    /** A new alternate email: checked, then a code is sent to it (it counts once the code comes back). */
    public ChallengeDto startEmail(String token, KioskCaller caller, String address) {
        String typed = address == null ? "" : address.strip();
        if (typed.isEmpty() || typed.length() > MAX_ADDRESS) {
            throw ApiException.field(ErrorCode.INVALID_VALUE, "address", "Enter an email address outside your organization.");
        }
        ChallengeDto challenge = inSession(token, caller, (tx, c) -> {
            requireRegistrable(c, Registration.EMAIL);
            requireProof(c);
            var problems = directory.alternateEmailProblems(tx, c.user().id(), typed);
            if (!problems.isEmpty()) {
                throw ApiException.field(ErrorCode.INVALID_VALUE, "address", problems.getFirst().message());
            }
            requireNotBlocked(tx, c);
            codes.email(tx, c, Purpose.EMAIL, typed);
            return SentCodes.emailChallenge(typed, c.now());
        });
        mailQueued.run();
        return challenge;
    }

    public SecurityInfoDto verifyEmail(String token, KioskCaller caller, String code) {
        return inSession(token, caller, (DSLContext tx, Checked c) -> {
            requireRegistrable(c, Registration.EMAIL);
            requireProof(c);
            Pending address = pending.find(tx, c.session().id(), Purpose.EMAIL).orElseThrow(() ->
                    new ApiException(ErrorCode.CONFLICT, "Enter your email address again; no code is waiting."));
            requireNotBlocked(tx, c);
            boolean live = c.now().isBefore(address.expiresAt());
            boolean right = live && pending.codeMatches(c.session().id(), Purpose.EMAIL, address, code);
            throttles.record(tx, ThrottleStore.userKey(c.user().id()), ThrottleEventKind.CODE_ENTRY_ATTEMPT, !right,
                    c.now());
            if (!right) {
                return refused(tx, c, Registration.EMAIL, live ? "wrong code" : "code expired");
            }
            boolean wasComplete = SecurityInfoFacts.complete(c.policy(), c.user());
            directory.registerAlternateEmail(tx, c.user().id(), address.address(), c.now());
            pending.remove(tx, c.session().id(), Purpose.EMAIL);
            return registeredNow(tx, c, Registration.EMAIL, wasComplete);
        }).orElseThrow(() -> new ApiException(ErrorCode.CODE_INVALID,
                "That code isn't right or has expired. Check the email, or send a new code."));
    }

    // ---- phones -----------------------------------------------------------------------------------------

    /** A new mobile or office phone: read, then texted or called with a code (it counts once the code comes back). */
    public ChallengeDto startPhone(String token, KioskCaller caller, PhoneRegistrationRequest request) {
        Registration kind = request.kind();
        if (kind != Registration.MOBILE_PHONE && kind != Registration.OFFICE_PHONE) {
            throw ApiException.field(ErrorCode.INVALID_VALUE, "kind", "Choose MOBILE_PHONE or OFFICE_PHONE.");
        }
        AuthMethod method = SentCodes.phoneMethod(kind);
        SentCodes.deliveryFor(method, request.delivery());
        PhoneNumber number;
        try {
            // A local number belongs to the policy's default country.
            number = new PhoneNumbers(policy().methods().phoneRegion()).parse(request.number(), request.extension(), method == AuthMethod.MOBILE_PHONE
                    ? PhoneNumbers.Kind.MOBILE : PhoneNumbers.Kind.OFFICE);
        } catch (PhoneNumbers.Refused refused) {
            throw ApiException.field(ErrorCode.INVALID_VALUE,
                    refused.code().equals("BAD_EXTENSION") ? "extension" : "number", refused.getMessage());
        }
        ChallengeDto challenge = inSession(token, caller, (tx, c) -> {
            requireRegistrable(c, kind);
            requireProof(c);
            requireNotBlocked(tx, c);
            // A number registered for the other kind waits no longer: one phone's code at a time.
            pending.remove(tx, c.session().id(), kind == Registration.MOBILE_PHONE ? Purpose.OFFICE_PHONE : Purpose.MOBILE_PHONE);
            return codes.phone(tx, c, Purpose.valueOf(kind.name()), method, number, request.delivery());
        });
        mailQueued.run();
        return challenge;
    }

    /** The code texted or read out to the new number: the number counts from now. */
    public SecurityInfoDto verifyPhone(String token, KioskCaller caller, String code) {
        return inSession(token, caller, (DSLContext tx, Checked c) -> {
            Purpose purpose = pending.find(tx, c.session().id(), Purpose.MOBILE_PHONE).isPresent()
                    ? Purpose.MOBILE_PHONE : Purpose.OFFICE_PHONE;
            Registration kind = Registration.valueOf(purpose.name());
            requireRegistrable(c, kind);
            requireProof(c);
            Pending number = pending.find(tx, c.session().id(), purpose).orElseThrow(() ->
                    new ApiException(ErrorCode.CONFLICT, "Enter your phone number again; no code is waiting."));
            requireNotBlocked(tx, c);
            boolean live = c.now().isBefore(number.expiresAt());
            boolean right = live && pending.codeMatches(c.session().id(), purpose, number, code);
            throttles.record(tx, ThrottleStore.userKey(c.user().id()), ThrottleEventKind.PHONE_CODE_ATTEMPT, !right,
                    c.now());
            if (!right) {
                return refused(tx, c, kind, live ? "wrong code" : "code expired");
            }
            boolean wasComplete = SecurityInfoFacts.complete(c.policy(), c.user());
            PhoneNumber proven = SentCodes.numberOf(number);
            directory.registerPhone(tx, c.user().id(), kind, PhoneNumbers.international(proven), c.now());
            pending.remove(tx, c.session().id(), purpose);
            return registeredNow(tx, c, kind, wasComplete);
        }).orElseThrow(() -> new ApiException(ErrorCode.CODE_INVALID,
                "That code isn't right or has expired. Check your phone, or send a new code."));
    }

    // ---- security questions -----------------------------------------------------------------------------

    public SecurityQuestionsCatalogDto questionsCatalog(String token, KioskCaller caller) {
        return inSession(token, caller, (tx, c) -> {
            requireRegistrable(c, Registration.SECURITY_QUESTIONS);
            var policy = c.policy().methods().securityQuestions();
            return new SecurityQuestionsCatalogDto(policy.toRegister(), questions(c, policy.questionIds()),
                    SecurityAnswerRules.MIN_ANSWER_LENGTH, SecurityAnswerRules.MAX_ANSWER_LENGTH,
                    answers.registeredQuestionIds(tx, c.user().id()));
        });
    }

    /** The answers are checked and hashed with no connection held, then stored if the session still allows it. */
    public SecurityInfoDto registerAnswers(SecurityAnswersRequest request, KioskCaller caller) {
        if (request.answers() == null) {
            throw ApiException.field(ErrorCode.MISSING_FIELD, "answers", "Answer the security questions.");
        }
        var policy = inSession(request.session(), caller, (tx, c) -> {
            requireRegistrable(c, Registration.SECURITY_QUESTIONS);
            requireProof(c);
            return c.policy().methods().securityQuestions();
        });
        List<QuestionAnswer> given = request.answers().stream()
                .map(a -> a == null ? new QuestionAnswer(null, null) : new QuestionAnswer(a.questionId(), a.answer()))
                .toList();
        SecurityAnswers.Prepared prepared;
        try {
            prepared = answers.prepare(given, policy);
        } catch (SecurityAnswersRejectedException rejected) {
            throw rejection(rejected);
        }
        return inSession(request.session(), caller, (tx, c) -> {
            requireRegistrable(c, Registration.SECURITY_QUESTIONS);
            requireProof(c);
            if (!c.policy().methods().securityQuestions().equals(policy)) {
                throw new ApiException(ErrorCode.CONFLICT, "The questions on offer changed meanwhile; choose again.");
            }
            boolean wasComplete = SecurityInfoFacts.complete(c.policy(), c.user());
            try {
                answers.store(tx, c.user().id(), prepared);
            } catch (SecurityAnswersRejectedException rejected) {
                throw rejection(rejected);
            }
            return registered(tx, c, Registration.SECURITY_QUESTIONS, wasComplete);
        });
    }

    // ---- deleting -----------------------------------------------------------------------------------------

    public SecurityInfoDto delete(String token, KioskCaller caller, Registration kind) {
        Registration what = required(kind, "kind");
        return inSession(token, caller, (tx, c) -> {
            requireProof(c);
            boolean had = methods.remove(tx, c.user(), what, c.now());
            if (!had) {
                throw new ApiException(ErrorCode.NOT_FOUND, "Nothing of that kind is registered.");
            }
            audit.append(tx, entry(AuditActivity.SECURITY_INFO_DELETED, c.user(), caller).withDetails(describe(what)));
            return view(tx, c);
        });
    }

    /** Ends every open session of the user (a helpdesk reset or re-registration), in the caller's transaction. */
    public int endSessionsOf(DSLContext tx, String userId, Instant now) {
        return sessions.endAllOf(tx, userId, now);
    }

    /** Housekeeping: forgets sessions over for {@code age}, with what they left pending. */
    public int purgeSessions(Duration age) {
        Instant cutoff = clock.instant().minus(age);
        return database.inTransaction(tx -> sessions.purge(tx, cutoff));
    }

    // ---- the one check, and what every operation shares ---------------------------------------------------

    @FunctionalInterface
    private interface Work<T> {
        T apply(DSLContext tx, Checked checked);
    }

    /**
     * The check every operation passes before it may change anything (ADR 10): the bearer opens a live session
     * of this kiosk, and the user's row is locked (one change per user at a time) and still enabled.
     */
    private <T> T inSession(String token, KioskCaller caller, Work<T> work) {
        Instant now = clock.instant();
        SsprPolicy policy = policy();
        return database.inTransaction(tx -> {
            SecurityInfoSessions.Session session = sessions.find(tx, token, caller, now);
            credentials.lockRow(tx, session.userId());
            DirectoryUser user = directory.loadUser(tx, session.userId()).filter(DirectoryUser::enabled)
                    .orElseThrow(() -> new ApiException(ErrorCode.SESSION_EXPIRED, "Sign in again."));
            return work.apply(tx, new Checked(session, user, policy, now, caller));
        });
    }

    /** What the user has and may do, read afresh inside the operation's transaction (after its changes). */
    private SecurityInfoDto view(DSLContext tx, Checked c) {
        SecurityInfoSessions.Session session = sessions.findById(tx, c.session().id());
        DirectoryUser user = directory.loadUser(tx, session.userId()).orElseThrow();
        return SecurityInfoFacts.view(tx, session, user, c.policy(), c.now());
    }

    private void requireProof(Checked c) {
        if (SecurityInfoFacts.proofRequired(c.session(), c.user(), c.policy())) {
            throw new ApiException(ErrorCode.FORBIDDEN,
                    "Prove one of your registered methods first: changing your security info needs more than your password.");
        }
    }

    private void requireProvable(Checked c, Registration kind) {
        if (kind == null || !SecurityInfoFacts.provable(c.user(), c.policy()).contains(kind)) {
            throw ApiException.field(ErrorCode.INVALID_VALUE, "kind", "Choose one of your registered methods to prove.");
        }
    }

    private static void requireRegistrable(Checked c, Registration kind) {
        if (!SecurityInfoFacts.available(c.user(), c.policy()).contains(kind)) {
            throw new ApiException(ErrorCode.CONFLICT, "Your organization doesn't offer " + describe(kind) + " for password reset.");
        }
    }

    private void requireNotBlocked(DSLContext tx, Checked c) {
        if (throttles.forUser(tx, ThrottleStore.userKey(c.user().id()), c.now()) instanceof ThrottleDecision.Blocked blocked) {
            // A refusal is answered whatever becomes of the transaction, so it counts where it is decided.
            throttleMeters.blocked(blocked.rule());
            throw new ApiException(ErrorCode.THROTTLED, "Too many attempts or codes sent. Try again later.", List.of(),
                    blocked.until());
        }
    }

    private boolean pendingCodeMatches(DSLContext tx, Checked c, Purpose purpose, String code) {
        return pending.find(tx, c.session().id(), purpose)
                .filter(p -> c.now().isBefore(p.expiresAt()))
                .map(p -> pending.codeMatches(c.session().id(), purpose, p, code))
                .orElse(false);
    }

    /**
     * A wrong code while registering: counted (already) and audited. Empty, so the caller answers 400 only after
     * the transaction committed: a rollback would take the count with it.
     */
    private Optional<SecurityInfoDto> refused(DSLContext tx, Checked c, Registration kind, String reason) {
        audit.append(tx, AuditEntry.failure(AuditActivity.SECURITY_INFO_REGISTERED, c.user().userPrincipalName(),
                c.user().userPrincipalName(), reason).withKiosk(c.caller().kioskId()).withDetails(describe(kind)));
        return Optional.empty();
    }

    private Optional<SecurityInfoDto> registeredNow(DSLContext tx, Checked c, Registration kind, boolean wasComplete) {
        return Optional.of(registered(tx, c, kind, wasComplete));
    }

    /**
     * A method just registered counts, and proves the session too, so the wizard's next method needs no
     * second proof. That gives nobody more than they had: registering needed a proof already when the user
     * had anything to prove, and without one, whoever holds the password could prove what they just set.
     */
    private SecurityInfoDto registered(DSLContext tx, Checked c, Registration kind, boolean wasComplete) {
        SecurityInfoFacts.reviewed(tx, c.user().id(), c.now());
        sessions.proven(tx, c.session().id(), c.now());
        audit.append(tx, entry(AuditActivity.SECURITY_INFO_REGISTERED, c.user(), c.caller()).withDetails(describe(kind)));
        DirectoryUser after = directory.loadUser(tx, c.user().id()).orElseThrow();
        if (!wasComplete && SecurityInfoFacts.complete(c.policy(), after)) {
            audit.append(tx, entry(AuditActivity.USER_REGISTERED_FOR_SSPR, after, c.caller())
                    .withDetails(RegistrationRequirement.registered(c.policy(), after) + " methods registered"));
        }
        return view(tx, c);
    }

    private List<QuestionDto> questions(Checked c, List<String> ids) {
        Locale locale = Locale.forLanguageTag(c.session().locale());
        var policy = c.policy().methods().securityQuestions();
        return ids.stream().map(id -> new QuestionDto(id, SecurityQuestionTexts.text(policy, id, locale).orElse(id)))
                .toList();
    }

    private static ApiException rejection(SecurityAnswersRejectedException rejected) {
        List<ApiError.FieldError> errors = rejected.problems().stream()
                .map(p -> new ApiError.FieldError(p.field(), p.code(), p.message())).toList();
        return new ApiException(ErrorCode.VALIDATION_FAILED, "Some answers can't be used; see each answer.", errors, null);
    }

    private static ApiException wrongProof(Registration kind) {
        return new ApiException(ErrorCode.CODE_INVALID, kind == Registration.SECURITY_QUESTIONS
                ? "One or more answers are not right. Answer the new questions."
                : "The code is not right. Check it and try again.");
    }

    private static AuditEntry entry(AuditActivity activity, DirectoryUser user, KioskCaller caller) {
        return AuditEntry.success(activity, user.userPrincipalName(), user.userPrincipalName()).withKiosk(caller.kioskId());
    }

    private static String describe(Registration kind) {
        return switch (kind) {
            case AUTHENTICATOR_APP -> "the Authenticator app";
            case EMAIL -> "an alternate email";
            case MOBILE_PHONE -> "a mobile phone";
            case OFFICE_PHONE -> "an office phone";
            case SECURITY_QUESTIONS -> "security questions";
        };
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw ApiException.field(ErrorCode.MISSING_FIELD, field, "'" + field + "' is required.");
        }
        return value;
    }

    /** The sign-in's language (checked there), else the user's preferred one. */
    private static String sessionLocale(String requested, DirectoryUser user) {
        return LanguageTags.normalized(requested == null || requested.isBlank() ? user.preferredLanguage() : requested,
                "locale");
    }

    private SsprPolicy policy() {
        return effective.apply(policies.currentPolicy());
    }
}
