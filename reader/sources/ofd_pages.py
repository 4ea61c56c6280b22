"""An OFD file's pages drawn as a PDF (issue #19): the page view, search hits on the page,
highlights and the annotated-PDF export then use the paths every PDF uses.

OFD (GB/T 33190) describes each page as objects in millimetres, origin top left: text objects
whose glyphs sit at ``X + ΣDeltaX`` (and ``Y + ΣDeltaY``) in the object's space, paths in a short
command language, images from the package's resources, composite objects and templates, stamps
and seals as annotations or signatures. Each is drawn here with PyMuPDF in its order on the page:

- text with the OFD's own embedded font (``Font(fontbuffer=…)``) where it has the glyph, else
  the CJK font PyMuPDF ships, so the PDF's text layer is the OFD's text and every glyph shows;
- paths (``M L Q B A C``) filled and stroked in their colours and widths, as rules and frames;
- images (PNG, JPEG, BMP, TIFF…) at their boundary; JBIG2, which PyMuPDF cannot place, noted;
- annotations (stamps, watermarks) and the seal image of each signature, read from
  ``SignedValue.dat`` or the seal file (a PNG or JPEG inside the DER, or an OFD drawn in turn).

Clipping paths are not applied (a clipped object is drawn whole); what cannot be drawn is listed
as a warning, never a failure of the page. The package is read through ofdkit's ``Package``
(zip entry limits, path resolution that never leaves the package, XML without DTDs); this module
and :mod:`reader.sources.ofd` are the only places that know ofdkit, so it can be vendored.
"""

from __future__ import annotations

import math
import posixpath
import struct
from dataclasses import dataclass, field
from typing import Any

MM = 72 / 25.4  # millimetres to PDF points
MAX_IMAGE_PIXELS = 40_000_000  # an image larger than this is not placed (a 6k × 6k scan is 36 M)
MAX_OBJECTS = 200_000  # drawing objects per page, templates and annotations included
MAX_DEPTH = 16  # nesting of composite objects, page blocks and embedded seal OFDs
Affine = tuple[float, float, float, float, float, float]
IDENTITY: Affine = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _kids(el: Any, name: str) -> list:
    return [c for c in el if _local(c.tag) == name] if el is not None else []


def _kid(el: Any, name: str) -> Any:
    found = _kids(el, name)
    return found[0] if found else None


def _kid_text(el: Any, name: str) -> str | None:
    c = _kid(el, name)
    return (c.text or "").strip() or None if c is not None else None


def _numbers(value: str | None) -> list[float]:
    out = []
    for part in (value or "").replace(",", " ").split():
        try:
            n = float(part)
        except ValueError:
            continue
        if math.isfinite(n):
            out.append(n)
    return out


def _box(value: str | None) -> tuple[float, float, float, float] | None:
    n = _numbers(value)
    return (n[0], n[1], n[2], n[3]) if len(n) >= 4 else None


def _compose(outer: Affine, inner: Affine) -> Affine:
    """The transform applying ``inner`` first, then ``outer`` (x' = a x + c y + e)."""
    A, B, C, D, E, F = outer
    a, b, c, d, e, f = inner
    return (A * a + C * b, B * a + D * b, A * c + C * d, B * c + D * d, A * e + C * f + E, B * e + D * f + F)


def _apply(m: Affine, x: float, y: float) -> tuple[float, float]:
    return m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]


def _object_transform(el: Any) -> Affine:
    """Object space to its parent's: the CTM, then a move to the Boundary's origin."""
    box = _box(el.get("Boundary")) or (0.0, 0.0, 0.0, 0.0)
    ctm = _numbers(el.get("CTM"))
    a, b, c, d, e, f = ctm[:6] if len(ctm) >= 6 else IDENTITY
    return (a, b, c, d, e + box[0], f + box[1])


def _deltas(value: str | None, limit: int) -> list[float]:
    """A DeltaX/DeltaY list with its ``g count value`` shorthand, at most ``limit`` long."""
    tokens, out, k = (value or "").split(), [], 0
    while k < len(tokens) and len(out) < limit:
        try:
            if tokens[k] == "g" and k + 2 < len(tokens):
                count, step = int(float(tokens[k + 1])), float(tokens[k + 2])
                out.extend([step] * max(0, min(count, limit - len(out))))
                k += 3
                continue
            out.append(float(tokens[k]))
        except (ValueError, OverflowError):
            pass
        k += 1
    return out


