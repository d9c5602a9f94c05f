package org.sunshinehub.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sunshinehub.support.Pushes;
import org.sunshinehub.support.TestHub;

/** A block's message is rendered once, unless its template names the recipient: then once per recipient. */
class PersonalTemplateIntegrationTests {

    @Test
    void aTemplateThatNamesTheRecipientRendersForEachRecipientOfABlock(@TempDir Path templates) throws Exception {
        // Given an SMS template whose hint carries the recipient's subscriber id
        Files.createDirectories(templates.resolve("sms"));
        Files.writeString(templates.resolve("sms/disclosure.ftl"), """
                <@field name="issuer">${item.issuer!"本机关"}</@field>
                <@field name="title">${item.title}</@field>
                <@field name="hint">编号${recipient.subscriberId}</@field>
                <@field name="link"></@field>
                """);
        try (TestHub hub = TestHub.start("--sunshine.dispatch.templates-dir=" + templates)) {
            Pushes pushes = new Pushes(hub);
            List<String> phones = pushes.subscribers("1376000", 3, "个性化");

            // When one item is pushed to the three of them, in one block
            pushes.plan(pushes.approvedItem("关于个性化模板的公告"), "个性化", "\"urgent\":true");

            // Then each got a message of their own
            Awaitility.await().atMost(TestHub.PATIENCE).untilAsserted(() ->
                    assertThat(phones).allSatisfy(p -> assertThat(pushes.sentTo(p)).hasSize(1)));
            List<String> texts = phones.stream().map(p -> pushes.sentTo(p).get(0).get("text").asText()).toList();
            assertThat(texts).allMatch(t -> t.contains("编号")).doesNotHaveDuplicates();
        }
    }
}
