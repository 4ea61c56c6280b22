"""The zip checks every archive format we read makes before anything inflates a part.

A .docx and an .ofd are zip packages. A hostile one can declare thousands of parts or inflate
a few kilobytes into gigabytes (a zip bomb); the directory at the end of the archive says how
big each part will be, so those are refused from it alone. Names are never used as paths on disk:
nothing is extracted, so ``../../x`` is only a name.
"""

from __future__ import annotations

import io
import zipfile

from reader.errors import ImportRejected

MAX_ENTRIES = 5_000
MAX_TOTAL = 200 * 1024 * 1024  # bytes once inflated
MAX_RATIO = 200  # inflated / compressed, for entries above a megabyte


def check_zip(data: bytes, what: str, required: str, max_entries: int = MAX_ENTRIES) -> None:
    """Refuse an archive that is none, lacks its ``required`` part (matched without case) or
    would inflate past the caps; ``what`` names the format in the message (Word 文件, OFD 文件)."""
    try:
        z = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise ImportRejected("corrupt", f"损坏：不是有效的{what}（不是完整的 zip 包）") from exc
    with z:
        infos = z.infolist()
        if len(infos) > max_entries:
            raise ImportRejected("too_large", f"过大：{what}内含 {len(infos)} 个部件，超过上限")
        if sum(i.file_size for i in infos) > MAX_TOTAL:
            raise ImportRejected("too_large", f"过大：{what}解压后超过 200 MB（可能是压缩炸弹），未导入")
        for i in infos:
            if i.file_size > 1 << 20 and i.compress_size and i.file_size / i.compress_size > MAX_RATIO:
                raise ImportRejected("too_large", f"过大：{what}的压缩比异常（可能是压缩炸弹），未导入")
        names = {i.filename.replace("\\", "/").lstrip("/").casefold() for i in infos}
        if required.casefold() not in names:
            raise ImportRejected("corrupt", f"损坏：{what}缺少 {required}")