def _colour(el: Any, default: tuple[float, ...] | None) -> tuple[tuple[float, ...] | None, float]:
    """An OFD colour element as PyMuPDF's 0–1 components, and its opacity."""
    if el is None:
        return default, 1.0
    values = _numbers(el.get("Value"))
    if not values:  # a pattern or shading we do not draw: its first segment's colour, else grey
        seg = next((c for c in el.iter() if _local(c.tag) == "Color" and c.get("Value")), None)
        values = _numbers(seg.get("Value")) if seg is not None else [128, 128, 128]
    top = 255.0
    comps = tuple(min(max(v / top, 0.0), 1.0) for v in values[:4])
    if len(comps) == 2:
        comps = comps[:1]
    alpha = _numbers(el.get("Alpha"))
    return comps, (min(max(alpha[0] / 255.0, 0.0), 1.0) if alpha else 1.0)


def _object_alpha(el: Any) -> float:
    """A graphic unit's own ``Alpha`` (0–255), applied over its colours' opacity."""
    alpha = _numbers(el.get("Alpha"))
    return min(max(alpha[0] / 255.0, 0.0), 1.0) if alpha else 1.0


def image_size(data: bytes) -> tuple[int, int] | None:
    """Pixel size of a PNG, JPEG, GIF or BMP from its header (nothing decoded), else None."""
    if data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) >= 24:
        return struct.unpack(">II", data[16:24])
    if data[:6] in (b"GIF87a", b"GIF89a") and len(data) >= 10:
        return struct.unpack("<HH", data[6:10])
    if data[:2] == b"BM" and len(data) >= 26:
        w, h = struct.unpack("<ii", data[18:26])
        return abs(w), abs(h)
    if data[:2] == b"\xff\xd8":
        k = 2
        while k + 9 < len(data):
            if data[k] != 0xFF:
                k += 1
                continue
            marker = data[k + 1]
            if marker in (0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF):
                h, w = struct.unpack(">HH", data[k + 5 : k + 9])
                return w, h
            if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
                k += 2
                continue
            k += 2 + struct.unpack(">H", data[k + 2 : k + 4])[0]
    return None


def seal_picture(data: bytes) -> bytes | None:
    """The seal's picture inside a signed value or seal file (DER of GB/T 38540's SES
    structures): the first PNG, JPEG or embedded OFD found in the bytes."""
    starts = {
        "png": data.find(b"\x89PNG\r\n\x1a\n"),
        "jpg": data.find(b"\xff\xd8\xff"),
        "ofd": data.find(b"PK\x03\x04"),
    }
    found = sorted((pos, kind) for kind, pos in starts.items() if pos >= 0)
    if not found:
        return None
    pos, kind = found[0]
    if kind == "png":
        end = data.find(b"IEND", pos)
        return data[pos : end + 8] if end > 0 else None
    if kind == "jpg":
        end = data.rfind(b"\xff\xd9")
        return data[pos : end + 2] if end > pos else None
    return data[pos:]


@dataclass
class _Resources:
    fonts: dict[str, tuple[str | None, str]] = field(default_factory=dict)  # id -> (entry, name)
    media: dict[str, tuple[str | None, str]] = field(default_factory=dict)  # id -> (entry, format)
    units: dict[str, Any] = field(default_factory=dict)  # composite graphic units
    params: dict[str, Any] = field(default_factory=dict)  # draw parameters


