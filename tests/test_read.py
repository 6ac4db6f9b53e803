"""Reading text files: encodings, stdin, directories, and clear errors."""

import codecs

import pytest

from clausekit.errors import InputError
from clausekit.readers import expand_paths, read_document
from clausekit.readers.text import decode_bytes

TEXT = "第五条 服务质量标准\n乙方应确保接通率不低于95%。\n"


@pytest.mark.parametrize("data", [
    TEXT.encode("utf-8"),
    codecs.BOM_UTF8 + TEXT.encode("utf-8"),
    TEXT.encode("gb18030"),
    TEXT.encode("gbk"),
    TEXT.encode("utf-16"),  # with BOM
    codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
])
def test_common_encodings_decode_to_the_same_text(data):
    assert decode_bytes(data, "x.txt") == TEXT


def test_big5_is_detected():
    text = "第五條 服務質量標準：乙方應確保接通率不低於百分之九十五，並按月提交報表。" * 5
    assert decode_bytes(text.encode("big5"), "x.txt", "big5") == text


def test_explicit_encoding_wins_and_bad_one_is_a_clear_error():
    assert decode_bytes("接通率".encode("gbk"), "x.txt", "gbk") == "接通率"
    with pytest.raises(InputError, match="unknown encoding 'nope'"):
        decode_bytes(b"abc", "x.txt", "nope")
    with pytest.raises(InputError, match="cannot decode as utf-8"):
        decode_bytes("接通率".encode("gbk"), "x.txt", "utf-8")


def test_binary_and_empty_files_are_refused(tmp_path):
    binary = tmp_path / "a.txt"
    binary.write_bytes(b"\x00\x01\x02PK\x00")
    with pytest.raises(InputError, match="binary"):
        read_document(str(binary))
    empty = tmp_path / "b.txt"
    empty.write_bytes(b"  \n")
    with pytest.raises(InputError, match="empty file"):
        read_document(str(empty))


def test_missing_file_and_unsupported_type(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_document(str(tmp_path / "nope.txt"))
    img = tmp_path / "scan.png"
    img.write_bytes(b"\x89PNG\r\n")
    with pytest.raises(InputError, match="unsupported file type '.png'"):
        read_document(str(img))


def test_lines_are_kept_one_to_one(tmp_path):
    f = tmp_path / "c.md"
    f.write_text("a\r\nb\n\nc", encoding="utf-8")
    doc = read_document(str(f))
    assert [ln.text for ln in doc.lines] == ["a", "b", "", "c"]


def test_directories_expand_to_supported_files_sorted(tmp_path):
    (tmp_path / "sub").mkdir()
    for name in ("b.txt", "a.md", "sub/c.txt", "notes.png", ".hidden.txt"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    found = [p.replace(str(tmp_path) + "/", "") for p in expand_paths([str(tmp_path)])]
    assert found == ["a.md", "b.txt", "sub/c.txt"]
