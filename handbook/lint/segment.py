"""Word segmentation for the wording rules: jieba's dictionary plus the site's glossary terms.

The segmenter is rjieba (the binding of jieba-rs), used without the HMM for unknown words, so
that it yields exactly the tokens of `jieba.cut(text, HMM=False)` with the same dictionary, 20
to 30 times faster; jieba-wasm in a browser is the same jieba-rs and segments alike. The
glossary's terms and aliases are added with handbook.jieba_dict.FREQUENCY, as for the search
index, so a term is one token.

`tokens(text)` segments a whole text at once and returns the token boundaries; a list entry of
data/wording.yml is a word of a sentence when no token crosses its first or its last boundary
(`straddles`): 法定婚龄 is 法定|婚龄, so 定婚 in it straddles two words and is no finding.
"""

from __future__ import annotations

from bisect import bisect_right
from functools import cache, cached_property
from itertools import accumulate


@cache
def segmenter():  # noqa: ANN201 - rjieba.Jieba has no type stubs
    import rjieba

    from handbook import jieba_dict

    engine = rjieba.Jieba()
    try:
        words = jieba_dict.words()
    except Exception:  # noqa: BLE001 - a broken glossary is reported by the data checks
        words = []
    for word in words:
        engine.add_word(word, jieba_dict.FREQUENCY, "n")
    return engine


def cut(text: str) -> list[str]:
    """jieba's tokens of `text` (no HMM), with the glossary terms as words."""
    return segmenter().cut(text, False)


class Tokens:
    """The tokens of a text and their offsets: `ends[i]` is where token i ends."""

    def __init__(self, text: str) -> None:
        self.words = cut(text) if text else []

    @cached_property
    def ends(self) -> list[int]:
        # Most texts never need them (no listed form, no suspect): made on first use.
        return list(accumulate(map(len, self.words)))

    def index_at(self, offset: int) -> int:
        """The token that holds character `offset`."""
        return bisect_right(self.ends, offset)

    def start_of(self, index: int) -> int:
        return self.ends[index - 1] if index else 0

    def is_boundary(self, offset: int) -> bool:
        """Whether a token starts (or the text ends) at `offset`."""
        if offset <= 0:
            return True
        index = self.index_at(offset - 1)
        return index >= len(self.ends) or self.ends[index] == offset

    def straddles(self, start: int, end: int) -> bool:
        """Whether text[start:end] begins or ends inside a token (so it is not a word there)."""
        return not (self.is_boundary(start) and self.is_boundary(end))
