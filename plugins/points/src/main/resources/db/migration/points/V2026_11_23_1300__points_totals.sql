-- Each member's total per period, kept beside the ledger in the transaction of every append, so that a leaderboard
-- of 200,000 members reads an index instead of summing the ledger. Derived data: the ledger is the record, and this
-- table can be rebuilt from it at any time (the statement below is that rebuild). Every entry counts towards its
-- month (2026-11), quarter (2026-Q4) and year (2026), so any appraisal period setting finds its key.
CREATE TABLE points_totals (
    tenant_id   varchar(63)  NOT NULL REFERENCES tenants (id),
    period_key  varchar(8)   NOT NULL,
    member_id   bigint       NOT NULL,
    total       bigint       NOT NULL,
    PRIMARY KEY (tenant_id, period_key, member_id),
    CONSTRAINT points_totals_member_fk FOREIGN KEY (tenant_id, member_id) REFERENCES members (tenant_id, id)
);
CREATE INDEX points_totals_rank_idx ON points_totals (tenant_id, period_key, total DESC, member_id);

SELECT dangjian_isolate_tenant_rows('points_totals');

-- Rebuild from the ledger, tenant by tenant (row-level security binds the owner too).
DO $$
DECLARE
    tenant text;
BEGIN
    FOR tenant IN SELECT id FROM tenants LOOP
        PERFORM set_config('dangjian.tenant_id', tenant, true);
        INSERT INTO points_totals (tenant_id, period_key, member_id, total)
        SELECT tenant_id, key, member_id, sum(points) FROM (
            SELECT tenant_id, member_id, points, to_char(granted_on, 'YYYY-MM') AS key FROM points_ledger
            UNION ALL
            SELECT tenant_id, member_id, points, to_char(granted_on, 'YYYY-"Q"Q') FROM points_ledger
            UNION ALL
            SELECT tenant_id, member_id, points, to_char(granted_on, 'YYYY') FROM points_ledger) e
        GROUP BY tenant_id, key, member_id;
    END LOOP;
    PERFORM set_config('dangjian.tenant_id', '', true);
END $$;
