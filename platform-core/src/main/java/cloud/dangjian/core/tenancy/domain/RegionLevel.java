package cloud.dangjian.core.tenancy.domain;

/**
 * The levels of a region tree, top down: 组织部 → 党建区域 → 共建小组 → 区域党建工作站 → 网格. A child sits at a deeper level than its
 * parent; levels may be skipped (a station directly under an area is common).
 */
public enum RegionLevel {
    /** 组织部: a city or district organisation department, the root of a region tree. */
    DEPARTMENT,
    /** 党建区域: a party-building area. */
    AREA,
    /** 共建小组: a co-building group. */
    CO_BUILDING_GROUP,
    /** 区域党建工作站: a regional party-building station. */
    STATION,
    /** 网格: a grid cell. */
    GRID;

    public boolean mayContain(RegionLevel child) {
        return child.ordinal() > ordinal();
    }
}
