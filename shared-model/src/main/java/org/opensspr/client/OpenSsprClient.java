package org.opensspr.client;

import com.fasterxml.jackson.core.type.TypeReference;
import okhttp3.OkHttpClient;
import org.opensspr.api.AdminSignInRequest;
import org.opensspr.api.AuditEventDto;
import org.opensspr.api.PassSignInRequest;
import org.opensspr.api.PhoneRegistrationRequest;
import org.opensspr.api.ApiPaths;
import org.opensspr.api.BrandingAssetDto;
import org.opensspr.api.BrandingDto;
import org.opensspr.api.ErrorCode;
import org.opensspr.api.ImportResultDto;
import org.opensspr.api.GroupDto;
import org.opensspr.api.GroupMemberDto;
import org.opensspr.api.GroupRefDto;
import org.opensspr.api.GroupWriteRequest;
import org.opensspr.api.UserDetailDto;
import org.opensspr.api.UserSummaryDto;
import org.opensspr.api.WhatIfDto;
import org.opensspr.flow.FlowIntent;
import org.opensspr.api.ChooseMethodRequest;
import org.opensspr.api.FlowResponse;
import org.opensspr.api.GroupDto;
import org.opensspr.api.HealthDto;
import org.opensspr.api.IdentifyRequest;
import org.opensspr.api.NewPasswordRequest;
import org.opensspr.api.ProveRequest;
import org.opensspr.api.StartFlowRequest;
import org.opensspr.api.TicketRequest;
import org.opensspr.api.UserPasswordChangeRequest;
import org.opensspr.api.UserSignInRequest;
import org.opensspr.api.UserSignInResultDto;
import org.opensspr.api.UserSummaryDto;
import org.opensspr.api.WhatIfDto;
import org.opensspr.flow.FlowIntent;
import org.opensspr.api.KioskCreateRequest;
import org.opensspr.api.KioskCredentialDto;
import org.opensspr.api.KioskDto;
import org.opensspr.api.KioskEnrollRequest;
import org.opensspr.api.KioskEnrollmentCodeDto;
import org.opensspr.api.OutboxMessageDto;
import org.opensspr.api.Page;
import org.opensspr.api.PolicyDiffDto;
import org.opensspr.api.PolicyImpactDto;
import org.opensspr.api.ProposedPolicyRequest;
import org.opensspr.api.PolicyDocumentDto;
import org.opensspr.api.PolicyRollbackRequest;
import org.opensspr.api.PolicyUpdateRequest;
import org.opensspr.api.PolicyValidationDto;
import org.opensspr.api.PolicyVersionSummaryDto;
import org.opensspr.policy.SsprPolicy;
import org.opensspr.api.Json;
import org.opensspr.api.SessionDto;
import org.opensspr.api.AuthenticatorSetupDto;
import org.opensspr.api.ChallengeDto;
import org.opensspr.api.EmailRegistrationRequest;
import org.opensspr.api.SecurityAnswersRequest;
import org.opensspr.api.SecurityInfoCodeRequest;
import org.opensspr.api.SecurityInfoDto;
import org.opensspr.api.SecurityInfoMethodRequest;
import org.opensspr.api.SecurityInfoProofRequest;
import org.opensspr.api.SecurityInfoRequest;
import org.opensspr.api.SecurityQuestionsCatalogDto;
import org.opensspr.methods.AuthMethod;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

/**
 * The OpenSSPR server's API for the admin console and the kiosk. Every failure is an
 * {@link OpenSsprException}. Thread-safe; {@link #close()} releases its connections.
 *
 * <pre>{@code
 * try (OpenSsprClient client = OpenSsprClient.builder()
 *         .baseUrl("https://sspr.example.org:8443")
 *         .pinnedCertificate("3F:A0:…")            // the fingerprint the server printed
 *         .build()) {
 *     client.signIn(new AdminSignInRequest("admin", password, totp));
 *     ...
 * }
 * }</pre>
 */
public final class OpenSsprClient implements AutoCloseable {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(15);
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(30);

