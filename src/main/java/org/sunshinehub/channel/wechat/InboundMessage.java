package org.sunshinehub.channel.wechat;

import java.util.Map;

/**
 * One decrypted callback: a citizen's message or an event, with all its fields.
 *
 * @param msgId {@code MsgId} of a message, {@code MsgID} of a send-job event; null for other events
 */
record InboundMessage(String toUser, String fromUser, long createTime, String msgType, String event, Long msgId,
                      Map<String, String> fields) {

    /** @throws CallbackRejected (MALFORMED) when a field every callback has is missing or not a number */
    static InboundMessage of(Map<String, String> fields) {
        String from = required(fields, "FromUserName");
        if (from.length() > 64 || !from.matches("[A-Za-z0-9_\\-]+")) {
            throw CallbackRejected.malformed("FromUserName 无效");
        }
        String msgType = required(fields, "MsgType");
        String id = fields.getOrDefault("MsgId", fields.get("MsgID"));
        return new InboundMessage(required(fields, "ToUserName"), from, number(required(fields, "CreateTime")),
                msgType, "event".equals(msgType) ? fields.get("Event") : null,
                id == null || id.isEmpty() ? null : number(id), Map.copyOf(fields));
    }

    String field(String name) {
        return fields.get(name);
    }

    boolean isEvent(String name) {
        return name.equals(event);
    }

    /**
     * What makes a retry of this callback recognisable: messages by MsgId, events by sender and CreateTime
     * (WeChat's rule); a send-job result by its MsgID unless that is 0 (seen with {@code client_msg_id}).
     */
    String dedupeKey() {
        if (msgId != null && msgId != 0) {
            return (event == null ? "msg:" : "job:") + msgId;
        }
        return "event:" + fromUser + ":" + createTime + ":" + event;
    }

    private static String required(Map<String, String> fields, String name) {
        String value = fields.get(name);
        if (value == null || value.isEmpty()) {
            throw CallbackRejected.malformed("缺少 " + name);
        }
        return value;
    }

    private static long number(String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw CallbackRejected.malformed("数字字段无效");
        }
    }
}
