-- The audit trail: who did what, when, in which tenant. Append-only, enforced by the database: the application
-- role may insert and read, never update or delete. Platform-level: refused requests are recorded before any
-- tenant is current, and region administrators read across their tenants.
CREATE TABLE audit_events (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at  timestamptz  NOT NULL DEFAULT now(),
    username     varchar(255),
    action       varchar(300) NOT NULL,
    tenant_id    varchar(63),
    status       integer      NOT NULL,
    detail       varchar(500)
);
CREATE INDEX audit_events_tenant_idx ON audit_events (tenant_id, id DESC);
REVOKE UPDATE, DELETE, TRUNCATE ON audit_events FROM ${app_role};
COMMENT ON TABLE audit_events IS 'platform-level, append-only: the audit trail of every change and refusal';
