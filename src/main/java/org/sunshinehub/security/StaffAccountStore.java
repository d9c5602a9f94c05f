package org.sunshinehub.security;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.springframework.stereotype.Component;
import org.sunshinehub.storage.MongoErrors;

/** {@code staffAccounts}, one document per account, {@code _id} = the username. */
@Component
class StaffAccountStore {

    private final MongoCollection<Document> accounts;

    StaffAccountStore(MongoDatabase database) {
        this.accounts = database.getCollection("staffAccounts");
    }

    boolean isEmpty() {
        return accounts.find().limit(1).first() == null;
    }

    /** @return false when the username is taken */
    boolean insert(StaffAccount account) {
        return MongoErrors.insertIfAbsent(accounts, document(account));
    }

    Optional<StaffAccount> find(String username) {
        return Optional.ofNullable(accounts.find(Filters.eq("_id", username)).first()).map(StaffAccountStore::account);
    }

    /** The office has tens of accounts: a sorted scan is fine. */
    List<StaffAccount> all() {
        return accounts.find().sort(new Document("_id", 1)).map(StaffAccountStore::account).into(new ArrayList<>());
    }

    void replace(StaffAccount account) {
        accounts.replaceOne(Filters.eq("_id", account.username()), document(account));
    }

    private static Document document(StaffAccount a) {
        return new Document("_id", a.username()).append("displayName", a.displayName()).append("division", a.division())
                .append("passwordHash", a.passwordHash())
                .append("roles", a.roles().stream().map(Enum::name).sorted().toList())
                .append("reviewLevels", a.reviewLevels()).append("reviewCategories", a.reviewCategories())
                .append("enabled", a.enabled()).append("failedAttempts", a.failedAttempts())
                .append("failuresSince", date(a.failuresSince())).append("lockedUntil", date(a.lockedUntil()))
                .append("mustChangePassword", a.mustChangePassword()).append("phone", a.phone())
                .append("wechatOpenId", a.wechatOpenId()).append("createdAt", date(a.createdAt()));
    }

    private static StaffAccount account(Document d) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        d.getList("roles", String.class, List.of()).forEach(r -> roles.add(Role.valueOf(r)));
        return new StaffAccount(d.getString("_id"), d.getString("displayName"), d.getString("division"),
                d.getString("passwordHash"), roles, d.getList("reviewLevels", String.class, List.of()),
                d.getList("reviewCategories", String.class, List.of()), d.getBoolean("enabled", false),
                d.getInteger("failedAttempts", 0), instant(d, "failuresSince"), instant(d, "lockedUntil"),
                d.getBoolean("mustChangePassword", false), d.getString("phone"), d.getString("wechatOpenId"),
                instant(d, "createdAt"));
    }

    private static Date date(Instant at) {
        return at == null ? null : Date.from(at);
    }

    private static Instant instant(Document d, String key) {
        Date at = d.getDate(key);
        return at == null ? null : at.toInstant();
    }
}