class OfdPainter:
    """Draws the pages of one OFD package into a new PyMuPDF document."""

    def __init__(self, package: Any, depth: int = 0) -> None:
        import pymupdf

        self.pm = pymupdf
        self.pkg = package
        self.depth = depth
        self.warnings: list[str] = []
        self.out = pymupdf.open()
        self._fonts: dict[str, Any] = {}
        self._fallback = pymupdf.Font("cjk")
        self._image_xrefs: dict[str, int] = {}
        self._budget = 0

    # -- package ------------------------------------------------------------------------------
    def _xml(self, entry: str | None) -> Any:
        from ofdkit.errors import OFDError

        if entry is None:
            return None
        try:
            return self.pkg.read_xml(entry)
        except OFDError as exc:
            self._warn(f"{entry}：{exc}")
            return None

    def _warn(self, text: str) -> None:
        if text not in self.warnings and len(self.warnings) < 50:
            self.warnings.append(text)

    def _resources(self, entries: list[str], into: _Resources) -> None:
        for entry in entries:
            root = self._xml(entry)
            if root is None:
                continue
            base = root.get("BaseLoc") or ""
            anchor = posixpath.join(posixpath.dirname(entry), base.strip().strip("/"), "_")

            def locate(loc: str | None, anchor: str = anchor, entry: str = entry) -> str | None:
                return self.pkg.resolve(anchor, loc) or self.pkg.resolve(entry, loc)

            for font in _kids(_kid(root, "Fonts"), "Font"):
                fid = (font.get("ID") or "").strip()
                if fid:
                    into.fonts.setdefault(
                        fid, (locate(_kid_text(font, "FontFile")), font.get("FontName") or "")
                    )
            for media in _kids(_kid(root, "MultiMedias"), "MultiMedia"):
                mid = (media.get("ID") or "").strip()
                if mid:
                    into.media.setdefault(
                        mid, (locate(_kid_text(media, "MediaFile")), media.get("Format") or "")
                    )
            for unit in _kids(_kid(root, "CompositeGraphicUnits"), "CompositeGraphicUnit"):
                into.units.setdefault((unit.get("ID") or "").strip(), unit)
            for param in _kids(_kid(root, "DrawParams"), "DrawParam"):
                into.params.setdefault((param.get("ID") or "").strip(), param)

    # -- the document ---------------------------------------------------------------------------
    def paint(self, max_pages: int = 5000) -> Any:
        """Every page of every document body, in order; the PyMuPDF document."""
        ofd = self._xml(self.pkg.find("OFD.xml"))
        if ofd is None:
            raise ValueError("OFD.xml is missing")
        for body in _kids(ofd, "DocBody"):
            doc_entry = self.pkg.resolve("OFD.xml", _kid_text(body, "DocRoot"))
            document = self._xml(doc_entry)
            if document is None:
                continue
            common = _kid(document, "CommonData")
            res = _Resources()
            self._resources(
                [
                    e
                    for c in (common if common is not None else [])
                    if _local(c.tag) in ("PublicRes", "DocumentRes")
                    and (e := self.pkg.resolve(doc_entry, (c.text or "").strip()))
                ],
                res,
            )
            default_box = _box(_kid_text(_kid(common, "PageArea"), "PhysicalBox")) or (0, 0, 210, 297)
            templates = {
                (t.get("ID") or "").strip(): (self.pkg.resolve(doc_entry, t.get("BaseLoc")), t.get("ZOrder"))
                for t in _kids(common, "TemplatePage")
            }
            stamps = self._stamps(body, document, doc_entry)
            for page in _kids(_kid(document, "Pages"), "Page"):
                if self.out.page_count >= max_pages:
                    self._warn(f"只画出了前 {max_pages} 页")
                    break
                entry = self.pkg.resolve(doc_entry, page.get("BaseLoc"))
                self._page(entry, (page.get("ID") or "").strip(), res, default_box, templates, stamps)
        return self.out

    def _stamps(self, body: Any, document: Any, doc_entry: str | None) -> dict[str, list]:
        """Page id -> what is drawn over it: annotations' appearances and seals' pictures."""
        out: dict[str, list] = {}
        annots_entry = self.pkg.resolve(doc_entry, _kid_text(document, "Annotations"))
        annots = self._xml(annots_entry)
        for page in _kids(annots, "Page"):
            page_id = (page.get("PageID") or "").strip()
            root = self._xml(self.pkg.resolve(annots_entry, _kid_text(page, "FileLoc")))
            for annot in _kids(root, "Annot"):
                if (annot.get("Visible") or "true").lower() == "false":
                    continue
                for look in _kids(annot, "Appearance"):
                    out.setdefault(page_id, []).append(("appearance", look))
        signs_entry = self.pkg.resolve("OFD.xml", _kid_text(body, "Signatures"))
        for sig in _kids(self._xml(signs_entry), "Signature"):
            entry = self.pkg.resolve(signs_entry, sig.get("BaseLoc"))
            root = self._xml(entry)
            if root is None:
                continue
            info = _kid(root, "SignedInfo")
            picture = None
            for loc in (_kid_text(root, "SignedValue"), _kid_text(_kid(info, "Seal"), "BaseLoc")):
                part = self.pkg.resolve(entry, loc)
                if part is not None and picture is None:
                    try:
                        picture = seal_picture(self.pkg.read(part))
                    except Exception as exc:
                        self._warn(f"印章无法读取：{exc}")
            if picture is None:
                self._warn("印章图像无法读取（签名值中没有图片）")
                continue
            for stamp in _kids(info, "StampAnnot"):
                out.setdefault((stamp.get("PageRef") or "").strip(), []).append(("seal", stamp, picture))
        return out

    def _page(self, entry, page_id, res, default_box, templates, stamps) -> None:
        root = self._xml(entry)
        box = _box(_kid_text(_kid(root, "Area"), "PhysicalBox")) if root is not None else None
        x0, y0, w, h = box or default_box
        w, h = (w if w > 0 else 210), (h if h > 0 else 297)
        page = self.out.new_page(width=w * MM, height=h * MM)
        if root is None:
            self._warn(f"第 {self.out.page_count} 页的内容无法读取")
            return
        page_res = _Resources(dict(res.fonts), dict(res.media), dict(res.units), dict(res.params))
        self._resources(
            [e for r in _kids(root, "PageRes") if (e := self.pkg.resolve(entry, r.text))], page_res
        )
        canvas = _Canvas(self, page, (1.0, 0.0, 0.0, 1.0, -x0, -y0), page_res)
        self._budget = MAX_OBJECTS
        used = [
            (templates.get((t.get("TemplateID") or "").strip()), t.get("ZOrder"))
            for t in _kids(root, "Template")
        ]
        for (tpl_entry, own_z), z in ((t, z) for t, z in used if t):
            if (z or own_z or "Background") != "Foreground":
                canvas.layers(self._xml(tpl_entry), ("Background", "Body", "Foreground", None))
        canvas.layers(root, ("Background",))
        canvas.layers(root, ("Body", None))
        canvas.layers(root, ("Foreground",))
        for (tpl_entry, own_z), z in ((t, z) for t, z in used if t):
            if (z or own_z or "Background") == "Foreground":
                canvas.layers(self._xml(tpl_entry), ("Background", "Body", "Foreground", None))
        for item in stamps.get(page_id, []):
            if item[0] == "appearance":
                canvas.walk(list(item[1]), _compose(canvas.base, _object_transform(item[1])), 0)
            else:
                canvas.seal(item[1], item[2])
        canvas.flush()

    # -- fonts --------------------------------------------------------------------------------
    def font(self, fid: str, res: _Resources) -> Any:
        """The OFD's embedded font for ``fid`` (loaded once), or None for the fallback."""
        if fid in self._fonts:
            return self._fonts[fid]
        font = None
        entry, name = res.fonts.get(fid, (None, ""))
        if entry is not None:
            try:
                font = self.pm.Font(fontbuffer=self.pkg.read(entry))
                if not self._places_right(font):
                    font = None
            except Exception:
                self._warn(f"字体“{name or fid}”无法载入，已用替代字体")
        self._fonts[fid] = font
        return font

    def _places_right(self, font: Any) -> bool:
        """Whether glyphs of ``font`` land where they are put once it is in a PDF.

        Some embedded subsets carry metrics that MuPDF writes wrongly into the PDF's widths
        (glyphs then run into each other): two glyphs are set in a scratch page and read back.
        """
        sample = next((ch for ch in "的一国中人0Aa" if font.has_glyph(ord(ch))), None)
        if sample is None:
            return True
        scratch = self.pm.open()
        page = scratch.new_page()
        tw = self.pm.TextWriter(page.rect)
        for k in range(2):
            tw.append((100 + 40 * k, 100), sample, font=font, fontsize=20)
        tw.write_text(page)
        page = self.pm.open(stream=scratch.tobytes())[0]
        xs = [
            c["origin"][0]
            for b in page.get_text("rawdict")["blocks"]
            for ln in b.get("lines", [])
            for sp in ln["spans"]
            for c in sp["chars"]
        ]
        return len(xs) == 2 and abs(xs[1] - xs[0] - 40) < 1.0


