package org.sunshinehub.dispatch;

/**
 * A provider's word on one message.
 *
 * @param batchId the id the provider echoed (Aliyun {@code out_id}); a {@code #part} suffix is ignored
 * @param address the recipient's address on the channel (phone, openid ...)
 * @param code    the provider's code, e.g. {@code DELIVERED} or a carrier error
 */
public record Receipt(String batchId, String address, boolean delivered, String code) {
}