    /** The generic core; typed methods (here and in later parts of the API) are thin calls into it. */
    final ApiTransport transport;
    private final Supplier<String> credentials;
    private final AtomicReference<String> sessionToken = new AtomicReference<>();
    private final HelpdeskCalls helpdesk;
    private final AuditCalls audit;
    private final InsightsCalls insights;
    private final WritebackCalls writeback;
    private final DirectorySyncCalls directorySync;

    OpenSsprClient(Supplier<String> credentials, String userAgent, String baseUrl, OkHttpClient.Builder http) {
        this.credentials = credentials;
        this.transport = new ApiTransport(http, Json.newMapper(), baseUrl, userAgent, this::currentToken);
        this.helpdesk = new HelpdeskCalls(transport);
        this.audit = new AuditCalls(transport);
        this.insights = new InsightsCalls(transport);
        this.writeback = new WritebackCalls(transport);
        this.directorySync = new DirectorySyncCalls(transport);
    }

    public static OpenSsprClientBuilder builder() {
        return new OpenSsprClientBuilder();
    }

    /** Whether the server is up, and its version. Needs no sign-in. */
    public HealthDto health() {
        return transport.get(ApiPaths.HEALTH, HealthDto.class);
    }

    /**
     * Signs an administrator in. From then on this client sends the session's token with every call,
     * until {@link #signOut()}.
     *
     * @throws OpenSsprApiException with {@link ErrorCode#INVALID_CREDENTIALS}, {@link ErrorCode#ACCOUNT_LOCKED}, …
     */
    public SessionDto signIn(AdminSignInRequest request) {
        Objects.requireNonNull(request, "request");
        SessionDto session = transport.post(ApiPaths.ADMIN_SESSION, request, SessionDto.class);
        sessionToken.set(session.token());
        return session;
    }

    /**
     * Ends the session on the server and forgets it here. The client forgets the session even when
     * the server can't be told; a session the server already ended counts as signed out. Does
     * nothing when there are no credentials to sign out.
     */
    public void signOut() {
        String token = currentToken();
        if (token == null) {
            return;
        }
        try {
            transport.delete(ApiPaths.ADMIN_SESSION, Void.class);
        } catch (OpenSsprApiException e) {
            if (e.code() != ErrorCode.UNAUTHENTICATED && e.code() != ErrorCode.SESSION_EXPIRED) {
                throw e;
            }
        } finally {
            sessionToken.compareAndSet(token, null);
        }
    }

    // --- SSPR policy (admin console) ---

    /** The current policy and its version. */
    public PolicyDocumentDto currentPolicy() {
        return transport.get(ApiPaths.POLICY, PolicyDocumentDto.class);
    }

    /** Every violation of {@code policy}, checked by the server without storing anything. */
    public PolicyValidationDto validatePolicy(SsprPolicy policy) {
        return transport.post(ApiPaths.POLICY + "/validate", new ProposedPolicyRequest(policy), PolicyValidationDto.class);
    }

    /** Stores {@code policy} as the next version; VERSION_CONFLICT when someone saved since {@code expectedVersion}. */
    public PolicyDocumentDto updatePolicy(int expectedVersion, SsprPolicy policy) {
        return transport.put(ApiPaths.POLICY, new PolicyUpdateRequest(expectedVersion, policy), PolicyDocumentDto.class);
    }

    public Page<PolicyVersionSummaryDto> policyVersions(int page, int size) {
        return transport.get(ApiPaths.POLICY + "/versions?page=" + page + "&size=" + size,
                new TypeReference<Page<PolicyVersionSummaryDto>>() { });
    }

    public PolicyDocumentDto policyVersion(int version) {
        return transport.get(ApiPaths.POLICY + "/versions/" + version, PolicyDocumentDto.class);
    }

    /** The field-level differences from one version to another. */
    public PolicyDiffDto policyDiff(int fromVersion, int toVersion) {
        return transport.get(ApiPaths.POLICY + "/diff?from=" + fromVersion + "&to=" + toVersion, PolicyDiffDto.class);
    }

