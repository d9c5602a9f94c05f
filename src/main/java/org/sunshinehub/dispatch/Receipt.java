package org.sunshinehub.dispatch;

import org.springframework.modulith.NamedInterface;

/**
 * A provider's word on one message.
 *
 * @param batchId the id the provider echoed (Aliyun {@code out_id}); a {@code #part} suffix is ignored
 * @param address the recipient's address on the channel (phone, openid ...)
 * @param outcome what became of the message
 * @param code    the provider's code, e.g. {@code DELIVERED}, a carrier error, WeChat's {@code failed:user block}
 */
@NamedInterface("spi")
public record Receipt(String batchId, String address, Outcome outcome, String code) {

    /** What a receipt can say; each moves a sent delivery to the state of the same name. */
    public enum Outcome {
        DELIVERED, UNDELIVERED, REFUSED, FAILED;

        DeliveryState state() {
            return DeliveryState.valueOf(name());
        }
    }

    public static Receipt of(String batchId, String address, boolean delivered, String code) {
        return new Receipt(batchId, address, delivered ? Outcome.DELIVERED : Outcome.UNDELIVERED, code);
    }
}
