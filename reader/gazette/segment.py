"""Where the documents of an issue start: candidate title blocks, scored by cues, then chosen.

1. Every line whose text ends with a 文种 (or a standalone 发文字号's line above it) ends a
   candidate title block; the block reaches up over at most five title-like lines, and the start
   chosen is the one whose cues score best (so a signature above a title is left out, and the
   three lines of a speech title are kept together).
2. Each candidate is scored from its title, what stands above it, what follows it, its
   typography and the 目录 (:mod:`reader.gazette.cues`).
3. Overlapping candidates keep the better one; then, in text order, a candidate is accepted when
   its score, less the penalty for being printed by the document before it (an 印发 notice's
   attachment), reaches the threshold.
4. 目录 entries still without a document are looked for once more in the body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reader.gazette.cues import (
    THRESHOLD,
    WEIGHTS,
    before_cues,
    is_occasion,
    is_recipients,
    is_salutation,
    is_speech_meta,
    is_tizhu,
    title_cues,
)
from reader.gazette.dates import date_line
from reader.gazette.fields import issuer_from_title
from reader.gazette.kinds import KIND_LAST_CHARS, kind_of
from reader.gazette.lines import Line, is_organ_line, is_parenthetical, is_section_header, is_title_like
from reader.gazette.numbers import (
    DocNumber,
    OrderNumber,
    find_numbers,
    number_line,
    number_line_date,
    order_seq,
    parse_number,
)
from reader.gazette.style import LineStyle
from reader.gazette.toc import TocEntry, norm_title, title_similarity

MAX_TITLE_LINES = 5
MAX_TITLE_CHARS = 200
MAX_LINE = 80  # a title line above the last one; the last may be a whole one-line title
# A title line that ends with its number in brackets: …的通知（玉政发〔2019〕3号）
_INLINE_NUMBER = re.compile(r"^(?P<title>.*[^\s（(])\s*[（(](?P<num>[^（()）]{4,30}号)[)）]$")
# XX人民政府令第333号 / XX常务委员会公告（第四十一号） on one line
_ORDER_INLINE = re.compile(
    r"^(?P<issuer>.{2,40}?)(?P<kind>令|公告)(?P<seq>[（(]?(?:〔\d{4}〕|\d{4}年)?第.{1,8}[号號][)）]?)$"
)
_TRAILER_LINE = re.compile(r"^[（(][^（()）]{1,16}[)）]$")
_QUOTED = re.compile(r"《([^《》]+)》")
_PRINTS = re.compile(r"(?:印发|转发|批转|颁发|发布|公布)(.+?)的(?:通知|决定|通告|公告|令)$")
_ATTACH_HEAD = re.compile(r"^附\s*件\s*\d{0,2}\s*[:：]\s*(.+)$")
_ATTACH_ITEM = re.compile(r"^(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*[.．、]\s*(.+)$")
# What a cover text says it issues: 现将《X》印发给你们 / 《X》已经…通过，现予公布
_ISSUED = re.compile(
    r"(?:现将|印发|转发|批转|发布|公布|颁布|通过的|审议通过)《([^《》]{4,120})》|"
    r"《([^《》]{4,120})》(?:[（(][^）)]{0,30}[）)])?[,，]?(?:已经|已于|已由|经|业经|现予|现印发|予以|印发给)"
)
COVER_LINES = 30  # a cover text (印发 notice, 令) says what it issues in its first lines


@dataclass(slots=True)
class Start:
    """A document start: its header lines (title, number, 题注 …) and the evidence for it."""

    first: int  # index of the first header line (a 发文字号 printed above the title, or the title)
    last: int  # index of the last header line: the body starts after it
    title_idx: list[int]
    number: DocNumber | OrderNumber | None = None
    number_idx: int | None = None
    last_text: str | None = None  # the title part of a line that also carries the number…
    text_at: int = -1  # …and which line that is
    extra: list[int] = field(default_factory=list)  # head lines that stay in the body (题注, speaker)
    score: float = 0.0
    cues: list[str] = field(default_factory=list)
    toc: TocEntry | None = None
    toc_sim: float = 0.0
    title: str = ""  # the title, flat
    head_date: str | None = None  # a 成文日期 printed in the head (on the number line)


@dataclass(slots=True)
class _After:
    """What follows a title block: cues, the number found there, head lines kept in the body."""

    cues: list[str] = field(default_factory=list)
    number: DocNumber | OrderNumber | None = None
    number_idx: int | None = None
    seq: tuple[int, int | None, str] | None = None  # 第N号 printed under XX令 / XX公告
    extra: list[int] = field(default_factory=list)
    head_date: str | None = None  # a 成文日期 printed on the number line


class Segmenter:
    """Finds the document starts of one issue's lines (after its 目录)."""

    def __init__(
        self, lines: list[Line], begin: int, full_len: int, toc: list[TocEntry], body_size: float | None
    ) -> None:
        self.lines = lines
        self.begin = begin
        self.full_len = full_len
        self.toc = toc
        self.toc_norm = [norm_title(e.title) for e in toc]
        self.body_size = body_size
        # where blank lines are rare they separate documents, and no title block spans one
        self.gaps_separate = sum(ln.gap for ln in lines) < 0.3 * max(len(lines), 1)
        self._title_like: dict[int, bool] = {}
        self._number: dict[int, DocNumber | None] = {}
        self._printed: dict[int, tuple[list[str], int, bool]] = {}

    # -- cached line shapes -------------------------------------------------------------------
    def title_like(self, i: int) -> bool:
        v = self._title_like.get(i)
        if v is None:
            v = self._title_like[i] = is_title_like(self.lines[i], MAX_LINE)
        return v

    def number_at(self, i: int) -> DocNumber | None:
        if i in self._number:
            return self._number[i]
        t = self.lines[i].flat
        n = number_line(t) if "号" in t and len(t) <= 60 else None
        self._number[i] = n
        return n

    # -- candidates ---------------------------------------------------------------------------
    def candidates(self) -> list[Start]:
        """The best-scored title block for every line that can end one."""
        out: list[Start] = []
        lines = self.lines
        ends: set[int] = set()
        for i in range(self.begin, len(lines)):
            t = lines[i].flat
            last = t[-1]
            if last in KIND_LAST_CHARS or last in ")）号號":
                c = self._ending_at(i)
                if c is not None:
                    out.append(c)
                    ends.add(i)
        # a standalone 发文字号 whose title does not end with a 文种 (…的 / 若干措施)
        for i in range(self.begin + 1, len(lines)):
            if self.number_at(i) is not None and (i - 1) not in ends and self.title_like(i - 1):
                c = self._ending_at(i - 1, anchored=True)
                if c is not None:
                    out.append(c)
                    ends.add(i - 1)
        # a block set in display type (a PDF's title, 2号 over a 3号 body): a title whatever it says
        if self.body_size is not None:
            for i in range(self.begin, len(lines)):
                if i not in ends and self._display(i) and not (i + 1 < len(lines) and self._display(i + 1)):
                    c = self._ending_at(i, anchored=True)
                    if c is not None:
                        out.append(c)
        return out

    def _display(self, i: int) -> bool:
        st = self.lines[i].style
        return (
            st is not None and self.body_size is not None and st.size >= self.body_size * 1.12 and not st.red
        )

    def _ending_at(self, e: int, anchored: bool = False) -> Start | None:
        lines = self.lines
        ln = lines[e]
        t = ln.flat
        number: DocNumber | OrderNumber | None = None
        last_text = None
        head = t
        if t[-1] in ")）号號" and ("号" in t or "號" in t):
            m = _INLINE_NUMBER.match(ln.text) if t[-1] in ")）" else None
            if m and not is_parenthetical(t):
                n = parse_number(m["num"])
                if n is not None:
                    number, last_text, head = n, m["title"], "".join(m["title"].split())
            om = _ORDER_INLINE.match(t)
            if om and (found := order_seq(om["seq"])) is not None and is_organ_line(om["issuer"]):
                seq, year, printed = found
                number = OrderNumber(om["issuer"], seq, om["kind"], year, printed)
                head = om["issuer"] + om["kind"]
                last_text = (
                    " ".join(ln.text.split()).removesuffix(om["seq"]).strip() if " " in ln.text else head
                )
        if last_text is None and len(t) == 1 and e - 1 >= self.begin and self.title_like(e - 1):
            pass  # the last character of a title wrapped onto a line of its own (…的通 / 知)
        elif last_text is None:
            if not is_title_like(ln, MAX_TITLE_CHARS):
                return None
        elif not head:
            return None
        kind = kind_of(head) if len(head) > 1 else kind_of(lines[e - 1].flat + head)
        if kind is None and not anchored:
            return None
        # a trailer printed on its own line: （试行） （2019—2021年）
        j = e + 1
        trailer: list[int] = []
        if (
            j < len(lines)
            and _TRAILER_LINE.match(lines[j].flat)
            and not is_tizhu(lines[j].flat)
            and self.number_at(j) is None
            and not date_line(lines[j].flat)
            and order_seq(lines[j].flat) is None
        ):
            trailer = [j]
            j += 1
        after = self._after(j, kind, number, e if number is not None else None)
        best: Start | None = None
        total_chars = len(head)
        for s in range(e, max(self.begin, e - MAX_TITLE_LINES + 1) - 1, -1):
            if s < e:
                if not self.title_like(s) or (self.gaps_separate and lines[s + 1].gap):
                    break
                total_chars += len(lines[s].flat)
                if total_chars > MAX_TITLE_CHARS:
                    break
            cand = self._score(s, e, head, trailer, last_text, after)
            if best is None or cand.score > best.score:
                best = cand
        return best

    def _after(
        self, j: int, kind: str | None, number: DocNumber | OrderNumber | None, number_idx: int | None
    ) -> _After:
        """What follows a title block whose next line is ``j``."""
        lines = self.lines
        after = _After(number=number, number_idx=number_idx)
        if number is not None:
            after.cues.append("order_number" if isinstance(number, OrderNumber) else "number_below")
        elif j < len(lines) and (n := self.number_at(j)) is not None:
            after.cues.append("number_below")
            after.number, after.number_idx = n, j
            after.head_date = number_line_date(lines[j].flat)
            j += 1
        elif j < len(lines) and (found := order_seq(lines[j].flat)) is not None:
            after.cues.append("order_number")
            after.seq, after.number_idx = found, j
            j += 1
        if j >= len(lines):
            after.cues.append("nothing_next")
            return after
        nxt = lines[j]
        t = nxt.flat
        tizhu = self._tizhu_at(j)
        if tizhu:
            after.cues.append("tizhu")
            after.extra.extend(tizhu)
            if after.number is None and after.seq is None:
                nums = find_numbers("".join(lines[k].flat for k in tizhu))
                after.number = nums[0][2] if nums else None
        elif (kind in ("speech", "report") or is_occasion(t)) and is_speech_meta(nxt):
            after.cues.append("speech_meta")
            while (
                j < len(lines)
                and len(after.extra) < 5
                and (is_speech_meta(lines[j]) or self._occasion_tail(after.extra, j))
            ):
                after.extra.append(j)
                j += 1
            if j < len(lines) and is_salutation(lines[j].flat):
                after.cues.append("salutation")  # 各位代表： after the speaker: a speech's whole head
        elif is_recipients(t):
            after.cues.append("recipients")
        elif is_salutation(t):
            after.cues.append("salutation")
        elif self.title_like(j) and not is_section_header(t) and len(t) < self.full_len and "，" not in t:
            after.cues.append("title_next")
        else:
            after.cues.append("prose_next")
        return after

    def _score(
        self, s: int, e: int, head: str, trailer: list[int], last_text: str | None, after: _After
    ) -> Start:
        """The title block ``s``..``e`` (+ trailer) and everything known about it, scored."""
        lines = self.lines
        flats = [lines[k].flat for k in range(s, e)] + [head] + [lines[k].flat for k in trailer]
        title = "".join(flats)
        number, number_idx = after.number, after.number_idx
        if after.seq is not None:  # 第N号 under XX令 / XX公告, or under the title of what a 令 issues
            seq, year, printed = after.seq
            if title.endswith(("令", "公告")):
                kind = "公告" if title.endswith("公告") else "令"
                number = OrderNumber(title.removesuffix(kind), seq, kind, year, printed)
            else:
                issuer = issuer_from_title(title) or ""
                number = OrderNumber(issuer, seq, "令", year, printed, headed=False)
        cues = title_cues(title, flats[0], flats, number is not None)
        if self._issues_itself(title, e):
            cues.append("issues_itself")
        if ("tizhu" in after.cues or "issues_itself" in cues) and "attachment_kind" in cues:
            cues.remove("attachment_kind")  # a 条例 / 办法 adopted at a meeting stands on its own
        first = s
        if number is None and s - 1 >= self.begin and (above := self.number_at(s - 1)) is not None:
            cues.append("number_above")
            number, number_idx, first = above, s - 1, s - 1
        cues += before_cues(lines, first, self.begin, self.full_len, self.gaps_separate)
        cues += after.cues
        idx = [*range(s, e + 1), *trailer]
        cues += self._layout_cues(idx, first)
        toc, toc_sim = None, 0.0
        if self.toc:
            # only where being listed could make it a start (matching costs; most candidates are prose)
            if sum(WEIGHTS[c] for c in cues) + WEIGHTS["in_toc"] >= THRESHOLD:
                toc, toc_sim = self._toc_match(title, number)
            cues.append("in_toc" if toc is not None else "not_in_toc")
        # the head ends at the number or the title; 题注 and speech lines stay in the body
        last = max(idx[-1], number_idx if number_idx is not None else -1)
        return Start(
            first=first,
            last=last,
            title_idx=idx,
            number=number,
            number_idx=number_idx,
            last_text=last_text,
            text_at=e,
            extra=list(after.extra),
            score=sum(WEIGHTS[c] for c in cues),
            cues=cues,
            toc=toc,
            toc_sim=toc_sim,
            title=title,
            head_date=after.head_date,
        )

    def _occasion_tail(self, meta: list[int], j: int) -> bool:
        """The rest of an occasion line that wrapped: ``…第三次会议`` / ``上``."""
        if not meta:
            return False
        prev, t = self.lines[meta[-1]].flat, self.lines[j].flat
        return is_occasion(prev) and prev[-1] not in "上中时" and len(t) <= 16 and t[-1] in "上中时"

    def _tizhu_at(self, j: int) -> list[int]:
        """The lines of a 题注 starting at line ``j`` (it wraps: up to 400 characters)."""
        lines = self.lines
        t = lines[j].flat
        if t[:1] not in "（(":
            return []
        joined, k = t, j
        while joined[-1] not in "）)" and k + 1 < len(lines) and len(joined) < 400:
            k += 1
            joined += lines[k].flat
        if not is_tizhu(joined):
            return []
        more = self._tizhu_at(k + 1) if k + 1 < len(lines) and k - j < 8 else []
        return [*range(j, k + 1), *more]  # 通过, then 批准, then 修正: several 题注 in a row

    def _layout_cues(self, idx: list[int], first: int) -> list[str]:
        if self.body_size is None:
            return []
        styles = [self.lines[k].style for k in idx]
        if any(st is None for st in styles):
            return []
        sts: list[LineStyle] = styles  # type: ignore[assignment]
        cues = []
        big = all(st.size >= self.body_size * 1.12 for st in sts)
        centred = sum(st.centred for st in sts) * 2 > len(sts)
        if big:
            cues.append("display_size")
        if centred:
            cues.append("centred")
        if not big and not centred and all(st.size <= self.body_size * 1.05 for st in sts):
            cues.append("body_set")
        for k in (first - 1, first - 2):
            if k >= self.begin and (st := self.lines[k].style) is not None and st.red:
                cues.append("red_above")
                break
        return cues

    def _toc_match(self, title: str, number: object) -> tuple[TocEntry | None, float]:
        """The 目录 entry this title (or number) is listed as, and how alike they are."""
        key = getattr(number, "key", None)
        if key:
            for e in self.toc:
                if e.number_key == key:
                    return e, 1.0
        norm = norm_title(title)
        best, best_e = 0.0, None
        for e, en in zip(self.toc, self.toc_norm, strict=True):
            sim = title_similarity(norm, en)
            if sim > best:
                best, best_e = sim, e
        return (best_e, best) if best >= 0.8 else (None, 0.0)

    # -- choosing -----------------------------------------------------------------------------
    def select(self, cands: list[Start]) -> list[Start]:
        """Non-overlapping starts, accepted in text order."""
        kept: list[Start] = []
        taken: set[int] = set()
        for c in sorted(cands, key=lambda c: -c.score):
            span = range(c.first, c.last + 1)
            if any(k in taken for k in span):
                continue
            kept.append(c)
            taken.update(span)
        kept.sort(key=lambda c: c.first)
        self._one_per_toc_entry(kept)
        out: list[Start] = []
        for c in kept:
            score = c.score
            if out and self._printed_by(out[-1], c):
                score += WEIGHTS["printed_by_previous"]
                c.cues.append("printed_by_previous")
            elif out and self._promulgates(c, out[-1]):
                score += WEIGHTS["promulgates_previous"]
                c.cues.append("promulgates_previous")
            if score >= THRESHOLD:
                c.score = score
                out.append(c)
        return out

    def _one_per_toc_entry(self, cands: list[Start]) -> None:
        """A 目录 entry vouches for one start: the most alike (the first of equals)."""
        by_entry: dict[int, list[Start]] = {}
        for c in cands:
            if c.toc is not None:
                by_entry.setdefault(id(c.toc), []).append(c)
        for group in by_entry.values():
            best = max(group, key=lambda c: (c.toc_sim, -c.first))
            for c in group:
                if c is not best:
                    c.toc = None
                    c.cues[c.cues.index("in_toc")] = "not_in_toc"
                    c.score += WEIGHTS["not_in_toc"] - WEIGHTS["in_toc"]

    def _printed_by(self, owner: Start, c: Start) -> bool:
        """Is ``c`` what the document starting at ``owner`` prints (its 印发 target, a 附件)?"""
        if isinstance(c.number, DocNumber) and "number_below" in c.cues:
            return False  # an attachment carries no 发文字号 of its own
        title = norm_title(c.title)
        return any(
            tg and (title in tg or tg in title or title_similarity(title, tg) >= 0.8)
            for tg in self._targets(owner, c.first)
        )

    def _issues_itself(self, title: str, e: int) -> bool:
        """《title》已经…通过，现予公布 in the lines right under the title."""
        nxt = self.lines[e + 1].flat if e + 1 < len(self.lines) else ""
        if "《" not in nxt:
            return False
        cover = "".join(self.lines[k].flat for k in range(e + 1, min(len(self.lines), e + 4)))
        norm = norm_title(title)
        return any(norm_title(m.group(1) or m.group(2)) == norm for m in _ISSUED.finditer(cover))

    def _promulgates(self, c: Start, prev: Start) -> bool:
        """Does ``c`` (a 公告 printed under a regulation's 题注) issue the document before it?"""
        if "bare_form" not in c.cues:
            return False
        cover = "".join(self.lines[k].flat for k in range(c.last + 1, min(len(self.lines), c.last + 6)))
        title = norm_title(prev.title)
        return any(norm_title(m.group(1) or m.group(2)) == title for m in _ISSUED.finditer(cover))

    def _targets(self, owner: Start, until: int) -> list[str]:
        """The titles ``owner`` prints: 《X》 and 印发X in its title, its 附件 list up to ``until``."""
        cached = self._printed.get(owner.first)
        if cached is None:
            targets = [norm_title(m.group(1)) for m in _QUOTED.finditer(owner.title)]
            pm = _PRINTS.search(norm_title(owner.title))
            if pm:
                targets.append(pm.group(1))
            cover = "".join(
                self.lines[k].flat for k in range(owner.last + 1, min(until, owner.last + 1 + COVER_LINES))
            )
            targets += [norm_title(m.group(1) or m.group(2)) for m in _ISSUED.finditer(cover)]
            cached = self._printed[owner.first] = (targets, owner.last + 1, False)
        targets, scanned, in_list = cached
        for k in range(scanned, until):
            t = self.lines[k].flat
            m = _ATTACH_HEAD.match(t) if t.startswith("附") else None
            if m:
                item = m.group(1)
                im = _ATTACH_ITEM.match(item)
                targets.append(norm_title(im.group(1) if im else item))
                in_list = True
            elif in_list and (im := _ATTACH_ITEM.match(t)):
                targets.append(norm_title(im.group(1)))
            else:
                in_list = False
        self._printed[owner.first] = (targets, max(scanned, until), in_list)
        return targets

    # -- the 目录's entries not found yet -----------------------------------------------------
    def recover(self, starts: list[Start]) -> list[Start]:
        """Look once more for 目录 entries no start matched: a line run that spells the title."""
        have = {id(s.toc) for s in starts if s.toc is not None}
        used = {k for s in starts for k in range(s.first, s.last + 1)}
        out: list[Start] = []
        lines = self.lines
        missing = [
            (e, en)
            for e, en in zip(self.toc, self.toc_norm, strict=True)
            if id(e) not in have and len(en) >= 4
        ]
        if not missing:
            return out
        heads = {en[:4] for _, en in missing}
        by_head: dict[str, list[int]] = {}  # lines by how they start: one pass over the text
        for i in range(self.begin, len(lines)):
            h = norm_title(lines[i].flat[:6])[:4]
            if h in heads:
                by_head.setdefault(h, []).append(i)
        for e, en in missing:
            found = None
            for i in by_head.get(en[:4], ()):
                if i in used:
                    continue
                acc: list[int] = []
                joined = ""
                j = i
                while j < len(lines) and len(acc) < MAX_TITLE_LINES and j not in used:
                    acc.append(j)
                    joined += norm_title(lines[j].flat)
                    if len(joined) >= len(en) - 2:
                        break
                    j += 1
                if title_similarity(joined, en) >= 0.85:
                    found = acc
                    break
            if found is None:
                continue
            last = found[-1]
            num = self.number_at(last + 1) if last + 1 < len(lines) else None
            title = "".join(lines[k].flat for k in found)
            st = Start(
                first=found[0],
                last=last + (1 if num else 0),
                title_idx=found,
                number=num,
                number_idx=last + 1 if num else None,
                score=THRESHOLD,
                cues=["in_toc", "recovered"],
                toc=e,
                title=title,
            )
            out.append(st)
            used.update(range(st.first, st.last + 1))
        return out
