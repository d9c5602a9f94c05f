/**
 * SMS through Aliyun (阿里云短信) with the official SDK: SendSms / SendBatchSms, delivery receipts (SmsReport) and
 * citizens' replies (SmsUp) pushed back to {@code /callbacks/aliyun-sms/{pathToken}/…}.
 */
package org.sunshinehub.channel.sms;
