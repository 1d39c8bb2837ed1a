-- Directory lists: every sort order has an index that ends in the id, which breaks ties so paging is
-- stable; and the holders of a role (the last Global administrator check) are found without a scan.

DROP INDEX ix_directory_user_display_name;
CREATE INDEX ix_directory_user_display_name ON directory_user (display_name, id);
CREATE INDEX ix_directory_user_created_at ON directory_user (created_at, id);
CREATE INDEX ix_directory_group_created_at ON directory_group (created_at, id);
CREATE INDEX ix_user_role_role ON user_role (role);
