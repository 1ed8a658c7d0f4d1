package cloud.dangjian.plugins.points.domain;

import cloud.dangjian.core.plugin.spi.Setting;

/** How long an appraisal period (考核周期) lasts; rankings, balances and period caps run over one. */
public enum AppraisalPeriod {
    @Setting(zhCN = "月", en = "Month")
    MONTH, @Setting(zhCN = "季度", en = "Quarter")
    QUARTER, @Setting(zhCN = "年", en = "Year")
    YEAR
}
