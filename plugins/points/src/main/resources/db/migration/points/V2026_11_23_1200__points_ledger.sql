-- The points ledger (积分台账): append-only, one row per entry, chained per tenant by SHA-256 so that a row changed
-- or removed behind the application's back is found by GET /api/t/{tenant}/points/verify.
CREATE TABLE points_ledger (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id        varchar(63)  NOT NULL REFERENCES tenants (id),
    -- The entry's place in its tenant's chain: 1, 2, 3, … without gaps.
    seq              bigint       NOT NULL,
    member_id        bigint       NOT NULL,
    kind             varchar(16)  NOT NULL CHECK (kind IN ('AUTOMATIC', 'TASK', 'BONUS', 'CORRECTION')),
    -- AUTOMATIC: the event type of the rule that earned it.
    rule_event_type  varchar(100),
    -- TASK: the approved task.
    task_id          bigint,
    -- CORRECTION: the entry it compensates.
    corrects_id      bigint,
    points           integer      NOT NULL CHECK (points <> 0),
    reason           varchar(500) NOT NULL,
    -- The domain event that earned it (AUTOMATIC), so that one event never earns twice.
    source_event_id  uuid,
    -- A username, or system:<consumer-id> for automatic points.
    granted_by       varchar(255) NOT NULL,
    granted_at       timestamptz  NOT NULL,
    -- The tenant's calendar day (Asia/Shanghai) it counts for: caps per day, periods are ranges of days.
    granted_on       date         NOT NULL,
    prev_hash        char(64)     NOT NULL,
    hash             char(64)     NOT NULL,
    CONSTRAINT points_ledger_seq_unique UNIQUE (tenant_id, seq),
    CONSTRAINT points_ledger_source_event_unique UNIQUE (tenant_id, source_event_id),
    CONSTRAINT points_ledger_tenant_id_unique UNIQUE (tenant_id, id),
    CONSTRAINT points_ledger_member_fk FOREIGN KEY (tenant_id, member_id) REFERENCES members (tenant_id, id),
    CONSTRAINT points_ledger_corrects_fk FOREIGN KEY (tenant_id, corrects_id) REFERENCES points_ledger (tenant_id, id),
    CONSTRAINT points_ledger_kind_refs CHECK (
        (kind = 'AUTOMATIC' AND rule_event_type IS NOT NULL AND source_event_id IS NOT NULL)
     OR (kind = 'TASK' AND task_id IS NOT NULL)
     OR (kind = 'BONUS')
     OR (kind = 'CORRECTION' AND corrects_id IS NOT NULL))
);
-- A member's history; a period's totals per member (rankings) and caps per member, rule and day.
CREATE INDEX points_ledger_member_idx ON points_ledger (tenant_id, member_id, granted_on, id);
CREATE INDEX points_ledger_period_idx ON points_ledger (tenant_id, granted_on) INCLUDE (member_id, points, kind);

-- Tasks (工作任务): a branch publishes, a member claims and completes, the branch approves; approval writes a TASK
-- entry. Nobody approves a task they claimed or completed themselves.
CREATE TABLE points_tasks (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id        varchar(63)  NOT NULL REFERENCES tenants (id),
    organisation_id  bigint       NOT NULL,
    title            varchar(200) NOT NULL,
    description      varchar(2000),
    points           integer      NOT NULL CHECK (points > 0),
    status           varchar(16)  NOT NULL CHECK (status IN ('OPEN', 'CLAIMED', 'COMPLETED', 'APPROVED')),
    published_by     varchar(255) NOT NULL,
    published_at     timestamptz  NOT NULL DEFAULT now(),
    member_id        bigint,
    claimed_by       varchar(255),
    claimed_at       timestamptz,
    completed_by     varchar(255),
    completed_at     timestamptz,
    completion_note  varchar(2000),
    approved_by      varchar(255),
    approved_at      timestamptz,
    ledger_entry_id  bigint,
    CONSTRAINT points_tasks_tenant_id_unique UNIQUE (tenant_id, id),
    CONSTRAINT points_tasks_organisation_fk FOREIGN KEY (tenant_id, organisation_id)
        REFERENCES organisations (tenant_id, id),
    CONSTRAINT points_tasks_member_fk FOREIGN KEY (tenant_id, member_id) REFERENCES members (tenant_id, id),
    CONSTRAINT points_tasks_entry_fk FOREIGN KEY (tenant_id, ledger_entry_id) REFERENCES points_ledger (tenant_id, id),
    CONSTRAINT points_tasks_claimed CHECK (status = 'OPEN' OR (member_id IS NOT NULL AND claimed_by IS NOT NULL)),
    CONSTRAINT points_tasks_not_own CHECK (approved_by IS NULL
        OR (approved_by <> claimed_by AND approved_by <> completed_by))
);
CREATE INDEX points_tasks_status_idx ON points_tasks (tenant_id, status, id);
ALTER TABLE points_ledger ADD CONSTRAINT points_ledger_task_fk FOREIGN KEY (tenant_id, task_id)
    REFERENCES points_tasks (tenant_id, id);

-- Append-only, enforced by the database like the audit trail: the application inserts and reads entries, never
-- changes or removes one. A correction is a new, compensating entry.
REVOKE UPDATE, DELETE, TRUNCATE ON points_ledger FROM ${app_role};

SELECT dangjian_isolate_tenant_rows('points_ledger');
SELECT dangjian_isolate_tenant_rows('points_tasks');
