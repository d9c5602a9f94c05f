package org.sunshinehub.channel.sms;

import com.aliyun.dysmsapi20170525.Client;
import com.aliyun.dysmsapi20170525.models.SendBatchSmsRequest;
import com.aliyun.dysmsapi20170525.models.SendSmsRequest;
import com.aliyun.tea.TeaException;
import com.aliyun.teaopenapi.models.Config;
import com.aliyun.teautil.models.RuntimeOptions;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.sunshinehub.channelkind.ChannelKind;
import org.sunshinehub.dispatch.ChannelAdapter;
import org.sunshinehub.dispatch.OutboundBatch;
import org.sunshinehub.dispatch.OutboundMessage;
import org.sunshinehub.dispatch.SendOutcome;
import org.sunshinehub.dispatch.Throttle;

/**
 * The SMS channel. Messages whose rendered parameters are the same go out together in one {@code SendSms} of up
 * to 1000 numbers; when parameters differ per recipient, {@code SendBatchSms} of up to 100. The {@code OutId}
 * is the dispatch block's id (plus a part number), which receipts echo back; the plan's reply code goes as
 * {@code SmsUpExtendCode}, which replies echo as {@code dest_code}. Request URLs carry the phone numbers, so
 * neither they nor SDK messages are logged.
 */
@Component
@ConditionalOnProperty(prefix = "sunshine.sms.aliyun", name = "access-key-id")
class AliyunSmsAdapter implements ChannelAdapter {