class _Canvas:
    """One page being drawn: text is gathered into writers, shapes into a shape, and each is
    written out when the other kind comes next, so the page keeps its objects' order."""

    def __init__(self, painter: OfdPainter, page: Any, base: Affine, res: _Resources) -> None:
        self.p, self.page, self.base, self.res = painter, page, base, res
        self.writers: dict[tuple, Any] = {}
        self.shape = None

    def flush(self) -> None:
        self._flush_text()
        self._flush_shape()

    def layers(self, root: Any, kinds: tuple) -> None:
        content = _kid(root, "Content")
        for layer in _kids(content, "Layer"):
            if layer.get("Type") in kinds:
                self.walk(list(layer), self.base, 0)

    def walk(self, elements: list, transform: Affine, depth: int) -> None:
        for el in elements:
            self.p._budget -= 1
            if self.p._budget < 0:
                if self.p._budget == -1:
                    self.p._warn("页面对象过多，其余未画出")
                return
            name = _local(el.tag)
            try:
                if name == "TextObject":
                    self.text(el, transform)
                elif name == "PathObject":
                    self.path(el, transform)
                elif name == "ImageObject":
                    self.image(el, transform)
                elif depth >= MAX_DEPTH:
                    continue
                elif name == "PageBlock":
                    self.walk(list(el), transform, depth + 1)
                elif name == "CompositeObject":
                    unit = self.p_unit(el.get("ResourceID"))
                    content = _kid(unit, "Content")
                    if content is not None:
                        self.walk(list(content), _compose(transform, _object_transform(el)), depth + 1)
            except (ValueError, RuntimeError, OverflowError, ZeroDivisionError) as exc:
                self.p._warn(f"一个{name}无法画出：{exc}")

    def p_unit(self, rid: str | None) -> Any:
        return self.res.units.get((rid or "").strip())

    def _param(self, el: Any, attr: str) -> Any:
        """An attribute or colour of ``el``, else of its draw parameter (and those it is relative to)."""
        node, ref, seen = el, "DrawParam", 0
        while node is not None and seen < 8:
            value = _kid(node, attr) if attr.endswith("Color") else node.get(attr)
            if value is not None:
                return value
            node, ref, seen = self.res.params.get((node.get(ref) or "").strip()), "Relative", seen + 1
        return None

    # -- text -----------------------------------------------------------------------------------
    def text(self, el: Any, transform: Affine) -> None:
        m = _compose(transform, _object_transform(el))
        size = _numbers(el.get("Size"))
        size = size[0] if size else 0.0
        if size <= 0:
            return
        fill = (el.get("Fill") or "true").lower() != "false"
        stroke = (el.get("Stroke") or "false").lower() == "true"
        if not fill and not stroke:
            return
        colour, alpha = _colour(self._param(el, "FillColor" if fill else "StrokeColor"), (0.0, 0.0, 0.0))
        mode = 0 if fill else 1
        alpha *= _object_alpha(el)
        if alpha <= 0:
            return
        font = self.p.font((el.get("Font") or "").strip(), self.res)
        a, b, c, d = m[:4]
        scale = math.sqrt(abs(a * d - b * c)) or 1.0
        upright = abs(b) < 1e-6 and abs(c) < 1e-6 and a > 0 and d > 0 and abs(a - d) < 1e-6 * max(a, 1)
        writer = self._writer((colour, alpha, mode)) if upright else None
        x = y = 0.0
        for code in _kids(el, "TextCode"):
            text = "".join(ch for ch in (code.text or "") if ch >= " " or ch == "\t").replace("\t", " ")
            xs, ys = _numbers(code.get("X")), _numbers(code.get("Y"))
            x, y = (xs[0] if xs else x), (ys[0] if ys else y)
            if not text:
                continue
            dx, dy = _deltas(code.get("DeltaX"), len(text) - 1), _deltas(code.get("DeltaY"), len(text) - 1)
            gx, gy = x, y
            own = writer or self.p.pm.TextWriter(self.page.rect)
            origin = None
            for k, ch in enumerate(text):
                use = font if font is not None and font.has_glyph(ord(ch)) else self.p._fallback
                px, py = _apply(m, gx, gy)
                if writer is not None:
                    own.append((px * MM, py * MM), ch, font=use, fontsize=size * scale * MM)
                else:  # rotated or skewed: set upright around the first glyph, turned on writing
                    if origin is None:
                        origin = (px * MM, py * MM)
                        ux, uy = origin
                    ox, oy = gx - x, gy - y
                    own.append(
                        (ux + ox * scale * MM, uy + oy * scale * MM), ch, font=use, fontsize=size * scale * MM
                    )
                advance = use.glyph_advance(ord(ch)) * size if ch != " " else size / 2
                gx += dx[k] if k < len(dx) else advance
                gy += dy[k] if k < len(dy) else 0.0
            if writer is None and origin is not None:
                self._flush_shape()
                pm = self.p.pm
                turn = pm.Matrix(a / scale, -b / scale, -c / scale, d / scale, 0, 0)
                own.write_text(
                    self.page, color=colour, opacity=alpha, render_mode=mode, morph=(pm.Point(*origin), turn)
                )

    def _writer(self, key: tuple) -> Any:
        self._flush_shape()
        if key not in self.writers:
            self.writers[key] = self.p.pm.TextWriter(self.page.rect)
        return self.writers[key]

    def _flush_text(self) -> None:
        for (colour, alpha, mode), tw in self.writers.items():
            tw.write_text(self.page, color=colour, opacity=alpha, render_mode=mode)
        self.writers.clear()

    def _flush_shape(self) -> None:
        if self.shape is not None:
            self.shape.commit()
            self.shape = None

    # -- paths ----------------------------------------------------------------------------------
    def path(self, el: Any, transform: Affine) -> None:
        m = _compose(transform, _object_transform(el))
        stroke = (el.get("Stroke") or "true").lower() != "false"
        fill = (el.get("Fill") or "false").lower() == "true"
        scol, salpha = _colour(self._param(el, "StrokeColor"), (0.0, 0.0, 0.0))
        fcol, falpha = _colour(self._param(el, "FillColor"), (0.0, 0.0, 0.0))
        # fully transparent is not drawn at all (PyMuPDF reads an opacity of 0 as "not set")
        salpha, falpha = salpha * _object_alpha(el), falpha * _object_alpha(el)
        stroke, fill = stroke and salpha > 0, fill and falpha > 0
        if not stroke and not fill:
            return
        data = _kid_text(el, "AbbreviatedData")
        if not data:
            return
        self._flush_text()
        if self.shape is None:
            self.shape = self.page.new_shape()
        shape = self.shape
        pt = self.p.pm.Point

        def P(x: float, y: float) -> Any:
            px, py = _apply(m, x, y)
            return pt(px * MM, py * MM)

        tokens = data.split()
        cur = start = (0.0, 0.0)
        drawn, k = False, 0

        def nums(n: int) -> list[float]:
            nonlocal k
            vals = [float(t) for t in tokens[k + 1 : k + 1 + n]]
            if len(vals) < n:
                raise ValueError("路径数据不完整")
            k += n + 1
            return vals

        while k < len(tokens):
            op = tokens[k]
            if op in ("S", "M"):
                x, y = nums(2)
                cur = start = (x, y)
            elif op == "L":
                x, y = nums(2)
                shape.draw_line(P(*cur), P(x, y))
                cur, drawn = (x, y), True
            elif op == "Q":
                x1, y1, x, y = nums(4)
                c1 = (cur[0] + 2 / 3 * (x1 - cur[0]), cur[1] + 2 / 3 * (y1 - cur[1]))
                c2 = (x + 2 / 3 * (x1 - x), y + 2 / 3 * (y1 - y))
                shape.draw_bezier(P(*cur), P(*c1), P(*c2), P(x, y))
                cur, drawn = (x, y), True
            elif op == "B":
                x1, y1, x2, y2, x, y = nums(6)
                shape.draw_bezier(P(*cur), P(x1, y1), P(x2, y2), P(x, y))
                cur, drawn = (x, y), True
            elif op == "A":
                rx, ry, angle, large, sweep, x, y = nums(7)
                for seg in _arc(cur, (x, y), rx, ry, angle, bool(large), bool(sweep)):
                    shape.draw_line(P(*cur), P(*seg))
                    cur = seg
                drawn = True
            elif op == "C":
                if cur != start:
                    shape.draw_line(P(*cur), P(*start))
                cur = start
                k += 1
            else:
                k += 1
        if not drawn:
            return
        width = _numbers(self._param(el, "LineWidth"))
        lw = (width[0] if width else 0.353) * (math.sqrt(abs(m[0] * m[3] - m[1] * m[2])) or 1.0) * MM
        shape.finish(
            color=scol if stroke else None,
            fill=fcol if fill else None,
            width=max(lw, 0.1),
            closePath=False,
            even_odd=(el.get("Rule") or "").lower() == "even-odd",
            stroke_opacity=salpha,
            fill_opacity=falpha,
        )

    # -- images ---------------------------------------------------------------------------------
    def image(self, el: Any, transform: Affine) -> None:
        rid = (el.get("ResourceID") or "").strip()
        entry, fmt = self.res.media.get(rid, (None, ""))
        if _object_alpha(el) <= 0:
            return
        if entry is None:
            self.p._warn(f"图片 {rid} 在文件中找不到")
            return
        m = _compose(transform, _object_transform(el))
        corners = [_apply(m, x, y) for x, y in ((0, 0), (1, 0), (0, 1), (1, 1))]
        xs, ys = [c[0] * MM for c in corners], [c[1] * MM for c in corners]
        rect = self.p.pm.Rect(min(xs), min(ys), max(xs), max(ys))
        if rect.is_empty:
            return
        self.place_image(entry, fmt, rect)

    def place_image(self, key: str, fmt: str, rect: Any, data: bytes | None = None, clip: Any = None) -> None:
        if (fmt or "").lower() in ("jb2", "jbig2") or key.lower().endswith(".jb2"):
            self.p._warn("JBIG2 图片无法显示")
            return
        self.flush()
        xref = self.p._image_xrefs.get(key) if clip is None else None
        if xref is not None:
            self.page.insert_image(rect, xref=xref, keep_proportion=False)
            return
        if data is None:
            data = self.p.pkg.read(key)
        size = image_size(data)
        if size is not None and size[0] * size[1] > MAX_IMAGE_PIXELS:
            self.p._warn(f"图片过大（{size[0]}×{size[1]} 像素），未显示")
            return
        if clip is not None:
            data = self._cropped(data, clip)
        try:
            xref = self.page.insert_image(rect, stream=data, keep_proportion=False)
        except (ValueError, RuntimeError) as exc:
            self.p._warn(f"图片无法显示：{exc}")
            return
        if clip is None:
            self.p._image_xrefs[key] = xref

    def _cropped(self, data: bytes, clip: tuple[float, float, float, float]) -> bytes:
        """The part of an image a riding seal (骑缝章) shows on one page: ``clip`` as fractions."""
        pix = self.p.pm.Pixmap(data)
        fx, fy, fw, fh = clip
        irect = self.p.pm.IRect(
            int(fx * pix.width), int(fy * pix.height), int((fx + fw) * pix.width), int((fy + fh) * pix.height)
        )
        part = self.p.pm.Pixmap(pix.colorspace, irect, pix.alpha)
        part.copy(pix, irect)
        part.set_origin(0, 0)
        return part.tobytes("png")

    def seal(self, stamp: Any, picture: bytes) -> None:
        box = _box(stamp.get("Boundary"))
        if box is None or box[2] <= 0 or box[3] <= 0:
            return
        x, y, w, h = box
        clip = _box(stamp.get("Clip"))
        if clip is not None and clip[2] > 0 and clip[3] > 0:
            frac = (clip[0] / w, clip[1] / h, clip[2] / w, clip[3] / h)
            x, y, w, h = x + clip[0], y + clip[1], clip[2], clip[3]
        else:
            frac = None
        px, py = _apply(self.base, x, y)
        rect = self.p.pm.Rect(px * MM, py * MM, (px + w) * MM, (py + h) * MM)
        if picture.startswith(b"PK"):
            self._nested(picture, rect)
        else:
            self.place_image(f"seal:{hash(picture)}", "", rect, data=picture, clip=frac)

    def _nested(self, data: bytes, rect: Any) -> None:
        """A seal that is itself an OFD: its first page drawn into the stamp's box."""
        if self.p.depth >= 2:
            return
        from ofdkit.errors import OFDError
        from ofdkit.package import Package

        try:
            with Package(data) as pkg:
                inner = OfdPainter(pkg, self.p.depth + 1).paint(max_pages=1)
        except (OFDError, ValueError) as exc:
            self.p._warn(f"印章无法读取：{exc}")
            return
        if inner.page_count:
            self.flush()
            self.page.show_pdf_page(rect, inner, 0, keep_proportion=False)


