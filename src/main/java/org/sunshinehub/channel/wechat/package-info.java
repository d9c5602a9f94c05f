/**
 * The office's WeChat official accounts through WxJava: the callback at {@code /callbacks/wechat/{account}} (URL
 * verification, 明文/兼容/安全 modes, follows, topic choices, citizens' messages as Feedback, delivery results),
 * template-message and mass-send pushes, and staff answers through the customer-service API.
 */
package org.sunshinehub.channel.wechat;
