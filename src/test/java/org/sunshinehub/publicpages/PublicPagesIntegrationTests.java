package org.sunshinehub.publicpages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.sunshinehub.SunshineHubApplication;
import org.sunshinehub.support.Pushes;
import org.sunshinehub.support.TestHub;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The public pages over HTTP, as a citizen's phone reaches them from the link in a push. */
class PublicPagesIntegrationTests {

    static final Pattern LINK = Pattern.compile("http://127\\.0\\.0\\.1:\\d+/p/[A-Za-z0-9_-]{16}");
    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final TestHub hub = TestHub.startWithPublicLinks();

    @AfterAll
    static void stop() {
        hub.close();
    }

    @Test
    void theSmsOfAPushCarriesTheShortLinkOfTheItemsPage() {
        // Given a subscriber and an approved disclosure with a 文号
        String phone = new Pushes(hub).subscribers("1351001", 1, "t-link").get(0);
        String item = TestHub.json(hub.post("/api/intake/disclosures", """
                {"source":"website","sourceId":"%s","title":"关于调整高龄津贴的通知","issuer":"广东省民政厅",
                 "docNumber":"粤民发〔2026〕9号","summary":"自明年起提高高龄津贴。","url":"https://smzt.gd.gov.cn/a.html"}
                """.formatted(UUID.randomUUID()))).get("id").asText();

        // When it is pushed by SMS
        String plan = new Pushes(hub).plan(item, "t-link", "").get("id").asText();
        new Pushes(hub).awaitCount(plan, "DELIVERED", 1, TestHub.PATIENCE);

        // Then the SMS links to the item's page, which shows what the item is, and no one's identity
        String sms = new Pushes(hub).sentTo(phone).get(0).get("text").asText();
        assertThat(sms).startsWith("【政务公开】广东省民政厅发布《关于调整高龄津贴的通知》，详见政府网站：http://127.0.0.1:")
                .endsWith("。回复本短信可提意见，回T退订");
        HttpResponse<String> page = new Citizen("").get(link(sms));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("关于调整高龄津贴的通知", "广东省民政厅", "粤民发〔2026〕9号", "自明年起提高高龄津贴。",
                "https://smzt.gd.gov.cn/a.html", "lang=\"zh-CN\"", "name=\"viewport\"").doesNotContain(phone);
    }

    @Test
    void aVerifiedCitizensOpinionIsFeedbackWithAReceiptAndTheCodeWorksOnce() {
        // Given an open consultation and a citizen on its page
        String id = consultation(Duration.ofDays(10));
        String page = "/p/" + org.sunshinehub.content.PublicLinks.code(id);
        Citizen citizen = new Citizen(base());
        assertThat(citizen.get(page).body()).contains("还剩 10 天", "验证手机号").doesNotContain("opinion-form");

        // When the citizen asks for a code, enters it, and writes an opinion
        String phone = "13512340001";
        String code = requestCode(citizen, id, phone);
        HttpResponse<String> verified = citizen.post("/p/verify", form(id, phone, code));
        assertThat(verified.body()).contains("手机号已验证", "opinion-form", "已确认身份", "135****0001");
        HttpResponse<String> sent = citizen.post(page + "/opinions", Map.of("text", "建议把助餐服务纳入补贴范围",
                "receiptToken", citizen.hidden("receiptToken")));

        // Then it is Feedback on the consultation from the web with the verified phone, and a receipt number is shown
        Matcher receipt = Pattern.compile("YJ[0-9A-Z]{10}").matcher(sent.body());
        assertThat(receipt.find()).as(sent.body()).isTrue();
        JsonNode feedback = TestHub.json(hub.get("/api/feedback?itemId=" + id)).get("feedback");
        assertThat(feedback).hasSize(1);
        assertThat(feedback.get(0).get("channel").asText()).isEqualTo("web");
        assertThat(feedback.get(0).get("text").asText()).isEqualTo("建议把助餐服务纳入补贴范围");
        assertThat(feedback.get(0).get("sourceKey").asText()).contains(receipt.group().substring(2));
        // And the same code does not verify a second time, in another browser
        Citizen other = new Citizen(base());
        other.get("/p/verify?item=" + org.sunshinehub.content.PublicLinks.code(id));
        assertThat(other.post("/p/verify", form(id, phone, code)).body()).contains("验证码已失效或已使用");
        // And no one else's page shows the opinion or the phone
        assertThat(other.get(page).body()).doesNotContain("建议把助餐服务纳入补贴范围", "135****0001", phone);
    }

    @Test
    void wrongCodesAreLimitedAndAnExpiredCodeIsRefused() {
        String id = consultation(Duration.ofDays(10));
        Citizen citizen = new Citizen(base());

        String code = requestCode(citizen, id, "13512340002");
        String wrong = code.equals("000000") ? "111111" : "000000";
        for (int i = 0; i < 5; i++) {
            assertThat(citizen.post("/p/verify", form(id, "13512340002", wrong)).body()).contains("验证码不正确");
        }
        assertThat(citizen.post("/p/verify", form(id, "13512340002", code)).body()).contains("错误次数过多");

        hub.clock().advance(Duration.ofMinutes(2));
        String second = requestCode(citizen, id, "13512340003");
        hub.clock().advance(Duration.ofMinutes(6));
        assertThat(citizen.post("/p/verify", form(id, "13512340003", second)).body()).contains("验证码已失效");
    }

