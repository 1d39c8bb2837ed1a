-- Images an administrator uploads for the kiosk's branding (logo, background). A stored image never
-- changes: the policy refers to it by id, and clients cache it for good under its SHA-256 tag.
CREATE TABLE branding_asset (
    id          VARCHAR(64)  NOT NULL PRIMARY KEY,
    media_type  VARCHAR(32)  NOT NULL,                  -- image/png | image/jpeg
    content     BYTEA        NOT NULL,                  -- at most 5 MiB, checked by the server
    width       INTEGER      NOT NULL,
    height      INTEGER      NOT NULL,
    sha256      VARCHAR(64)  NOT NULL,                  -- lower-case hex of content
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by  VARCHAR(320) NOT NULL,                  -- the administrator's UPN
    CONSTRAINT ck_branding_asset_media_type CHECK (media_type IN ('image/png', 'image/jpeg'))
);
