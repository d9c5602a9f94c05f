package org.sunshinehub.channel.sms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.sunshinehub.dispatch.DeliveryReceipts;
import org.sunshinehub.dispatch.Receipt;

/**
 * Aliyun's HTTP batch pushes. Both answer {@code {"code":0,"msg":"接收成功"}} only after what they carry is
 * stored; anything else (a 5xx) makes Aliyun push again, and repeats change nothing. A wrong path token gets
 * 403, a body that is not a JSON array of objects 400.
 */
@RestController
@RequestMapping("/callbacks/aliyun-sms/{pathToken}")
class SmsCallbackController {

    static final Map<String, Object> RECEIVED = Map.of("code", 0, "msg", "接收成功");
    private static final Logger log = LoggerFactory.getLogger(SmsCallbackController.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SmsProperties properties;
    private final DeliveryReceipts receipts;
    private final SmsReplies replies;

    SmsCallbackController(SmsProperties properties, DeliveryReceipts receipts, SmsReplies replies) {
        this.properties = properties;
        this.receipts = receipts;
        this.replies = replies;
    }

    @Operation(summary = "阿里云短信回执回调")
    @PostMapping("/report")
    Map<String, Object> report(@PathVariable String pathToken, @RequestBody byte[] body) {
        checkToken(pathToken);
        List<Receipt> parsed = new ArrayList<>();
        for (JsonNode report : reports(body)) {
            String outId = SmsFields.text(report, "out_id");
            String phone = SmsFields.text(report, "phone_number");
            if (outId == null || phone == null) {
                log.warn("SMS report without out_id or phone_number skipped");
                continue;
            }
            parsed.add(Receipt.of(outId, phone, SmsFields.bool(report, "success"), SmsFields.text(report, "err_code")));
        }
        receipts.apply(parsed);
        return RECEIVED;
    }

    @Operation(summary = "阿里云短信上行（市民回复）回调")
    @PostMapping("/up")
    Map<String, Object> up(@PathVariable String pathToken, @RequestBody byte[] body) {
        checkToken(pathToken);
        replies.acceptAll(reports(body));
        return RECEIVED;
    }

    /** {@link SmsCallbackGuard} has refused a wrong token before the body was read; checked again here. */
    private void checkToken(String presented) {
        if (!SmsCallbackGuard.accepts(properties, presented)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "回调令牌无效");
        }
    }

    private static List<JsonNode> reports(byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "回调内容不是有效的 JSON");
        }
        if (root == null || !root.isArray()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "回调内容须为 JSON 数组");
        }
        List<JsonNode> entries = new ArrayList<>();
        for (JsonNode entry : root) {
            if (!entry.isObject()) {
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "回调数组的每一项须为 JSON 对象");
            }
            entries.add(entry);
        }
        return entries;
    }
}
