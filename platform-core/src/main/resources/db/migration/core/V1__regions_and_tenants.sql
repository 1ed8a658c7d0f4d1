-- Platform-level tables: the region trees and the tenant registry. NOT tenant-owned: they hold no tenant's data
-- and carry no row-level security; only platform and region administrators reach them through /api/admin.

-- Every table created by the migration role from here on (core and plugins) is usable by the application role,
-- which owns nothing and so stays subject to row-level security.
ALTER DEFAULT PRIVILEGES GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${app_role};
ALTER DEFAULT PRIVILEGES GRANT USAGE, SELECT ON SEQUENCES TO ${app_role};
GRANT USAGE ON SCHEMA public TO ${app_role};

CREATE TABLE regions (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code        varchar(64)  NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9][a-z0-9-]*$'),
    name        varchar(200) NOT NULL,
    level       varchar(32)  NOT NULL CHECK (level IN ('DEPARTMENT', 'AREA', 'CO_BUILDING_GROUP', 'STATION', 'GRID')),
    parent_id   bigint REFERENCES regions (id),
    path        text COLLATE "C" NOT NULL,
    created_at  timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX regions_path_idx ON regions (path);
COMMENT ON TABLE regions IS 'platform-level, not tenant-owned: region trees';

CREATE TABLE tenants (
    id                 varchar(63)  PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]{0,61}[a-z0-9]$'),
    name               varchar(200) NOT NULL,
    type               varchar(32)  NOT NULL CHECK (type IN ('ENTERPRISE', 'COMMUNITY', 'SOCIAL_ORGANISATION',
                                                             'NON_PUBLIC_ENTERPRISE', 'INSTITUTION')),
    region_id          bigint       NOT NULL REFERENCES regions (id),
    status             varchar(16)  NOT NULL CHECK (status IN ('ACTIVE', 'SUSPENDED', 'ARCHIVED')),
    plan_plugins       text[]       NOT NULL DEFAULT '{}',
    plan_expires_on    date,
    plan_member_quota  integer      NOT NULL CHECK (plan_member_quota >= 0),
    created_at         timestamptz  NOT NULL DEFAULT now(),
    updated_at         timestamptz  NOT NULL DEFAULT now(),
    version            bigint       NOT NULL DEFAULT 0
);
CREATE INDEX tenants_region_idx ON tenants (region_id, id);
COMMENT ON TABLE tenants IS 'platform-level, not tenant-owned: the tenant registry';
