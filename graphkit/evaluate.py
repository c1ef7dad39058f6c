"""Score extraction against gold passages (../shared/GOLD_FORMAT.md): strict, root and pair
precision, recall and F1, a per-relation table, and actor recognition.

Matching, as GOLD_FORMAT.md defines it: an extracted endpoint is a gold actor when its ``label``,
``text``, ``country`` or ``affiliation`` equals the gold actor's name or one of its aliases,
ignoring case, punctuation and a leading "the"; label and text are tried before country and
affiliation, so "North Korean soldiers" is the armed forces, not the state. Symmetric relations
(meets, negotiates, fights, cooperates) are scored without direction. Duplicates within a
passage count once. Actor recognition compares the distinct actors found in a passage (their
label or any of their mention texts) with the passage's gold actors, places excluded.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .models import Article, Skipped

LEVELS = ("strict", "root", "pair")


@dataclass(frozen=True, slots=True)
class GoldPassage:
    id: str
    text: str
    date: str | None
    actors: list[dict]
    relations: list[dict]
    origin: str


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, predicted: set, gold: set) -> None:
        self.tp += len(predicted & gold)
        self.fp += len(predicted - gold)
        self.fn += len(gold - predicted)

    def as_dict(self) -> dict:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4), "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass
class PassageErrors:
    passage_id: str
    text: str
    missed: list[tuple]
    extra: list[tuple]


@dataclass
class EvaluationReport:
    scores: dict[str, Score] = field(default_factory=lambda: {level: Score() for level in LEVELS})
    per_relation: dict[str, Score] = field(default_factory=dict)
    actors: Score = field(default_factory=Score)
    modality: Counter = field(default_factory=Counter)  # "right" / "wrong" among strict matches
    passages: int = 0
    errors: list[PassageErrors] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "passages": self.passages,
            **{level: score.as_dict() for level, score in self.scores.items()},
            "actors": self.actors.as_dict(),
            "modality_accuracy": self.modality_accuracy,
            "per_relation": {name: score.as_dict() for name, score in sorted(self.per_relation.items())},
        }

    @property
    def modality_accuracy(self) -> float:
        total = self.modality["right"] + self.modality["wrong"]
        return round(self.modality["right"] / total, 4) if total else 0.0


def normalise(text: str | None) -> str:
    """Case, accents, punctuation and a leading "the" ignored: "The U.S." -> "us"."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    text = re.sub(r"['’]s\b", "", text)
    text = re.sub(r"[^\w\s]", "", text)
    text = re.sub(r"\s+", " ", text).strip()
    return text[4:] if text.startswith("the ") else text


def read_gold(path: str | Path) -> Iterator[GoldPassage | Skipped]:
    """Gold passages from a JSONL file; ``text_file`` is read relative to the gold file, then the cwd."""
    path = Path(path)
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            origin = f"{path}:{number}"
            try:
                entry = json.loads(line)
                _check_passage(entry)
                yield GoldPassage(entry["id"], _passage_text(entry, path), entry.get("date"), entry.get("actors", []), entry.get("relations", []), origin)
            except json.JSONDecodeError as error:
                yield Skipped(origin, f"malformed JSON: {error.msg} at column {error.colno}")
            except (KeyError, TypeError, ValueError) as error:
                yield Skipped(origin, f"malformed gold passage: {error}; see GOLD_FORMAT.md section 2")
            except OSError as error:
                yield Skipped(origin, f"cannot read text_file: {error}")


def _check_passage(entry: dict) -> None:
    if not isinstance(entry, dict) or "id" not in entry or not ({"text", "text_file"} & set(entry)):
        raise ValueError("a passage needs an id and a text (or text_file)")
    names = set()
    for actor in entry.get("actors", []):
        aliases = actor.get("aliases") or []
        if not isinstance(actor.get("name"), str) or not all(isinstance(a, str) for a in aliases):
            raise ValueError(f"actor {actor.get('name')!r}: name and every alias must be strings")
        names.add(actor["name"])
    for relation in entry.get("relations", []):
        for end in ("source", "target"):
            if relation.get(end) not in names:
                raise ValueError(f"relation {end} {relation.get(end)!r} is not among the passage's actors")


def _passage_text(entry: dict, gold_path: Path) -> str:
    if "text" in entry:
        return entry["text"]
    relative = Path(entry["text_file"])
    for base in (gold_path.parent, Path.cwd()):
        candidate = base / relative
        if candidate.exists():
            return candidate.read_text(encoding="utf-8")
    raise OSError(f"{entry['text_file']} not found next to {gold_path} or in the current directory")


def passage_article(passage: GoldPassage) -> Article | Skipped:
    """The passage as an article; texts with the plain-text header convention go through ingest."""
    from .ingest import parse_text

    article = parse_text(passage.text, passage.id, passage.origin)
    if isinstance(article, Skipped):
        return article
    return Article(article.doc_id, article.text, article.title, article.date or passage.date, None, passage.origin, article.metadata)


def _gold_names(actor: dict) -> set[str]:
    return {normalise(name) for name in [actor["name"], *(actor.get("aliases") or [])]}


class _ActorMatcher:
    def __init__(self, gold_actors: list[dict]):
        self.names = [(actor["name"], _gold_names(actor)) for actor in gold_actors]

    def match(self, candidates: list[str | None]) -> str | None:
        for candidate in candidates:
            key = normalise(candidate)
            for name, names in self.names:
                if key and key in names:
                    return name
        return None

    def endpoint(self, record: dict) -> str:
        first = self.match([record.get("label"), record.get("text")])
        found = first or self.match([record.get("country"), record.get("affiliation")])
        return found or f"?{record.get('label')}"


def _keys(relation: dict, level: str, symmetric: set[str], cameo: dict[str, str]) -> tuple:
    source, target, name = relation["source"], relation["target"], relation["relation"]
    if name in symmetric:
        source, target = sorted((source, target))
    if level == "strict":
        return (source, target, name, bool(relation.get("negated", False)))
    if level == "root":
        return (source, target, cameo.get(name, name))
    return (source, target)


def score_passage(report: EvaluationReport, passage: GoldPassage, records: list[dict], mention_texts: dict[str, set[str]], actor_labels: dict[str, str], vocabulary) -> None:
    matcher = _ActorMatcher(passage.actors)
    symmetric = {rel.name for rel in vocabulary if rel.symmetric}
    cameo = {rel.name: rel.cameo for rel in vocabulary}
    predicted = [
        {"source": matcher.endpoint(r["source"]), "target": matcher.endpoint(r["target"]), "relation": r["relation"], "negated": r["negated"], "modality": r["modality"]}
        for r in records
    ]
    gold = passage.relations
    for level in LEVELS:
        report.scores[level].add({_keys(p, level, symmetric, cameo) for p in predicted}, {_keys(g, level, symmetric, cameo) for g in gold})
    for name in {r["relation"] for r in predicted} | {g["relation"] for g in gold}:
        report.per_relation.setdefault(name, Score()).add(
            {_keys(p, "strict", symmetric, cameo) for p in predicted if p["relation"] == name},
            {_keys(g, "strict", symmetric, cameo) for g in gold if g["relation"] == name},
        )
    gold_modality = {_keys(g, "strict", symmetric, cameo): g.get("modality", "asserted") for g in gold}
    for p in predicted:
        key = _keys(p, "strict", symmetric, cameo)
        if key in gold_modality:
            report.modality["right" if gold_modality[key] == p["modality"] else "wrong"] += 1
    found_actors = {matcher.match([actor_labels[actor_id], *sorted(texts)]) or f"?{actor_labels[actor_id]}" for actor_id, texts in mention_texts.items()}
    # Places are listed in gold passages to say they are not actors: recall counts only actors.
    report.actors.add(found_actors, {actor["name"] for actor in passage.actors if actor.get("type") != "Location"})
    strict_predicted = {_keys(p, "strict", symmetric, cameo) for p in predicted}
    strict_gold = {_keys(g, "strict", symmetric, cameo) for g in gold}
    if strict_predicted != strict_gold:
        report.errors.append(PassageErrors(passage.id, passage.text, sorted(strict_gold - strict_predicted), sorted(strict_predicted - strict_gold)))


def evaluate(gold_path: str | Path, extractor) -> EvaluationReport:
    """Run ``extractor`` (a graphkit.pipeline.Extractor) over every gold passage and score it."""
    report = EvaluationReport()
    passages, articles = [], []
    for item in read_gold(gold_path):
        article = passage_article(item) if isinstance(item, GoldPassage) else item
        if isinstance(article, Skipped):
            report.skipped.append(article)
            continue
        passages.append(item)
        articles.append(article)
    for passage, result in zip(passages, extractor.process(articles)):
        mention_texts: dict[str, set[str]] = {}
        labels: dict[str, str] = {}
        for mention in result.mentions:
            mention_texts.setdefault(mention.actor.id, set()).add(mention.text)
            labels[mention.actor.id] = mention.actor.label
        records = [extractor.record(relation) for relation in result.relations]
        score_passage(report, passage, records, mention_texts, labels, extractor.vocabulary)
        report.passages += 1
    return report


def format_report(report: EvaluationReport, show_errors: bool = False, vocabulary=None) -> str:
    lines = [f"passages: {report.passages}"]
    for level in LEVELS:
        s = report.scores[level]
        lines.append(f"{level:<7} P={s.precision:.3f} R={s.recall:.3f} F1={s.f1:.3f}  (tp={s.tp} fp={s.fp} fn={s.fn})")
    a = report.actors
    lines.append(f"actors  P={a.precision:.3f} R={a.recall:.3f} F1={a.f1:.3f}  (tp={a.tp} fp={a.fp} fn={a.fn})")
    lines.append(f"modality accuracy on strict matches: {report.modality_accuracy:.3f}")
    lines.append("")
    lines.append(f"{'relation':<13} {'gold':>5} {'found':>5} {'tp':>4} {'P':>6} {'R':>6} {'F1':>6}")
    names = [rel.name for rel in vocabulary] if vocabulary is not None else sorted(report.per_relation)
    for name in names:
        s = report.per_relation.get(name, Score())
        lines.append(f"{name:<13} {s.tp + s.fn:>5} {s.tp + s.fp:>5} {s.tp:>4} {s.precision:>6.2f} {s.recall:>6.2f} {s.f1:>6.2f}")
    if show_errors:
        for errors in report.errors:
            lines.append("")
            lines.append(f"[{errors.passage_id}] {errors.text[:300]}")
            lines.extend(f"  missed: {_show(key)}" for key in errors.missed)
            lines.extend(f"  extra:  {_show(key)}" for key in errors.extra)
    for skipped in report.skipped:
        lines.append(f"skipped {skipped}")
    return "\n".join(lines)


def _show(key: tuple) -> str:
    source, target, relation, negated = key
    return f"{source} -{relation}{' (negated)' if negated else ''}-> {target}"
