package io.chatprep.job;

import io.chatprep.encode.EncodedRow;
import io.chatprep.encode.RowRejectedException;
import io.chatprep.job.tasks.EncoderFactory;
import io.chatprep.job.tasks.RowEncoder;
import io.chatprep.mask.AssistantMask;
import io.chatprep.template.py.PyNone;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test double for the job's plumbing: renders {@code <role>content} per message, one token per code point,
 * assistant content and its {@code </s>} trained. Like real templates it rejects a system message that is
 * not first (stage render). Not the real encoder: end-to-end tests on real templates use ConversationEncoder.
 */
final class CharacterEncoder implements RowEncoder {
    /** How many encoders were opened in this JVM, to check the per-JVM cache. */
    static final AtomicInteger OPENED = new AtomicInteger();
    /** How many times an encoder was asked to forget its caches. */
    static final AtomicInteger CLEARED = new AtomicInteger();

    static EncoderFactory factory() {
        return new Factory();
    }

    /**
     * A named class, as the job's own factory is: the encoder cache keys on the factory's class, and a
     * lambda comes back from serialization as another class.
     */
    static final class Factory implements EncoderFactory {
        private static final long serialVersionUID = 1L;

        @Override
        public RowEncoder open(io.chatprep.encode.EncoderSpec spec) {
            OPENED.incrementAndGet();
            return new CharacterEncoder();
        }
    }

    @Override
    public void clearCaches() {
        CLEARED.incrementAndGet();
    }

    @Override
    public EncodedRow encode(Map<String, Object> row) throws RowRejectedException {
        StringBuilder text = new StringBuilder();
        StringBuilder trained = new StringBuilder();
        if (row.containsKey("prompt")) {
            append(text, trained, "<user>" + row.get("prompt"), false);
            append(text, trained, "<assistant>", false);
            append(text, trained, row.get("completion") + "</s>", true);
        } else {
            List<?> messages = (List<?>) row.get("messages");
            for (int i = 0; i < messages.size(); i++) {
                Map<?, ?> m = (Map<?, ?>) messages.get(i);
                String role = (String) m.get("role");
                if (role.equals("system") && i != 0) {
                    throw new RowRejectedException("render", "System message must be at the beginning.");
                }
                Object content = m.get("content");
                String c = content == null || content == PyNone.NONE ? "" : content.toString();
                append(text, trained, "<" + role + ">", false);
                append(text, trained, c + (role.equals("assistant") ? "</s>" : "\n"), role.equals("assistant"));
            }
        }
        int[] ids = text.codePoints().toArray();
        int[] trainedFlags = trained.codePoints().toArray();
        byte[] mask = new byte[ids.length];
        int[] labels = new int[ids.length];
        int n = 0;
        for (int i = 0; i < ids.length; i++) {
            mask[i] = (byte) (trainedFlags[i] == '1' ? 1 : 0);
            labels[i] = mask[i] == 1 ? ids[i] : AssistantMask.IGNORE_INDEX;
            n += mask[i];
        }
        return new EncodedRow(ids, mask, labels, n);
    }

    private static void append(StringBuilder text, StringBuilder trained, String s, boolean train) {
        text.append(s);
        trained.append((train ? "1" : "0").repeat((int) s.codePoints().count()));
    }

    @Override
    public void close() {
    }
}
