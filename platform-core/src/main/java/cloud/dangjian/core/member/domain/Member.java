package cloud.dangjian.core.member.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.TenantId;

/**
 * A party member (党员) of a tenant, with the facts a branch secretary keeps. The ID card number is stored encrypted,
 * with a keyed hash for lookups and uniqueness, and shown only masked.
 */
@Entity
@Table(name = "members")
// Only changed columns are written: the account worker sets keycloak_user_id and account_status by statement, and a
// request that loaded the member before must not write the old values back.
@DynamicUpdate
public class Member {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private String tenantId;

    @Column(nullable = false, updatable = false)
    private String code;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Gender gender;

    @Column(name = "birth_date")
    private LocalDate birthDate;

    private String ethnicity;

    private String education;

    private String phone;

    @Column(name = "joined_on")
    private LocalDate joinedOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private MemberStatus status;

    @Column(name = "branch_id", nullable = false)
    private Long branchId;

    @Column(nullable = false)
    private boolean mobile;

    @Column(name = "id_card_cipher")
    private byte[] idCardCipher;

    @Column(name = "id_card_hash")
    private byte[] idCardHash;

    @Column(name = "id_card_masked")
    private String idCardMasked;

    /** The login (a Keycloak username of the platform's realm), or null for a member without one. */
    private String username;

    @Column(name = "keycloak_user_id")
    private String keycloakUserId;

    @Enumerated(EnumType.STRING)
    @Column(name = "account_status", nullable = false)
    private AccountStatus accountStatus = AccountStatus.NONE;

    @Column(name = "disabled_at")
    private Instant disabledAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt = Instant.now();

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt = createdAt;

    @Version
    private long version;

    protected Member() {
    }

    public Member(String code, MemberFacts facts) {
        this.code = code;
        apply(facts);
    }

    /** Replaces every changeable fact; the ID card only when a new one is given. */
    public void apply(MemberFacts facts) {
        this.name = facts.name();
        this.gender = facts.gender();
        this.birthDate = facts.birthDate();
        this.ethnicity = facts.ethnicity();
        this.education = facts.education();
        this.phone = facts.phone();
        this.joinedOn = facts.joinedOn();
        this.status = facts.status();
        this.branchId = facts.branchId();
        this.mobile = facts.mobile();
        if (facts.idCard() != null) {
            this.idCardCipher = facts.idCard().cipher();
            this.idCardHash = facts.idCard().hash();
            this.idCardMasked = facts.idCard().masked();
        }
        this.updatedAt = Instant.now();
    }

    /** 转正: the probation year is over and the branch confirmed full membership. */
    public void confirmFullMembership() {
        this.status = MemberStatus.FULL;
        this.updatedAt = Instant.now();
    }

    /**
     * Gives the member a login, or changes it while no Keycloak user is linked yet (the realm does not rename users).
     * The account worker creates the user.
     */
    public void requestLogin(String username) {
        if (keycloakUserId != null && !keycloakUserId.isEmpty() && !username.equals(this.username)) {
            throw new IllegalStateException("the login of a member with an account cannot change");
        }
        this.username = username;
        this.accountStatus = AccountStatus.PENDING;
        this.updatedAt = Instant.now();
    }

    /**
     * Names a login the platform does not manage (no Keycloak user of its own: the account stays {@code NONE}), so that
     * the login finds this member's record.
     */
    public void linkExternalLogin(String username) {
        if (this.username != null) {
            throw new IllegalStateException("member " + code + " already has a login");
        }
        this.username = username;
        this.updatedAt = Instant.now();
    }

    /** Whether the platform keeps a Keycloak user for this member (and so has account tasks to queue for it). */
    public boolean hasManagedLogin() {
        return username != null && accountStatus != AccountStatus.NONE;
    }

    /** 停用: the member is disabled, and so is their login. */
    public void disable() {
        this.disabledAt = Instant.now();
        this.updatedAt = disabledAt;
    }

    public void enable() {
        this.disabledAt = null;
        this.updatedAt = Instant.now();
    }

    public Long id() {
        return id;
    }

    public String tenantId() {
        return tenantId;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public Gender gender() {
        return gender;
    }

    public LocalDate birthDate() {
        return birthDate;
    }

    public String ethnicity() {
        return ethnicity;
    }

    public String education() {
        return education;
    }

    public String phone() {
        return phone;
    }

    public LocalDate joinedOn() {
        return joinedOn;
    }

    public MemberStatus status() {
        return status;
    }

    public Long branchId() {
        return branchId;
    }

    public boolean mobile() {
        return mobile;
    }

    public String idCardMasked() {
        return idCardMasked;
    }

    public byte[] idCardCipher() {
        return idCardCipher;
    }

    public String username() {
        return username;
    }

    public String keycloakUserId() {
        return keycloakUserId;
    }

    public AccountStatus accountStatus() {
        return accountStatus;
    }

    public Instant disabledAt() {
        return disabledAt;
    }

    public boolean disabled() {
        return disabledAt != null;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }
}
