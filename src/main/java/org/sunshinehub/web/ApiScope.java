package org.sunshinehub.web;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** What an API key may reach; granted as {@code SCOPE_<value>} authorities. */
enum ApiScope {
    /** All of {@code /api/**} but the app API: staff automation and staff accounts. */
    STAFF_API("staff-api"),
    /** {@code /api/app/**}: the office's app backend. */
    APP("app"),
    /** {@code POST /api/intake/{disclosures|consultations|interpretations|opinion-tasks}}: source systems. */
    INTAKE("intake"),
    /** {@code POST /api/intake/opinion-monitor}: the opinion-monitoring system. */
    OPINION_MONITOR("opinion-monitor");

    private final String value;

    ApiScope(String value) {
        this.value = value;
    }

    String authority() {
        return "SCOPE_" + value;
    }

    GrantedAuthority granted() {
        return new SimpleGrantedAuthority(authority());
    }
}
