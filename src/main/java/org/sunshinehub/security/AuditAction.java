package org.sunshinehub.security;

/** What a staff member did, as the audit log names it. */
public enum AuditAction {
    SIGN_IN("登录"),
    SIGN_IN_FAILED("登录失败"),
    SIGN_OUT("退出"),
    PASSWORD_CHANGE("修改密码"),
    ACCOUNT_CREATE("创建账号"),
    ACCOUNT_ENABLE("启用账号"),
    ACCOUNT_DISABLE("停用账号"),
    PASSWORD_RESET("重置密码"),
    REVIEW("审核签署"),
    PLAN_CREATE("创建推送计划"),
    PLAN_CANCEL("取消推送计划"),
    PLAN_RESEND("重发失败投递"),
    ITEM_RECALL("撤回信息"),
    TEST_SEND("测试发送"),
    FEEDBACK_ANSWER("答复反馈"),
    FEEDBACK_HANDLED("反馈标记已处理"),
    ADOPTION_MARK("标记采纳情况"),
    REPORT_PUBLISH("发布采纳情况报告"),
    CONSULTATION_CLOSE("结束意见征集"),
    TASK_ASSIGN("分派舆情任务"),
    TASK_ACK("签收舆情任务"),
    TASK_RESPOND("回应舆情任务"),
    SUBSCRIBER_IMPORT("导入订阅者"),
    SUBSCRIBER_OPT_OUT("订阅者退订");

    private final String label;

    AuditAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
