"""Print a corpus article for annotation: python scripts/show_article.py reuters-000746 [...]

Shows id, date, section, title and sha256, then the text one sentence a line with its character
offsets [start:end), so a gold record can point at its evidence without copying it.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from graphkit.gold import ArticleTexts, text_sha256  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpora" / "reuters_2016_2017.jsonl.gz"
# A rough sentence split, good enough to point at evidence: end punctuation, optional closing
# quote, then whitespace and an upper-case letter or an opening quote.
_BOUNDARY = re.compile(r"(?<=[.!?])[\"”’]?\s+(?=[A-Z“\"‘(])")
# A full stop after these is an abbreviation, not a sentence end ("the U.S. Senate").
_ABBREVIATION = re.compile(r"(\b[A-Z]\.[A-Z]\.|\b(?:Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov|Lt|Col|Maj|Capt|Sgt|St|Jr|No|Jan|Feb|Aug|Sept|Oct|Nov|Dec)\.)$")


def main() -> None:
    texts = ArticleTexts([CORPUS])
    for article_id in sys.argv[1:]:
        article = texts.get(article_id)
        if article is None:
            print(f"{article_id}: not in {CORPUS}")
            continue
        print(f"# {article.id}  {article.date}  sha256={text_sha256(article.text)}\n# {article.title}")
        start = 0
        boundaries = [m for m in _BOUNDARY.finditer(article.text) if not _ABBREVIATION.search(article.text[: m.start()])]
        for match in [*boundaries, None]:
            end = match.start() if match else len(article.text)
            sentence = article.text[start:end].strip()
            if sentence:
                offset = article.text.index(sentence, start)
                print(f"[{offset}:{offset + len(sentence)}] {sentence}")
            start = match.end() if match else end
        print()


if __name__ == "__main__":
    main()
