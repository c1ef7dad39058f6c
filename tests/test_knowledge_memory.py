"""Memory of large user actor lists (issue 17): bounded by peak RSS in a subprocess, and structurally."""

from __future__ import annotations

import csv
import subprocess
import sys

import spacy
from spacy.tokens import Doc

from graphkit.nlp import _drop_pattern_docs

_MEASURE = """
import resource, sys
from graphkit.knowledge import load_knowledge_base
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
kb = load_knowledge_base([sys.argv[1]])
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(len(kb), (after - before) * 1024)
"""


def _synthetic_csv(path, n: int) -> None:
    """``n`` made-up actors with aliases, an acronym or surname, and some roles."""
    syllables = ["ka", "lo", "mi", "ren", "tas", "vo", "zu", "bel", "dor", "fin", "gar", "hul"]

    def word(i: int) -> str:
        out = ""
        while True:
            out += syllables[i % 12]
            i //= 12
            if not i:
                return out.capitalize()

    types = ["Person", "Organization", "ArmedForce", "NonStateArmedGroup"]
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["label", "type", "aliases", "country", "affiliation", "wikidata", "role", "role_start", "role_end"])
        for i in range(n):
            kind = types[i % 4]
            label = f"Zarq {word(i)} Velt" if kind != "Person" else f"Zarq {word(i)}"
            aliases = f"Orv {word(i)}ov|Ilm {word(i)}ix|{word(i).upper()}Q"
            role = "Foreign Minister" if kind == "Person" and i % 3 == 0 else ""
            writer.writerow([label, kind, aliases, "FRA", "", "", role, "2021-01-01" if role else "", ""])


def test_large_actor_list_peak_memory_is_bounded(tmp_path):
    # 20,000 actors, about 1.8 MB. Loading (with the built-in lists) measured about 30 times the
    # file size above the import on the 17 MB list; the bound is generous to stay deterministic.
    path = tmp_path / "actors.csv"
    _synthetic_csv(path, 20_000)
    size = path.stat().st_size
    result = subprocess.run([sys.executable, "-c", _MEASURE, str(path)], capture_output=True, text=True, check=True)
    actors, delta = map(int, result.stdout.split())
    assert actors > 20_000
    assert delta < 40 * size + 150 * 2**20, f"peak RSS grew {delta / 2**20:.0f} MiB for a {size / 2**20:.1f} MiB list"


def test_actor_rulers_keep_pattern_text_not_docs():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "ORTH", "validate": False})
    patterns = [{"label": "ORG", "pattern": "Zarq Velt", "id": "x:1"}, {"label": "PERSON", "pattern": "Orv Mi", "id": "x:2"}]
    ruler.add_patterns(patterns)
    before = ruler.patterns
    _drop_pattern_docs(ruler)
    assert not any(isinstance(p, Doc) for ps in ruler.phrase_patterns.values() for p in ps)
    assert ruler.patterns == before and len(ruler) == 2
    doc = nlp("Then Zarq Velt met Orv Mi.")
    assert [(e.text, e.label_, e.ent_id_) for e in doc.ents] == [("Zarq Velt", "ORG", "x:1"), ("Orv Mi", "PERSON", "x:2")]
