/**
 * What citizens send back (意见 / 留言 / 反馈), from any channel, linked to the item it answers when that is known.
 * Channels record it through {@link org.sunshinehub.feedback.FeedbackInbox}; staff read it at {@code /api/feedback}.
 */
package org.sunshinehub.feedback;