    /** Writes a new version equal to {@code toVersion}. */
    public PolicyDocumentDto rollbackPolicy(int toVersion, int expectedVersion) {
        return transport.post(ApiPaths.POLICY + "/rollback", new PolicyRollbackRequest(toVersion, expectedVersion),
                PolicyDocumentDto.class);
    }

    /**
     * What saving {@code policy} would do: users newly out of scope, newly unable to reset, newly asked to
     * register (counts and up to 200 each), against the policy in force. VALIDATION_FAILED when it is invalid.
     */
    public PolicyImpactDto policyImpact(SsprPolicy policy) {
        return transport.post(ApiPaths.POLICY + "/impact", new ProposedPolicyRequest(policy), PolicyImpactDto.class);
    }

    /**
     * What-if: what the user would meet at the kiosk right now (eligible or why not, the first step), from
     * the server's flow engine. Needs the READ_DIRECTORY permission.
     */
    public WhatIfDto whatIf(String userPrincipalName, FlowIntent intent) {
        Objects.requireNonNull(userPrincipalName, "userPrincipalName");
        Objects.requireNonNull(intent, "intent");
        return transport.get(ApiPaths.POLICY + "/what-if?user=" + ApiTransport.queryValue(userPrincipalName)
                + "&intent=" + intent.name(), WhatIfDto.class);
    }

    // --- Directory (the console's user and group pickers) ---

    /**
     * Users whose UPN, display name, given name or surname starts with {@code search}, in any case (blank:
     * all), by UPN; page from 0, size 1–200. A search reads at most 1,000 matches of each name: when it had
     * more, {@link Page#totalExact()} is false.
     */
    public Page<UserSummaryDto> users(String search, int page, int size) {
        return users(search, "", page, size);
    }

    /** As {@link #users(String, int, int)}, in {@code sort}: upn, displayName or createdAt, "-" first for descending. */
    public Page<UserSummaryDto> users(String search, String sort, int page, int size) {
        return transport.get(ApiPaths.USERS + listQuery(search, sort, "page=" + page, size),
                new TypeReference<Page<UserSummaryDto>>() { });
    }

    /**
     * The page after the one whose {@link Page#next()} is {@code after} (null: the first page), in the same
     * {@code sort}: keyset paging, as cheap at the millionth user as at the first.
     */
    public Page<UserSummaryDto> usersAfter(String search, String sort, String after, int size) {
        return transport.get(ApiPaths.USERS + listQuery(search, sort, after(after), size),
                new TypeReference<Page<UserSummaryDto>>() { });
    }

    /**
     * Imports users from a CSV file (UTF-8, at most {@link org.opensspr.api.UploadLimits#USER_IMPORT_BYTES}), all or
     * nothing. A file with problems comes back {@linkplain ImportResultDto#imported() not imported}, every problem
     * with its line; {@code sent} hears how many bytes went out so far.
     */
    public ImportResultDto importUsers(byte[] csv, LongConsumer sent) {
        try {
            return transport.postBytes(ApiPaths.USERS + "/import", csv, "text/csv; charset=utf-8", sent,
                    ImportResultDto.class);
        } catch (OpenSsprApiException e) {
            if (e.code() == ErrorCode.VALIDATION_FAILED) {
                var rows = ImportProblems.rows(e.fieldErrors());
                if (rows.isPresent()) {
                    return ImportResultDto.rejected(rows.get());
                }
            }
            throw e;
        }
    }

    /** One user with contact data, roles, registered methods and direct groups; NOT_FOUND for an unknown id. */
    public UserDetailDto user(String id) {
        return transport.get(ApiPaths.USERS + "/" + ApiTransport.segment(id), UserDetailDto.class);
    }

    /** The user with this userPrincipalName, in any case; NOT_FOUND when there is none. */
    public UserDetailDto userByUpn(String userPrincipalName) {
        return transport.get(ApiPaths.USERS + "/by-upn/" + ApiTransport.segment(userPrincipalName), UserDetailDto.class);
    }

    /**
     * Groups whose name starts with {@code search}, in any case (blank: all), by name; page from 0, size
     * 1–200. A search reads at most 1,000 matches: when there were more, {@link Page#totalExact()} is false.
     */
    public Page<GroupDto> groups(String search, int page, int size) {
        return groups(search, "", page, size);
    }

