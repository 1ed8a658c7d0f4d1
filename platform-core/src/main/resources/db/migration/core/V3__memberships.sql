-- Who holds which role where. Platform-level: a caller's memberships are read across tenants to authorise a
-- request before any tenant is current, so this table has no row-level security; only the platform writes it.
CREATE TABLE memberships (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username         varchar(255) NOT NULL,
    role             varchar(32)  NOT NULL CHECK (role IN ('PLATFORM_ADMIN', 'REGION_ADMIN', 'TENANT_ADMIN',
                                                           'BRANCH_SECRETARY', 'MEMBER', 'MASSES')),
    region_id        bigint REFERENCES regions (id),
    tenant_id        varchar(63) REFERENCES tenants (id),
    organisation_id  bigint,
    created_at       timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT memberships_scope CHECK (
        (role = 'PLATFORM_ADMIN' AND region_id IS NULL AND tenant_id IS NULL AND organisation_id IS NULL)
     OR (role = 'REGION_ADMIN' AND region_id IS NOT NULL AND tenant_id IS NULL AND organisation_id IS NULL)
     OR (role IN ('TENANT_ADMIN', 'MEMBER', 'MASSES') AND tenant_id IS NOT NULL AND region_id IS NULL
         AND organisation_id IS NULL)
     OR (role = 'BRANCH_SECRETARY' AND tenant_id IS NOT NULL AND organisation_id IS NOT NULL AND region_id IS NULL)),
    CONSTRAINT memberships_organisation_fk FOREIGN KEY (tenant_id, organisation_id)
        REFERENCES organisations (tenant_id, id)
);
CREATE UNIQUE INDEX memberships_unique ON memberships (username, role, coalesce(region_id, 0),
    coalesce(tenant_id, ''), coalesce(organisation_id, 0));
COMMENT ON TABLE memberships IS 'platform-level, not tenant-owned: who holds which role where';
