package io.chatprep.job.input;

import io.chatprep.encode.Utf8Text;
import org.apache.hadoop.io.Text;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * JSONL lines are checked byte by byte and decoded with the String constructor: the check must refuse exactly what a
 * strict UTF-8 decoder refuses, at the same byte, and a line it accepts must read as Hadoop's Text reads it.
 */
class LineDecodingTest {
    @Test
    void theCheckAgreesWithAStrictDecoderOnValidAndMalformedBytes() {
        Random r = new Random(5);
        byte[] pieces = {'a', '{', '"', (byte) 0xC3, (byte) 0xA9, (byte) 0xE2, (byte) 0x82, (byte) 0xAC,
                (byte) 0xF0, (byte) 0x9F, (byte) 0x98, (byte) 0x80, (byte) 0x80, (byte) 0xFF, (byte) 0xC0,
                (byte) 0xED, (byte) 0xA0, (byte) 0xF4, (byte) 0x90, (byte) 0xE0, (byte) 0x9F, (byte) 0xF5, (byte) 0xBF};
        int malformed = 0;
        for (int round = 0; round < 50_000; round++) {
            byte[] line = new byte[r.nextInt(12)];
            for (int i = 0; i < line.length; i++) {
                line[i] = pieces[r.nextInt(pieces.length)];
            }
            String hex = HexFormat.ofDelimiter(" ").formatHex(line);
            int expected = strictError(line);
            assertEquals(expected, Utf8Text.firstInvalid(line, 0, line.length), hex);
            if (expected < 0) {
                Text text = new Text(line);
                assertEquals(text.toString(), Utf8Text.decode(text.getBytes(), 0, text.getLength()), hex);
            } else {
                malformed++;
            }
        }
        assertEquals(true, malformed > 10_000, "malformed cases: " + malformed);
    }

    @Test
    void theReasonNamesTheByteAndWhereItIs() {
        byte[] line = "{\"a\": \"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
        int bad = Utf8Text.firstInvalid(line, 0, line.length);
        assertEquals(10, bad);
        assertEquals("not UTF-8: byte 0xE9 at byte 10 of the line (byte 110 of the file) does not start a valid UTF-8 "
                + "sequence (the input must be UTF-8; convert Latin-1 or other encodings first)",
                Utf8Text.reason(line, 0, bad, 100));
    }

    /** Where Java's UTF-8 decoder, set to report errors, finds the first malformed input; -1 if none. */
    private static int strictError(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length * 2 + 2);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            return in.position();
        }
        result = decoder.flush(out);
        return result.isError() ? in.position() : -1;
    }
}
