package org.sunshinehub.publicpages;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;

/** The verified citizen of this browser session: a phone, once its SMS code was entered. Nothing else is kept. */
final class CitizenSession {

    private static final String PHONE = "citizen.phone";

    private CitizenSession() {
    }

    static Optional<String> phone(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return Optional.ofNullable(session == null ? null : (String) session.getAttribute(PHONE));
    }

    /** A new session id on verification, so an id planted before it is worth nothing after. */
    static void verified(HttpServletRequest request, String phone) {
        request.getSession(true);
        request.changeSessionId();
        request.getSession().setAttribute(PHONE, phone);
    }
}
