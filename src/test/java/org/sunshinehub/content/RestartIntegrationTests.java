package org.sunshinehub.content;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.sunshinehub.support.TestHub;

class RestartIntegrationTests {

    @Test
    void itemsAndTheirReviewsSurviveARestartWithTheSameDataDir() {
        try (TestHub hub = TestHub.start()) {
            String body = "{\"source\":\"oa\",\"sourceId\":\"restart-1\",\"title\":\"关于重启验证的通知\"}";
            String id = TestHub.json(hub.post("/api/intake/disclosures", body)).get("id").asText();
            hub.post("/api/items/" + id + "/reviews", "{\"level\":\"初审\",\"decision\":\"approve\",\"reviewer\":\"李审核\"}");

            hub.restart();

            JsonNode item = TestHub.json(hub.get("/api/items/" + id));
            assertThat(item.get("state").asText()).isEqualTo("APPROVED");
            assertThat(item.get("reviews").get(0).get("reviewer").asText()).isEqualTo("李审核");
            assertThat(hub.post("/api/intake/disclosures", body).statusCode()).isEqualTo(200);
        }
    }
}
