package org.sunshinehub.sandbox;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sunshinehub.SunshineHubApplication;

/**
 * Aliyun Dysmsapi 2017-05-25 {@code SendSms} and {@code SendBatchSms} over HTTP, as the official SDK calls them
 * (RPC style, action in {@code x-acs-action}, ACS3-HMAC-SHA256 signature), with Aliyun's answers: HTTP 200 with
 * {@code Code}/{@code Message}/{@code BizId}/{@code RequestId}, business errors as 200 with another
 * {@code Code}, gateway errors as 4xx/5xx. Accepted messages get SmsReport receipts pushed to the hub.
 */
final class AliyunSmsSandbox {

    static final DateTimeFormatter REPORT_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(SunshineHubApplication.ZONE);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(\\w+)}");

    private final SandboxProperties properties;
    private final FaultState faults;
    private final SmsLedger ledger;
    private final CallbackPusher pusher;
    private final HubCallbacks hub;
    private final AtomicLong bizIds = new AtomicLong(System.currentTimeMillis() % 1_000_000 * 1_000_000);

    AliyunSmsSandbox(SandboxProperties properties, FaultState faults, SmsLedger ledger, CallbackPusher pusher,
                     HubCallbacks hub) {
        this.properties = properties;
        this.faults = faults;
        this.ledger = ledger;
        this.pusher = pusher;
        this.hub = hub;
    }

    void handle(HttpExchange exchange) throws IOException {
        // First, so the time is the request's arrival (what the provider's rate limit counts), not its answer's.
        ledger.arrived(System.currentTimeMillis());
        byte[] body = exchange.getRequestBody().readNBytes(5 * 1024 * 1024);
        String signatureError = Acs3Signature.verify(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders()::getFirst, body,
                SandboxEnvironment.ACCESS_KEY_ID, SandboxEnvironment.ACCESS_KEY_SECRET);
        if (signatureError != null) {
            ledger.count("rejectedSignature");
            answer(exchange, 400, error(signatureError, "The request signature does not conform to Aliyun standards."));
            return;
        }
        if (faults.inOutage()) {
            ledger.count("outage");
            answer(exchange, 503, error("ServiceUnavailable", "The request has failed due to a temporary failure of the server."));
            return;
        }
        try {
            faults.slowDown();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        Map<String, String> params = Acs3Signature.decodeQuery(exchange.getRequestURI().getRawQuery());
        params.putAll(Acs3Signature.decodeQuery(new String(body, StandardCharsets.UTF_8)));
        String action = exchange.getRequestHeaders().getFirst("x-acs-action");
        ObjectNode result = switch (action == null ? "" : action) {
            case "SendSms" -> sendSms(params);
            case "SendBatchSms" -> sendBatchSms(params);
            default -> error("InvalidAction.NotFound", "Specified api is not found, please check your url and method.");
        };
        answer(exchange, result.has("BizId") || result.path("Code").asText().startsWith("is") ? 200 : 404, result);
    }

    private ObjectNode sendSms(Map<String, String> params) throws IOException {
        String phones = params.get("PhoneNumbers");
        if (phones == null || params.get("SignName") == null || params.get("TemplateCode") == null) {
            return business("isv.INVALID_PARAMETERS", "参数异常");
        }
        List<String> numbers = List.of(phones.split(","));
        List<String> templateParams = new ArrayList<>();
        numbers.forEach(n -> templateParams.add(params.getOrDefault("TemplateParam", "{}")));
        List<String> extendCodes = new ArrayList<>();
        numbers.forEach(n -> extendCodes.add(params.get("SmsUpExtendCode")));
        return accept(numbers, params.get("SignName"), params.get("TemplateCode"), templateParams, extendCodes,
                params.get("OutId"), 1000);
    }

    private ObjectNode sendBatchSms(Map<String, String> params) throws IOException {
        try {
            List<String> numbers = strings(params.get("PhoneNumberJson"));
            List<String> signs = strings(params.get("SignNameJson"));
            List<String> templateParams = new ArrayList<>();
            JSON.readTree(params.getOrDefault("TemplateParamJson", "[]")).forEach(p -> templateParams.add(p.toString()));
            List<String> extendCodes = params.containsKey("SmsUpExtendCodeJson")
                    ? strings(params.get("SmsUpExtendCodeJson")) : new ArrayList<>();
            if (signs.size() != numbers.size() || templateParams.size() != numbers.size() || params.get("TemplateCode") == null) {
                return business("isv.INVALID_PARAMETERS", "参数异常");
            }
            while (extendCodes.size() < numbers.size()) {
                extendCodes.add(null);
            }
            return accept(numbers, signs.get(0), params.get("TemplateCode"), templateParams, extendCodes,
                    params.get("OutId"), 100);
        } catch (com.fasterxml.jackson.core.JsonProcessingException | NullPointerException e) {
            return business("isv.INVALID_JSON_PARAM", "JSON参数不合法");
        }
    }

    private ObjectNode accept(List<String> numbers, String sign, String templateCode, List<String> templateParams,
                              List<String> extendCodes, String outId, int max) throws IOException {
        ledger.count("requests");
        if (numbers.size() > max) {
            return business("isv.MOBILE_COUNT_OVER_LIMIT", "手机号码数量超过限制");
        }
        String template = properties.smsTemplates().get(templateCode);
        if (template == null) {
            return business("isv.SMS_TEMPLATE_ILLEGAL", "该账号下找不到对应模板");
        }
        if (numbers.stream().anyMatch(n -> !MOBILE.matcher(n).matches()) || faults.invalid(numbers)) {
            ledger.count("invalidNumber");
            return business("isv.MOBILE_NUMBER_ILLEGAL", "非法手机号");
        }
        if (faults.flowControlled()) {
            ledger.count("flowControlled");
            return business("isv.BUSINESS_LIMIT_CONTROL", "触发分钟级流控Permits:1");
        }
        String bizId = bizIds.incrementAndGet() + "^0";
        Instant now = Instant.now();
        // SendSms gives every number the same parameters: rendered once per distinct value, not once per number
        Map<String, String> texts = new HashMap<>();
        for (int i = 0; i < numbers.size(); i++) {
            String text = texts.get(templateParams.get(i));
            if (text == null) {
                JsonNode values = JSON.readTree(templateParams.get(i));
                if (!values.isObject()) {
                    return business("isv.INVALID_JSON_PARAM", "JSON参数不合法，只接受字符串值");
                }
                text = render(sign, template, values);
                texts.put(templateParams.get(i), text);
            }
            ledger.record(new SentSms(numbers.get(i), sign, templateCode, text, outId, bizId, extendCodes.get(i), now));
        }
        URI reportUrl = hub.reportUrl();
        if (reportUrl != null) {
            pushReceipts(reportUrl, List.copyOf(numbers), bizId, outId, now);
        }
        ObjectNode ok = JSON.createObjectNode().put("Code", "OK").put("Message", "OK").put("BizId", bizId);
        return ok.put("RequestId", UUID.randomUUID().toString().toUpperCase());
    }

    private void pushReceipts(URI url, List<String> numbers, String bizId, String outId, Instant sentAt) {
        String sendTime = REPORT_TIME.format(sentAt);
        java.util.function.Supplier<byte[]> reports = () -> {
            String now = REPORT_TIME.format(Instant.now());
            // Streamed, not built as a tree: a push carries up to 1,000 reports, and the sandbox shares the CPU
            // with the hub it measures
            ByteArrayOutputStream out = new ByteArrayOutputStream(numbers.size() * 220);
            try (JsonGenerator json = JSON.getFactory().createGenerator(out)) {
                json.writeStartArray();
                for (String phone : numbers) {
                    boolean delivered = !faults.undelivered(phone);
                    json.writeStartObject();
                    json.writeStringField("phone_number", phone);
                    json.writeStringField("send_time", sendTime);
                    json.writeStringField("report_time", now);
                    json.writeBooleanField("success", delivered);
                    json.writeStringField("err_code", delivered ? "DELIVERED" : "MK:0001");
                    json.writeStringField("err_msg", delivered ? "用户接收成功" : "用户不可达");
                    json.writeStringField("sms_size", "1");
                    json.writeStringField("biz_id", bizId);
                    json.writeStringField("out_id", outId);
                    json.writeEndObject();
                }
                json.writeEndArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toByteArray();
        };
        pusher.push(url, reports, properties.receiptDelay());
        if (faults.duplicateReceipt()) {
            pusher.push(url, reports, properties.receiptDelay().multipliedBy(2));
        }
    }

    private static String render(String sign, String template, JsonNode values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder text = new StringBuilder("【" + sign + "】");
        while (m.find()) {
            m.appendReplacement(text, Matcher.quoteReplacement(values.path(m.group(1)).asText("")));
        }
        return m.appendTail(text).toString();
    }

    private static List<String> strings(String json) throws com.fasterxml.jackson.core.JsonProcessingException {
        List<String> values = new ArrayList<>();
        JSON.readTree(json).forEach(v -> values.add(v.isNull() ? null : v.asText()));
        return values;
    }

    private static ObjectNode business(String code, String message) {
        return JSON.createObjectNode().put("Code", code).put("Message", message)
                .put("RequestId", UUID.randomUUID().toString().toUpperCase());
    }

    private static ObjectNode error(String code, String message) {
        return JSON.createObjectNode().put("RequestId", UUID.randomUUID().toString().toUpperCase())
                .put("HostId", "dysmsapi.aliyuncs.com").put("Code", code).put("Message", message);
    }

    static void answer(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json;charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
