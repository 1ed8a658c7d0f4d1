-- Branch-level items (支部积分项): points an organisation earns as a whole (支部获评先进, 三会一课 held), added to its
-- members' points per head in branch rankings. Append-only like the ledger: a correction is a new row with a reason
-- that compensates an item, never an edit. Kept apart from points_ledger (which is per member and hash-chained) so
-- that member totals, ranks and the chain stay exactly what members earned.
CREATE TABLE points_branch_items (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant_id        varchar(63)  NOT NULL REFERENCES tenants (id),
    organisation_id  bigint       NOT NULL,
    kind             varchar(16)  NOT NULL CHECK (kind IN ('ITEM', 'CORRECTION')),
    -- CORRECTION: the item it compensates (of the same organisation).
    corrects_id      bigint,
    points           integer      NOT NULL CHECK (points <> 0),
    reason           varchar(500) NOT NULL CHECK (length(btrim(reason)) > 0),
    granted_by       varchar(255) NOT NULL,
    granted_at       timestamptz  NOT NULL DEFAULT now(),
    -- The tenant's calendar day (Asia/Shanghai) it counts for; periods are ranges of days, as in the ledger.
    granted_on       date         NOT NULL,
    CONSTRAINT points_branch_items_tenant_id_unique UNIQUE (tenant_id, id),
    CONSTRAINT points_branch_items_organisation_fk FOREIGN KEY (tenant_id, organisation_id)
        REFERENCES organisations (tenant_id, id),
    CONSTRAINT points_branch_items_corrects_fk FOREIGN KEY (tenant_id, corrects_id)
        REFERENCES points_branch_items (tenant_id, id),
    CONSTRAINT points_branch_items_kind_refs CHECK (
        (kind = 'ITEM' AND corrects_id IS NULL AND points > 0)
     OR (kind = 'CORRECTION' AND corrects_id IS NOT NULL))
);
-- A period's items per organisation (rankings), and an organisation's history.
CREATE INDEX points_branch_items_period_idx ON points_branch_items (tenant_id, granted_on)
    INCLUDE (organisation_id, points);
CREATE INDEX points_branch_items_organisation_idx ON points_branch_items (tenant_id, organisation_id, id);
CREATE INDEX points_branch_items_corrects_idx ON points_branch_items (tenant_id, corrects_id)
    WHERE corrects_id IS NOT NULL;

REVOKE UPDATE, DELETE, TRUNCATE ON points_branch_items FROM ${app_role};

SELECT dangjian_isolate_tenant_rows('points_branch_items');