def _arc(p0, p1, rx, ry, angle, large, sweep, steps: int = 16) -> list[tuple[float, float]]:
    """Points along an SVG-style elliptical arc from ``p0`` to ``p1`` (endpoint form)."""
    if rx == 0 or ry == 0 or p0 == p1:
        return [p1]
    phi = math.radians(angle)
    cos, sin = math.cos(phi), math.sin(phi)
    dx, dy = (p0[0] - p1[0]) / 2, (p0[1] - p1[1]) / 2
    x1, y1 = cos * dx + sin * dy, -sin * dx + cos * dy
    rx, ry = abs(rx), abs(ry)
    lam = (x1 * x1) / (rx * rx) + (y1 * y1) / (ry * ry)
    if lam > 1:
        rx, ry = rx * math.sqrt(lam), ry * math.sqrt(lam)
    num = rx * rx * ry * ry - rx * rx * y1 * y1 - ry * ry * x1 * x1
    den = rx * rx * y1 * y1 + ry * ry * x1 * x1
    coef = math.sqrt(max(num / den, 0.0)) if den else 0.0
    if large == sweep:
        coef = -coef
    cx1, cy1 = coef * rx * y1 / ry, -coef * ry * x1 / rx
    cx = cos * cx1 - sin * cy1 + (p0[0] + p1[0]) / 2
    cy = sin * cx1 + cos * cy1 + (p0[1] + p1[1]) / 2
    t0 = math.atan2((y1 - cy1) / ry, (x1 - cx1) / rx)
    t1 = math.atan2((-y1 - cy1) / ry, (-x1 - cx1) / rx)
    dt = t1 - t0
    if sweep and dt < 0:
        dt += 2 * math.pi
    elif not sweep and dt > 0:
        dt -= 2 * math.pi
    out = []
    for k in range(1, steps + 1):
        t = t0 + dt * k / steps
        ex, ey = rx * math.cos(t), ry * math.sin(t)
        out.append((cos * ex - sin * ey + cx, sin * ex + cos * ey + cy))
    out[-1] = p1
    return out


