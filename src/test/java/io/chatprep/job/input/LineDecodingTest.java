package io.chatprep.job.input;

import org.apache.hadoop.io.Text;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** JSONL lines are decoded with the String constructor; it must read every byte sequence as Hadoop's Text does. */
class LineDecodingTest {
    @Test
    void stringDecodingEqualsTextDecodingOnValidAndMalformedBytes() {
        Random r = new Random(5);
        byte[] pieces = {'a', '{', '"', (byte) 0xC3, (byte) 0xA9, (byte) 0xE2, (byte) 0x82, (byte) 0xAC,
                (byte) 0xF0, (byte) 0x9F, (byte) 0x98, (byte) 0x80, (byte) 0x80, (byte) 0xFF, (byte) 0xC0,
                (byte) 0xED, (byte) 0xA0, (byte) 0xF4, (byte) 0x90};
        for (int round = 0; round < 20_000; round++) {
            byte[] line = new byte[r.nextInt(12)];
            for (int i = 0; i < line.length; i++) {
                line[i] = pieces[r.nextInt(pieces.length)];
            }
            Text text = new Text(line);
            assertEquals(text.toString(), new String(text.getBytes(), 0, text.getLength(), StandardCharsets.UTF_8),
                    java.util.HexFormat.ofDelimiter(" ").formatHex(line));
        }
    }
}
