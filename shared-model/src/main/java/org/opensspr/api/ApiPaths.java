package org.opensspr.api;

/** Where things are on the server, shared so that routes and client calls can't drift apart. */
public final class ApiPaths {

    /** Every API path starts with this; the version changes only with an incompatible contract. */
    public static final String BASE = "/api/v1";

    /** {@code GET}: {@link HealthDto}; no sign-in needed. */
    public static final String HEALTH = BASE + "/health";

    /** {@code POST} an {@link AdminSignInRequest}: a {@link SessionDto}. {@code DELETE}: sign out. */
    public static final String ADMIN_SESSION = BASE + "/admin/session";

    /** The SSPR policy: {@code GET} current, {@code PUT} update; below it validate, versions, diff, rollback. */
    public static final String POLICY = BASE + "/policy";

    /** Directory users: {@code GET} a page (q, sort, page, size), {@code POST} create; below it {id}, import, … */
    public static final String USERS = BASE + "/users";

    /** Directory groups: {@code GET} a page (q, sort, page, size), {@code POST} create; below it {id}, members. */
    public static final String GROUPS = BASE + "/groups";

    /** Directory sync runs: {@code POST} start one, {@code GET} the last ones; below it {id} and {id}/changes. */
    public static final String DIRECTORY_SYNC_RUNS = BASE + "/directory-sync/runs";

    /** Kiosks: {@code POST} create (admin), {@code GET} list; below it enroll, me, {id}/revoke. */
    public static final String KIOSKS = BASE + "/kiosks";

    /** {@code GET} a page of the embedded default's outbox, newest first (Global Administrators only). */
    public static final String OUTBOX = BASE + "/outbox";

    /** The lock screen's reset and unlock flow: POST here to start; below it identify, method, prove, … */
    public static final String RESET_FLOWS = BASE + "/reset/flows";

    /**
     * {@code POST /{token}}: the answer to an app notification (the number picked, or DENY), from the phone. The
     * token is signed, single-use and short-lived; {@code GET /{token}} shows the same choices as a page.
     */
    public static final String PUSH_ANSWERS = BASE + "/push/answers";

    /**
     * The signed-in user's own security info, by the session sign-in gave them: POST here to view; below it
     * skip, confirm, end, proof/start, proof, authenticator/start, authenticator/verify, email/start,
     * email/verify, phone/start, phone/verify, questions/catalog, questions, delete.
     */
    public static final String SECURITY_INFO = BASE + "/security-info";

    /** {@code GET}: the lock screen's {@link BrandingDto} (organization name, images, helpdesk, unlock). */
    public static final String BRANDING = BASE + "/branding";

    /** Branding images: {@code POST} raw PNG/JPEG bytes (admin) → {@link BrandingAssetDto}; {@code GET /{id}} the bytes. */
    public static final String BRANDING_ASSETS = BRANDING + "/assets";

    /**
     * {@code GET /{id}}: a branding image for an administrator (the console's preview), from any network;
     * the kiosks' {@link #BRANDING_ASSETS} answers only from the allowed kiosk networks.
     */
    public static final String POLICY_BRANDING_ASSETS = POLICY + "/branding-assets";

    /** The response header carrying the server's id for the request (also in {@link ApiError#requestId()}). */
    public static final String REQUEST_ID_HEADER = "X-Request-Id";

    private ApiPaths() {
    }
}
