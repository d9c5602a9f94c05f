package org.sunshinehub.security;

/** What a staff account may do; an account holds one or more. */
public enum Role {
    ADMIN("系统管理员"),
    REVIEWER("审核人"),
    PUBLISHER("推送发布"),
    RESPONDER("反馈答复"),
    DIVISION("业务处室"),
    AUDITOR("审计（只读）");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The Spring Security authority of this role. */
    public String authority() {
        return "ROLE_" + name();
    }
}
