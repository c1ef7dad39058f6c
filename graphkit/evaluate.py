"""Score extraction against gold passages (../shared/GOLD_FORMAT.md): strict, root and pair
precision, recall and F1, a per-relation table, and actor recognition.

Matching, as GOLD_FORMAT.md defines it: an extracted endpoint is a gold actor when its ``label``,
``text``, ``country`` or ``affiliation`` equals the gold actor's name or one of its aliases,
ignoring case, punctuation and a leading "the"; label and text are tried before country and
affiliation, so "North Korean soldiers" is the armed forces, not the state. Symmetric relations
(meets, negotiates, fights, cooperates) are scored without direction. Duplicates within a
passage count once. Actor recognition compares the distinct actors found in a passage (their
label or any of their mention texts) with the passage's gold actors, places excluded.

Real-news gold records carry an article ``id`` and ``sha256`` instead of ``text``
(graphkit.gold); ``texts`` resolves them from a corpus, and a record that cannot be resolved is
skipped with a line that says why. Beyond the three levels the report gives precision per rule
(the extraction record's ``rule``), so a rule that is mostly wrong shows up, and precision by
confidence bucket, so ``--min-confidence`` can be chosen from evidence.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .gold import ArticleTexts, resolve_text
from .models import Article, Skipped

LEVELS = ("strict", "root", "pair")
# Lower edges of the confidence buckets; the last bucket includes 1.0.
CONFIDENCE_EDGES = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9)


@dataclass(frozen=True, slots=True)
class GoldPassage:
    id: str
    text: str
    date: str | None
    actors: list[dict]
    relations: list[dict]
    origin: str
    title: str | None = None
    from_corpus: bool = False  # text resolved by id from a corpus, read as a JSONL article would be


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
    missed: list[tuple[tuple, str | None]]  # (strict key, the gold evidence sentence)
    extra: list[tuple[tuple, str | None]]  # (strict key, rule, confidence and sentence of the record)


@dataclass
class EvaluationReport:
    scores: dict[str, Score] = field(default_factory=lambda: {level: Score() for level in LEVELS})
    per_relation: dict[str, Score] = field(default_factory=dict)
    per_rule: dict[str, Score] = field(default_factory=dict)  # strict tp/fp of the statements each rule produced
    by_confidence: dict[float, Score] = field(default_factory=dict)  # strict tp/fp by bucket's lower edge
    gold_total: int = 0
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
            "per_rule": {name: self._rule_dict(score) for name, score in sorted(self.per_rule.items())},
            "confidence": [self._bucket_dict(edge) for edge in CONFIDENCE_EDGES],
        }

    def _rule_dict(self, score: Score) -> dict:
        """A rule's precision, and its recall as the share of all gold relations it found."""
        return {"found": score.tp + score.fp, "tp": score.tp, "precision": round(score.precision, 4),
                "recall": round(score.tp / self.gold_total, 4) if self.gold_total else 0.0}

    def _bucket_dict(self, edge: float) -> dict:
        """Strict precision of the statements in one confidence bucket, and of all at or above it."""
        bucket = self.by_confidence.get(edge, Score())
        at_least = Score(sum(s.tp for e, s in self.by_confidence.items() if e >= edge), sum(s.fp for e, s in self.by_confidence.items() if e >= edge))
        return {"from": edge, "found": bucket.tp + bucket.fp, "precision": round(bucket.precision, 4),
                "found_at_least": at_least.tp + at_least.fp, "precision_at_least": round(at_least.precision, 4),
                "recall_at_least": round(at_least.tp / self.gold_total, 4) if self.gold_total else 0.0}

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


def read_gold(path: str | Path, texts: ArticleTexts | None = None) -> Iterator[GoldPassage | Skipped]:
    """Gold passages from a JSONL file; ``text_file`` is read relative to the gold file, then the cwd;
    a record with neither ``text`` nor ``text_file`` is an article of ``texts`` by id and sha256."""
    path = Path(path)
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            origin = f"{path}:{number}"
            try:
                entry = json.loads(line)
                _check_passage(entry)
                from_corpus = not ({"text", "text_file"} & set(entry))
                text = resolve_text(entry, texts) if from_corpus else _passage_text(entry, path)
                title = texts.get(entry["id"]).title if from_corpus else None
                yield GoldPassage(entry["id"], text, entry.get("date"), entry.get("actors", []), entry.get("relations", []), origin, title, from_corpus)
            except LookupError as error:
                yield Skipped(origin, f"cannot resolve the article: {error}")
            except json.JSONDecodeError as error:
                yield Skipped(origin, f"malformed JSON: {error.msg} at column {error.colno}")
            except (KeyError, TypeError, ValueError) as error:
                yield Skipped(origin, f"malformed gold passage: {error}; see GOLD_FORMAT.md section 2")
            except OSError as error:
                yield Skipped(origin, f"cannot read text_file: {error}")