    static final int SEND_SMS_MAX = 1000;
    static final int SEND_BATCH_MAX = 100;
    private static final Logger log = LoggerFactory.getLogger(AliyunSmsAdapter.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SmsProperties properties;
    private final Client client;
    private final RuntimeOptions runtime = new RuntimeOptions();

    AliyunSmsAdapter(SmsProperties properties) throws Exception {
        this.properties = properties;
        SmsProperties.Aliyun aliyun = properties.aliyun();
        this.client = new Client(new Config()
                .setAccessKeyId(aliyun.accessKeyId())
                .setAccessKeySecret(aliyun.accessKeySecret())
                .setEndpoint(aliyun.endpoint())
                .setProtocol(aliyun.protocol())
                .setConnectTimeout((int) aliyun.connectTimeout().toMillis())
                .setReadTimeout((int) aliyun.readTimeout().toMillis()));
        // Retries are the dispatcher's business (SendSms is not idempotent: no blind SDK retries).
        runtime.setAutoretry(false);
        runtime.setConnectTimeout((int) aliyun.connectTimeout().toMillis());
        runtime.setReadTimeout((int) aliyun.readTimeout().toMillis());
        log.info("SMS channel: Aliyun at {} ({})", aliyun.endpoint(), aliyun.protocol());
    }

    @Override
    public boolean reportsDelivery() {
        return true;
    }

    @Override
    public ChannelKind kind() {
        return ChannelKind.SMS;
    }

    @Override
    public Map<String, Object> templateModel() {
        return Map.of("optOutHint", properties.unsubscribeHint());
    }

    @Override
    public List<SendOutcome> send(OutboundBatch batch, Throttle throttle) {
        List<OutboundMessage> messages = batch.messages();
        SendOutcome[] outcomes = new SendOutcome[messages.size()];
        String kind = batch.template();
        String templateCode = properties.aliyun().templateCodes().get(kind);
        if (templateCode == null) {
            Arrays.fill(outcomes, SendOutcome.permanent("未配置 " + kind + " 的短信模板编码 sunshine.sms.aliyun.template-codes." + kind));
            return List.of(outcomes);
        }
        Map<String, List<Integer>> byContent = new LinkedHashMap<>();
        for (int i = 0; i < messages.size(); i++) {
            String content = messages.get(i).content();
            if (!validParams(content)) {
                outcomes[i] = SendOutcome.permanent("短信模板参数须为值全是字符串的 JSON 对象");
            } else {
                byContent.computeIfAbsent(content, c -> new ArrayList<>()).add(i);
            }
        }
        // Aliyun's QPS is per AccessKey: every instance sending with this key draws from one budget.
        Request request = new Request(batch, templateCode, throttle.forAccount(properties.aliyun().accessKeyId()),
                outcomes);
        List<Integer> singles = new ArrayList<>();
        for (Map.Entry<String, List<Integer>> group : byContent.entrySet()) {
            if (group.getValue().size() == 1 && byContent.size() > 1) {
                singles.add(group.getValue().get(0));
                continue;
            }
            for (List<Integer> chunk : chunks(group.getValue(), SEND_SMS_MAX)) {
                request.sendSms(chunk, group.getKey());
            }
        }
        for (List<Integer> chunk : chunks(singles, SEND_BATCH_MAX)) {
            request.sendBatchSms(chunk);
        }
        return List.of(outcomes);
    }

    /** One batch's calls; numbers each call with a part so every OutId is distinct. */
    private final class Request {
        private final OutboundBatch batch;
        private final String templateCode;
        private final Throttle throttle;
        private final SendOutcome[] outcomes;
        private int part;

        Request(OutboundBatch batch, String templateCode, Throttle throttle, SendOutcome[] outcomes) {
            this.batch = batch;
            this.templateCode = templateCode;
            this.throttle = throttle;
            this.outcomes = outcomes;
        }

        void sendSms(List<Integer> indices, String params) {
            SendSmsRequest request = new SendSmsRequest()
                    .setPhoneNumbers(String.join(",", indices.stream().map(this::phone).toList()))
                    .setSignName(properties.aliyun().signName())
                    .setTemplateCode(templateCode)
                    .setTemplateParam(params)
                    .setSmsUpExtendCode(batch.replyCode())
                    .setOutId(nextOutId());
            throttle.acquire();
            try {
                var body = client.sendSmsWithOptions(request, runtime).getBody();
                if (AliyunErrors.INVALID_NUMBER.equals(body.getCode()) && indices.size() > 1) {
                    // One bad number fails the whole request: halve until it stands alone.
                    sendSms(indices.subList(0, indices.size() / 2), params);
                    sendSms(indices.subList(indices.size() / 2, indices.size()), params);
                    return;
                }
                settle(indices, body.getCode(), body.getMessage(), body.getBizId());
            } catch (Exception e) {
                failed(indices, e);
            }
        }

        void sendBatchSms(List<Integer> indices) {
            SendBatchSmsRequest request = new SendBatchSmsRequest()
                    .setPhoneNumberJson(json(indices.stream().map(this::phone).toList()))
                    .setSignNameJson(json(Collections.nCopies(indices.size(), properties.aliyun().signName())))
                    .setTemplateCode(templateCode)
                    .setTemplateParamJson("[" + String.join(",", indices.stream()
                            .map(i -> batch.messages().get(i).content()).toList()) + "]")
                    .setSmsUpExtendCodeJson(json(Collections.nCopies(indices.size(), batch.replyCode())))
                    .setOutId(nextOutId());
            throttle.acquire();
            try {
                var body = client.sendBatchSmsWithOptions(request, runtime).getBody();
                settle(indices, body.getCode(), body.getMessage(), body.getBizId());
            } catch (Exception e) {
                failed(indices, e);
            }
        }

        private void settle(List<Integer> indices, String code, String message, String bizId) {
            SendOutcome outcome = "OK".equals(code) ? SendOutcome.accepted(bizId)
                    : AliyunErrors.permanent(code) ? SendOutcome.permanent(code + " " + message)
                    : SendOutcome.retry(code + " " + message);
            if (!"OK".equals(code)) {
                log.warn("Aliyun SMS answered {} for {} number(s) of {}", code, indices.size(), batch.batchId());
            }
            indices.forEach(i -> outcomes[i] = outcome);
        }

        /** HTTP errors and timeouts: the SDK's message may quote the request, so only codes go further. */
        private void failed(List<Integer> indices, Exception e) {
            String reason = e instanceof TeaException tea && tea.getCode() != null
                    ? tea.getCode() + (tea.getStatusCode() == null ? "" : " (HTTP " + tea.getStatusCode() + ")")
                    : rootCause(e).getClass().getSimpleName();
            SendOutcome outcome = e instanceof TeaException tea && AliyunErrors.permanent(tea.getCode())
                    ? SendOutcome.permanent(reason) : SendOutcome.retry(reason);
            log.warn("Aliyun SMS call for {} number(s) of {} failed: {}", indices.size(), batch.batchId(), reason);
            indices.forEach(i -> outcomes[i] = outcome);
        }

        private String phone(int index) {
            return batch.messages().get(index).address();
        }

        private String nextOutId() {
            return batch.batchId() + "#" + batch.attempt() + "." + part++;
        }
    }

    private static boolean validParams(String content) {
        try {
            JsonNode params = JSON.readTree(content);
            if (params == null || !params.isObject()) {
                return false;
            }
            for (JsonNode value : params) {
                if (!value.isTextual()) {
                    return false;
                }
            }
            return true;
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    private static String json(List<String> values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> List<List<T>> chunks(List<T> list, int size) {
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < list.size(); from += size) {
            chunks.add(list.subList(from, Math.min(from + size, list.size())));
        }
        return chunks;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
