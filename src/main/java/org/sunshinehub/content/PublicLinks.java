package org.sunshinehub.content;

import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;
import org.bson.types.ObjectId;
import org.springframework.stereotype.Component;

/**
 * The short stable link of an item's public page: {@code <base-url>/p/<code>}, the code being the item's id in
 * 16 URL-safe characters. Nothing is stored: the code is the id, so a link stays valid as long as the item.
 */
@Component
public class PublicLinks {

    /** The path every public page lives under. */
    public static final String ROOT = "/p";
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{16}");

    private final PublicLinkProperties properties;

    PublicLinks(PublicLinkProperties properties) {
        this.properties = properties;
    }

    public static String code(String itemId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(new ObjectId(itemId).toByteArray());
    }

    /** @return the item id of a code, empty when it is not one */
    public static Optional<String> itemId(String code) {
        if (code == null || !CODE.matcher(code).matches()) {
            return Optional.empty();
        }
        return Optional.of(new ObjectId(Base64.getUrlDecoder().decode(code)).toHexString());
    }

    /** The page's path on this hub, e.g. {@code /p/ZV8s…}. */
    public static String path(String itemId) {
        return ROOT + "/" + code(itemId);
    }

    /** @return the absolute link messages carry, empty when {@code sunshine.public.base-url} is not set */
    public Optional<String> absolute(String itemId) {
        return properties.baseUrlValue().map(base -> base + path(itemId));
    }

    /** @return {@code sunshine.public.base-url}, empty when it is not set */
    public Optional<String> baseUrl() {
        return properties.baseUrlValue();
    }
}
