package org.sunshinehub.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sunshinehub.content.ItemFields;

class NegativeListUnitTests {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static List<NegativeListRule> shippedRules() throws IOException {
        return NegativeListParser.parse(YAML.readTree(Files.readString(Path.of("config/negative-list.yaml"))));
    }

    private static ItemFields item(String title, String summary, String category, String docNumber, String issuer) {
        return new ItemFields("oa", "1", title, docNumber, issuer, category, null, null, summary, null, null, null,
                null, null, null, null, null, null, null);
    }

    private static Optional<String> firstMatch(ItemFields item) throws IOException {
        return shippedRules().stream().filter(r -> r.match(item).isPresent()).map(NegativeListRule::id).findFirst();
    }

    @Test
    void shippedRulesCatchEachGround() throws IOException {
        assertThat(firstMatch(item("关于绝密文件管理的通知", null, null, null, null))).hasValue("state-secret");
        assertThat(firstMatch(item("通知", null, null, "粤民密〔2026〕3号", null))).hasValue("state-secret");
        assertThat(firstMatch(item("公示", "申请人身份证号 44010619900101123X", null, null, null)))
                .hasValue("personal-privacy");
        assertThat(firstMatch(item("公示", "联系电话 13812345678", null, null, null))).hasValue("personal-privacy");
        assertThat(firstMatch(item("关于2027年度资金安排的请示", null, null, null, null))).hasValue("process-information");
        assertThat(firstMatch(item("通知", null, "人事管理", null, null))).hasValue("internal-affairs");
    }

    @Test
    void ordinaryPublicItemsPass() throws IOException {
        assertThat(firstMatch(item("关于调整城乡低保标准的通知", "自2027年1月1日起执行，咨询电话 020-83331234", "社会救助",
                "粤民发〔2026〕12号", "广东省民政厅"))).isEmpty();
    }

    @Test
    void theMatchSaysWhatAndWhere() throws IOException {
        NegativeListRule secret = shippedRules().get(0);

        assertThat(secret.match(item("关于机密事项", null, null, null, null))).hasValue("关键词「机密」出现在标题");
    }

    @Test
    void brokenRulesAreRefusedWithTheRuleNamed() {
        assertThatThrownBy(() -> NegativeListParser.parse(yaml("rules: [{id: a, ground: g, patterns: ['(']}]")))
                .hasMessageContaining("rule 'a'").hasMessageContaining("invalid regular expression");
        assertThatThrownBy(() -> NegativeListParser.parse(yaml("rules: [{id: a, ground: g}]")))
                .hasMessageContaining("nothing to match");
        assertThatThrownBy(() -> NegativeListParser.parse(yaml("rules: [{id: a, keywords: [x]}]")))
                .hasMessageContaining("no ground");
        assertThatThrownBy(() -> NegativeListParser.parse(yaml(
                "rules: [{id: a, ground: g, keywords: [x]}, {id: a, ground: g, keywords: [y]}]")))
                .hasMessageContaining("used twice");
    }

    private static JsonNode yaml(String text) throws IOException {
        return YAML.readTree(text);
    }
}
