package org.sunshinehub.feedback;

/** A channel that can carry staff's answer back to the citizen who wrote (e.g. WeChat's customer-service API). */
public interface AnswerChannel {

    /** The channel code feedback records carry ({@code wechat} …). */
    String channel();

    /**
     * Sends the answer to the feedback's author.
     *
     * @throws AnswerRefusedException when the channel cannot carry it now or ever (window closed, not following);
     *                                any other exception means a passing failure worth trying again
     */
    void answer(Feedback feedback, String text);

    /** Why an answer cannot go; shown to staff. */
    final class AnswerRefusedException extends RuntimeException {
        public AnswerRefusedException(String reason) {
            super(reason, null, false, false);
        }
    }
}
