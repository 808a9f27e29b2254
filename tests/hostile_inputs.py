"""Broken and hostile inputs, generated from code and our own text (no binaries committed).

Functions taking a path write one file and return its path; ``*_bytes``, ``seeds`` and
``mutate*`` return bytes. The test suite (tests/test_hostile_inputs.py), the property
tests and the fuzzer (fuzz/fuzz_loaders.py) all draw their inputs from here, so a new
nasty case is added once.

PDFs are written by a small PDF writer of our own (:func:`pdf_bytes`): it produces a
2,000-page file in a fraction of a second, where reportlab takes seconds. Encrypted and
image-only PDFs come from reportlab (tests/pdf_fixtures.py), which implements the
security handler and images. Zip archives can be written by hand (:func:`raw_zip`), for
what zipfile refuses to write, and a zip bomb is a pre-compressed block repeated, so that
gigabytes are never produced, compressed nor held in memory.
"""

from __future__ import annotations

import io
import random
import re
import zipfile
import zlib
from pathlib import Path

# Our own contract text (never copied from third-party data).
CLAUSES = [
    "OUTSOURCING AGREEMENT",
    "1. TERMINATION",
    "1.1 Either party may terminate this Agreement on ninety (90) days' written notice, or at once "
    "if the other party commits a material breach that is not remedied within thirty (30) days.",
    "2. CONFIDENTIALITY",
    "2.1 Each party shall keep the Confidential Information of the other party secret and shall not "
    "disclose it to any third party except as the law requires.",
    "3. DATA PROTECTION",
    "3.1 The Provider shall process Personal Data only in accordance with the GDPR and shall notify "
    "the Client of any personal data breach within 48 hours.",
    "4. INSURANCE",
    "4.1 The Provider shall maintain professional indemnity insurance of at least EUR 5 million.",
    "5. GOVERNING LAW",
    "5.1 This Agreement is governed by the laws of England and the courts of London have jurisdiction.",
]
CONTRACT_TEXT = "\n\n".join(CLAUSES) + "\n"

# Text with typographic quotes and accents, for the encodings that are not UTF-8.
SMART_TEXT = ("1. FEES\n\n1.1 The Client shall pay the \u201cFees\u201d within thirty (30) days \u2013 "
              "the Provider\u2019s invoice is final. Caf\u00e9 r\u00e9sum\u00e9 na\u00efve.\n")
LATIN1_TEXT = ("1. FEES\n\n1.1 The Client shall pay the \u00abFees\u00bb within thirty (30) days; "
               "the Provider's invoice is final \u00a7 2. Caf\u00e9 r\u00e9sum\u00e9 na\u00efve \u00e0 Z\u00fcrich.\n")

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


# -- generic -------------------------------------------------------------------------------

def write(path: Path, data: bytes) -> Path:
    path = Path(path)
    path.write_bytes(data)
    return path


def empty_file(path: Path) -> Path:
    return write(path, b"")


def whitespace_file(path: Path) -> Path:
    return write(path, b" \n\t\r\n  \n")


def random_bytes(path: Path, size: int = 64 * 1024, seed: int = 6) -> Path:
    """Noise that is no format at all (the name may say .pdf or .docx)."""
    return write(path, random.Random(seed).randbytes(size))


def html_file(path: Path) -> Path:
    """A web page saved with a .pdf name (what a browser 'download' of an error page gives)."""
    return write(path, b"<!DOCTYPE html>\n<html><head><title>Contract</title></head>"
                       b"<body><p>1. TERMINATION</p><p>Either party may terminate.</p></body></html>\n")


def ole_doc(path: Path) -> Path:
    """An old binary Word .doc: an OLE2 compound file header followed by sectors."""
    header = OLE_MAGIC + bytes(16) + b"\x3e\x00\x03\x00\xfe\xff\x09\x00" + bytes(512 - 32)
    return write(path, header + random.Random(1).randbytes(4096))


