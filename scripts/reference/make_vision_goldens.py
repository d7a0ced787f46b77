#!/usr/bin/env python
"""Vision goldens: transformers' processors on image rows, for chatprep's image-header, token-count and mask tests.

Writes under src/test/resources/golden/vision/:

  images/            small image files made here with PIL (and a few by hand: GIF frame past the screen,
                     top-down BMP, PNG eXIf after the pixel data), committed; each is a few KB at most
  images.json        per image file: what PIL sees once transformers' load_image has opened it:
                     {"file", "format", "size": [w, h] as stored, "orientation", "loaded_size": [w, h]
                      after exif_transpose} or {"file", "error"}; and for the generated JPEGs their recipe
                     and sha256 ("generated": [...]) -- those files are large, so the Java tests rebuild them
                     byte for byte from the recipe (jpeg_bytes below) and check the sha256
  rows.jsonl         the input rows (image references relative to this file), also the job test's input
  <config>.jsonl.gz  per processor config: {"name", "input_ids", "assistant_masks", "images", "image_grid_thw"?}
                     from ProcessorMixin.apply_chat_template(..., tokenize=True, return_dict=True,
                     return_assistant_tokens_mask=True), or {"name", "error"} when the reference fails the row

Processor configs come from src/test/resources/vision/processors/<config>/ (see the NOTICE there); tokenizers from
src/test/resources/tokenizers (Qwen2.5 for the Qwen2.5-VL configs, Qwen3 for Qwen3-VL, Gemma 3, for Idefics3
tokenizers/idefics3, which this script writes first: Llama 3.1's tokenizer with the three tokens Idefics3-8B-Llama3
adds, and llava_next for LLaVA-NeXT). Processors are built from the PIL image processors (Qwen2VLImageProcessorPil,
Gemma3ImageProcessorPil, Idefics3ImageProcessorPil, LlavaNextImageProcessorPil) so torchvision is not needed; the
Qwen processors' class check on their unused video processor is bypassed.

Options: --only NAME[,NAME...] writes just those goldens (the images, images.json and rows.jsonl are always written).

Run with the reference interpreter (transformers 5.18, trl 1.13, pillow):
  PYTHON=/work/main/.venv/bin/python "$PYTHON" scripts/reference/make_vision_goldens.py
"""

import gzip
import hashlib
import io
import json
import os
import shutil
import struct
import sys
import tempfile
import zlib

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

import warnings  # noqa: E402

from PIL import Image, ImageOps, PngImagePlugin  # noqa: E402
from transformers import ProcessorMixin  # noqa: E402
from transformers.models.gemma3.image_processing_pil_gemma3 import Gemma3ImageProcessorPil  # noqa: E402
from transformers.models.gemma3.processing_gemma3 import Gemma3Processor  # noqa: E402
from transformers.models.idefics3.image_processing_pil_idefics3 import Idefics3ImageProcessorPil  # noqa: E402
from transformers.models.idefics3.processing_idefics3 import Idefics3Processor  # noqa: E402
from transformers.models.llava_next.image_processing_pil_llava_next import LlavaNextImageProcessorPil  # noqa: E402
from transformers.models.llava_next.processing_llava_next import LlavaNextProcessor  # noqa: E402
from transformers.models.qwen2_5_vl.processing_qwen2_5_vl import Qwen2_5_VLProcessor  # noqa: E402
from transformers.models.qwen2_vl.image_processing_pil_qwen2_vl import Qwen2VLImageProcessorPil  # noqa: E402
from transformers.models.qwen3_vl.processing_qwen3_vl import Qwen3VLProcessor  # noqa: E402
from trl.data_utils import prepare_multimodal_messages  # noqa: E402

from make_token_goldens import load_tokenizer  # noqa: E402  (tokenizer.json.gz decompressed into a copy)

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
RES = os.path.join(ROOT, "src", "test", "resources")
OUT = os.path.join(RES, "golden", "vision")
PROCESSORS = os.path.join(RES, "vision", "processors")

warnings.simplefilter("ignore", Image.DecompressionBombWarning)

