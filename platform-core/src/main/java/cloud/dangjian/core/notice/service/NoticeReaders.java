package cloud.dangjian.core.notice.service;

import cloud.dangjian.core.identity.domain.Permission;
import cloud.dangjian.core.identity.service.Caller;
import cloud.dangjian.core.identity.service.TenantAccess;
import cloud.dangjian.core.member.domain.MemberRepository;
import cloud.dangjian.core.organisation.domain.Organisation;
import cloud.dangjian.core.organisation.domain.OrganisationRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The current caller as a reader of the current tenant's notices. Runs as the tenant, inside a transaction. */
@ApplicationScoped
public class NoticeReaders {

    @Inject
    Caller caller;

    @Inject
    TenantAccess access;

    @Inject
    MemberRepository members;

    @Inject
    OrganisationRepository organisations;

    public NoticeReader current() {
        String branchPath = members.findByUsername(caller.username())
                .flatMap(member -> organisations.findByIdOptional(member.branchId())).map(Organisation::path)
                .orElse(null);
        return new NoticeReader(caller.username(), branchPath, access.holds(Permission.MEMBERS_READ));
    }
}