@dataclass
class OfdPages:
    pdf: bytes
    pages: int
    warnings: list[str]


def build_pdf(data: bytes) -> OfdPages:
    """The OFD's pages as a PDF (fonts subset, streams compressed), and what could not be drawn."""
    from ofdkit.errors import OFDError, OFDLimitError
    from ofdkit.package import Package

    from reader.errors import ImportRejected
    from reader.sources.archive import check_zip

    if not data.startswith(b"PK"):
        raise ImportRejected("corrupt", "损坏：不是 OFD 文件（OFD 是 zip 包）")
    check_zip(data, "OFD 文件", "OFD.xml", max_entries=50_000)
    try:
        with Package(data) as pkg:
            painter = OfdPainter(pkg)
            out = painter.paint()
    except OFDLimitError as exc:
        raise ImportRejected("too_large", f"过大：OFD 文件超出读取上限（{exc}）") from exc
    except (OFDError, ValueError) as exc:
        raise ImportRejected("corrupt", f"损坏：无法读取 OFD 文件（{exc}）") from exc
    if out.page_count == 0:
        raise ImportRejected("empty", "空文档：OFD 文件没有页面")
    try:
        out.subset_fonts()
    except Exception:
        painter._warn("字体未能精简，页面缓存较大")
    pdf = out.tobytes(garbage=3, deflate=True)
    return OfdPages(pdf=pdf, pages=out.page_count, warnings=painter.warnings)


def build_pdf_in_child(data: bytes, timeout: float = 120.0) -> OfdPages:
    """:func:`build_pdf` in a child process with the memory limit of the other readers."""
    from reader.workers import read_in_child

    return read_in_child(build_pdf, data, what="OFD 文件的页面", timeout=timeout)  # type: ignore[return-value]