    /** As {@link #groups(String, int, int)}, in {@code sort}: name or createdAt, "-" first for descending. */
    public Page<GroupDto> groups(String search, String sort, int page, int size) {
        return transport.get(ApiPaths.GROUPS + listQuery(search, sort, "page=" + page, size),
                new TypeReference<Page<GroupDto>>() { });
    }

    /** The page after the one whose {@link Page#next()} is {@code after} (null: the first page), in the same sort. */
    public Page<GroupDto> groupsAfter(String search, String sort, String after, int size) {
        return transport.get(ApiPaths.GROUPS + listQuery(search, sort, after(after), size),
                new TypeReference<Page<GroupDto>>() { });
    }

    /** One group with its direct member counts; NOT_FOUND for an unknown id. */
    public GroupDto group(String id) {
        return transport.get(ApiPaths.GROUPS + "/" + ApiTransport.segment(id), GroupDto.class);
    }

    /** Creates a group; CONFLICT when the name is taken in any case. */
    public GroupDto createGroup(GroupWriteRequest request) {
        Objects.requireNonNull(request, "request");
        return transport.post(ApiPaths.GROUPS, request, GroupDto.class);
    }

    /** A group's direct members, nested groups first (by name), then users (by UPN); page from 0, size 1–200. */
    public Page<GroupMemberDto> groupMembers(String groupId, int page, int size) {
        return transport.get(groupPath(groupId) + "/members?page=" + page + "&size=" + size,
                new TypeReference<Page<GroupMemberDto>>() { });
    }

    /** Adds a user to a group; adding a member again changes nothing. */
    public void addUserToGroup(String groupId, String userId) {
        transport.put(groupPath(groupId) + "/members/users/" + ApiTransport.segment(userId), null, Void.class);
    }

    /** Takes a user out of a group (not out of the groups that hold it). */
    public void removeUserFromGroup(String groupId, String userId) {
        transport.delete(groupPath(groupId) + "/members/users/" + ApiTransport.segment(userId), Void.class);
    }

    /** Nests {@code memberGroupId} in a group; INVALID_VALUE for a group in itself. */
    public void addGroupToGroup(String groupId, String memberGroupId) {
        transport.put(groupPath(groupId) + "/members/groups/" + ApiTransport.segment(memberGroupId), null, Void.class);
    }

    /** Takes a nested group out of a group; its own members stay in it. */
    public void removeGroupFromGroup(String groupId, String memberGroupId) {
        transport.delete(groupPath(groupId) + "/members/groups/" + ApiTransport.segment(memberGroupId), Void.class);
    }

    /**
     * Which of {@code candidates} (at most 100, e.g. the policy's scope groups) are the group or hold it through
     * nesting at any depth, by name: the groups through which its members are in scope. Unknown ids are left out.
     */
    public List<GroupRefDto> groupHeldBy(String groupId, Collection<String> candidates) {
        return transport.get(groupPath(groupId) + "/held-by?among=" + ApiTransport.queryValue(String.join(",", candidates)),
                new TypeReference<List<GroupRefDto>>() { });
    }

    private static String groupPath(String groupId) {
        return ApiPaths.GROUPS + "/" + ApiTransport.segment(groupId);
    }

    private static String listQuery(String search, String sort, String position, int size) {
        StringBuilder query = new StringBuilder("?");
        if (search != null && !search.isBlank()) {
            query.append("q=").append(ApiTransport.queryValue(search.strip())).append('&');
        }
        if (sort != null && !sort.isBlank()) {
            query.append("sort=").append(ApiTransport.queryValue(sort.strip())).append('&');
        }
        if (!position.isEmpty()) {
            query.append(position).append('&');
        }
        return query.append("size=").append(size).toString();
    }

    private static String after(String cursor) {
        return cursor == null || cursor.isBlank() ? "" : "after=" + ApiTransport.queryValue(cursor);
    }

