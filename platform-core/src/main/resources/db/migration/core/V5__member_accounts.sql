-- Member accounts: a member may have a login, a Keycloak user of the platform's one realm that the platform creates,
-- links and disables through Keycloak's Admin API. The member row is the source of truth and commits first, together
-- with a task in account_tasks; a worker makes Keycloak match it, idempotently, retrying with back-off.

ALTER TABLE members
    -- Keycloak usernames are global to the realm and lower-case, so a login is unique across all tenants.
    ADD COLUMN username          varchar(100) COLLATE "C" CHECK (username ~ '^[a-z0-9][a-z0-9._@-]{2,99}$'),
    -- The Keycloak user's id once the worker has created (or adopted) it.
    ADD COLUMN keycloak_user_id  varchar(64),
    -- What Keycloak holds, as the worker last confirmed it.
    ADD COLUMN account_status    varchar(16) NOT NULL DEFAULT 'NONE'
        CHECK (account_status IN ('NONE', 'PENDING', 'ACTIVE', 'DISABLED', 'FAILED')),
    -- Set while the member is disabled (their account with them).
    ADD COLUMN disabled_at       timestamptz,
    ADD CONSTRAINT members_account_has_login CHECK (account_status = 'NONE' OR username IS NOT NULL);
-- Across tenants on purpose: row-level security does not hide unique indexes, and the realm is shared.
CREATE UNIQUE INDEX members_username_unique ON members (username);

-- The durable queue of Keycloak work. Platform-level like memberships (no row-level security): the worker claims
-- due tasks of every tenant in one statement (FOR UPDATE SKIP LOCKED), before any tenant is current. tenant_id is
-- kept, and the composite key makes a task point only at a member of its own tenant.
CREATE TABLE account_tasks (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id        varchar(63)  NOT NULL REFERENCES tenants (id),
    member_id        bigint       NOT NULL,
    action           varchar(16)  NOT NULL CHECK (action IN ('CREATE', 'UPDATE', 'DISABLE', 'ENABLE')),
    attempts         integer      NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz  NOT NULL DEFAULT now(),
    last_error       varchar(1000),
    created_at       timestamptz  NOT NULL DEFAULT now(),
    -- Succeeded, or superseded by a later task of the same member.
    done_at          timestamptz,
    -- Parked: no more automatic attempts (a permanent error, or too many attempts); an administrator acts.
    failed_at        timestamptz,
    CONSTRAINT account_tasks_member_fk FOREIGN KEY (tenant_id, member_id) REFERENCES members (tenant_id, id)
);
CREATE INDEX account_tasks_due_idx ON account_tasks (next_attempt_at, id) WHERE done_at IS NULL AND failed_at IS NULL;
CREATE INDEX account_tasks_member_idx ON account_tasks (tenant_id, member_id, id);
COMMENT ON TABLE account_tasks IS 'platform-level, not tenant-owned: the queue of Keycloak account work for members';
