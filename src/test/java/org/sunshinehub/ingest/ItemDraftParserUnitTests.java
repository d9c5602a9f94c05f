package org.sunshinehub.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sunshinehub.content.ItemFields;
import org.sunshinehub.content.ItemKind;

class ItemDraftParserUnitTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ItemFields parse(ItemKind kind, String json) throws Exception {
        return ItemDraftParser.parse(kind, JSON.readTree(json), Set.of());
    }

    @Test
    void timesWithoutAnOffsetAreBeijingTime() throws Exception {
        ItemFields fields = parse(ItemKind.CONSULTATION, """
                {"source":"oa","sourceId":"1","title":"t","publishedAt":"2026-11-20T09:00:00",
                 "opensAt":"2026-11-21","closesAt":"2026-12-21T18:00:00Z"}""");

        assertThat(fields.publishedAt()).isEqualTo(Instant.parse("2026-11-20T01:00:00Z"));
        assertThat(fields.opensAt()).isEqualTo(Instant.parse("2026-11-20T16:00:00Z"));
        assertThat(fields.closesAt()).isEqualTo(Instant.parse("2026-12-21T18:00:00Z"));
    }

    @Test
    void kindSpecificFieldsAreOnlyAcceptedForTheirKind() throws Exception {
        JsonNode json = JSON.readTree("{\"source\":\"oa\",\"sourceId\":\"1\",\"title\":\"t\",\"severity\":\"一般\"}");

        assertThatThrownBy(() -> ItemDraftParser.parse(ItemKind.DISCLOSURE, json, Set.of()))
                .isInstanceOfSatisfying(InvalidItemException.class,
                        e -> assertThat(e.fieldErrors()).containsOnlyKeys("severity"));
        assertThat(ItemDraftParser.parse(ItemKind.OPINION_TASK, json, Set.of()).severity()).isEqualTo("一般");
    }

    @Test
    void opinionTasksDefaultToOrdinarySeverityAndRejectUnknownOnes() throws Exception {
        assertThat(parse(ItemKind.OPINION_TASK, "{\"source\":\"m\",\"sourceId\":\"1\",\"title\":\"t\"}").severity())
                .isEqualTo("一般");
        assertThatThrownBy(() -> parse(ItemKind.OPINION_TASK,
                "{\"source\":\"m\",\"sourceId\":\"1\",\"title\":\"t\",\"severity\":\"紧急\"}"))
                .isInstanceOf(InvalidItemException.class);
    }

    @Test
    void numbersAreAcceptedAsIdsButObjectsAreNot() throws Exception {
        assertThat(parse(ItemKind.DISCLOSURE, "{\"source\":\"oa\",\"sourceId\":412,\"title\":\"t\"}").sourceId())
                .isEqualTo("412");
        assertThatThrownBy(() -> parse(ItemKind.DISCLOSURE, "{\"source\":\"oa\",\"sourceId\":{},\"title\":\"t\"}"))
                .isInstanceOfSatisfying(InvalidItemException.class,
                        e -> assertThat(e.fieldErrors()).containsEntry("sourceId", "须为字符串"));
    }

    @Test
    void datesOutsideASaneRangeAreNamedNotStored() throws Exception {
        JsonNode json = JSON.readTree("""
                {"source":"oa","sourceId":"1","title":"t","publishedAt":"+999999999-12-31T23:59:59-18:00","opensAt":"1899-12-31",
                 "closesAt":"2200-01-01T00:00:00+08:00"}""");

        assertThatThrownBy(() -> ItemDraftParser.parse(ItemKind.CONSULTATION, json, Set.of()))
                .isInstanceOfSatisfying(InvalidItemException.class, e -> assertThat(e.fieldErrors())
                        .containsOnlyKeys("publishedAt", "opensAt", "closesAt")
                        .allSatisfy((field, reason) -> assertThat(reason).contains("超出合理范围")));
    }

    @Test
    void oneLineFieldsLoseControlCharactersAndTheBodyKeepsItsParagraphs() throws Exception {
        ItemFields fields = parse(ItemKind.DISCLOSURE, """
                {"source":"oa","sourceId":"1","title":"标题\\r\\nurl: https://evil.example\\u001b[31m\\u0000",
                 "issuer":"民政厅\\nkeyword1: 伪造","body":"第一段\\r\\n第二段\\u0007"}""");

        assertThat(fields.title()).isEqualTo("标题 url: https://evil.example");
        assertThat(fields.issuer()).isEqualTo("民政厅 keyword1: 伪造");
        assertThat(fields.body()).isEqualTo("第一段\n第二段");
    }
}
