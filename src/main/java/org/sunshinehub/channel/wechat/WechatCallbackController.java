package org.sunshinehub.channel.wechat;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /callbacks/wechat/{account}}: GET verifies the URL (echoes {@code echostr} for a valid signature), POST
 * takes messages and events. A forged request gets 403 and a malformed one 400 — never WeChat's {@code success},
 * and never anything from the rejected body. {@link WechatCallbackGuard} has checked the account, the timestamp
 * window and the query signature before the body is read; bodies are capped by the body filter (64 KiB).
 */
@RestController
@RequestMapping("/callbacks/wechat/{account}")
class WechatCallbackController {

    private static final Logger log = LoggerFactory.getLogger(WechatCallbackController.class);
    private static final MediaType XML = new MediaType("application", "xml", StandardCharsets.UTF_8);

    private final WechatCallbacks callbacks;

    WechatCallbackController(WechatCallbacks callbacks) {
        this.callbacks = callbacks;
    }

    @Operation(summary = "微信服务器地址验证")
    @GetMapping(produces = MediaType.TEXT_PLAIN_VALUE)
    String verify(@PathVariable String account, @RequestParam(required = false) String signature,
                  @RequestParam(required = false) String timestamp, @RequestParam(required = false) String nonce,
                  @RequestParam(required = false) String echostr) {
        AccountCallback callback = accountOf(account);
        if (echostr == null || !callback.verifyUrl(new AccountCallback.Query(signature, timestamp, nonce, null, null))) {
            log.warn("WeChat URL verification for {} refused: bad signature", account);
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "签名无效");
        }
        return echostr;
    }

    @Operation(summary = "接收微信消息与事件")
    @PostMapping
    ResponseEntity<String> receive(@PathVariable String account, @RequestParam(required = false) String signature,
                                   @RequestParam(required = false) String timestamp,
                                   @RequestParam(required = false) String nonce,
                                   @RequestParam(name = "encrypt_type", required = false) String encryptType,
                                   @RequestParam(name = "msg_signature", required = false) String msgSignature,
                                   HttpServletRequest request) throws IOException {
        AccountCallback callback = accountOf(account);
        String body = read(request.getInputStream());
        try {
            String answer = callbacks.handle(account, callback,
                    new AccountCallback.Query(signature, timestamp, nonce, encryptType, msgSignature), body);
            return ResponseEntity.ok().contentType("success".equals(answer) ? MediaType.TEXT_PLAIN : XML).body(answer);
        } catch (CallbackRejected e) {
            log.warn("WeChat callback for {} refused: {}", account, e.getMessage());
            throw new ResponseStatusException(e.why() == CallbackRejected.Why.SIGNATURE ? HttpStatus.FORBIDDEN
                    : HttpStatus.BAD_REQUEST, e.why() == CallbackRejected.Why.SIGNATURE ? "签名无效" : "消息格式无效");
        }
    }

    private AccountCallback accountOf(String name) {
        return callbacks.account(name).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "未知公众号"));
    }

    /** The body filter caps it ({@code sunshine.api.max-wechat-callback-size}): 413 at the first byte over. */
    private static String read(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
}
