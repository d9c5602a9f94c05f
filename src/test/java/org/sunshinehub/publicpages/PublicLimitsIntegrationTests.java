package org.sunshinehub.publicpages;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.sunshinehub.SunshineHubApplication;
import org.sunshinehub.content.PublicLinks;
import org.sunshinehub.support.Pushes;
import org.sunshinehub.support.TestHub;

/** The abuse limits of the public forms, on a hub with small ones (every request here comes from one address). */
class PublicLimitsIntegrationTests {

    private static final TestHub hub = TestHub.start(
            "--sunshine.public-pages.limits.codes-per-phone=2/1h",
            "--sunshine.public-pages.limits.codes-per-address=4/1h",
            "--sunshine.public-pages.limits.opinions-per-citizen=2/1h");

    @AfterAll
    static void stop() {
        hub.close();
    }

    @Test
    void theRequestPastEachLimitIsRefusedWithAClearMessage() {
        // Given an open consultation and a citizen verified with the address's first code
        String item = PublicLinks.code(consultation());
        Citizen citizen = new Citizen("http://127.0.0.1:" + hub.port());
        String code = code(citizen, item, "13712340001");
        citizen.post("/p/verify", Map.of("item", item, "phone", "13712340001", "code", code));

        // When the citizen sends three opinions, the third is refused (two an hour per phone)
        for (int i = 1; i <= 2; i++) {
            assertThat(opinion(citizen, item, "第" + i + "条意见").body()).contains("回执号");
        }
        HttpResponse<String> third = opinion(citizen, item, "第3条意见");
        assertThat(third.statusCode()).isEqualTo(429);
        assertThat(third.body()).contains("操作过于频繁，请", "分钟后再试");

        // When one phone asks for a third code within the hour, it is refused
        hub.clock().advance(Duration.ofSeconds(61));
        code(citizen, item, "13712340002");
        hub.clock().advance(Duration.ofSeconds(61));
        code(citizen, item, "13712340002");
        hub.clock().advance(Duration.ofSeconds(61));
        HttpResponse<String> thirdCode = askForCode(citizen, item, "13712340002");
        assertThat(thirdCode.statusCode()).isEqualTo(429);
        assertThat(thirdCode.body()).contains("操作过于频繁");

        // Then the address has had its four codes: a fifth, for a phone never seen, is refused and not sent
        HttpResponse<String> fifth = askForCode(citizen, item, "13712340003");
        assertThat(fifth.statusCode()).isEqualTo(429);
        assertThat(new Pushes(hub).sentTo("13712340003")).isEmpty();
        assertThat(new Pushes(hub).sentTo("13712340002")).hasSize(2);
    }

    private static String consultation() {
        OffsetDateTime now = OffsetDateTime.ofInstant(hub.clock().instant(), SunshineHubApplication.ZONE);
        return TestHub.json(hub.post("/api/intake/consultations", """
                {"source":"website","sourceId":"%s","title":"限流测试征求意见稿","consultationType":"行政规范性文件",
                 "shortPeriodReason":"测试","opensAt":"%s","closesAt":"%s"}"""
                .formatted(UUID.randomUUID(), now.minusHours(1), now.plusDays(10)))).get("id").asText();
    }

    private static HttpResponse<String> askForCode(Citizen citizen, String item, String phone) {
        citizen.get("/p/verify?item=" + item);
        return citizen.post("/p/verify/code", Map.of("item", item, "phone", phone));
    }

    private static String code(Citizen citizen, String item, String phone) {
        assertThat(askForCode(citizen, item, phone).body()).contains("验证码已发送");
        var messages = new Pushes(hub).sentTo(phone);
        String text = messages.get(messages.size() - 1).get("text").asText();
        return text.replaceAll(".*验证码(\\d{6}).*", "$1");
    }

    private static HttpResponse<String> opinion(Citizen citizen, String item, String text) {
        citizen.get("/p/" + item);
        return citizen.post("/p/" + item + "/opinions", Map.of("text", text, "receiptToken", citizen.hidden("receiptToken")));
    }
}
