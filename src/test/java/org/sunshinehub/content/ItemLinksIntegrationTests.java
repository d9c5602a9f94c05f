package org.sunshinehub.content;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sunshinehub.support.Pushes;
import org.sunshinehub.support.TestHub;

/** 谁起草、谁解读: a document and its interpretation find each other, in whichever order they arrive. */
class ItemLinksIntegrationTests {

    private final TestHub hub = TestHub.shared();

    private String take(String collection, String fields) {
        return TestHub.json(hub.post("/api/intake/" + collection, """
                {"source":"website","sourceId":"%s",%s}""".formatted(UUID.randomUUID(), fields))).get("id").asText();
    }

    @Test
    void anInterpretationArrivingFirstIsLinkedWhenItsDocumentComesAndThePushMentionsIt() {
        String docNumber = "粤民发〔2026〕" + (100 + Math.abs(UUID.randomUUID().hashCode() % 800)) + "号";
        String interpretation = take("interpretations",
                "\"title\":\"一图读懂养老服务补贴新规\",\"explainsDocNumber\":\"" + docNumber + "\"");
        String document = take("disclosures",
                "\"title\":\"关于调整养老服务补贴的通知\",\"issuer\":\"广东省民政厅\",\"docNumber\":\"" + docNumber + "\"");

        JsonNode ofDocument = TestHub.json(hub.get("/api/items/" + document + "/related"));
        JsonNode ofInterpretation = TestHub.json(hub.get("/api/items/" + interpretation + "/related"));

        assertThat(ofDocument).hasSize(1);
        assertThat(ofDocument.get(0).get("id").asText()).isEqualTo(interpretation);
        assertThat(ofInterpretation.get(0).get("id").asText()).isEqualTo(document);

        Pushes pushes = new Pushes(hub);
        String topic = "t-links-" + UUID.randomUUID();
        List<String> phones = pushes.subscribers("1350" + String.format("%03d", Math.abs(UUID.randomUUID().hashCode() % 1000)), 1, topic);
        String plan = pushes.plan(document, topic, "").get("id").asText();
        pushes.awaitCount(plan, "DELIVERED", 1, TestHub.PATIENCE);
        assertThat(pushes.sentTo(phones.get(0)).get(0).get("text").asText()).contains("另有政策解读可查阅");
    }
}
