-- A tenant administrator's bulk import, run in the background: the console's progress bar polls this row, and once
-- the import has ended it holds the outcome (what was created, changed and left alone) or the file's bad rows. The
-- import itself stays one all-or-nothing transaction; progress is written beside it in short transactions of its own.
CREATE TABLE import_jobs (
    id              uuid         PRIMARY KEY,
    tenant_id       varchar(63)  NOT NULL REFERENCES tenants (id),
    kind            varchar(16)  NOT NULL CHECK (kind IN ('MEMBERS', 'ORGANISATIONS')),
    file_name       varchar(255) NOT NULL,
    dry_run         boolean      NOT NULL,
    status          varchar(16)  NOT NULL CHECK (status IN ('QUEUED', 'CHECKING', 'WRITING', 'DONE', 'REFUSED',
                                                            'FAILED')),
    total_rows      integer      NOT NULL CHECK (total_rows >= 0),
    processed_rows  integer      NOT NULL DEFAULT 0 CHECK (processed_rows >= 0),
    created_rows    integer,
    updated_rows    integer,
    unchanged_rows  integer,
    -- REFUSED: every reported bad row as [{"field", "message", "line"}]; the detail says how many there were in all.
    row_errors      jsonb,
    detail          varchar(1000),
    started_by      varchar(255) NOT NULL,
    created_at      timestamptz  NOT NULL DEFAULT now(),
    updated_at      timestamptz  NOT NULL DEFAULT now(),
    finished_at     timestamptz
);
CREATE INDEX import_jobs_recent_idx ON import_jobs (tenant_id, created_at DESC);

SELECT dangjian_isolate_tenant_rows('import_jobs');