    /** Audit events about {@code target} (a UPN; exact, any case), newest first; needs READ_AUDIT. */
    public Page<AuditEventDto> auditEventsAbout(String target, int page, int size) {
        return transport.get(ApiPaths.BASE + "/audit?target=" + ApiTransport.queryValue(target) + "&page=" + page
                + "&size=" + size, new TypeReference<Page<AuditEventDto>>() { });
    }

    /**
     * Admin (READ_OUTBOX, Global Administrators only): the messages the embedded default delivered into its own
     * outbox, newest first, as their recipients receive them (mail's text part); the list holds the newest 10,000,
     * at most 100 a page, and each read is audited. A server that sends through SMTP or a gateway answers
     * {@link org.opensspr.api.ErrorCode#CONFLICT}: its outbox is not shown.
     */
    public Page<OutboxMessageDto> outbox(int page, int size) {
        return transport.get(ApiPaths.OUTBOX + "?page=" + page + "&size=" + size,
                new TypeReference<Page<OutboxMessageDto>>() { });
    }

    /** The audit log: pages of events, streamed exports and the tamper-evident chain's state. */
    public AuditCalls audit() {
        return audit;
    }

    /** Usage & insights: registration, activity per day, failures, blocked users and time to reset. */
    public InsightsCalls insights() {
        return insights;
    }

    /** The on-premises directory: its status, a connection test, the writebacks attempted. */
    public WritebackCalls writeback() {
        return writeback;
    }

    /** Directory sync: start a run (full or delta, dry or real), follow it, read the last runs and their changes. */
    public DirectorySyncCalls directorySync() {
        return directorySync;
    }

    /** The helpdesk's actions over one user: reset, unlock, Temporary Access Pass, methods, contact data. */
    public HelpdeskCalls helpdesk() {
        return helpdesk;
    }

    // --- Branding (the lock screen's look) ---

    /** Admin: stores a logo or background; {@code mediaType} is {@code image/png} or {@code image/jpeg}. */
    public BrandingAssetDto uploadBrandingAsset(byte[] bytes, String mediaType) {
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(mediaType, "mediaType");
        return transport.postBytes(ApiPaths.BRANDING_ASSETS, bytes, mediaType, BrandingAssetDto.class);
    }

    /** What the lock screen shows before sign-in; needs no sign-in (a kiosk's credential is sent if it has one). */
    public BrandingDto branding() {
        return transport.get(ApiPaths.BRANDING, BrandingDto.class);
    }

    /** An uploaded image's bytes; NOT_FOUND for an unknown id. */
    public byte[] brandingAsset(String id) {
        return transport.getBytes(ApiPaths.BRANDING_ASSETS + "/" + ApiTransport.segment(id));
    }

    /** Admin (policy readers): the same image bytes, whatever network the console is on. */
    public byte[] policyBrandingAsset(String id) {
        return transport.getBytes(ApiPaths.POLICY_BRANDING_ASSETS + "/" + ApiTransport.segment(id));
    }

    // --- Kiosks ---

    /** Admin: create a kiosk; the answer holds its one-time enrollment code. */
    public KioskEnrollmentCodeDto createKiosk(String name) {
        return transport.post(ApiPaths.KIOSKS, new KioskCreateRequest(name), KioskEnrollmentCodeDto.class);
    }

    /** Admin (MANAGE_KIOSKS): kiosks by name, revoked ones included; at most 200 a page. */
    public Page<KioskDto> kiosks(int page, int size) {
        return transport.get(ApiPaths.KIOSKS + "?page=" + page + "&size=" + size, new TypeReference<Page<KioskDto>>() { });
    }

    /** Admin (MANAGE_KIOSKS): its credential and any unused code stop working; revoking twice changes nothing. */
    public KioskDto revokeKiosk(String kioskId) {
        return transport.post(ApiPaths.KIOSKS + "/" + ApiTransport.segment(kioskId) + "/revoke", null, KioskDto.class);
    }

    /** Kiosk: exchange the one-time code for a device credential (and the certificate fingerprint to pin). */
    public KioskCredentialDto enrollKiosk(KioskEnrollRequest request) {
        return transport.post(ApiPaths.KIOSKS + "/enroll", request, KioskCredentialDto.class);
    }