# golden name -> (processor config folder, tokenizer directory, training template, processor kind)
CONFIGS = {
    "qwen2_5_vl": ("qwen2_5_vl", os.path.join(RES, "tokenizers", "qwen2_5"), "qwen2_5_vl", "qwen2_5"),
    "qwen2_5_vl_1280": ("qwen2_5_vl_1280", os.path.join(RES, "tokenizers", "qwen2_5"), "qwen2_5_vl", "qwen2_5"),
    "qwen3_vl": ("qwen3_vl", os.path.join(RES, "tokenizers", "qwen3"), "qwen3_vl", "qwen3"),
    "gemma3": ("gemma3", os.path.join(RES, "tokenizers", "gemma3"), "gemma3", "gemma3"),
    # The Gemma 3 template without its leading {{ bos_token }}: the processor then tokenizes with special tokens
    # added, and the tokenizer's post-processor puts <bos> first.
    "gemma3_no_bos": ("gemma3", os.path.join(RES, "tokenizers", "gemma3"), "gemma3", "gemma3"),
    "idefics3": ("idefics3", os.path.join(RES, "tokenizers", "idefics3"), "idefics3", "idefics3"),
    "idefics3_no_split": ("idefics3_no_split", os.path.join(RES, "tokenizers", "idefics3"), "idefics3", "idefics3"),
    # LLaVA-NeXT (llava-v1.6-mistral-7b-hf's configuration) with the Llama 2 tokenizer plus "<image>" as id 32000
    # (make_llava_next_tokenizer.py); its template renders no BOS, so the processor adds the tokenizer's <s>.
    "llava_next": ("llava_next", os.path.join(RES, "tokenizers", "llava_next"), "llava_next", "llava_next"),
}
NO_BOS = "{{ bos_token }}\n"

# The tokens Idefics3-8B-Llama3's tokenizer adds after Llama 3's 128,256 (ids 128256-128258, in this order; the
# model's image_token_id is 128257). <global-img> and the <row_i_col_j> markers are not among them: the processor
# writes them as plain text, which the tokenizer splits into ordinary tokens.
IDEFICS3_ADDED = ["<fake_token_around_image>", "<image>", "<end_of_utterance>"]


def write_idefics3_tokenizer():
    """tokenizers/idefics3 from tokenizers/llama3_1: the added tokens appended to tokenizer.json's added_tokens and
    to tokenizer_config.json's added_tokens_decoder, named as additional special tokens (as the processor names
    them); Llama 3.1's chat template left out, the tests pass the Idefics3 training template."""
    source = os.path.join(RES, "tokenizers", "llama3_1")
    target = os.path.join(RES, "tokenizers", "idefics3")
    os.makedirs(target, exist_ok=True)
    with gzip.open(os.path.join(source, "tokenizer.json.gz"), "rt", encoding="utf-8") as f:
        tokenizer = json.load(f)
    with open(os.path.join(source, "tokenizer_config.json"), encoding="utf-8") as f:
        config = json.load(f)
    next_id = max(t["id"] for t in tokenizer["added_tokens"]) + 1
    assert next_id == 128256
    for i, content in enumerate(IDEFICS3_ADDED):
        entry = {"content": content, "lstrip": False, "normalized": False, "rstrip": False, "single_word": False,
                 "special": True}
        tokenizer["added_tokens"].append({"id": next_id + i, **entry})
        config["added_tokens_decoder"][str(next_id + i)] = entry
    config.pop("chat_template", None)
    config["additional_special_tokens"] = list(IDEFICS3_ADDED)
    with open(os.path.join(target, "tokenizer.json.gz"), "wb") as raw, \
            gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, compresslevel=9) as f:
        f.write(json.dumps(tokenizer, ensure_ascii=False, indent=2).encode("utf-8"))
    with open(os.path.join(target, "tokenizer_config.json"), "w", encoding="utf-8") as f:
        json.dump(config, f, indent=2, ensure_ascii=False)
        f.write("\n")


