package io.chatprep.vision;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A row's messages as a processor's {@code apply_chat_template} receives them, and the image references it collects.
 * <ul>
 *   <li>TRL's layout (a top-level {@code images} list with {@code {"type": "image"}} placeholders) is first filled
 *       in as TRL's {@code prepare_multimodal_messages} does: text contents become text parts, all images are put
 *       before the text of the first user message whose content is a string, and the placeholders (outside tool
 *       messages) must number as many as the images;</li>
 *   <li>OpenAI-style {@code {"type": "image_url", "image_url": {"url": ...}}} parts become
 *       {@code {"type": "image", "url": ...}}, as transformers normalises them before rendering;</li>
 *   <li>references are collected from {@code image} parts in order, from their {@code image}, {@code url},
 *       {@code path} or {@code base64} key. A part with several of these is refused (transformers would load each
 *       as a separate image), and so are video parts and parts without a {@code type}.</li>
 * </ul>
 * Messages are copied where changed, never modified in place.
 */
public final class VisionMessages {
    private static final List<String> KEYS = List.of("image", "url", "path", "base64");

    private VisionMessages() {
    }

    /** The messages to render and the image references in order; {@code base64} references are marked as such. */
    public record Prepared(List<Object> messages, List<ImageRef> images) {
    }

    /** One image reference as the row gives it. */
    public record ImageRef(String value, boolean base64) {
    }

    /**
     * @param imagesColumn the row's top-level {@code images} value, or null when it has none
     */
    public static Prepared prepare(List<Object> messages, Object imagesColumn) throws ImageException {
        List<Object> out = imagesColumn == null ? messages : trlLayout(messages, imageList(imagesColumn));
        List<Object> normalized = new ArrayList<>(out.size());
        List<ImageRef> refs = new ArrayList<>();
        for (int m = 0; m < out.size(); m++) {
            Map<?, ?> message = (Map<?, ?>) out.get(m);
            Object content = message.get("content");
            if (!(content instanceof List<?> parts)) {
                normalized.add(message);
                continue;
            }
            List<Object> newParts = new ArrayList<>(parts.size());
            boolean changed = false;
            for (int p = 0; p < parts.size(); p++) {
                Object part = parts.get(p);
                if (!(part instanceof Map<?, ?> map)) {
                    throw new ImageException("messages[" + m + "].content[" + p + "] is not a dict (transformers' "
                            + "processor reads each part's 'type')");
                }
                if (!map.containsKey("type")) {
                    throw new ImageException("messages[" + m + "].content[" + p + "] has no 'type' (transformers' "
                            + "processor reads each part's 'type')");
                }
                Object type = map.get("type");
                if ("image_url".equals(type) && map.containsKey("image_url")) {
                    Map<String, Object> image = new LinkedHashMap<>();
                    image.put("type", "image");
                    Object url = map.get("image_url");
                    image.put("url", url instanceof Map<?, ?> u ? u.get("url") == null ? "" : u.get("url") : url);
                    part = image;
                    map = image;
                    type = "image";
                    changed = true;
                }
                if ("video".equals(type)) {
                    throw new ImageException("messages[" + m + "].content[" + p + "] is a video; only images are "
                            + "supported");
                }
                if ("image".equals(type)) {
                    refs.add(reference(map, m, p));
                }
                newParts.add(part);
            }
            if (changed) {
                Map<Object, Object> copy = new LinkedHashMap<>(message);
                copy.put("content", newParts);
                normalized.add(copy);
            } else {
                normalized.add(message);
            }
        }
        return new Prepared(normalized, refs);
    }

    private static ImageRef reference(Map<?, ?> part, int m, int p) throws ImageException {
        ImageRef ref = null;
        for (String key : KEYS) {
            if (!part.containsKey(key)) {
                continue;
            }
            if (ref != null) {
                throw new ImageException("messages[" + m + "].content[" + p + "] names its image twice ('"
                        + keysOf(part) + "'); transformers would load each as a separate image");
            }
            Object value = part.get(key);
            if (!(value instanceof String s) || s.isEmpty()) {
                throw new ImageException("messages[" + m + "].content[" + p + "]['" + key + "'] must be a path, URI or "
                        + "data URI string");
            }
            ref = new ImageRef(s, key.equals("base64"));
        }
        if (ref == null) {
            throw new ImageException("messages[" + m + "].content[" + p + "] is an image part with no 'image', 'url', "
                    + "'path' or 'base64' (nor an 'images' column to fill it from)");
        }
        return ref;
    }

