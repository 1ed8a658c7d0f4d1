package cloud.dangjian.plugins.points.domain;

/** How long an appraisal period (考核周期) lasts; rankings, balances and period caps run over one. */
public enum AppraisalPeriod {
    MONTH, QUARTER, YEAR
}
