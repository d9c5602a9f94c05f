package org.sunshinehub.audience;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The text of an uploaded CSV as it streams in: the charset named by the request if any, else UTF-8 when the file
 * starts with its BOM or its first 64 KiB decode as UTF-8, else GBK (what Excel on Chinese Windows saves). Decoding
 * is strict either way, so a byte that fits neither is an error, never a silent replacement character.
 */
final class CsvText {

    static final Charset GBK = Charset.forName("GBK");
    private static final int SNIFF = 64 * 1024;

    private CsvText() {
    }

    static Reader reader(InputStream body, Charset declared) throws IOException {
        BufferedInputStream in = new BufferedInputStream(body, SNIFF);
        Charset charset = declared != null ? declared : sniff(in);
        if (StandardCharsets.UTF_8.equals(charset)) {
            skipBom(in);
        }
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return new InputStreamReader(in, decoder);
    }

    private static Charset sniff(BufferedInputStream in) throws IOException {
        in.mark(SNIFF);
        byte[] head = in.readNBytes(SNIFF);
        in.reset();
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        // endOfInput false: a character cut by the end of the sample is not an error
        boolean valid = !utf8.decode(ByteBuffer.wrap(head), CharBuffer.allocate(head.length), false).isError();
        return valid ? StandardCharsets.UTF_8 : GBK;
    }

    private static void skipBom(BufferedInputStream in) throws IOException {
        in.mark(3);
        byte[] bom = in.readNBytes(3);
        if (bom.length < 3 || (bom[0] & 0xFF) != 0xEF || (bom[1] & 0xFF) != 0xBB || (bom[2] & 0xFF) != 0xBF) {
            in.reset();
        }
    }
}
