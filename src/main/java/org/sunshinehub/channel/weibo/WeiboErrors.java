package org.sunshinehub.channel.weibo;

/**
 * What to do about a Weibo {@code error_code} (first digit 1: system, 2: service; see Weibo's Error_code page).
 */
final class WeiboErrors {

    enum Action {
        /** A passing failure of Weibo's (1000x system errors): try again with backoff. */
        RETRY,
        /** A posting or IP rate limit: wait for the next hour's slot. */
        RATE_LIMITED,
        /** The token expired or was revoked: flag the account, tell staff, posts wait. */
        TOKEN,
        /** Weibo calls it repeated content: it will never take this text again. */
        REPEATED,
        /** Any other request error: this post can never go as it is. */
        PERMANENT
    }

    /** {@code 20101 Target weibo does not exist}: a post deleted already (by an earlier recall, or by hand). */
    static final int NO_SUCH_POST = 20101;

    private WeiboErrors() {
    }

    static Action of(int code) {
        return switch (code) {
            case 10001, 10002, 10003, 10009 -> Action.RETRY;
            case 10004, 10019, 10020, 10022, 10023, 10024, 20016 -> Action.RATE_LIMITED;
            case 10006, 10013, 10014, 21301, 21314, 21315, 21316, 21317, 21319, 21327, 21332 -> Action.TOKEN;
            case 20017, 20019, 20111 -> Action.REPEATED;
            case 10008, 10012, 10016, 10017, 10018 -> Action.PERMANENT;
            default -> code >= 10000 && code < 20000 ? Action.RETRY : Action.PERMANENT;
        };
    }
}