    /** Kiosk: which kiosk this credential belongs to. */
    public KioskDto thisKiosk() {
        return transport.get(ApiPaths.KIOSKS + "/me", KioskDto.class);
    }

    // --- The lock screen: sign-in, change password, and the reset / unlock flow ---

    /** Sign-in at the lock screen; an unknown name answers like a wrong password. */
    /** Lock screen: sign a user in with a Temporary Access Pass; SIGNED_IN opens registration. */
    public UserSignInResultDto signInUserWithPass(PassSignInRequest request) {
        return transport.post(ApiPaths.BASE + "/signin/pass", request, UserSignInResultDto.class);
    }

    public UserSignInResultDto signInUser(UserSignInRequest request) {
        return transport.post(ApiPaths.BASE + "/signin", request, UserSignInResultDto.class);
    }

    /** Change password (self-service); INVALID_CREDENTIALS or VALIDATION_FAILED when refused. */
    public void changeUserPassword(UserPasswordChangeRequest request) {
        transport.post(ApiPaths.BASE + "/password/change", request, Void.class);
    }

    /** The signed-in user's security info (the session from {@link #signInUser}). */
    public SecurityInfoDto securityInfo(String session) {
        return transport.post(ApiPaths.SECURITY_INFO, new SecurityInfoRequest(session), SecurityInfoDto.class);
    }

    /** "Ask me later": the next sign-in asks again. Ends the session. */
    public void skipSecurityInfo(String session) {
        transport.post(ApiPaths.SECURITY_INFO + "/skip", new SecurityInfoRequest(session), Void.class);
    }

    /** "Looks good": the user confirms their registered info is current. */
    public SecurityInfoDto confirmSecurityInfo(String session) {
        return transport.post(ApiPaths.SECURITY_INFO + "/confirm", new SecurityInfoRequest(session), SecurityInfoDto.class);
    }

    /** Ends the session (signed out, idle timeout): unproven registrations are discarded. */
    public void endSecurityInfo(String session) {
        transport.post(ApiPaths.SECURITY_INFO + "/end", new SecurityInfoRequest(session), Void.class);
    }

    /** Starts proving a registered method again (sends the email code, draws the questions). */
    public ChallengeDto startSecurityInfoProof(String session, AuthMethod.Registration kind) {
        return transport.post(ApiPaths.SECURITY_INFO + "/proof/start", new SecurityInfoMethodRequest(session, kind),
                ChallengeDto.class);
    }

    /** Proving a registered mobile phone again by a call rather than a text. */
    public ChallengeDto startSecurityInfoProof(String session, AuthMethod.Registration kind,
                                               org.opensspr.methods.PhoneDelivery delivery) {
        return transport.post(ApiPaths.SECURITY_INFO + "/proof/start", new SecurityInfoMethodRequest(session, kind, delivery),
                ChallengeDto.class);
    }

    public SecurityInfoDto proveSecurityInfo(SecurityInfoProofRequest request) {
        return transport.post(ApiPaths.SECURITY_INFO + "/proof", request, SecurityInfoDto.class);
    }

    public AuthenticatorSetupDto startAuthenticator(String session) {
        return transport.post(ApiPaths.SECURITY_INFO + "/authenticator/start", new SecurityInfoRequest(session),
                AuthenticatorSetupDto.class);
    }

    public SecurityInfoDto verifyAuthenticator(String session, String code) {
        return transport.post(ApiPaths.SECURITY_INFO + "/authenticator/verify", new SecurityInfoCodeRequest(session, code),
                SecurityInfoDto.class);
    }

    public ChallengeDto startEmailRegistration(String session, String address) {
        return transport.post(ApiPaths.SECURITY_INFO + "/email/start", new EmailRegistrationRequest(session, address),
                ChallengeDto.class);
    }

    public SecurityInfoDto verifyEmailRegistration(String session, String code) {
        return transport.post(ApiPaths.SECURITY_INFO + "/email/verify", new SecurityInfoCodeRequest(session, code),
                SecurityInfoDto.class);
    }

