-- How many members of a tenant stand at each total in each period: a member's rank is 1 + the members at higher
-- totals, a sum over a few hundred distinct totals instead of a count over 200,000 members. Kept with points_totals
-- in the transaction of every append; derived, rebuildable from points_totals (below).
CREATE TABLE points_total_counts (
    tenant_id   varchar(63)  NOT NULL REFERENCES tenants (id),
    period_key  varchar(8)   NOT NULL,
    total       bigint       NOT NULL,
    members     bigint       NOT NULL,
    PRIMARY KEY (tenant_id, period_key, total)
);

SELECT dangjian_isolate_tenant_rows('points_total_counts');

DO $$
DECLARE
    tenant text;
BEGIN
    FOR tenant IN SELECT id FROM tenants LOOP
        PERFORM set_config('dangjian.tenant_id', tenant, true);
        INSERT INTO points_total_counts (tenant_id, period_key, total, members)
        SELECT tenant_id, period_key, total, count(*) FROM points_totals GROUP BY tenant_id, period_key, total;
    END LOOP;
    PERFORM set_config('dangjian.tenant_id', '', true);
END $$;
