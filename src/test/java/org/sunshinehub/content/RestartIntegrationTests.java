package org.sunshinehub.content;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sunshinehub.security.Role;
import org.sunshinehub.support.TestHub;

class RestartIntegrationTests {

    @Test
    void itemsAndTheirReviewsSurviveARestartWithTheSameDataDir() {
        try (TestHub hub = TestHub.start()) {
            String body = "{\"source\":\"oa\",\"sourceId\":\"restart-1\",\"title\":\"关于重启验证的通知\"}";
            String id = TestHub.json(hub.post("/api/intake/disclosures", body)).get("id").asText();
            String reviewer = hub.staff("li", Set.of(Role.REVIEWER), List.of("初审"), null);
            hub.postAs(reviewer, "/api/items/" + id + "/reviews", "{\"level\":\"初审\",\"decision\":\"approve\"}");

            hub.restart();

            JsonNode item = TestHub.json(hub.get("/api/items/" + id));
            assertThat(item.get("state").asText()).isEqualTo("APPROVED");
            assertThat(item.get("reviews").get(0).get("reviewer").asText()).isEqualTo("li");
            assertThat(hub.postAs(reviewer, "/api/items/" + id + "/reviews", "{\"level\":\"初审\",\"decision\":\"approve\"}")
                    .statusCode()).as("the account survived the restart too").isEqualTo(403);
            assertThat(hub.post("/api/intake/disclosures", body).statusCode()).isEqualTo(200);
        }
    }
}
