"""How well ``explorer.language.detect`` tells a text's language, and how fast (issue 19).

Real texts held on this machine: the Arabic news articles of ``seeds/`` and the dev sets (each
article and each passage), the mixed corpus ``tests/data/languages/``, and the translation
catalogs of the system (``/usr/share/locale/{fr,ar}/LC_MESSAGES/*.mo``: each English message
and its French or Arabic translation, interface sentences of at least ``--min-words`` words
once placeholders are taken out; ``iso_*`` catalogs, names of places and languages, left out).

    .venv/bin/python benchmarks/language_detect.py [--min-words 10] [--limit N]
"""

from __future__ import annotations

import argparse
import gettext
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from explorer.corpus import read_article  # noqa: E402
from explorer.language import detect  # noqa: E402

NEWS = [ROOT / "seeds", ROOT / "tests" / "data" / "devset", ROOT / "tests" / "data" / "devset2"]
LOCALE = Path("/usr/share/locale")
_PLACEHOLDER = re.compile(r"%[-#0-9.]*[a-zA-Z]|\{[^}]*\}|<[^>]+>|--?[a-z][a-z-]*")


def _say(name: str, found: Counter[str | None], want: str) -> None:
    total = sum(found.values())
    if not total:
        print(f"{name}: none held here")
        return
    wrong = {k: v for k, v in found.most_common() if k not in (want, None)}
    print(f"{name}: {total:,} texts, right {found[want] / total:.3f}, "
          f"none {found[None] / total:.3f}, wrong {sum(wrong.values()) / total:.3f} {wrong}")


def catalogs(min_words: int, limit: int) -> dict[str, Counter[str | None]]:
    out: dict[str, Counter[str | None]] = {"en": Counter(), "fr": Counter(), "ar": Counter()}
    seen: set[str] = set()
    for lang in ("fr", "ar"):
        for mo in sorted((LOCALE / lang / "LC_MESSAGES").glob("*.mo")):
            if mo.name.startswith("iso_"):
                continue
            try:
                with mo.open("rb") as fh:
                    catalog = gettext.GNUTranslations(fh)._catalog  # type: ignore[attr-defined]
            except (OSError, ValueError):
                continue
            for key, value in catalog.items():
                msgid = key[0] if isinstance(key, tuple) else key
                for text, code in ((value, lang), (msgid, "en")):
                    if not isinstance(text, str) or (code == "en" and text in seen):
                        continue
                    plain = _PLACEHOLDER.sub(" ", text)
                    if len(plain.split()) < min_words or sum(out[code].values()) >= limit:
                        continue
                    seen.add(text)
                    out[code][detect(plain)] += 1
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--min-words", type=int, default=10)
    ap.add_argument("--limit", type=int, default=1_000_000, help="texts per language at most")
    args = ap.parse_args()
    articles: Counter[str | None] = Counter()
    passages: Counter[str | None] = Counter()
    texts = []
    for folder in NEWS:
        for path in sorted(folder.glob("*.txt"))[: args.limit]:
            article = read_article(path, folder)
            texts.append(article.text)
            articles[article.language] += 1
            for p in article.passages:
                passages[detect(p.text)] += 1
    _say("Arabic news articles", articles, "ar")
    _say("their passages", passages, "ar")
    mixed = ROOT / "tests" / "data" / "languages"
    right = sum(read_article(p, mixed).language == p.name[:2] for p in mixed.glob("*.txt"))
    print(f"mixed corpus: {right}/{len(list(mixed.glob('*.txt')))} articles right")
    for code, found in catalogs(args.min_words, args.limit).items():
        _say(f"interface messages of {args.min_words}+ words, {code}", found, code)
    t0 = time.perf_counter()
    for text in texts:
        detect(text)
    spent = time.perf_counter() - t0
    print(f"speed: {spent / max(len(texts), 1) * 1e6:.0f} µs an article "
          f"({sum(map(len, texts)) / max(len(texts), 1):,.0f} characters on average)")


if __name__ == "__main__":
    main()