    @Test
    void anOpinionWithHtmlOrOverTheCapIsRefusedAndNoneIsTakenAfterTheClose() {
        String id = consultation(Duration.ofHours(2));
        String page = "/p/" + org.sunshinehub.content.PublicLinks.code(id);
        Citizen citizen = verifiedCitizen(id, "13512340004");

        assertThat(citizen.post(page + "/opinions", Map.of("text", "<script>alert(1)</script>好",
                "receiptToken", citizen.hidden("receiptToken"))).body()).contains("不能包含 HTML 标记");
        assertThat(citizen.post(page + "/opinions", Map.of("text", "长".repeat(2001),
                "receiptToken", citizen.hidden("receiptToken"))).body()).contains("意见不能超过 2000 字");
        String token = citizen.hidden("receiptToken");
        hub.clock().advance(Duration.ofHours(3));
        assertThat(citizen.post(page + "/opinions", Map.of("text", "截止后的意见", "receiptToken", token)).body())
                .contains("意见征集已于", "截止").doesNotContain("opinion-form");
        assertThat(TestHub.json(hub.get("/api/feedback?itemId=" + id)).get("total").asLong()).isZero();
        hub.clock().advance(Duration.ofHours(-3));
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefused() {
        String id = consultation(Duration.ofDays(3));
        Citizen citizen = new Citizen(base());
        citizen.get("/p/" + org.sunshinehub.content.PublicLinks.code(id));

        HttpResponse<String> forged = citizen.postRaw("/p/verify/code", Map.of("phone", "13512340005"));

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(new Pushes(hub).sentTo("13512340005")).isEmpty();
    }

    @Test
    void opinionTasksAndItemsInReviewHaveNoPublicPage() {
        String task = TestHub.json(hub.post("/api/intake/opinion-tasks", """
                {"source":"supervision","sourceId":"%s","title":"内部督办","division":"social-assistance","publishedAt":"%s"}"""
                .formatted(UUID.randomUUID(), OffsetDateTime.now(SunshineHubApplication.ZONE)))).get("id").asText();
        String inReview = TestHub.json(hub.post("/api/intake/disclosures", """
                {"source":"oa","sourceId":"%s","title":"待审核的通知","category":"社会救助"}""".formatted(UUID.randomUUID())))
                .get("id").asText();

        for (String id : List.of(task, inReview)) {
            HttpResponse<String> page = new Citizen(base()).get("/p/" + org.sunshinehub.content.PublicLinks.code(id));
            assertThat(page.statusCode()).isEqualTo(404);
            assertThat(page.body()).contains("没有找到这条信息").doesNotContain("内部督办", "待审核的通知");
        }
        assertThat(new Citizen(base()).get("/p/not-a-code").statusCode()).isEqualTo(404);
    }

    @Test
    void theFeedIsAtomAndListsConsultations() throws Exception {
        String id = consultation(Duration.ofDays(5));

        HttpResponse<String> feed = new Citizen(base()).get("/p/feed.atom");

        assertThat(feed.headers().firstValue("Content-Type").orElse("")).startsWith("application/atom+xml");
        Element root = atom(feed.body()).getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo(ATOM);
        assertThat(root.getLocalName()).isEqualTo("feed");
        for (String required : List.of("id", "title", "updated")) {
            assertThat(children(root, required)).as(required).hasSize(1);
        }
        List<Element> entries = children(root, "entry");
        assertThat(entries).isNotEmpty().allSatisfy(e -> {
            assertThat(children(e, "id")).hasSize(1);
            assertThat(children(e, "title")).hasSize(1);
            assertThat(children(e, "updated").get(0).getTextContent()).matches("\\d{4}-\\d{2}-\\d{2}T.*");
        });
        assertThat(entries).anySatisfy(e -> {
            assertThat(children(e, "id").get(0).getTextContent()).isEqualTo("urn:sunshinehub:consultation:" + id);
            assertThat(children(e, "link").get(0).getAttribute("href"))
                    .isEqualTo(base() + "/p/" + org.sunshinehub.content.PublicLinks.code(id));
        });
    }

    @Test
    void aPublishedReportIsOnTheConsultationsPageAndInTheFeedAndNothingBeforeIt() throws Exception {
        // Given a consultation with one opinion, closed, the opinion marked
        String id = consultation(Duration.ofHours(1));
        String page = "/p/" + org.sunshinehub.content.PublicLinks.code(id);
        Citizen citizen = verifiedCitizen(id, "13512340006");
        citizen.post(page + "/opinions", Map.of("text", "建议公布助餐点名单", "receiptToken", citizen.hidden("receiptToken")));
        hub.clock().advance(Duration.ofHours(2));
        JsonNode opinion = TestHub.json(hub.get("/api/feedback?itemId=" + id)).get("feedback").get(0);
        hub.send(hub.request("/api/consultations/" + id + "/opinions/" + opinion.get("sourceKey").asText() + "/adoption")
                .header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"adoption\":\"ADOPTED\"}")));
        assertThat(new Citizen(base()).get(page).body()).doesNotContain("建议公布助餐点名单", "意见采纳情况");
        assertThat(new Citizen(base()).get("/p/feed.atom").body()).doesNotContain("urn:sunshinehub:adoption-report:" + id);

