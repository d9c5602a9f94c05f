package org.sunshinehub.security;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/** Creating, finding and changing staff accounts; passwords only ever as hashes. */
@Service
public class StaffAccounts {

    /** No 0/O, 1/l/I: one-time passwords are read off a screen or a log line and typed. */
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final int MIN_PASSWORD = 10;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final StaffAccountStore store;
    private final PasswordEncoder encoder;
    private final Clock clock;
    private final SecurityProperties properties;

    StaffAccounts(StaffAccountStore store, PasswordEncoder encoder, Clock clock, SecurityProperties properties) {
        this.store = store;
        this.encoder = encoder;
        this.clock = clock;
        this.properties = properties;
    }

    /** What an administrator fills in for a new account. */
    public record NewAccount(String username, String displayName, String division, Set<Role> roles,
                             List<String> reviewLevels, List<String> reviewCategories, String phone,
                             String wechatOpenId) {
    }

    public Optional<StaffAccount> find(String username) {
        return username == null ? Optional.empty() : store.find(username);
    }

    public List<StaffAccount> all() {
        return store.all();
    }

    /** Creates an account with a generated one-time password, which is returned once and never stored. */
    public String create(NewAccount account) {
        String password = oneTimePassword();
        create(account, password, true);
        return password;
    }

    /** Creates an account with this password; {@code oneTime}: to be changed at the first sign-in. */
    public void create(NewAccount a, String password, boolean oneTime) {
        if (a.username() == null || !a.username().matches("[A-Za-z0-9._-]{2,40}")) {
            throw bad("用户名须为 2–40 位字母、数字、点、下划线或连字符");
        }
        if (a.displayName() == null || a.displayName().isBlank() || a.displayName().length() > 40) {
            throw bad("姓名不能为空且不超过 40 字");
        }
        if (a.roles() == null || a.roles().isEmpty()) {
            throw bad("至少选择一个角色");
        }
        if (a.roles().contains(Role.REVIEWER) && (a.reviewLevels() == null || a.reviewLevels().isEmpty())) {
            throw bad("审核人须至少指定一个审核级别");
        }
        if (a.roles().contains(Role.DIVISION) && (a.division() == null || a.division().isBlank())) {
            throw bad("业务处室账号须填写所属处室");
        }
        StaffAccount account = new StaffAccount(a.username(), a.displayName().strip(), blankToNull(a.division()),
                encoder.encode(password), a.roles(), orEmpty(a.reviewLevels()), orEmpty(a.reviewCategories()), true, 0,
                null, null, oneTime, blankToNull(a.phone()), blankToNull(a.wechatOpenId()), clock.instant());
        if (!store.insert(account)) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "用户名 " + a.username() + " 已被使用");
        }
    }

    public StaffAccount setEnabled(String username, boolean enabled) {
        StaffAccount changed = existing(username).withEnabled(enabled);
        store.replace(changed);
        return changed;
    }

    /** A new one-time password (returned once) that the member must change at the next sign-in; unlocks. */
    public String resetPassword(String username) {
        String password = oneTimePassword();
        store.replace(existing(username).withPassword(encoder.encode(password), true));
        return password;
    }

    /** The member's own change: the current password must match; the new one is theirs (no forced change). */
    public void changePassword(String username, String current, String next) {
        StaffAccount account = existing(username);
        if (current == null || !encoder.matches(current, account.passwordHash())) {
            throw bad("当前密码不正确");
        }
        if (next == null || next.length() < MIN_PASSWORD || next.length() > 128) {
            throw bad("新密码须为 " + MIN_PASSWORD + "–128 个字符");
        }
        if (next.equals(current) || next.equalsIgnoreCase(username)) {
            throw bad("新密码不能与当前密码或用户名相同");
        }
        store.replace(account.withPassword(encoder.encode(next), false));
    }

    void recordFailure(String username) {
        store.find(username).ifPresent(a -> store.replace(a.afterFailure(clock.instant(), properties.maxFailures(),
                properties.failureWindow(), properties.lockFor())));
    }

    void recordSuccess(String username) {
        store.find(username).filter(a -> a.failedAttempts() > 0 || a.lockedUntil() != null)
                .ifPresent(a -> store.replace(a.afterSuccess()));
    }

    boolean isEmpty() {
        return store.isEmpty();
    }

    private StaffAccount existing(String username) {
        return find(username).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "没有账号 " + username));
    }

    static String oneTimePassword() {
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 14; i++) {
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }

    private static ResponseStatusException bad(String reason) {
        return new ResponseStatusException(HttpStatus.BAD_REQUEST, reason);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static List<String> orEmpty(List<String> list) {
        return list == null ? List.of() : list.stream().filter(s -> s != null && !s.isBlank()).map(String::strip).toList();
    }
}