# ---------------------------------------------------------------------------------------------- generated JPEGs
def jpeg_bytes(width, height, orientation=None):
    """A grey baseline JPEG of any size in a few bytes per 64 pixels: one component, every block's coefficients
    zero, one-symbol Huffman tables (DC category 0 and AC end-of-block are each the one-bit code 0). With an
    orientation, an APP1 Exif block (big-endian TIFF, one IFD0 entry 0x0112 SHORT) follows SOI. The Java tests
    build the same bytes (VisionFixtures.jpegBytes) and compare sha256."""
    out = bytearray(b"\xff\xd8")
    if orientation is not None:
        tiff = b"MM\x00\x2a" + struct.pack(">I", 8) + struct.pack(">H", 1)
        tiff += struct.pack(">HHIHH", 0x0112, 3, 1, orientation, 0) + struct.pack(">I", 0)
        body = b"Exif\x00\x00" + tiff
        out += b"\xff\xe1" + struct.pack(">H", len(body) + 2) + body
    out += b"\xff\xdb" + struct.pack(">H", 67) + b"\x00" + b"\x01" * 64
    out += b"\xff\xc0" + struct.pack(">HBHHB", 11, 8, height, width, 1) + b"\x01\x11\x00"
    table = bytes([1] + [0] * 15) + b"\x00"
    out += b"\xff\xc4" + struct.pack(">H", 2 + 1 + len(table)) + b"\x00" + table
    out += b"\xff\xc4" + struct.pack(">H", 2 + 1 + len(table)) + b"\x10" + table
    out += b"\xff\xda" + struct.pack(">HB", 8, 1) + b"\x01\x00" + b"\x00\x3f\x00"
    blocks = ((width + 7) // 8) * ((height + 7) // 8)
    bits = 2 * blocks
    data = bytearray(bits // 8)
    if bits % 8:
        data.append((1 << (8 - bits % 8)) - 1)  # pad the last byte with 1-bits
    out += data
    out += b"\xff\xd9"
    return bytes(out)


GENERATED = [
    ("big_8000x6000.jpg", 8000, 6000, None),
    ("big_6000x4000_exif6.jpg", 6000, 4000, 6),
    ("big_20000x1000_exif8.jpg", 20000, 1000, 8),
    ("big_3000x3000_exif3.jpg", 3000, 3000, 3),
]


# ---------------------------------------------------------------------------------------------- committed images
def exif_bytes(orientation, little_endian=False):
    exif = Image.Exif()
    exif[0x0112] = orientation
    if little_endian:
        exif.endian = "<"
    return exif.tobytes()


def png_chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def insert_before_iend(png, chunk):
    at = png.rindex(b"IEND") - 4
    return png[:at] + chunk + png[at:]


def save(image, **kwargs):
    buffer = io.BytesIO()
    image.save(buffer, **kwargs)
    return buffer.getvalue()


def gif_frame_past_screen():
    """A 100x100 single-frame GIF whose screen says 60x40 and whose frame sits at (50, 50): PIL grows the image
    to the frame's extent, 150x150."""
    data = bytearray(save(Image.new("P", (100, 100), 0), format="GIF"))
    data[6:10] = struct.pack("<HH", 60, 40)
    flags = data[10]
    at = 13 + ((3 << ((flags & 7) + 1)) if flags & 0x80 else 0)
    while data[at] == 0x21:  # extension blocks before the image descriptor
        at += 2
        while data[at]:
            at += data[at] + 1
        at += 1
    assert data[at] == 0x2C
    data[at + 1:at + 5] = struct.pack("<HH", 50, 50)
    return bytes(data)


def bmp_top_down(width, height):
    """A 24-bit BMP stored top-down (negative height in BITMAPINFOHEADER)."""
    row = (width * 3 + 3) & ~3
    pixels = b"\x80" * (row * height)
    info = struct.pack("<IiiHHIIiiII", 40, width, -height, 1, 24, 0, len(pixels), 2835, 2835, 0, 0)
    header = b"BM" + struct.pack("<IHHI", 14 + len(info) + len(pixels), 0, 0, 14 + len(info))
    return header + info + pixels


def committed_images():
    """file name -> bytes. Sizes: tiny (1x1) to very large (20,000 px wide); formats PNG, JPEG, GIF, WebP, BMP,
    TIFF; EXIF orientations 1-8 in JPEG, PNG, WebP and TIFF; XMP orientation; Python's round-half-even edges of
    smart_resize (42 / 28 = 1.5, 70 / 28 = 2.5, ...)."""
    rgb = lambda w, h, c=(40, 90, 160): Image.new("RGB", (w, h), c)  # noqa: E731
    one_bit = lambda w, h: Image.new("1", (w, h), 0)  # noqa: E731
    files = {}
    # PNG
    files["png_1x1.png"] = save(rgb(1, 1), format="PNG")
    files["png_3x5.png"] = save(rgb(3, 5), format="PNG")
    files["png_5x3.png"] = save(rgb(5, 3), format="PNG")
    files["png_28x28_rgba.png"] = save(Image.new("RGBA", (28, 28), (1, 2, 3, 4)), format="PNG")
    files["png_42x70.png"] = save(rgb(42, 70), format="PNG")
    files["png_98x154.png"] = save(rgb(98, 154), format="PNG")
    files["png_70x126_gray.png"] = save(Image.new("L", (70, 126), 7), format="PNG")
    files["png_1x200.png"] = save(one_bit(1, 200), format="PNG")
    files["png_201x1.png"] = save(one_bit(201, 1), format="PNG")
    files["png_640x480_palette.png"] = save(Image.new("P", (640, 480), 3), format="PNG")
    files["png_1920x1080.png"] = save(one_bit(1920, 1080), format="PNG", optimize=True)
    files["png_3584x3584.png"] = save(one_bit(3584, 3584), format="PNG", optimize=True)
    files["png_4096x4096.png"] = save(one_bit(4096, 4096), format="PNG", optimize=True)
    files["png_10000x10000.png"] = save(one_bit(10000, 10000), format="PNG", optimize=True)
    files["png_12000x300.png"] = save(one_bit(12000, 300), format="PNG", optimize=True)
    files["png_20000x9000_bomb.png"] = save(one_bit(20000, 9000), format="PNG", optimize=True)
    files["png_16bit_300x200.png"] = save(Image.new("I;16", (300, 200), 9), format="PNG")
    files["png_640x480_exif6.png"] = save(rgb(640, 480), format="PNG", exif=exif_bytes(6))
    files["png_500x300_exif8_after_idat.png"] = insert_before_iend(
        save(rgb(500, 300), format="PNG"), png_chunk(b"eXIf", exif_bytes(8, little_endian=True)))
    xmp = PngImagePlugin.PngInfo()
    xmp.add_itxt("XML:com.adobe.xmp", '<x:xmpmeta><rdf:Description tiff:Orientation="6"/></x:xmpmeta>')
    files["png_300x200_xmp6.png"] = save(rgb(300, 200), format="PNG", pnginfo=xmp)
    raw = PngImagePlugin.PngInfo()
    hexed = exif_bytes(5).hex()
    raw.add_text("Raw profile type exif", "\nexif\n" + str(len(hexed) // 2).rjust(8) + "\n" + hexed + "\n", zip=True)
    files["png_210x90_raw_profile5.png"] = save(rgb(210, 90), format="PNG", pnginfo=raw)
    # JPEG
    files["jpg_640x480.jpg"] = save(rgb(640, 480), format="JPEG", quality=50)
    for orientation in range(1, 9):
        files[f"jpg_330x220_exif{orientation}.jpg"] = save(rgb(330, 220), format="JPEG", quality=50,
                                                          exif=exif_bytes(orientation))
    files["jpg_1000x750_progressive.jpg"] = save(rgb(1000, 750), format="JPEG", quality=30, progressive=True)
    files["jpg_451x123_gray.jpg"] = save(Image.new("L", (451, 123), 200), format="JPEG")
    files["jpg_300x500_cmyk.jpg"] = save(Image.new("CMYK", (300, 500), (0, 0, 0, 9)), format="JPEG")
    files["jpg_360x240_xmp8.jpg"] = save(rgb(360, 240), format="JPEG",
                                         xmp=b'<x:xmpmeta><tiff:Orientation>8</tiff:Orientation></x:xmpmeta>')
    files["jpg_360x240_exif1_xmp6.jpg"] = save(rgb(360, 240), format="JPEG", exif=exif_bytes(1),
                                               xmp=b'<rdf:Description tiff:Orientation="6"/>')
    files["jpg_360x240_exif_le6.jpg"] = save(rgb(360, 240), format="JPEG", exif=exif_bytes(6, little_endian=True))
    # GIF, WebP, BMP, TIFF
    files["gif_320x240.gif"] = save(Image.new("P", (320, 240), 1), format="GIF")
    files["gif_frame_past_screen.gif"] = gif_frame_past_screen()
    files["webp_4000x3000_lossless.webp"] = save(rgb(4000, 3000), format="WEBP", lossless=True)
    files["webp_800x600_lossy.webp"] = save(rgb(800, 600), format="WEBP", quality=10)
    files["webp_801x601_lossy_odd.webp"] = save(rgb(801, 601), format="WEBP", quality=10)
    files["webp_640x480_exif6.webp"] = save(rgb(640, 480), format="WEBP", quality=10, exif=exif_bytes(6))
    files["webp_300x200_alpha.webp"] = save(Image.new("RGBA", (300, 200), (5, 5, 5, 100)), format="WEBP", quality=10)
    files["bmp_64x48.bmp"] = save(one_bit(64, 48), format="BMP")
    files["bmp_16x9_top_down.bmp"] = bmp_top_down(16, 9)
    files["tiff_1000x800_orient6.tif"] = save(one_bit(1000, 800), format="TIFF", compression="tiff_deflate",
                                             exif=exif_bytes(6))
    files["tiff_700x300_le.tif"] = save(Image.new("L", (700, 300), 0), format="TIFF", compression="tiff_deflate")
    files["not_an_image.png"] = b"this is text, not a PNG\n"
    return files


# ---------------------------------------------------------------------------------------------- headers as PIL sees
def pil_view(path):
    try:
        with Image.open(path) as im:
            info = {"format": im.format, "size": list(im.size),
                    "orientation": int(im.getexif().get(0x0112, 1)) if im.format else 1}
            loaded = ImageOps.exif_transpose(im)
            info["loaded_size"] = list(loaded.size)
            return info
    except Exception as e:  # what load_image would raise
        return {"error": f"{type(e).__name__}: {e}"}


# ---------------------------------------------------------------------------------------------- rows
def rows(image_files):
    """The input rows: one per image (user: image + question, assistant: answer), then layouts and edge cases."""
    out = []
    for name in image_files:
        out.append({"name": "one:" + name, "messages": [
            {"role": "user", "content": [{"type": "image", "image": "images/" + name},
                                         {"type": "text", "text": "What is in this picture?"}]},
            {"role": "assistant", "content": [{"type": "text", "text": "A plain rectangle of one colour."}]}]})
    for name, *_ in GENERATED:
        out.append({"name": "one:" + name, "messages": [
            {"role": "user", "content": [{"type": "image", "path": "generated/" + name},
                                         {"type": "text", "text": "Describe it."}]},
            {"role": "assistant", "content": [{"type": "text", "text": "Grey, and large."}]}]})
    out += [
        {"name": "multi_image_multi_turn", "messages": [
            {"role": "system", "content": [{"type": "text", "text": "You compare pictures."}]},
            {"role": "user", "content": [{"type": "text", "text": "First these two:"},
                                         {"type": "image", "image": "images/jpg_640x480.jpg"},
                                         {"type": "image", "url": "images/png_42x70.png"},
                                         {"type": "text", "text": "Same size?"}]},
            {"role": "assistant", "content": [{"type": "text", "text": "No: 640x480 and 42x70."}]},
            {"role": "user", "content": [{"type": "image", "path": "images/jpg_330x220_exif6.jpg"},
                                         {"type": "text", "text": "And this one, turned?"}]},
            {"role": "assistant", "content": [{"type": "text", "text": "It stands upright: 220 wide, 330 high."}]}]},
        {"name": "trl_images_column", "images": ["images/png_640x480_exif6.png", "images/webp_800x600_lossy.webp"],
         "messages": [
             {"role": "user", "content": "Two images. Which is wider?"},
             {"role": "assistant", "content": "The second one."},
             {"role": "user", "content": "Thanks!"},
             {"role": "assistant", "content": "You're welcome \U0001F600"}]},
        {"name": "trl_placeholders", "images": ["images/gif_320x240.gif", "images/bmp_64x48.bmp"],
         "messages": [
             {"role": "user", "content": [{"type": "text", "text": "Look:"}, {"type": "image"}]},
             {"role": "assistant", "content": [{"type": "text", "text": "A GIF."}]},
             {"role": "user", "content": [{"type": "image"}, {"type": "text", "text": "and?"}]},
             {"role": "assistant", "content": [{"type": "text", "text": "A BMP."}]}]},
        {"name": "image_url_part", "messages": [
            {"role": "user", "content": [{"type": "image_url", "image_url": {"url": "images/tiff_1000x800_orient6.tif"}},
                                         {"type": "text", "text": "What orientation?"}]},
            {"role": "assistant", "content": [{"type": "text", "text": "Portrait."}]}]},
        {"name": "image_in_assistant_turn", "messages": [
            {"role": "user", "content": [{"type": "text", "text": "Draw me a square."}]},
            {"role": "assistant", "content": [{"type": "text", "text": "Here:"},
                                              {"type": "image", "image": "images/png_28x28_rgba.png"},
                                              {"type": "text", "text": "Done."}]}]},
        {"name": "text_only", "messages": [
            {"role": "user", "content": "No pictures today, caf\u00e9 only."},
            {"role": "assistant", "content": "Fine \u2014 \u2615\U0001F44D"}]},
        {"name": "error_aspect_ratio", "messages": [
            {"role": "user", "content": [{"type": "image", "image": "images/png_201x1.png"},
                                         {"type": "text", "text": "A line?"}]},
            {"role": "assistant", "content": [{"type": "text", "text": "Yes."}]}]},
        {"name": "error_missing_file", "messages": [
            {"role": "user", "content": [{"type": "image", "image": "images/no_such_file.png"},
                                         {"type": "text", "text": "?"}]},
            {"role": "assistant", "content": [{"type": "text", "text": "!"}]}]},
        {"name": "error_too_few_images", "images": ["images/png_1x1.png"], "messages": [
            {"role": "user", "content": [{"type": "image"}, {"type": "image"}, {"type": "text", "text": "Two?"}]},
            {"role": "assistant", "content": [{"type": "text", "text": "One."}]}]},
    ]
    return out


def resolve(ref, base):
    return ref if os.path.isabs(ref) else os.path.join(base, ref)


def conversation(row, base):
    """The messages as the processor receives them: references resolved against the rows file's directory, and
    for rows with an `images` column, TRL's prepare_multimodal_messages."""
    messages = json.loads(json.dumps(row["messages"]))
    for message in messages:
        if isinstance(message.get("content"), list):
            for part in message["content"]:
                for key in ("image", "url", "path"):
                    if part.get("type") == "image" and isinstance(part.get(key), str):
                        part[key] = resolve(part[key], base)
                if part.get("type") == "image_url":
                    part["image_url"]["url"] = resolve(part["image_url"]["url"], base)
    if "images" in row:
        messages = prepare_multimodal_messages(messages, images=[resolve(i, base) for i in row["images"]])
    return messages


# ---------------------------------------------------------------------------------------------- processors
def processor(golden_name, config, tokenizer_dir, family, kind):
    directory = os.path.join(PROCESSORS, config)
    with open(os.path.join(directory, "preprocessor_config.json"), encoding="utf-8") as f:
        image_config = json.load(f)
    image_config = {k: v for k, v in image_config.items() if k not in ("image_processor_type", "processor_class")}
    # AutoTokenizer, as TRL users load it: for LLaVA-NeXT's LlamaTokenizer that is transformers 5's own pipeline
    # (a Metaspace pre-tokenizer in place of tokenizer.json's Prepend normalizer), which chatprep follows too.
    tokenizer = load_tokenizer(tokenizer_dir, "auto")
    with open(os.path.join(ROOT, "templates", f"{family}_training.jinja"), encoding="utf-8") as f:
        template = f.read()
    if golden_name.endswith("_no_bos"):
        assert NO_BOS in template
        template = template.replace(NO_BOS, "", 1)
    if kind == "idefics3":
        with open(os.path.join(directory, "processor_config.json"), encoding="utf-8") as f:
            processor_config = json.load(f)
        return Idefics3Processor(image_processor=Idefics3ImageProcessorPil(**image_config), tokenizer=tokenizer,
                                 chat_template=template, image_seq_len=processor_config["image_seq_len"])
    if kind == "gemma3":
        with open(os.path.join(directory, "processor_config.json"), encoding="utf-8") as f:
            processor_config = json.load(f)
        return Gemma3Processor(image_processor=Gemma3ImageProcessorPil(**image_config), tokenizer=tokenizer,
                               chat_template=template, image_seq_length=processor_config["image_seq_length"])
    if kind == "llava_next":
        with open(os.path.join(directory, "processor_config.json"), encoding="utf-8") as f:
            processor_config = json.load(f)
        processor_config.pop("processor_class")
        return LlavaNextProcessor(image_processor=LlavaNextImageProcessorPil(**image_config), tokenizer=tokenizer,
                                  chat_template=template, **processor_config)
    cls = Qwen2_5_VLProcessor if kind == "qwen2_5" else Qwen3VLProcessor
    return cls(image_processor=Qwen2VLImageProcessorPil(**image_config), tokenizer=tokenizer,
               video_processor=object(), chat_template=template)


def skip_video_processor_check():
    original = ProcessorMixin.check_argument_for_proper_class

    def check(self, name, arg):
        if name == "video_processor":
            return None
        return original(self, name, arg)

    ProcessorMixin.check_argument_for_proper_class = check


def golden(proc, row, base):
    try:
        out = proc.apply_chat_template(conversation(row, base), tokenize=True, return_dict=True,
                                       return_assistant_tokens_mask=True)
    except Exception as e:
        # load_image's message ends with why the path also failed as base64, which depends on the temporary path
        return {"name": row["name"], "error": f"{type(e).__name__}: {e}".split(" Failed with ")[0]}
    result = {"name": row["name"], "input_ids": [int(i) for i in out["input_ids"][0]],
              "assistant_masks": [int(m) for m in out["assistant_masks"][0]]}
    if "image_grid_thw" in out:
        result["image_grid_thw"] = [[int(v) for v in g] for g in out["image_grid_thw"]]
    return result


def main():
    only = None
    if len(sys.argv) == 3 and sys.argv[1] == "--only":
        only = sys.argv[2].split(",")
        unknown = [name for name in only if name not in CONFIGS]
        if unknown:
            sys.exit(f"--only: unknown golden {', '.join(unknown)} (known: {', '.join(CONFIGS)})")
    elif len(sys.argv) > 1:
        sys.exit("usage: make_vision_goldens.py [--only NAME[,NAME...]]")
    skip_video_processor_check()
    write_idefics3_tokenizer()
    os.makedirs(os.path.join(OUT, "images"), exist_ok=True)
    files = committed_images()
    for old in os.listdir(os.path.join(OUT, "images")):
        os.remove(os.path.join(OUT, "images", old))
    for name, data in files.items():
        with open(os.path.join(OUT, "images", name), "wb") as f:
            f.write(data)
    with tempfile.TemporaryDirectory() as tmp:
        shutil.copytree(os.path.join(OUT, "images"), os.path.join(tmp, "images"))
        os.makedirs(os.path.join(tmp, "generated"))
        generated = []
        for name, width, height, orientation in GENERATED:
            data = jpeg_bytes(width, height, orientation)
            with open(os.path.join(tmp, "generated", name), "wb") as f:
                f.write(data)
            generated.append({"file": "generated/" + name,
                              "recipe": {"width": width, "height": height, "orientation": orientation},
                              "sha256": hashlib.sha256(data).hexdigest(),
                              **pil_view(os.path.join(tmp, "generated", name))})
        views = [{"file": "images/" + name, **pil_view(os.path.join(tmp, "images", name))} for name in sorted(files)]
        for view in views:
            if "error" in view:
                view["error"] = view["error"].replace(tmp, ".")
        with open(os.path.join(OUT, "images.json"), "w", encoding="utf-8") as f:
            json.dump({"images": views, "generated": generated}, f, indent=1)
            f.write("\n")
        all_rows = rows(sorted(files))
        with open(os.path.join(OUT, "rows.jsonl"), "w", encoding="utf-8") as f:
            for row in all_rows:
                f.write(json.dumps(row, ensure_ascii=False) + "\n")
        for config, (folder, tokenizer_dir, family, kind) in CONFIGS.items():
            if only is not None and config not in only:
                continue
            proc = processor(config, folder, tokenizer_dir, family, kind)
            results = [golden(proc, row, tmp) for row in all_rows]
            for r, row in zip(results, all_rows):
                if "error" not in r:
                    r["images"] = [p for p in image_refs(row)]
            with open(os.path.join(OUT, config + ".jsonl.gz"), "wb") as raw, \
                    gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as f:
                for r in results:
                    f.write((json.dumps(r).replace(tmp, ".") + "\n").encode("utf-8"))
            failed = sum("error" in r for r in results)
            print(f"{config}: {len(results)} rows, {failed} failed in the reference", file=sys.stderr)


def image_refs(row):
    """The row's image references in order, as written in the row (relative to rows.jsonl)."""
    if "images" in row:
        return list(row["images"])
    refs = []
    for message in row["messages"]:
        if isinstance(message.get("content"), list):
            for part in message["content"]:
                if part.get("type") == "image":
                    refs += [part[k] for k in ("image", "url", "path", "base64") if k in part]
                elif part.get("type") == "image_url":
                    refs.append(part["image_url"]["url"])
    return refs


if __name__ == "__main__":
    main()
