package org.sunshinehub.dispatch;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sunshinehub.support.Pushes;
import org.sunshinehub.support.TestHub;

/** One plan on all four channels: a Weibo post, an app push, a WeChat template message and an SMS. */
class AllChannelsIntegrationTests {

    @Test
    void anItemPlannedOnAllFourChannelsReachesEachOnce() {
        TestHub hub = TestHub.shared();
        Pushes pushes = new Pushes(hub);
        pushes.citizenOnEveryChannel("oAllFour", "13790000001", "allfour0001", "四渠道");
        String item = TestHub.json(hub.post("/api/intake/disclosures", """
                {"source":"website","sourceId":"%s","title":"关于四渠道同步发布的公告","issuer":"广东省民政厅",
                 "url":"https://smzt.gd.gov.cn/zwgk/allfour.html"}""".formatted(UUID.randomUUID()))).get("id").asText();

        pushes.pushOnEveryChannel(item, "四渠道");
    }
}
