-- Tests only. Member accounts (issue 3) link logins to member records in members.username; until that migration
-- (core V5) is on main, the tests add the column so that "my points" can be exercised. A fresh database applies V5
-- first (lower version), which makes this a no-op once it exists.
ALTER TABLE members ADD COLUMN IF NOT EXISTS username varchar(100) COLLATE "C";
-- The index core V5 creates with the column, so that looking a login up costs what it will.
CREATE UNIQUE INDEX IF NOT EXISTS members_username_unique ON members (username);
