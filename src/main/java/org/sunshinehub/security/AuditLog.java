package org.sunshinehub.security;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The audit log other modules write to: who (the signed-in account, or the API caller), what, on which object,
 * when and from which address. Entries are appended, never changed.
 */
@Service
public class AuditLog {

    private static final int MAX_TEXT = 500;

    private final AuditEventStore store;
    private final Clock clock;

    AuditLog(AuditEventStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** A staff action of the current request; the actor and address come from the request, not from the caller. */
    public void record(AuditAction action, String object, String detail) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        record(authentication == null ? "（未登录）" : authentication.getName(), action, object, detail, clientAddress());
    }

    void record(String account, AuditAction action, String object, String detail, String clientAddress) {
        store.insert(new AuditEvent(null, clock.instant(), clean(account), action, clean(object), clean(detail),
                clientAddress));
    }

    public record AuditPage(int page, int size, long total, List<AuditEvent> events) {
    }

    public AuditPage page(String account, int page, int size) {
        return new AuditPage(page, size, store.count(account), store.page(account, page, size));
    }

    static String clientAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }

    /** Typed-in text (e.g. a wrong username) may carry control characters; the log shows it plain and short. */
    private static String clean(String text) {
        if (text == null) {
            return null;
        }
        String plain = text.replaceAll("\\p{Cntrl}", " ");
        return plain.length() > MAX_TEXT ? plain.substring(0, MAX_TEXT) + "…" : plain;
    }
}