        // When staff publish the adoption report
        assertThat(hub.post("/api/consultations/" + id + "/report", "{}").statusCode()).isEqualTo(201);

        // Then the page shows it, the list links to it, and the feed has it as an entry
        assertThat(new Citizen(base()).get(page).body()).contains("意见采纳情况", "共收到意见 1 条", "建议公布助餐点名单");
        assertThat(new Citizen(base()).get("/p/consultations").body()).contains(page + "#report");
        List<Element> entries = children(atom(new Citizen(base()).get("/p/feed.atom").body()).getDocumentElement(), "entry");
        assertThat(entries).anySatisfy(e -> {
            assertThat(children(e, "id").get(0).getTextContent()).isEqualTo("urn:sunshinehub:adoption-report:" + id);
            assertThat(children(e, "title").get(0).getTextContent()).startsWith("采纳情况：");
            assertThat(children(e, "summary").get(0).getTextContent()).contains("共收到意见 1 条");
        });
        hub.clock().advance(Duration.ofHours(-2));
    }

    @Test
    void aWechatCallbackWithoutItsStateOrWithAReplayedCodeSignsNoOneIn() {
        // Given a follower who went through web authorization once
        String openId = "oReplay" + UUID.randomUUID().toString().substring(0, 8);
        hub.sandbox("POST", "/admin/wechat/browser", "{\"openid\":\"" + openId + "\"}");
        Citizen citizen = new Citizen(base());
        HttpResponse<String> first = citizen.get("/p/wechat");
        assertThat(first.body()).contains("已通过微信确认身份", "subscription-form");
        hub.sandbox("POST", "/admin/wechat/browser", "{\"openid\":null}");

        // When another browser brings a callback with a state it never got, or no state at all
        HttpResponse<String> forged = new Citizen(base()).get("/p/wechat/callback?code=abc&state=0123");
        HttpResponse<String> bare = new Citizen(base()).get("/p/wechat/callback?code=abc");

        // Then both are refused with a page, and no session carries an identity
        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(forged.body()).contains("微信授权已过期");
        assertThat(bare.statusCode()).isEqualTo(400);
    }

    // --- steps ---

    static String base() {
        return "http://127.0.0.1:" + hub.port();
    }

    static String link(String text) {
        Matcher m = LINK.matcher(text);
        assertThat(m.find()).as(text).isTrue();
        return m.group();
    }

    private static String consultation(Duration open) {
        OffsetDateTime now = OffsetDateTime.ofInstant(hub.clock().instant(), SunshineHubApplication.ZONE);
        HttpResponse<String> created = hub.post("/api/intake/consultations", """
                {"source":"website","sourceId":"%s","title":"《社区助餐服务管理办法（征求意见稿）》","issuer":"广东省民政厅",
                 "category":"养老服务","consultationType":"行政规范性文件","shortPeriodReason":"测试","summary":"为规范社区助餐服务。",
                 "body":"第一条 为了规范……\\n第二条 本办法适用于……","opensAt":"%s","closesAt":"%s"}"""
                .formatted(UUID.randomUUID(), now.minusHours(1), now.plus(open)));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return TestHub.json(created).get("id").asText();
    }

    private static Map<String, String> form(String id, String phone, String code) {
        return Map.of("purpose", "OPINION", "item", org.sunshinehub.content.PublicLinks.code(id), "phone", phone, "code", code);
    }

    /** Asks for a code on the verify page and reads it from the SMS the sandbox received. */
    static String requestCode(Citizen citizen, String id, String phone) {
        String item = org.sunshinehub.content.PublicLinks.code(id);
        citizen.get("/p/verify?purpose=OPINION&item=" + item);
        int before = new Pushes(hub).sentTo(phone).size();
        HttpResponse<String> sent = citizen.post("/p/verify/code", Map.of("purpose", "OPINION", "item", item, "phone", phone));
        assertThat(sent.body()).contains("验证码已发送");
        JsonNode messages = Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> new Pushes(hub).sentTo(phone),
                m -> m.size() > before);
        String text = messages.get(messages.size() - 1).get("text").asText();
        assertThat(text).contains("您正在对《", "提出意见，验证码", "5分钟内有效");
        Matcher code = Pattern.compile("验证码(\\d{6})").matcher(text);
        assertThat(code.find()).isTrue();
        return code.group(1);
    }

    private static Citizen verifiedCitizen(String id, String phone) {
        Citizen citizen = new Citizen(base());
        String code = requestCode(citizen, id, phone);
        assertThat(citizen.post("/p/verify", form(id, phone, code)).body()).contains("opinion-form");
        return citizen;
    }

    private static Document atom(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e && ATOM.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) {
                found.add(e);
            }
        }
        return found;
    }
}
