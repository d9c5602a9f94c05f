package org.sunshinehub.audience;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * A reader that refuses a CSV record longer than a bound: the parser buffers a whole record (a quoted field may
 * span lines), so without it one huge field would be held in memory however the body is capped.
 */
final class BoundedRecords extends FilterReader {

    private final long maxRecordChars;
    private long read;
    private long recordStart;

    BoundedRecords(Reader in, long maxRecordChars) {
        super(in);
        this.maxRecordChars = maxRecordChars;
    }

    /** The parser finished a record that started at this character. */
    void recordEndsBefore(long position) {
        recordStart = position;
    }

    @Override
    public int read() throws IOException {
        int c = super.read();
        count(c < 0 ? 0 : 1);
        return c;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        count(Math.max(n, 0));
        return n;
    }

    private void count(int n) throws RecordTooLongException {
        read += n;
        if (read - recordStart > maxRecordChars) {
            throw new RecordTooLongException();
        }
    }

    static final class RecordTooLongException extends IOException {
        RecordTooLongException() {
            super("record too long");
        }
    }
}
