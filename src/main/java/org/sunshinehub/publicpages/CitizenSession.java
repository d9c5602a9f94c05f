package org.sunshinehub.publicpages;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import org.sunshinehub.channelkind.ChannelKind;
import org.sunshinehub.web.Masking;

/**
 * The verified citizen of this browser session: a phone whose SMS code was entered, or the openid WeChat's web
 * authorization gave. Nothing else is kept.
 */
final class CitizenSession {

    private static final String IDENTITY = "citizen.identity";

    /** @param address a phone for {@code SMS}, an openid for {@code WECHAT} */
    record Identity(ChannelKind channel, String address) implements java.io.Serializable {

        String masked() {
            return Masking.mask(address);
        }
    }

    private CitizenSession() {
    }

    static Optional<Identity> current(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return Optional.ofNullable(session == null ? null : (Identity) session.getAttribute(IDENTITY));
    }

    /** A new session id on verification, so an id planted before it is worth nothing after. */
    static void verified(HttpServletRequest request, Identity identity) {
        request.getSession(true);
        request.changeSessionId();
        request.getSession().setAttribute(IDENTITY, identity);
    }
}
