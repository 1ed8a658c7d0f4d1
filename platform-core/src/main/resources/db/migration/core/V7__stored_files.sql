-- Files kept in object storage: one row per upload, created PENDING when a presigned upload URL is handed out and
-- marked STORED once the object has been checked against its purpose's policy. The object key is always
-- t/<tenant_id>/<purpose>/<id>, so a tenant's objects share one prefix and no key can name another tenant's object.
CREATE TABLE stored_files (
    id                 uuid         PRIMARY KEY,
    tenant_id          varchar(63)  NOT NULL REFERENCES tenants (id),
    purpose            varchar(64)  COLLATE "C" NOT NULL CHECK (purpose ~ '^[a-z0-9][a-z0-9.-]*$'),
    object_key         varchar(200) COLLATE "C" NOT NULL,
    original_filename  varchar(255) NOT NULL,
    content_type       varchar(127) NOT NULL,
    declared_size      bigint       NOT NULL CHECK (declared_size >= 0),
    stored_size        bigint       CHECK (stored_size >= 0),
    status             varchar(16)  NOT NULL CHECK (status IN ('PENDING', 'STORED')),
    uploaded_by        varchar(255) NOT NULL,
    created_at         timestamptz  NOT NULL DEFAULT now(),
    stored_at          timestamptz,
    CONSTRAINT stored_files_key_unique UNIQUE (object_key),
    -- The key is derived from the row, never chosen by a client: the database holds the application to it.
    CONSTRAINT stored_files_key_prefixed CHECK (object_key = 't/' || tenant_id || '/' || purpose || '/' || id::text),
    CONSTRAINT stored_files_tenant_id_unique UNIQUE (tenant_id, id)
);
CREATE INDEX stored_files_pending_idx ON stored_files (tenant_id, created_at) WHERE status = 'PENDING';

SELECT dangjian_isolate_tenant_rows('stored_files');
