package org.sunshinehub.publicpages;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.Optional;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * {@code verificationCodes}: at most one live code per phone and purpose ({@code _id} = purpose:phone), stored as a
 * salted SHA-256 only, with its expiry and the wrong attempts so far. A code is used by deleting it, so it
 * verifies once however many requests race.
 */
@Component
class VerificationCodes {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final MongoCollection<Document> codes;

    VerificationCodes(MongoDatabase database) {
        this.codes = database.getCollection("verificationCodes");
    }

    /** When the live code of this phone and purpose was sent, if there is one. */
    Optional<Instant> sentAt(String purpose, String phone) {
        return Optional.ofNullable(codes.find(Filters.eq("_id", key(purpose, phone))).first())
                .map(d -> d.get("sentAt", Date.class).toInstant());
    }

    /** @return a new six-digit code, replacing any earlier one of this phone and purpose */
    String issue(String purpose, String phone, Instant now, Instant expiresAt) {
        String code = String.format("%06d", RANDOM.nextInt(1_000_000));
        byte[] saltBytes = new byte[16];
        RANDOM.nextBytes(saltBytes);
        String salt = HexFormat.of().formatHex(saltBytes);
        codes.replaceOne(Filters.eq("_id", key(purpose, phone)), new Document("_id", key(purpose, phone))
                .append("salt", salt).append("hash", hash(salt, code)).append("attempts", 0)
                .append("sentAt", Date.from(now)).append("expiresAt", Date.from(expiresAt)), new ReplaceOptions().upsert(true));
        return code;
    }

    void withdraw(String purpose, String phone) {
        codes.deleteOne(Filters.eq("_id", key(purpose, phone)));
    }

    enum Check { VERIFIED, WRONG, TOO_MANY_ATTEMPTS, NONE }

    /** Counts the attempt first, so a wrong guess always costs one of the allowed attempts. */
    Check check(String purpose, String phone, String code, Instant now, int maxAttempts) {
        Document live = codes.findOneAndUpdate(Filters.eq("_id", key(purpose, phone)), Updates.inc("attempts", 1),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        if (live == null || !now.isBefore(live.get("expiresAt", Date.class).toInstant())) {
            return Check.NONE;
        }
        if (live.getInteger("attempts") > maxAttempts) {
            withdraw(purpose, phone);
            return Check.TOO_MANY_ATTEMPTS;
        }
        if (!MessageDigest.isEqual(hash(live.getString("salt"), code).getBytes(StandardCharsets.US_ASCII),
                live.getString("hash").getBytes(StandardCharsets.US_ASCII))) {
            return Check.WRONG;
        }
        boolean used = codes.deleteOne(new Document("_id", key(purpose, phone)).append("salt", live.getString("salt")))
                .getDeletedCount() == 1;
        return used ? Check.VERIFIED : Check.NONE;
    }

    private static String key(String purpose, String phone) {
        return purpose + ":" + phone;
    }

    private static String hash(String salt, String code) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest((salt + ":" + code).getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