def big_text(path: Path, megabytes: float) -> Path:
    """A text file of ``megabytes`` MB made of our contract clauses, written in chunks."""
    target = int(megabytes * 1024 * 1024)
    chunk = (CONTRACT_TEXT + "\n").encode("utf-8") * 64
    with open(path, "wb") as handle:
        written = 0
        while written < target:
            piece = chunk[: target - written]
            handle.write(piece)
            written += len(piece)
    return Path(path)


def cp1252_text(path: Path) -> Path:
    return write(path, SMART_TEXT.encode("cp1252"))


def latin1_text(path: Path) -> Path:
    return write(path, LATIN1_TEXT.encode("latin-1"))


# -- PDF -----------------------------------------------------------------------------------

def _pdf_string(text: str) -> bytes:
    raw = text.encode("cp1252", errors="replace")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def _wrap(paragraph: str, width: int = 90) -> list[str]:
    lines, line = [], ""
    for word in paragraph.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return lines + ([line] if line else [])


def pdf_bytes(pages: list[list[str]], *, compress: bool = True) -> bytes:
    """A text PDF whose page i shows the paragraphs ``pages[i]`` in Helvetica 11 pt.

    Minimal but valid: catalog, page tree, one shared font, one content stream per page,
    a correct cross-reference table and trailer. Fast enough for thousands of pages.
    """
    objects: list[bytes] = []  # object i+1

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    catalog = add(b"")  # filled in once the page tree exists
    tree = add(b"")
    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    kids = []
    for paragraphs in pages:
        ops = [b"BT /F1 11 Tf 14 TL 72 770 Td"]
        for paragraph in paragraphs:
            for line in _wrap(paragraph):
                ops.append(_pdf_string(line) + b" Tj T*")
            ops.append(b"T*")
        ops.append(b"ET")
        stream = b"\n".join(ops)
        if compress:
            stream = zlib.compress(stream)
            head = b"<< /Length %d /Filter /FlateDecode >>" % len(stream)
        else:
            head = b"<< /Length %d >>" % len(stream)
        content = add(head + b"\nstream\n" + stream + b"\nendstream")
        kids.append(add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] "
                        b"/Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>" % (tree, font, content)))
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % tree
    objects[tree - 1] = (b"<< /Type /Pages /Count %d /Kids [" % len(kids)
                         + b" ".join(b"%d 0 R" % k for k in kids) + b"] >>")

    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, catalog, xref))
    return out.getvalue()


_ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
         "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def spell(n: int) -> str:
    """An integer below a million in words ("two thousand and seven")."""
    if n < 20:
        return _ONES[n]
    if n < 100:
        return _TENS[n // 10] + ("-" + _ONES[n % 10] if n % 10 else "")
    if n < 1000:
        return _ONES[n // 100] + " hundred" + (" and " + spell(n % 100) if n % 100 else "")
    return spell(n // 1000) + " thousand" + (" " + spell(n % 1000) if n % 1000 else "")


_OBLIGATIONS = [
    "deliver the services of this work package within thirty (30) days of the Client's written request",
    "report on this work package to the steering committee every month, with the service levels reached",
    "keep the records of this work package for six (6) years and let the Client's auditors inspect them",
    "not subcontract any part of this work package without the prior written consent of the Client",
    "pay a service credit of 5% of the monthly fee for each month in which a service level is missed",
    "return all Client data used in this work package within ten (10) days of its completion",
]


def contract_pages(count: int, paragraphs_per_page: int = 4) -> list[list[str]]:
    """``count`` pages of numbered clauses of our own text.

    The first and last line of every page differ in their words, not only their digits
    (a page number spelled out), as real pages do: lines that recur at the same place on
    every page are running headers to the PDF loader, and rightly removed.
    """
    pages = []
    for n in range(1, count + 1):
        body = [f"{n}.{i} The Provider shall {_OBLIGATIONS[(n + i) % len(_OBLIGATIONS)]}."
                for i in range(1, paragraphs_per_page)]
        words = spell(n)
        body.append(f"{n}.{paragraphs_per_page} Work package {words} ends when the Client accepts it in writing "
                    f"(acceptance of package {words}).")
        pages.append([f"{n}. WORK PACKAGE {words.upper()}", *body])
    return pages


def text_pdf(path: Path, pages: int = 3, paragraphs_per_page: int = 4) -> Path:
    return write(path, pdf_bytes(contract_pages(pages, paragraphs_per_page)))


def contract_pdf(path: Path) -> Path:
    """Our contract text on two pages."""
    half = len(CLAUSES) // 2
    return write(path, pdf_bytes([CLAUSES[:half], CLAUSES[half:]]))


def truncated_pdf(path: Path, keep: float = 0.5, source: bytes | None = None) -> Path:
    """A PDF cut off part-way (an interrupted download or copy)."""
    data = source if source is not None else pdf_bytes(contract_pages(3))
    return write(path, data[: max(16, int(len(data) * keep))])


def encrypted_pdf(path: Path, user_password: str = "open-sesame", owner_password: str = "owner") -> Path:
    """An encrypted PDF (reportlab's standard security handler). ``user_password=""`` is
    permissions-only encryption: anyone can open it, copying and editing are 'forbidden'."""
    from pdf_fixtures import write_pdf
    from reportlab.lib.pdfencrypt import StandardEncryption

    half = len(CLAUSES) // 2
    return write_pdf(Path(path), [CLAUSES[:half], CLAUSES[half:]],
                     encrypt=StandardEncryption(user_password, ownerPassword=owner_password, canModify=0, canCopy=0))


def image_only_pdf(path: Path, pages: int = 2) -> Path:
    """A scan: every page is a picture, there is no text layer."""
    from pdf_fixtures import write_image_only_pdf
    return write_image_only_pdf(Path(path), pages=pages)


# -- DOCX ----------------------------------------------------------------------------------

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    '</Types>')
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="word/document.xml"/></Relationships>')


def _xml_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def document_xml(paragraphs: list[str], *, doctype: str = "") -> str:
    """word/document.xml with one w:p per paragraph. ``doctype`` goes before the root
    element; paragraphs are inserted as XML, so they may reference its entities."""
    body = "".join(f'<w:p><w:r><w:t xml:space="preserve">{p}</w:t></w:r></w:p>' for p in paragraphs)
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n{doctype}'
            f'<w:document xmlns:w="{W_NS}"><w:body>{body}<w:sectPr/></w:body></w:document>')


def docx_bytes(members: dict[str, str | bytes]) -> bytes:
    """A zip archive with the given members (a DOCX when they are the right ones)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buf.getvalue()


def docx_members(paragraphs: list[str] | None = None, *, doctype: str = "") -> dict[str, str]:
    paragraphs = [_xml_escape(p) for p in (paragraphs or CLAUSES)]
    return {"[Content_Types].xml": CONTENT_TYPES, "_rels/.rels": ROOT_RELS,
            "word/document.xml": document_xml(paragraphs, doctype=doctype)}


def contract_docx(path: Path) -> Path:
    """A small, valid DOCX of our contract (the minimal parts Word needs)."""
    return write(path, docx_bytes(docx_members()))


def docx_without_document(path: Path) -> Path:
    members = docx_members()
    del members["word/document.xml"]
    return write(path, docx_bytes(members))


def xxe_docx(path: Path, target: str = "file:///etc/passwd") -> Path:
    """An external entity in word/document.xml: a reader that resolves it would put the
    contents of ``target`` (or a network fetch) into the contract text."""
    doctype = f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "{target}">]>'
    return write(path, docx_bytes(docx_members(["1. TERMINATION", "&xxe;"], doctype=doctype)))


def billion_laughs_docx(path: Path, levels: int = 10) -> Path:
    """Nested internal entities: &lol9; expands to 10**9 'lol's if a parser lets it."""
    entities = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{i} "{("&lol%d;" % (i - 1)) * 10}">' for i in range(1, levels)]
    doctype = "<!DOCTYPE w:document [" + "".join(entities) + "]>"
    return write(path, docx_bytes(docx_members(["1. TERMINATION", f"&lol{levels - 1};"], doctype=doctype)))


def zip_bomb_docx(path: Path, gigabytes: float = 3.0, member: str = "word/media/image1.png",
                  declared_size: int | None = None) -> Path:
    """A valid DOCX plus one member that inflates to ``gigabytes`` GB (at most 3.9) of zeros.

    Deflating 1 MB of zeros once and ending it with a full flush gives a ~1 KB block that
    does not depend on what came before, so the member's compressed data is that block
    repeated, and its CRC is combined from the block's: building a 3 GB bomb takes a
    fraction of a second, writes ~3 MB and never holds (or even computes) the expanded data.
    With ``member="word/document.xml"`` the bomb is the document itself: valid XML whose
    body is padded with gigabytes of spaces.
    ``declared_size`` makes the zip headers lie about the expanded size (a reader that
    trusts them to budget memory is fooled; the CRC no longer matches either).
    """
    chunk = 1024 * 1024
    count = int(gigabytes * 1024 ** 3) // chunk
    members = docx_members()
    if member == "word/document.xml":
        xml = members.pop(member)
        cut = xml.index("<w:sectPr/>")
        head, tail, fill = xml[:cut].encode(), xml[cut:].encode(), b" " * chunk
    else:
        head, tail, fill = b"", b"", bytes(chunk)
    if len(head) + len(tail) + count * chunk >= 2 ** 32 - 1:
        raise ValueError("keep the bomb under 4 GB (no ZIP64 records here)")
    squeezer = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = squeezer.compress(fill) + squeezer.flush(zlib.Z_FULL_FLUSH)

    def flushed(data: bytes) -> bytes:
        c = zlib.compressobj(9, zlib.DEFLATED, -15)
        return c.compress(data) + c.flush(zlib.Z_FULL_FLUSH)

    final = zlib.compressobj(9, zlib.DEFLATED, -15).flush()  # an empty last block
    crc = zlib.crc32(tail, _crc_of_repeats(head, fill[:1], len(fill), count))
    pieces = [flushed(head), *([block] * count), flushed(tail), final]
    entries = [(name, data if isinstance(data, bytes) else data.encode()) for name, data in members.items()]
    with open(path, "wb") as out:
        directory = []
        for name, data in entries:
            directory.append(_zip_member(out, name, [flushed(data), final], zlib.crc32(data), len(data)))
        size = len(head) + len(tail) + count * chunk
        directory.append(_zip_member(out, member, pieces, crc, size if declared_size is None else declared_size))
        _zip_end(out, directory)
    return Path(path)


def _crc_of_repeats(head: bytes, byte: bytes, chunk: int, count: int) -> int:
    """CRC-32 of ``head`` followed by ``count * chunk`` copies of ``byte``, in microseconds:
    CRCs of concatenations combine (zlib's crc32_combine), so the CRC of 2n chunks comes
    from that of n, and gigabytes never pass through the CRC."""
    crc, block_crc, block_len = zlib.crc32(head), zlib.crc32(byte * chunk), chunk
    while count:
        if count & 1:
            crc = _crc32_combine(crc, block_crc, block_len)
        block_crc = _crc32_combine(block_crc, block_crc, block_len)
        block_len *= 2
        count >>= 1
    return crc


def _gf2_times(matrix: list[int], vector: int) -> int:
    result, row = 0, 0
    while vector:
        if vector & 1:
            result ^= matrix[row]
        vector >>= 1
        row += 1
    return result


def _gf2_square(matrix: list[int]) -> list[int]:
    return [_gf2_times(matrix, matrix[n]) for n in range(32)]


def _crc32_combine(crc1: int, crc2: int, len2: int) -> int:
    """CRC-32 of A+B from crc(A), crc(B) and len(B) (zlib's crc32_combine, in Python)."""
    if len2 <= 0:
        return crc1
    odd = [0xEDB88320] + [1 << n for n in range(31)]  # the operator for one zero bit
    even = _gf2_square(odd)  # two zero bits
    odd = _gf2_square(even)  # four zero bits
    while True:
        even = _gf2_square(odd)
        if len2 & 1:
            crc1 = _gf2_times(even, crc1)
        len2 >>= 1
        if not len2:
            break
        odd = _gf2_square(even)
        if len2 & 1:
            crc1 = _gf2_times(odd, crc1)
        len2 >>= 1
        if not len2:
            break
    return crc1 ^ crc2


def _zip_member(out, name: str, pieces: list[bytes], crc: int, size: int) -> bytes:
    """Write one deflated member (local header + data); return its central directory record."""
    import struct

    offset = out.tell()
    raw_name = name.encode()
    compressed = sum(len(p) for p in pieces)
    fields = (20, 0, 8, 0, 0x21, crc, compressed, size, len(raw_name))
    out.write(struct.pack("<4sHHHHHIIIHH", b"PK\x03\x04", *fields, 0) + raw_name)
    for piece in pieces:
        out.write(piece)
    return struct.pack("<4sHHHHHHIIIHHHHHII", b"PK\x01\x02", 20, *fields, 0, 0, 0, 0, 0, offset) + raw_name


def _zip_end(out, directory: list[bytes]) -> None:
    import struct

    start = out.tell()
    for record in directory:
        out.write(record)
    out.write(struct.pack("<4sHHHHIIH", b"PK\x05\x06", 0, 0, len(directory), len(directory),
                          out.tell() - start, start, 0))


def raw_zip(members: dict[str, str | bytes]) -> bytes:
    """A zip written by hand, so that it may hold what zipfile refuses to write (a member
    with an empty name, two members with one name)."""
    out = io.BytesIO()
    final = zlib.compressobj(9, zlib.DEFLATED, -15).flush()
    directory = []
    for name, data in members.items():
        data = data.encode() if isinstance(data, str) else data
        c = zlib.compressobj(9, zlib.DEFLATED, -15)
        directory.append(_zip_member(out, name, [c.compress(data) + c.flush(zlib.Z_FULL_FLUSH), final],
                                     zlib.crc32(data), len(data)))
    _zip_end(out, directory)
    return out.getvalue()


def empty_member_name_docx(path: Path) -> Path:
    """A DOCX with an extra zip member whose name is empty (found by the fuzzer)."""
    return write(path, raw_zip({**docx_members(), "": "x"}))


def many_members_docx(path: Path, count: int = 1_000_000) -> Path:
    """A DOCX whose zip directory lists ``count`` (empty) members: ~100 bytes of file per
    member, but some 500 bytes of memory each for a reader that builds the whole list."""
    import struct

    members = [(name, data.encode()) for name, data in docx_members().items()]
    final = zlib.compressobj(9, zlib.DEFLATED, -15).flush()
    with open(path, "wb") as out:
        directory = []
        for name, data in members:
            c = zlib.compressobj(9, zlib.DEFLATED, -15)
            directory.append(_zip_member(out, name, [c.compress(data) + c.flush(zlib.Z_FULL_FLUSH), final],
                                         zlib.crc32(data), len(data)))
        for i in range(count):
            raw_name = b"word/media/e%07d" % i
            offset = out.tell()
            fields = (20, 0, 0, 0, 0x21, 0, 0, 0, len(raw_name))
            out.write(struct.pack("<4sHHHHHIIIHH", b"PK\x03\x04", *fields, 0) + raw_name)
            directory.append(struct.pack("<4sHHHHHHIIIHHHHHII", b"PK\x01\x02", 20, *fields, 0, 0, 0, 0, 0,
                                         offset) + raw_name)
        if len(directory) > 0xFFFF:
            # The end record counts members in 16 bits: write the true count in a ZIP64
            # end record, as archivers do.
            _zip64_end(out, directory)
        else:
            _zip_end(out, directory)
    return Path(path)


def _zip64_end(out, directory: list[bytes]) -> None:
    import struct

    start = out.tell()
    for record in directory:
        out.write(record)
    size = out.tell() - start
    end64 = out.tell()
    out.write(struct.pack("<4sQHHIIQQQQ", b"PK\x06\x06", 44, 45, 45, 0, 0, len(directory), len(directory),
                          size, start))
    out.write(struct.pack("<4sIQI", b"PK\x06\x07", 0, end64, 1))
    out.write(struct.pack("<4sHHHHIIH", b"PK\x05\x06", 0, 0, 0xFFFF, 0xFFFF, 0xFFFFFFFF, 0xFFFFFFFF, 0))


# -- seeds for the fuzzers -----------------------------------------------------------------

def seeds() -> dict[str, bytes]:
    """One small valid file of each format, the starting points mutations work from."""
    return {
        "contract.pdf": pdf_bytes([CLAUSES[:6], CLAUSES[6:]]),
        "contract-uncompressed.pdf": pdf_bytes([CLAUSES[:6], CLAUSES[6:]], compress=False),
        "contract.docx": docx_bytes(docx_members()),
        "contract.txt": CONTRACT_TEXT.encode("utf-8"),
        "contract-cp1252.txt": SMART_TEXT.encode("cp1252"),
        "contract-utf16.txt": CONTRACT_TEXT.encode("utf-16"),
    }


def mutate(data: bytes, rng: random.Random, rounds: int = 4) -> bytes:
    """A few random edits: flip, insert, delete, duplicate or truncate bytes."""
    buf = bytearray(data)
    for _ in range(rng.randint(1, rounds)):
        if not buf:
            buf.extend(rng.randbytes(8))
            continue
        op = rng.randrange(6)
        at = rng.randrange(len(buf))
        if op == 0:
            buf[at] ^= 1 << rng.randrange(8)
        elif op == 1:
            buf[at] = rng.choice((0, 0xFF, 0x7F, 0x80, ord("("), ord("<"), ord("0"), ord("9")))
        elif op == 2:
            buf[at:at] = rng.randbytes(rng.randint(1, 16))
        elif op == 3:
            del buf[at:at + rng.randint(1, 64)]
        elif op == 4:
            end = min(len(buf), at + rng.randint(1, 64))
            buf[at:at] = buf[at:end]
        else:
            del buf[at:]
    return bytes(buf)


def mutate_inside(data: bytes, rng: random.Random, mutate_bytes, max_size: int) -> bytes | None:
    """Mutate a member of a zip, or a Flate stream of a PDF, and rebuild the container;
    None when ``data`` is neither (or is too broken to open)."""
    if data[:4] == b"PK\x03\x04":
        try:
            archive = zipfile.ZipFile(io.BytesIO(data))
            members = {info.filename: archive.read(info) for info in archive.infolist()[:64]}
        except Exception:  # noqa: BLE001  a broken zip is for the byte mutator
            return None
        if not members:
            return None
        name = rng.choice(sorted(members))
        members[name] = mutate_bytes(members[name], max(len(members[name]) * 2, 64))
        if rng.random() < 0.1:
            members.pop(rng.choice(sorted(members)))
        return docx_bytes(members)[:max_size]
    if b"%PDF-" in data[:1024]:
        streams = list(re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", data, re.S))
        if not streams:
            return None
        match = rng.choice(streams)
        try:
            plain = zlib.decompress(match.group(1))
            packed = True
        except zlib.error:
            plain, packed = match.group(1), False
        changed = mutate_bytes(plain, max(len(plain) * 2, 64))
        body = zlib.compress(changed) if packed else changed
        # /Length is left as it was: a stale length is one more thing a reader must survive.
        return (data[:match.start(1)] + body + data[match.end(1):])[:max_size]
    return None
