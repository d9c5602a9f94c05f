package org.sunshinehub.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.sunshinehub.ingest.InboxIntake.RejectedFileException;
import org.sunshinehub.text.PlainText;

/**
 * The bytes of one drop-folder file → one JSON object, or a reason. Decoded as strict UTF-8 first (a BOM is
 * allowed), so bad bytes are named rather than guessed at; parsed with bounded nesting, names, numbers and
 * strings, duplicate keys refused. A reason never quotes more than a short prefix of the content.
 */
final class InboxJson {

    static final int MAX_DEPTH = 16;
    private static final int MAX_QUOTED = 80;
    private static final ObjectMapper JSON = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH)
                            .maxNameLength(100).maxNumberLength(40).maxStringLength(2_000_000).build())
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private InboxJson() {
    }

    static JsonNode object(byte[] bytes) {
        if (bytes.length == 0) {
            throw new RejectedFileException("文件为空（0 字节）");
        }
        JsonNode node;
        try {
            node = JSON.readTree(text(bytes));
        } catch (JsonProcessingException e) {
            throw new RejectedFileException("不是有效的 JSON" + where(e.getLocation()) + "："
                    + PlainText.prefix(e.getOriginalMessage(), MAX_QUOTED));
        }
        if (node == null || !node.isObject()) {
            throw new RejectedFileException("内容须为一个 JSON 对象");
        }
        return node;
    }

    private static String text(byte[] bytes) {
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw new RejectedFileException("不是有效的 UTF-8 文本（第 " + (in.position() + 1) + " 字节起无法解码），"
                    + "请以 UTF-8 编码保存");
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    private static String where(JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? ""
                : "（第 " + location.getLineNr() + " 行第 " + location.getColumnNr() + " 列）";
    }
}