def _check_passage(entry: dict) -> None:
    if not isinstance(entry, dict) or "id" not in entry or not ({"text", "text_file", "sha256"} & set(entry)):
        raise ValueError("a passage needs an id and a text (or text_file, or the sha256 of its article)")
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
    """The passage as an article; texts with the plain-text header convention go through ingest,
    corpus articles through the JSONL reader, as ``graphkit build corpus.jsonl`` reads them."""
    from .ingest import article_from_record, parse_text

    if passage.from_corpus:
        return article_from_record({"id": passage.id, "text": passage.text, "title": passage.title, "date": passage.date}, passage.origin, passage.id)

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


def matched_records(passage: GoldPassage, records: list[dict], vocabulary) -> list[dict]:
    """Each extraction record with its endpoints matched to the passage's gold actors, and its
    strict key; what scoring, per-rule figures and the confidence fit (scripts/) all judge."""
    matcher = _ActorMatcher(passage.actors)
    symmetric = {rel.name for rel in vocabulary if rel.symmetric}
    cameo = {rel.name: rel.cameo for rel in vocabulary}
    matched = []
    for r in records:
        p = {"source": matcher.endpoint(r["source"]), "target": matcher.endpoint(r["target"]), "relation": r["relation"], "negated": r["negated"],
             "modality": r["modality"], "rule": r.get("rule") or r.get("pattern") or "?", "confidence": r.get("confidence", 0.0)}
        p["key"] = _keys(p, "strict", symmetric, cameo)
        matched.append(p)
    return matched


def gold_keys(passage: GoldPassage, vocabulary) -> set[tuple]:
    """The strict keys of a passage's gold relations."""
    symmetric = {rel.name for rel in vocabulary if rel.symmetric}
    cameo = {rel.name: rel.cameo for rel in vocabulary}
    return {_keys(g, "strict", symmetric, cameo) for g in passage.relations}


def score_passage(
    report: EvaluationReport, passage: GoldPassage, records: list[dict], mention_texts: dict[str, set[str]], actor_labels: dict[str, str], vocabulary,
) -> None:
    symmetric = {rel.name for rel in vocabulary if rel.symmetric}
    cameo = {rel.name: rel.cameo for rel in vocabulary}
    predicted = matched_records(passage, records, vocabulary)
    gold = passage.relations
    gold_strict = {_keys(g, "strict", symmetric, cameo): g for g in gold}
    strict_gold = set(gold_strict)
    strict_predicted = {p["key"] for p in predicted}
    report.gold_total += len(strict_gold)
    _score_rules_and_confidence(report, predicted, strict_gold)
    for level in LEVELS:
        report.scores[level].add({_keys(p, level, symmetric, cameo) for p in predicted}, {_keys(g, level, symmetric, cameo) for g in gold})
    for name in {r["relation"] for r in predicted} | {g["relation"] for g in gold}:
        report.per_relation.setdefault(name, Score()).add(
            {p["key"] for p in predicted if p["relation"] == name},
            {key for key, g in gold_strict.items() if g["relation"] == name},
        )
    for p in predicted:
        if p["key"] in gold_strict:
            report.modality["right" if gold_strict[p["key"]].get("modality", "asserted") == p["modality"] else "wrong"] += 1
    matcher = _ActorMatcher(passage.actors)
    found_actors = {matcher.match([actor_labels[actor_id], *sorted(texts)]) or f"?{actor_labels[actor_id]}" for actor_id, texts in mention_texts.items()}
    # Places are listed in gold passages to say they are not actors: recall counts only actors.
    report.actors.add(found_actors, {actor["name"] for actor in passage.actors if actor.get("type") != "Location"})
    if strict_predicted != strict_gold:
        found = {}
        for p, record in zip(predicted, records, strict=True):
            found.setdefault(p["key"], f"[{p['rule']} {p['confidence']:.2f}] {record.get('sentence', '')}")
        missed = [(key, _evidence_text(passage.text, gold_strict[key].get("evidence"))) for key in sorted(strict_gold - strict_predicted)]
        extra = [(key, found[key]) for key in sorted(strict_predicted - strict_gold)]
        report.errors.append(PassageErrors(passage.id, passage.text, missed, extra))


def _score_rules_and_confidence(report: EvaluationReport, predicted: list[dict], gold: set) -> None:
    """Each distinct statement counts once per rule that produced it, and once at its highest confidence."""
    by_rule: dict[str, set] = {}
    best: dict[tuple, float] = {}
    for p in predicted:
        by_rule.setdefault(p["rule"], set()).add(p["key"])
        best[p["key"]] = max(best.get(p["key"], 0.0), p["confidence"])
    for rule, keys in by_rule.items():
        report.per_rule.setdefault(rule, Score()).add(keys, keys & gold)
    for key, value in best.items():
        edge = max((e for e in CONFIDENCE_EDGES if value >= e), default=CONFIDENCE_EDGES[0])
        report.by_confidence.setdefault(edge, Score()).add({key}, {key} & gold)


