-- Users and groups at a million (ADR 18): a search matches the start of a lower-cased name, so each name
-- searched gets a lower-cased key column with an index of its own, and every order the lists offer has an
-- index that ends in a unique column (stable keyset and offset paging). The server writes the keys.
-- On PostgreSQL the key columns compare byte by byte (db/postgresql/V30_1), so LIKE 'prefix%' uses them
-- whatever the database's collation.

ALTER TABLE directory_user ADD COLUMN display_name_key VARCHAR(512) DEFAULT '' NOT NULL;
ALTER TABLE directory_user ADD COLUMN given_name_key VARCHAR(256) DEFAULT '' NOT NULL;
ALTER TABLE directory_user ADD COLUMN surname_key VARCHAR(256) DEFAULT '' NOT NULL;
UPDATE directory_user SET display_name_key = LOWER(TRIM(display_name)), given_name_key = LOWER(TRIM(given_name)),
    surname_key = LOWER(TRIM(surname));
-- No default: a writer that forgets a key fails instead of hiding the user from searches.
ALTER TABLE directory_user ALTER COLUMN display_name_key DROP DEFAULT;
ALTER TABLE directory_user ALTER COLUMN given_name_key DROP DEFAULT;
ALTER TABLE directory_user ALTER COLUMN surname_key DROP DEFAULT;

-- The display-name order and search use the key (case-insensitive); upn_key (unique) and
-- (created_at, id) were indexed before.
DROP INDEX ix_directory_user_display_name;
CREATE INDEX ix_directory_user_display_name_key ON directory_user (display_name_key, id);
CREATE INDEX ix_directory_user_given_name_key ON directory_user (given_name_key, id);
CREATE INDEX ix_directory_user_surname_key ON directory_user (surname_key, id);
