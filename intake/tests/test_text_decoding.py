"""Text files with a few bad bytes are read with a warning naming the file, the bytes and the
lines; only what is clearly not text is refused."""

import pytest

from intake.api import parse_document
from intake.errors import IntakeError
from intake.readers.sniff import read_document
from intake.readers.textdecode import decode_text
from intake.tests.conftest import seed

LINES = ["关于印发2026年鼓楼区协作工作要点的通知", "一、工作任务", "召开联席会议，落实帮扶资金100万元。",
         "二、保障措施", "各单位于12月底前报送总结。"]


def utf8_with(bad: bytes, line: int = 3, at: int = 6) -> bytes:
    """The lines as UTF-8, with `bad` put `at` characters into line `line` (1-based)."""
    encoded = [text.encode("utf-8") for text in LINES]
    text = LINES[line - 1]
    encoded[line - 1] = text[:at].encode("utf-8") + bad + text[at:].encode("utf-8")
    return b"\n".join(encoded) + b"\n"


def text_of(document) -> str:
    return "\n".join(p.text for p in document.paragraphs)


def test_utf8_with_one_bad_byte_is_read_with_a_warning():
    document = read_document(utf8_with(b"\xff"), "要点.txt")
    assert document.kind == "txt"
    assert "召开联席会议\ufffd，落实帮扶资金100万元。" in text_of(document)
    assert "各单位于12月底前报送总结。" in text_of(document)  # the rest untouched, not GB18030 nonsense
    assert document.warnings == ["文本文件“要点.txt”按 UTF-8 编码读取，其中有 1 个字节（1 处）无法识别，"
                                 "已替换为“\ufffd”，在第 3 行。请对照原文核对这些行的内容。"]


def test_cut_off_characters_on_two_lines_are_counted_and_located():
    data = utf8_with("中".encode("utf-8")[:2], line=2, at=2)  # a character cut after two of its three bytes
    data = data.replace("保障".encode("utf-8"), "保".encode("utf-8") + b"\x80")
    decoded = decode_text(data)
    assert decoded.encoding == "utf-8-sig" and decoded.bad_bytes == 3 and decoded.bad_runs == 2
    assert decoded.bad_lines() == [2, 4]
    assert "2 处" in decoded.warning("a.txt") and "第 2、4 行" in decoded.warning("a.txt")


def test_gb18030_with_a_bad_byte_is_read_as_gb18030():
    data = "\n".join(LINES).encode("gb18030")
    data = data.replace("联席".encode("gb18030"), "联".encode("gb18030") + b"\xff")
    document = read_document(data, "要点.txt")
    assert "召开联\ufffd会议" in text_of(document) and "各单位于12月底前报送总结。" in text_of(document)
    assert len(document.warnings) == 1 and "GB18030" in document.warnings[0] and "第 3 行" in document.warnings[0]


@pytest.mark.parametrize("data", [
    "\n".join(LINES).encode("utf-8"), "\n".join(LINES).encode("utf-8-sig"), "\n".join(LINES).encode("gb18030"),
    "\n".join(LINES).encode("utf-16"),
])
def test_clean_text_in_each_encoding_has_no_warning(data):
    document = read_document(data, "要点.txt")
    assert text_of(document) == "\n".join(LINES) and document.warnings == []


def test_many_bad_lines_are_summarised():
    data = b"\n".join(f"第{n}项任务".encode("utf-8") + b"\xfe" + "落实到位。".encode("utf-8") for n in range(1, 31))
    warning = read_document(data, "长.txt").warnings[0]
    assert "30 个字节（30 处）" in warning and "第 1、2、3、4、5、6、7、8、9、10 行等共 30 行" in warning


@pytest.mark.parametrize("data", [
    b"\x00\x01\x02\x03" * 200,  # binary with NUL bytes
    "一、工作任务\n".encode("utf-8") + b"\x00" * 50 + "召开会议。\n".encode("utf-8"),
    bytes((n * 73 + 41) % 256 for n in range(4000)).replace(b"\x00", b"\x01"),  # no text at all
])
def test_what_is_clearly_not_text_is_refused(data):
    with pytest.raises(IntakeError) as refused:
        read_document(data, "方案.txt")
    assert "这不是可以读取的文本文件" in refused.value.message and refused.value.where == "方案.txt"


def test_a_seed_with_a_bad_byte_gives_the_same_tasks_and_the_warning(seeds):
    clean = seed(seeds, "txt", "000").read_bytes()
    middle = clean.index("工作".encode("utf-8"), len(clean) // 2)
    damaged = clean[:middle] + b"\xc3" + clean[middle:]  # a lone lead byte
    before, after = parse_document(clean, "000.txt"), parse_document(damaged, "000.txt")
    assert "warnings" not in before
    assert len(after["tasks"]) == len(before["tasks"]) > 0
    assert after["warnings"][0].startswith("文本文件“000.txt”按 UTF-8 编码读取，其中有 1 个字节（1 处）无法识别")


def test_seeds_with_random_bad_bytes_are_all_read(seeds):
    """The fuzzing that found 88 of 96 damaged text files refused: every seed, 20 times, with one
    to five bytes overwritten by bytes that are never valid anywhere in UTF-8 (0xC0, 0xC1, 0xF5–0xFF)."""
    import random

    rng = random.Random(12)
    for number in ("000", "001", "002", "003", "004"):
        clean = seed(seeds, "txt", number).read_bytes()
        for _ in range(20):
            data = bytearray(clean)
            for _ in range(rng.randint(1, 5)):
                data[rng.randrange(len(data))] = rng.choice([0xC0, 0xC1, *range(0xF5, 0x100)])
            document = read_document(bytes(data), f"{number}.txt")
            assert len(document.warnings) == 1 and "按 UTF-8 编码读取" in document.warnings[0]


def test_gbk_seeds_with_random_bad_bytes_are_read_as_gb18030(seeds):
    import random

    rng = random.Random(18030)
    for number in ("000", "002", "004"):
        clean = seed(seeds, "txt", number).read_text("utf-8").encode("gb18030")
        for _ in range(10):
            data = bytearray(clean)
            for _ in range(rng.randint(1, 3)):
                data[rng.randrange(len(data))] = 0xFF  # never valid in GB18030
            document = read_document(bytes(data), f"{number}.txt")
            assert len(document.warnings) == 1 and "按 GB18030（GBK） 编码读取" in document.warnings[0]