def evaluate(gold_path: str | Path, extractor, texts: ArticleTexts | None = None) -> EvaluationReport:
    """Run ``extractor`` (a graphkit.pipeline.Extractor) over every gold passage and score it;
    ``texts`` resolves records that name their article instead of carrying its text."""
    report = EvaluationReport()
    passages, articles = [], []
    for item in read_gold(gold_path, texts):
        article = passage_article(item) if isinstance(item, GoldPassage) else item
        if isinstance(article, Skipped):
            report.skipped.append(article)
            continue
        passages.append(item)
        articles.append(article)
    for passage, result in zip(passages, extractor.process(articles), strict=True):
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
        if not s.tp + s.fp + s.fn:  # neither in the gold nor found: no row
            continue
        lines.append(f"{name:<13} {s.tp + s.fn:>5} {s.tp + s.fp:>5} {s.tp:>4} {s.precision:>6.2f} {s.recall:>6.2f} {s.f1:>6.2f}")
    lines.append("")
    lines.append(f"{'rule':<32} {'found':>5} {'tp':>4} {'P':>6} {'R':>6}")
    rules = report.as_dict()["per_rule"]
    for name, row in sorted(rules.items(), key=lambda item: (-item[1]["found"], item[0])):
        lines.append(f"{name:<32} {row['found']:>5} {row['tp']:>4} {row['precision']:>6.2f} {row['recall']:>6.2f}")
    lines.append("")
    lines.append(f"{'confidence':<11} {'found':>5} {'P':>6}   {'at or above:':<12} {'found':>5} {'P':>6} {'R':>6}")
    for bucket in report.as_dict()["confidence"]:
        upper = next((e for e in CONFIDENCE_EDGES if e > bucket["from"]), 1.0)
        span = f"{bucket['from']:.1f}-{upper:.1f}"
        lines.append(f"{span:<11} {bucket['found']:>5} {bucket['precision']:>6.2f}   {'>= ' + format(bucket['from'], '.1f'):<12} "
                     f"{bucket['found_at_least']:>5} {bucket['precision_at_least']:>6.2f} {bucket['recall_at_least']:>6.2f}")
    if show_errors:
        for errors in report.errors:
            lines.append("")
            lines.append(f"[{errors.passage_id}] {errors.text[:300]}")
            for label, items in (("missed:", errors.missed), ("extra: ", errors.extra)):
                for key, where in items:
                    lines.append(f"  {label} {_show(key)}")
                    if where:
                        lines.append(f"          {where}")
    for skipped in report.skipped:
        lines.append(f"skipped {skipped}")
    return "\n".join(lines)


def format_summary(reports: list[tuple[str, EvaluationReport]]) -> str:
    """One line per gold file: passages, then strict, root and pair P/R/F1."""
    width = max(len(name) for name, _ in reports)
    lines = [f"{'summary':<{width}} {'passages':>8}  " + "  ".join(f"{level + ' P/R/F1':<20}" for level in LEVELS)]
    for name, report in reports:
        cells = "  ".join(f"{s.precision:.3f}/{s.recall:.3f}/{s.f1:.3f}".ljust(20) for s in (report.scores[level] for level in LEVELS))
        lines.append(f"{name:<{width}} {report.passages:>8}  {cells}")
    return "\n".join(lines)


def _evidence_text(text: str, span) -> str | None:
    """The sentence a gold relation points at with its ``evidence`` offsets, when it has them."""
    if isinstance(span, list) and len(span) == 2 and all(isinstance(i, int) for i in span):
        return " ".join(text[span[0]:span[1]].split())
    return None


def _show(key: tuple) -> str:
    source, target, relation, negated = key
    return f"{source} -{relation}{' (negated)' if negated else ''}-> {target}"


def annotator_agreement(pairs: list[tuple[dict, dict]], vocabulary) -> dict[str, Score]:
    """Strict, root and pair scores of a second annotator's records against the first's.

    Each pair is (first record, second record) of one article. The second annotator's actors are
    matched to the first's by name or alias, as an extractor's endpoints are; an actor the first
    did not list stays unmatched, so its relations count as disagreements.
    """
    symmetric = {rel.name for rel in vocabulary if rel.symmetric}
    cameo = {rel.name: rel.cameo for rel in vocabulary}
    scores = {level: Score() for level in LEVELS}
    for first, second in pairs:
        matcher = _ActorMatcher(first.get("actors", []))
        names = {actor["name"]: matcher.match([actor["name"], *(actor.get("aliases") or [])]) or f"?{actor['name']}" for actor in second.get("actors", [])}
        theirs = [{**relation, "source": names.get(relation["source"], relation["source"]), "target": names.get(relation["target"], relation["target"])}
                  for relation in second.get("relations", [])]
        for level in LEVELS:
            scores[level].add({_keys(r, level, symmetric, cameo) for r in theirs}, {_keys(r, level, symmetric, cameo) for r in first.get("relations", [])})
    return scores
