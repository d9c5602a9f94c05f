package org.sunshinehub.security;

import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * An empty database gets one administrator with a one-time password, printed once (a WARN line), to be changed at
 * the first sign-in. The demo also gets one account per role, with printed passwords, for trying the console.
 */
@Component
class FirstAccounts implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(FirstAccounts.class);

    private final StaffAccounts accounts;
    private final SecurityProperties properties;

    FirstAccounts(StaffAccounts accounts, SecurityProperties properties) {
        this.accounts = accounts;
        this.properties = properties;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (!accounts.isEmpty()) {
            return;
        }
        String password;
        try {
            password = accounts.create(new StaffAccounts.NewAccount("admin", "系统管理员", null, Set.of(Role.ADMIN),
                    List.of(), List.of(), null, null));
        } catch (ResponseStatusException e) {
            if (e.getStatusCode() == HttpStatus.CONFLICT) {
                // another instance, started on the same empty database at the same moment, made them
                log.info("First console accounts made by another instance");
                return;
            }
            throw e;
        }
        log.warn("Console account created: admin / {} (one-time password, to be changed at the first sign-in)", password);
        if (properties.demoAccounts()) {
            demoAccounts();
        }
    }

    private void demoAccounts() {
        demo("reviewer1", "业务处室初审", null, Set.of(Role.REVIEWER), List.of("初审"));
        demo("reviewer2", "分管领导审核", null, Set.of(Role.REVIEWER), List.of("审核"));
        demo("reviewer3", "复核小组复核", null, Set.of(Role.REVIEWER), List.of("复核"));
        demo("reviewer4", "党组会审定", null, Set.of(Role.REVIEWER), List.of("审定"));
        demo("publisher", "新闻办发布员", null, Set.of(Role.PUBLISHER), List.of());
        demo("responder", "政务公开答复员", null, Set.of(Role.RESPONDER), List.of());
        demo("division", "社会救助处", "social-assistance", Set.of(Role.DIVISION), List.of());
        demo("auditor", "审计室", null, Set.of(Role.AUDITOR), List.of());
    }

    private void demo(String username, String name, String division, Set<Role> roles, List<String> levels) {
        String password = "demo-" + StaffAccounts.oneTimePassword();
        // The demo's own phone for test sends: a sandbox number that is no subscriber's.
        accounts.create(new StaffAccounts.NewAccount(username, name, division, roles, levels, List.of(),
                "13800000000", null), password, false);
        log.warn("Demo console account: {} / {} ({})", username, password, roles.iterator().next().label());
    }
}
