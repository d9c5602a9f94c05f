package org.sunshinehub.channel.wechat;

/** A callback that is not WeChat's or not well-formed; its text is what the log says, never the body. */
final class CallbackRejected extends RuntimeException {

    enum Why { SIGNATURE, MALFORMED }

    private final Why why;

    CallbackRejected(Why why, String message) {
        super(message, null, false, false);
        this.why = why;
    }

    Why why() {
        return why;
    }

    static CallbackRejected malformed(String message) {
        return new CallbackRejected(Why.MALFORMED, message);
    }
}