    /** Texts or calls the new number with a code; it counts once {@link #verifyPhoneRegistration} gets the code. */
    public ChallengeDto startPhoneRegistration(PhoneRegistrationRequest request) {
        return transport.post(ApiPaths.SECURITY_INFO + "/phone/start", request, ChallengeDto.class);
    }

    public SecurityInfoDto verifyPhoneRegistration(String session, String code) {
        return transport.post(ApiPaths.SECURITY_INFO + "/phone/verify", new SecurityInfoCodeRequest(session, code),
                SecurityInfoDto.class);
    }

    public SecurityQuestionsCatalogDto securityQuestionsCatalog(String session) {
        return transport.post(ApiPaths.SECURITY_INFO + "/questions/catalog", new SecurityInfoRequest(session),
                SecurityQuestionsCatalogDto.class);
    }

    public SecurityInfoDto registerSecurityAnswers(SecurityAnswersRequest request) {
        return transport.post(ApiPaths.SECURITY_INFO + "/questions", request, SecurityInfoDto.class);
    }

    public SecurityInfoDto deleteSecurityInfo(String session, AuthMethod.Registration kind) {
        return transport.post(ApiPaths.SECURITY_INFO + "/delete", new SecurityInfoMethodRequest(session, kind),
                SecurityInfoDto.class);
    }

    public FlowResponse startFlow(StartFlowRequest request) {
        return transport.post(ApiPaths.RESET_FLOWS, request, FlowResponse.class);
    }

    public FlowResponse refreshCaptcha(String ticket) {
        return transport.post(ApiPaths.RESET_FLOWS + "/captcha", new TicketRequest(ticket), FlowResponse.class);
    }

    public FlowResponse identify(IdentifyRequest request) {
        return transport.post(ApiPaths.RESET_FLOWS + "/identify", request, FlowResponse.class);
    }

    public FlowResponse chooseMethod(ChooseMethodRequest request) {
        return transport.post(ApiPaths.RESET_FLOWS + "/method", request, FlowResponse.class);
    }

    public FlowResponse prove(ProveRequest request) {
        return transport.post(ApiPaths.RESET_FLOWS + "/prove", request, FlowResponse.class);
    }

    /** Leaves the open gate ("I can't use my app now", "use another method") for the choice of methods. */
    public FlowResponse backToMethods(String ticket) {
        return transport.post(ApiPaths.RESET_FLOWS + "/back", new TicketRequest(ticket), FlowResponse.class);
    }

    public FlowResponse resendCode(String ticket) {
        return transport.post(ApiPaths.RESET_FLOWS + "/resend", new TicketRequest(ticket), FlowResponse.class);
    }

    public FlowResponse setNewPassword(NewPasswordRequest request) {
        return transport.post(ApiPaths.RESET_FLOWS + "/password", request, FlowResponse.class);
    }

    public FlowResponse unlockAccount(String ticket) {
        return transport.post(ApiPaths.RESET_FLOWS + "/unlock", new TicketRequest(ticket), FlowResponse.class);
    }

    /** Ends the flow (cancel or idle timeout): its ticket answers 410 from then on. */
    public void abandonFlow(String ticket) {
        transport.post(ApiPaths.RESET_FLOWS + "/abandon", new TicketRequest(ticket), Void.class);
    }

    /** Whether {@link #signIn} succeeded and {@link #signOut()} hasn't been called since. */
    public boolean isSignedIn() {
        return sessionToken.get() != null;
    }

    /** The server's base URL, as normalized by the builder (no trailing slash). */
    public String baseUrl() {
        return transport.baseUrl();
    }

    /** Releases the connections and threads; calls made afterwards throw {@link IllegalStateException}. */
    @Override
    public void close() {
        transport.close();
    }

    /** The session's token once signed in, else the configured credentials (a kiosk's device token). */
    private String currentToken() {
        String session = sessionToken.get();
        if (session != null) {
            return session;
        }
        String token = credentials.get();
        return token == null || token.isBlank() ? null : token;
    }
}