    private static String keysOf(Map<?, ?> part) {
        List<String> present = new ArrayList<>();
        for (String key : KEYS) {
            if (part.containsKey(key)) {
                present.add(key);
            }
        }
        return String.join("', '", present);
    }

    /**
     * The {@code images} column as reference strings. An entry may also be a dict with a {@code path} (as HF
     * datasets stores an Image feature that was loaded from a file); embedded bytes are not supported.
     */
    private static List<?> imageList(Object column) throws ImageException {
        if (!(column instanceof List<?> list)) {
            throw new ImageException("'images' must be a list of image references");
        }
        List<String> refs = new ArrayList<>(list.size());
        for (Object ref : list) {
            if (ref instanceof Map<?, ?> m && m.get("path") instanceof String path && !path.isEmpty()) {
                ref = path;
            }
            if (!(ref instanceof String s) || s.isEmpty()) {
                throw new ImageException("'images' must hold path, URI or data URI strings (or dicts with a 'path'), "
                        + "got " + (ref instanceof Map ? "a dict without a 'path' (embedded image bytes are not "
                        + "supported)" : String.valueOf(ref)));
            }
            refs.add(s);
        }
        return refs;
    }

    /** TRL's prepare_multimodal_messages, with images as references. */
    private static List<Object> trlLayout(List<Object> messages, List<?> images) throws ImageException {
        List<Object> out = new ArrayList<>(messages.size());
        boolean included = false;
        for (Object item : messages) {
            Map<?, ?> message = (Map<?, ?>) item;
            Object role = message.get("role");
            Object content = message.get("content");
            if ("user".equals(role)) {
                if (content instanceof String text && !included) {
                    List<Object> parts = new ArrayList<>();
                    for (int i = 0; i < images.size(); i++) {
                        parts.add(new LinkedHashMap<>(Map.of("type", "image")));
                    }
                    parts.add(textPart(text));
                    out.add(withContent(message, parts));
                    included = true;
                    continue;
                } else if (content instanceof String text) {
                    out.add(withContent(message, new ArrayList<>(List.of(textPart(text)))));
                    continue;
                }
            } else if ("assistant".equals(role) || "system".equals(role) || "tool".equals(role)) {
                if (content instanceof String text) {
                    out.add(withContent(message, new ArrayList<>(List.of(textPart(text)))));
                    continue;
                }
            } else {
                throw new ImageException("invalid role in message: " + role + " (TRL expects system, user, assistant "
                        + "or tool)");
            }
            out.add(message);
        }
        int placeholders = 0;
        for (Object item : out) {
            Map<?, ?> message = (Map<?, ?>) item;
            if (isFilled(message)) {
                for (Object part : (List<?>) message.get("content")) {
                    placeholders += isPlaceholder(part) ? 1 : 0;
                }
            }
        }
        if (placeholders != images.size()) {
            throw new ImageException("number of images provided (" + images.size() + ") does not match number of image "
                    + "placeholders (" + placeholders + ")");
        }
        int next = 0;
        for (int i = 0; i < out.size() && !images.isEmpty(); i++) {
            Map<?, ?> message = (Map<?, ?>) out.get(i);
            if (!isFilled(message)) {
                continue;
            }
            List<Object> parts = new ArrayList<>();
            for (Object part : (List<?>) message.get("content")) {
                if (isPlaceholder(part)) {
                    Map<Object, Object> filled = new LinkedHashMap<>((Map<?, ?>) part);
                    filled.put("image", images.get(next++));
                    parts.add(filled);
                } else {
                    parts.add(part);
                }
            }
            out.set(i, withContent(message, parts));
        }
        return out;
    }

    /** Messages whose parts TRL counts and fills: with content, and not from a tool. */
    private static boolean isFilled(Map<?, ?> message) {
        return message.get("content") instanceof List<?> parts && !parts.isEmpty() && !"tool".equals(message.get("role"));
    }

    private static boolean isPlaceholder(Object part) {
        return part instanceof Map<?, ?> p && "image".equals(p.get("type")) && !p.containsKey("image");
    }

    private static Map<String, Object> textPart(String text) {
        Map<String, Object> part = new LinkedHashMap<>();
        part.put("type", "text");
        part.put("text", text);
        return part;
    }

    private static Map<Object, Object> withContent(Map<?, ?> message, List<Object> content) {
        Map<Object, Object> copy = new LinkedHashMap<>(message);
        copy.put("content", content);
        return copy;
    }
}
