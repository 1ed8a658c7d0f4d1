package cloud.dangjian.core.tenancy.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A tenant's package (租户套餐): the plugins it may enable, until when, and for how many members. */
@Embeddable
public class TenantPlan {

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "plan_plugins", nullable = false)
    private List<String> plugins = new ArrayList<>();

    @Column(name = "plan_expires_on")
    private LocalDate expiresOn;

    @Column(name = "plan_member_quota", nullable = false)
    private int memberQuota;

    protected TenantPlan() {
    }

    public TenantPlan(List<String> plugins, LocalDate expiresOn, int memberQuota) {
        this.plugins = new ArrayList<>(plugins);
        this.expiresOn = expiresOn;
        this.memberQuota = memberQuota;
    }

    /** Whether the plan has run out on {@code today}; a plan without an expiry never does. */
    public boolean expiredOn(LocalDate today) {
        return expiresOn != null && expiresOn.isBefore(today);
    }

    public List<String> plugins() {
        return List.copyOf(plugins);
    }

    public LocalDate expiresOn() {
        return expiresOn;
    }

    public int memberQuota() {
        return memberQuota;
    }
}
