package org.sunshinehub.channel.wechat;

/**
 * What to do about a WeChat {@code errcode}. Token errors (40001, 42001, 40014) were already refreshed and
 * retried once by WxJava; if they come back they are retried later.
 */
final class WechatErrors {

    enum Action {
        /** Try the message again after a backoff. */
        RETRY,
        /** Quota used up: this and the rest of the batch wait for a later attempt. */
        BACK_OFF,
        /** This message can never go (bad openid, bad template …). */
        PERMANENT,
        /** The follower cannot be reached on WeChat: fail the delivery and mark the identity. */
        UNREACHABLE
    }

    private WechatErrors() {
    }

    static Action of(int errcode) {
        return switch (errcode) {
            case 43004, 43101 -> Action.UNREACHABLE;
            case 45009, 45047, 45011 -> Action.BACK_OFF;
            case 40003, 40037, 47001, 48001, 40036, 41028, 40008 -> Action.PERMANENT;
            default -> Action.RETRY;
        };
    }
}
