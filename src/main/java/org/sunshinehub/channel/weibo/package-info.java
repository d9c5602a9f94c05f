/**
 * The office's Weibo accounts: one post per item per account through {@code 2/statuses/share} (paced to Weibo's
 * 30 posts an hour), and citizens' comments polled from {@code 2/comments/to_me} into Feedback.
 */
package org.sunshinehub.channel.weibo;
