/**
 * Subscribers (订阅者): citizens with channel identities (phone, WeChat openid, app registration id, Weibo uid),
 * topics, and opt-outs per channel. Other modules use {@link org.sunshinehub.audience.SubscriberDirectory} to
 * stream an audience, check opt-outs and find a subscriber by an address.
 */
package org.sunshinehub.audience;
