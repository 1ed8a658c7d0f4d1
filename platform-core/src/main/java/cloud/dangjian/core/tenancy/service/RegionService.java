package cloud.dangjian.core.tenancy.service;

import cloud.dangjian.core.problem.ProblemException;
import cloud.dangjian.core.tenancy.domain.Region;
import cloud.dangjian.core.tenancy.domain.RegionLevel;
import cloud.dangjian.core.tenancy.domain.RegionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;

/** Builds and reads region trees (组织部 → 区域 → 共建小组 → 工作站 → 网格). */
@ApplicationScoped
public class RegionService {

    @Inject
    RegionRepository regions;

    @Transactional
    public Region create(String code, String name, RegionLevel level, String parentCode) {
        if (regions.findByCode(code).isPresent()) {
            throw ProblemException.conflict("code", "a region with code '" + code + "' already exists");
        }
        Region parent = null;
        if (parentCode == null) {
            if (level != RegionLevel.DEPARTMENT) {
                throw ProblemException.invalidField("parentCode",
                        "only an organisation department (DEPARTMENT) may be a root region; name the parent region");
            }
        } else {
            parent = require(parentCode, "parentCode");
            if (!parent.level().mayContain(level)) {
                throw ProblemException.invalidField("level", "a " + level + " cannot sit under a " + parent.level());
            }
        }
        Region region = new Region(code, name, level, parent);
        regions.persist(region);
        return region;
    }

    @Transactional
    public Region rename(String code, String name) {
        Region region = get(code);
        region.rename(name);
        return region;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Region get(String code) {
        return regions.findByCode(code).orElseThrow(() -> ProblemException.notFound("Region", code));
    }

    /** All regions, or the subtree under {@code rootCode}, parents first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Region> list(String rootCode) {
        if (rootCode == null) {
            return regions.list("order by path");
        }
        return regions.subtree(get(rootCode));
    }

    private Region require(String code, String field) {
        return regions.findByCode(code)
                .orElseThrow(() -> ProblemException.invalidField(field, "no region has code '" + code + "'"));
    }
}
