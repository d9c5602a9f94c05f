package org.sunshinehub.channel.app;

/** What to do about a JPush answer: its {@code error.code}, or the HTTP status when there is none. */
final class JPushErrors {

    enum Action {
        /** A passing failure: 1000, 1030, 5xx, rate limits (2002 / HTTP 429), throttled pushes (1012). */
        RETRY,
        /** No device matches (1011): the registration ids are gone; fail and mark them. */
        NO_SUCH_USER,
        /** The request itself is wrong (1002, 1003, 1005, 1009 …): it can never succeed. */
        PERMANENT,
        /** JPush refuses the app (1004 auth, 2003 – 2007): stop the channel and alert staff. */
        STOP
    }

    private JPushErrors() {
    }

    static Action of(int code, int httpStatus) {
        return switch (code) {
            case 1011 -> Action.NO_SUCH_USER;
            case 1004, 1008, 2003, 2004, 2005, 2006, 2007 -> Action.STOP;
            case 1000, 1012, 1030, 2002 -> Action.RETRY;
            case 1001, 1002, 1003, 1005, 1009, 1020 -> Action.PERMANENT;
            default -> httpStatus == 401 || httpStatus == 403 ? Action.STOP
                    : httpStatus >= 400 && httpStatus < 500 && httpStatus != 429 && httpStatus != 408 ? Action.PERMANENT
                    : Action.RETRY;
        };
    }
}
