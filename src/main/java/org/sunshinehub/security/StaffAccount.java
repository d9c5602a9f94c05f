package org.sunshinehub.security;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * One press-office member (or body, e.g. 党组会) who signs in to the console.
 *
 * @param reviewLevels     the review levels (初审/审核/复核/审定) a REVIEWER may sign
 * @param reviewCategories the categories a REVIEWER may sign; empty means every category
 * @param failedAttempts   failed sign-ins since {@code failuresSince}, within the lock-out window
 * @param phone            the member's own phone, where a test send of a plan goes
 * @param wechatOpenId     the member's own openid, for a test send on WeChat
 */
public record StaffAccount(String username, String displayName, String division, String passwordHash,
                           Set<Role> roles, List<String> reviewLevels, List<String> reviewCategories,
                           boolean enabled, int failedAttempts, Instant failuresSince, Instant lockedUntil,
                           boolean mustChangePassword, String phone, String wechatOpenId, Instant createdAt) {

    public StaffAccount {
        roles = Set.copyOf(roles);
        reviewLevels = List.copyOf(reviewLevels);
        reviewCategories = List.copyOf(reviewCategories);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    /** May this account sign {@code level} of an item of {@code category}? */
    public boolean maySign(String level, String category) {
        return has(Role.REVIEWER) && reviewLevels.contains(level)
                && (reviewCategories.isEmpty() || reviewCategories.contains(category));
    }

    /** One more failed sign-in; the {@code limit}-th within {@code window} locks the account for {@code lockFor}. */
    StaffAccount afterFailure(Instant now, int limit, Duration window, Duration lockFor) {
        boolean fresh = failuresSince == null || now.isAfter(failuresSince.plus(window));
        int count = fresh ? 1 : failedAttempts + 1;
        Instant since = fresh ? now : failuresSince;
        Instant lock = count >= limit ? now.plus(lockFor) : lockedUntil;
        return new StaffAccount(username, displayName, division, passwordHash, roles, reviewLevels, reviewCategories,
                enabled, count >= limit ? 0 : count, count >= limit ? null : since, lock, mustChangePassword, phone,
                wechatOpenId, createdAt);
    }

    StaffAccount afterSuccess() {
        return new StaffAccount(username, displayName, division, passwordHash, roles, reviewLevels, reviewCategories,
                enabled, 0, null, null, mustChangePassword, phone, wechatOpenId, createdAt);
    }

    /** A new password; {@code oneTime} when someone else set it and the member must choose their own. */
    StaffAccount withPassword(String hash, boolean oneTime) {
        return new StaffAccount(username, displayName, division, hash, roles, reviewLevels, reviewCategories, enabled,
                0, null, null, oneTime, phone, wechatOpenId, createdAt);
    }

    StaffAccount withEnabled(boolean on) {
        return new StaffAccount(username, displayName, division, passwordHash, roles, reviewLevels, reviewCategories,
                on, failedAttempts, failuresSince, lockedUntil, mustChangePassword, phone, wechatOpenId, createdAt);
    }
}
