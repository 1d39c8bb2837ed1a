-- PostgreSQL only (Database adds this folder for PostgreSQL): the lower-cased keys that lists search and
-- sort compare byte by byte. With a linguistic collation (en_US, ICU) a btree can't answer
-- LIKE 'prefix%', and the order would differ from H2's; with "C" both databases sort keys by code point
-- and every prefix search is an index range (ADR 18). Equality, and so uniqueness, is unchanged.

ALTER TABLE directory_user
    ALTER COLUMN upn_key TYPE VARCHAR(320) COLLATE "C",
    ALTER COLUMN display_name_key TYPE VARCHAR(512) COLLATE "C",
    ALTER COLUMN given_name_key TYPE VARCHAR(256) COLLATE "C",
    ALTER COLUMN surname_key TYPE VARCHAR(256) COLLATE "C";
ALTER TABLE directory_group ALTER COLUMN name_key TYPE VARCHAR(256) COLLATE "C";
