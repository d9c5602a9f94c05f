package org.sunshinehub.security;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/** Who is signed in, and the role checks every staff action makes server-side. */
@Component
public class Staff {

    private final StaffAccounts accounts;

    Staff(StaffAccounts accounts) {
        this.accounts = accounts;
    }

    /** The signed-in staff account; empty for API keys and anonymous callers. */
    public Optional<StaffAccount> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated() || authentication.getAuthorities().stream()
                .noneMatch(a -> a.getAuthority().startsWith("ROLE_"))) {
            return Optional.empty();
        }
        return accounts.find(authentication.getName()).filter(StaffAccount::enabled);
    }

    /** The signed-in account, or 403 with why: an API key or an account without one of these roles. */
    public StaffAccount require(Role... anyOf) {
        StaffAccount account = current().orElseThrow(() -> forbidden("此操作须以本人的工作人员账号登录后进行，API 密钥不能代替"));
        if (Arrays.stream(anyOf).noneMatch(account::has)) {
            throw forbidden("账号 " + account.username() + " 没有此操作所需的角色（须为 "
                    + Arrays.stream(anyOf).map(Role::label).collect(Collectors.joining("或")) + "）");
        }
        return account;
    }

    public static ResponseStatusException forbidden(String reason) {
        return new ResponseStatusException(HttpStatus.FORBIDDEN, reason);
    }
}
