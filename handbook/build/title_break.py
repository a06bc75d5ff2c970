"""Where to break a long Chinese document title, per GB/T 9704-2012 7.3.2.

“标题……可分一行或多行居中排布；回行时，要做到词意完整，排列对称，长短适宜，间距恰当，标题排列应当
使用梯形或菱形。” A title that does not fit on one line is broken by hand, at a word boundary, into
the fewest lines that fit, as even as the words allow. Word, WPS and LibreOffice would otherwise
break it wherever the line is full, often inside a word (“专项整 / 治工作”).

Words come from jieba (the search's segmenter, with the glossary terms added by the build); a
placeholder 【…】, a quotation “…” and a parenthesis （…） are split only when wider than a line.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from itertools import combinations

from handbook.template_text import display_width

# Spans kept whole: quotations, placeholders with the ordinal or unit around them (第【期数】期,
# 【年份】年), parentheses (full width or ASCII).
_UNBREAKABLE = re.compile(r"“[^“”]*”|第?【[^【】]*】[年月日期号次批届]?|（[^（）]*）|\([^()]*\)")
# A line may not start with closing punctuation or end with opening punctuation (避头尾).
_NO_LINE_START = set("，。、；：？！）】”》’…—")
_NO_LINE_END = set("（【“《‘")
# 发文机关 + 关于 is the usual first half of a title: prefer breaking right after it.
_PREFERRED_AFTER = ("关于",)


@lru_cache(maxsize=1)
def _jieba():
    import jieba

    jieba.setLogLevel(60)  # no "Building prefix dict" chatter in the build log
    return jieba


def _tokens(title: str, capacity: float) -> list[str]:
    """The title cut into pieces that may not be split: unbreakable spans and jieba words. A span
    wider than a line cannot stay whole, so it is cut into words too."""
    tokens: list[str] = []
    position = 0
    for match in _UNBREAKABLE.finditer(title):
        tokens.extend(_jieba().lcut(title[position:match.start()], HMM=False))
        span = match.group(0)
        tokens.extend(_jieba().lcut(span, HMM=False) if display_width(span) > capacity else [span])
        position = match.end()
    tokens.extend(_jieba().lcut(title[position:], HMM=False))
    return [token for token in tokens if token]


def boundaries(title: str, capacity: float = math.inf) -> set[int]:
    """Character offsets at which the title may be broken into lines of `capacity` characters."""
    offsets: set[int] = set()
    position = 0
    for token in _tokens(title, capacity)[:-1]:
        position += len(token)
        if title[position] not in _NO_LINE_START and title[position - 1] not in _NO_LINE_END:
            offsets.add(position)
    return offsets


def break_title(title: str, capacity: float) -> list[str]:
    """The title as lines of at most `capacity` full-width characters, broken only at word
    boundaries: the fewest lines, then the most even ones. One line when it fits, or when no
    break at a word boundary makes every line fit (the application then breaks it itself)."""
    if display_width(title) <= capacity:
        return [title]
    cuts = sorted(boundaries(title, capacity))
    best: tuple[tuple[int, float], list[str]] | None = None
    # Few lines and few candidate cuts (a title has at most a few dozen characters): try them all.
    for count in range(2, 5):
        for chosen in combinations(cuts, count - 1):
            edges = [0, *chosen, len(title)]
            lines = [title[a:b] for a, b in zip(edges, edges[1:], strict=False)]
            widths = [display_width(line) for line in lines]
            if max(widths) > capacity:
                continue
            unevenness = max(widths) - min(widths)
            if any(line.endswith(_PREFERRED_AFTER) for line in lines[:-1]):
                unevenness -= 2
            key = (count, unevenness)
            if best is None or key < best[0]:
                best = (key, lines)
        if best is not None:
            return best[1]
    return [title]

