"""The actor knowledge base: built-in lists, lookups, titles and dates, user lists, PETRARCH dictionaries."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from graphkit.knowledge import KnowledgeBase, load_knowledge_base, looks_like_petrarch, normalise_name
from graphkit.models import ACTOR_TYPES, actor_iri
from graphkit.resources import ontology_file

ROOT = Path(__file__).parents[1]
PETRARCH = ROOT.parent / "shared" / "dictionaries" / "petrarch"
needs_petrarch = pytest.mark.skipif(
    not (PETRARCH / "Phoenix.Countries.actors.txt").exists(),
    reason=f"PETRARCH dictionaries not found in {PETRARCH} (shared/ is beside the repository root)",
)


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_knowledge_base()


def labels(actors) -> list[str]:
    return [actor.label for actor in actors]


# ---------------------------------------------------------------- names


@pytest.mark.parametrize(("text", "expected"), [
    ("U.S.", "us"),
    ("the United States", "united states"),
    ("The Kremlin", "kremlin"),
    ("Russia's", "russia"),
    ("Russia\u2019s", "russia"),
    ("Kim Jong-un", "kim jong un"),
    ("Türkiye", "turkiye"),
    ("Gideon Sa'ar", "gideon saar"),
    ("  North   Koreans ", "north koreans"),
    ("Côte d'Ivoire", "cote divoire"),
])
def test_normalise_name(text, expected):
    assert normalise_name(text) == expected


# ---------------------------------------------------------------- built-in states


def states(kb):
    return [a for a in kb.actors() if a.type == "State"]


def test_every_un_member_state_is_present_once(kb):
    members = [a for a in states(kb) if kb.details(a).un_status == "member"]
    iso3 = [kb.details(a).iso3 for a in members]
    assert len(members) == 193
    assert len(set(iso3)) == 193
    assert all(re.fullmatch(r"[A-Z]{3}", code) for code in iso3)


@pytest.mark.parametrize(("iso3", "label", "status"), [
    ("USA", "United States", "member"),
    ("RUS", "Russia", "member"),
    ("CHN", "China", "member"),
    ("GBR", "United Kingdom", "member"),
    ("PRK", "North Korea", "member"),
    ("KOR", "South Korea", "member"),
    ("IRN", "Iran", "member"),
    ("SYR", "Syria", "member"),
    ("VNM", "Vietnam", "member"),
    ("LAO", "Laos", "member"),
    ("BOL", "Bolivia", "member"),
    ("VEN", "Venezuela", "member"),
    ("TZA", "Tanzania", "member"),
    ("MDA", "Moldova", "member"),
    ("CZE", "Czech Republic", "member"),
    ("TUR", "Turkey", "member"),
    ("CIV", "Ivory Coast", "member"),
    ("COD", "Democratic Republic of Congo", "member"),
    ("SSD", "South Sudan", "member"),
    ("VAT", "Vatican", "observer"),
    ("PSE", "Palestine", "observer"),
    ("TWN", "Taiwan", "disputed"),
    ("XKX", "Kosovo", "disputed"),
    ("ESH", "Western Sahara", "disputed"),
    ("XNC", "Northern Cyprus", "disputed"),
    ("XAB", "Abkhazia", "disputed"),
    ("XSO", "South Ossetia", "disputed"),
    ("XTR", "Transnistria", "disputed"),
    ("XSL", "Somaliland", "disputed"),
])
def test_states_by_iso3(kb, iso3, label, status):
    state = kb.state(iso3)
    assert state.label == label
    assert state.type == "State" and state.country == iso3
    assert kb.details(state).un_status == status


@pytest.mark.parametrize(("iso3", "qid"), [
    ("USA", "Q30"), ("RUS", "Q159"), ("CHN", "Q148"), ("UKR", "Q212"), ("PRK", "Q423"), ("KOR", "Q884"),
    ("GBR", "Q145"), ("FRA", "Q142"), ("DEU", "Q183"), ("IRN", "Q794"), ("ISR", "Q801"), ("JPN", "Q17"),
    ("IND", "Q668"),
])
def test_wikidata_ids_of_major_states(kb, iso3, qid):
    assert kb.state(iso3).wikidata == qid


def test_wikidata_ids_are_q_ids_or_missing(kb):
    assert all(a.wikidata is None or re.fullmatch(r"Q[1-9][0-9]*", a.wikidata) for a in kb.actors())


def test_states_json_is_what_the_generator_writes():
    for library in ("pycountry", "countryinfo", "country_converter"):
        pytest.importorskip(library, reason=f"{library} is needed only to regenerate states.json")
    import importlib.util

    spec = importlib.util.spec_from_file_location("build_actor_kb", ROOT / "scripts" / "build_actor_kb.py")
    generator = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generator)
    assert generator.render(generator.build()) == ontology_file("actors/states.json").read_text(encoding="utf-8")


# ---------------------------------------------------------------- lookups


@pytest.mark.parametrize(("name", "label"), [
    ("USA", "United States"),
    ("U.S.", "United States"),
    ("US", "United States"),
    ("the United States", "United States"),
    ("United States of America", "United States"),
    ("America", "United States"),
    ("Washington", "United States"),
    ("the White House", "United States"),
    ("the Kremlin", "Russia"),
    ("Moscow", "Russia"),
    ("Russian Federation", "Russia"),
    ("DPRK", "North Korea"),
    ("Pyongyang", "North Korea"),
    ("Republic of Korea", "South Korea"),
    ("ROK", "South Korea"),
    ("the Blue House", "South Korea"),
    ("UK", "United Kingdom"),
    ("Britain", "United Kingdom"),
    ("Great Britain", "United Kingdom"),
    ("Downing Street", "United Kingdom"),
    ("the Elysee", "France"),
    ("Zhongnanhai", "China"),
    ("Beijing", "China"),
    ("Kyiv", "Ukraine"),
    ("Kiev", "Ukraine"),
    ("Tehran", "Iran"),
    ("Türkiye", "Turkey"),
    ("Turkiye", "Turkey"),
    ("Palestinian territories", "Palestine"),
    ("Holy See", "Vatican"),
    ("Congo", "Democratic Republic of Congo"),
    ("Brussels", "European Union"),
    ("NATO", "NATO"),
    ("U.N.", "United Nations"),
    ("Security Council", "UN Security Council"),
    ("IAEA", "International Atomic Energy Agency"),
    ("Pentagon", "Pentagon"),
    ("South Korean secret service", "National Intelligence Service"),
    ("GUR", "GUR"),
    ("IRGC", "Islamic Revolutionary Guard Corps"),
    ("Ansar Allah", "Houthis"),
    ("Daesh", "Islamic State"),
    ("PMC Wagner", "Wagner Group"),
    ("HTS", "Hayat Tahrir al-Sham"),
    ("Volodymyr Zelenskyy", "Volodymyr Zelensky"),
    ("Selenskyj", "Volodymyr Zelensky"),
    ("Kim Jong-un", "Kim Jong Un"),
    ("Yoon Suk-yeol", "Yoon Suk Yeol"),
    ("Vassily Nebenzia", "Vasily Nebenzya"),
    ("Recep Tayyip Erdogan", "Recep Tayyip Erdoğan"),
])
def test_lookup(kb, name, label):
    assert labels(kb.lookup(name))[0] == label


@pytest.mark.parametrize("name", ["Atlantis", "", "the", "Korea"])
def test_lookup_of_unknown_names_is_empty(kb, name):
    assert kb.lookup(name) == []


@pytest.mark.parametrize(("word", "label"), [
    ("North Korean", "North Korea"),
    ("North Koreans", "North Korea"),
    ("American", "United States"),
    ("Americans", "United States"),
    ("British", "United Kingdom"),
    ("French", "France"),
    ("Chinese", "China"),
    ("Ukrainians", "Ukraine"),
    ("Israelis", "Israel"),
    ("Saudi", "Saudi Arabia"),
    ("Filipinos", "Philippines"),
])
def test_state_for_demonym(kb, word, label):
    assert kb.state_for_demonym(word).label == label
    assert kb.demonyms[normalise_name(word)].label == label


@pytest.mark.parametrize("word", ["Korean", "Congolese", "Martian"])
def test_ambiguous_or_unknown_demonyms_name_no_state(kb, word):
    assert kb.state_for_demonym(word) is None


@pytest.mark.parametrize(("iso3", "demonym"), [
    ("PRK", "North Korean"), ("GBR", "British"), ("USA", "American"), ("CHE", "Swiss"), ("COD", None),
])
def test_demonym_of_a_state_is_its_adjective(kb, iso3, demonym):
    assert kb.demonym_of(kb.state(iso3)) == demonym


def test_actors_by_id(kb, tmp_path):
    russia = kb.state("RUS")
    assert kb.by_id(russia.id) is russia and kb.is_known(russia)
    assert kb.by_id("https://w3id.org/graphkit/actor/state/atlantis") is None


def test_state_codes_ignore_case(kb):
    assert kb.state("usa") is kb.state("USA")
    assert kb.state("XXX") is None


@pytest.mark.parametrize(("surname", "expected"), [
    ("Blinken", ["Antony Blinken"]),
    ("Zelenskyy", ["Volodymyr Zelensky"]),
    ("von der Leyen", ["Ursula von der Leyen"]),
    ("Xi", ["Xi Jinping"]),
])
def test_people_with_surname(kb, surname, expected):
    assert labels(kb.people_with_surname(surname)) == expected


def test_people_sharing_a_surname_are_all_returned(kb):
    assert {"Kim Jong Un", "Kim Yo Jong"} <= set(labels(kb.people_with_surname("Kim")))


# ---------------------------------------------------------------- titles and dates


@pytest.mark.parametrize(("text", "canonical"), [
    ("Secretary of State", "Secretary of State"),
    ("US Secretary of State", "Secretary of State"),
    ("U.S. Secretary of State", "Secretary of State"),
    ("Minister of Foreign Affairs", "Foreign Minister"),
    ("Foreign Secretary", "Foreign Minister"),
    ("Russia's foreign minister", "Foreign Minister"),
    ("top diplomat", "Foreign Minister"),
    ("Defense Secretary", "Defence Minister"),
    ("Secretary of Defense", "Defence Minister"),
    ("Permanent Representative", "UN Ambassador"),
    ("Russian Ambassador to the UN", "UN Ambassador"),
    ("President of Russia", "President"),
    ("Premier", "Prime Minister"),
    ("UN chief", "UN Secretary-General"),
    ("plumber", None),
    ("Ambassador to Iran", None),
    ("Russian ambassador", None),  # in wire copy as often the one in Washington as the one at the UN
])
def test_canonical_title(kb, text, canonical):
    assert kb.canonical_title(text) == canonical


@pytest.mark.parametrize(("text", "parsed"), [
    ("North Korean Foreign Minister", ("Foreign Minister", "PRK")),
    ("President of Ukraine", ("President", "UKR")),
    ("German Chancellor", ("Chancellor", "DEU")),
    ("Chancellor", ("Chancellor", None)),
])
def test_parse_title_reads_the_country(kb, text, parsed):
    assert kb.parse_title(text) == parsed


@pytest.mark.parametrize(("title", "country", "date", "expected"), [
    ("Secretary of State", "USA", "2024-10-31", ["Antony Blinken"]),
    ("Secretary of State", "USA", "2025-03-01", ["Marco Rubio"]),
    ("US Secretary of State", None, "2020-06-01", ["Mike Pompeo"]),
    ("top diplomat", "USA", "2024-10-31", ["Antony Blinken"]),
    ("top diplomat", "Russia", "2024-10-31", ["Sergey Lavrov"]),
    ("President", "USA", "2019-06-01", ["Donald Trump"]),
    ("President", "USA", "2022-01-01", ["Joe Biden"]),
    ("President", "USA", "2025-06-01", ["Donald Trump"]),
    ("President", "RUS", "2010-01-01", ["Dmitry Medvedev"]),
    ("President", "RUS", "2024-10-31", ["Vladimir Putin"]),
    ("President", "Ukraine", "2024-10-31", ["Volodymyr Zelensky"]),
    ("Defense Secretary", "USA", "2023-01-01", ["Lloyd Austin"]),
    ("Secretary of Defense", "USA", "2025-03-01", ["Pete Hegseth"]),
    ("Defence Minister", "RUS", "2023-01-01", ["Sergei Shoigu"]),
    ("Defence Minister", "RUS", "2024-10-31", ["Andrei Belousov"]),
    ("UN Ambassador", "RUS", "2024-10-31", ["Vasily Nebenzya"]),
    ("Chancellor", "Germany", "2024-01-01", ["Olaf Scholz"]),
    ("Chancellor", "DEU", "2025-06-01", ["Friedrich Merz"]),
    ("Prime Minister", "GBR", "2021-01-01", ["Boris Johnson"]),
    ("Prime Minister", "GBR", "2022-10-01", ["Liz Truss"]),
    ("Prime Minister", "GBR", "2023-01-01", ["Rishi Sunak"]),
    ("Prime Minister", "GBR", "2025-01-01", ["Keir Starmer"]),
    ("Foreign Secretary", "GBR", "2024-10-31", ["David Lammy"]),
    ("Supreme Leader", "North Korea", "2024-10-31", ["Kim Jong Un"]),
    ("NATO Secretary General", None, "2023-01-01", ["Jens Stoltenberg"]),
    ("NATO Secretary General", None, "2025-01-01", ["Mark Rutte"]),
])
def test_holders_on_a_date(kb, title, country, date, expected):
    assert labels(kb.holders(title, country, date)) == expected


def test_holders_without_a_date_are_those_in_office_now(kb):
    assert labels(kb.holders("President", "USA")) == ["Donald Trump"]


def test_holders_on_a_handover_day_are_both_most_recent_first(kb):
    assert labels(kb.holders("Chancellor", "DEU", "2025-05-06")) == ["Friedrich Merz", "Olaf Scholz"]


def test_built_in_roles_use_canonical_titles_and_iso_dates(kb):
    canonical = set(yaml.safe_load(ontology_file("actors/titles.yaml").read_text(encoding="utf-8"))["titles"])
    for actor in kb.actors():
        for role in actor.roles:
            assert role.title in canonical, (actor.label, role)
            for date in (role.start, role.end):
                assert date is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", date), (actor.label, role)
            assert role.start is None or role.end is None or role.start <= role.end, (actor.label, role)


# ---------------------------------------------------------------- fuzzy people


@pytest.mark.parametrize(("name", "label"), [
    ("Nebensky", "Vasily Nebenzya"),
    ("Nebenzja", "Vasily Nebenzya"),
    ("Selenskij", "Volodymyr Zelensky"),
    ("Stoltenburg", "Jens Stoltenberg"),
    ("Antony Blinkin", "Antony Blinken"),
    ("Volodymyr Zelenskiy", "Volodymyr Zelensky"),
    ("Xi", "Xi Jinping"),
])
def test_fuzzy_person(kb, name, label):
    assert kb.fuzzy_person(name).label == label


@pytest.mark.parametrize("name", ["Kim", "Smith", "Blinkinson", "Li", "", "James Comey"])  # Comey is not Representative James Comer
def test_fuzzy_person_finds_no_one_when_unsure(kb, name):
    assert kb.fuzzy_person(name) is None


def test_fuzzy_person_never_merges_two_known_people(tmp_path):
    people = tmp_path / "people.yaml"
    people.write_text(
        "- {label: Sergei Ivanov, type: Person, country: RUS}\n"
        "- {label: Sergey Ivanov, type: Person, country: UKR}\n", encoding="utf-8")
    kb = load_knowledge_base([people])
    assert kb.fuzzy_person("Sergej Ivanov") is None  # as close to one as to the other
    assert kb.fuzzy_person("Sergei Ivanov").country == "RUS"  # an exact spelling still decides


# ---------------------------------------------------------------- the actors themselves


def test_actor_ids_are_iris_of_type_and_label(kb):
    actors = list(kb.actors())
    assert all(a.id == actor_iri(a.type, a.label) for a in actors)
    assert len({a.id for a in actors}) == len(actors)
    assert all(a.type in ACTOR_TYPES for a in actors)


def test_actors_come_in_a_stable_order(kb, tmp_path):
    empty = tmp_path / "empty.yaml"
    empty.write_text("[]\n", encoding="utf-8")
    rebuilt = load_knowledge_base([empty])  # a fresh build, not the cached one
    assert rebuilt is not kb
    assert list(kb.actors()) == sorted(kb.actors(), key=lambda a: a.id) == list(rebuilt.actors())


def test_aliases_are_sorted_and_exclude_the_label(kb):
    for actor in kb.actors():
        assert list(actor.aliases) == sorted(actor.aliases, key=lambda a: (a.casefold(), a))
        assert actor.label not in actor.aliases


@pytest.mark.parametrize(("label", "country", "affiliation"), [
    ("Antony Blinken", "USA", "United States"),
    ("National Intelligence Service", "KOR", "South Korea"),
    ("Islamic Revolutionary Guard Corps", "IRN", "Iran"),
    ("Ursula von der Leyen", None, "European Union"),
    ("Wagner Group", "RUS", "Russia"),
])
def test_country_and_affiliation(kb, label, country, affiliation):
    actor = kb.lookup(label)[0]
    assert (actor.country, actor.affiliation) == (country, affiliation)


def test_capitals_and_metonyms_are_aliases_of_their_state_demonyms_are_not(kb):
    # issue 14: search and `view --actor Pyongyang` find the state by its capital
    russia = kb.state("RUS")
    assert "Moscow" in kb.details(russia).metonyms and {"Moscow", "Kremlin"} <= set(russia.aliases)
    assert "Pyongyang" in kb.state("PRK").aliases
    assert "Brussels" not in kb.state("BEL").aliases  # Brussels stands for the EU (states_extra.yaml)
    assert "Russians" in kb.details(russia).demonyms and "Russians" not in russia.aliases
    assert ("the Kremlin", russia) in set(kb.surface_forms())


def test_the_default_knowledge_base_is_built_once():
    assert load_knowledge_base() is load_knowledge_base()


# ---------------------------------------------------------------- user lists


CSV_LIST = """label,type,aliases,country,affiliation,wikidata,role,role_start,role_end
Azov Brigade,ArmedForce,Azov|Azov Regiment,UKR,Ukraine,,,,
Jane Doe,Person,J. Doe,EST,,,Foreign Minister,2030-01-01,
Jane Doe,Person,,EST,,,Prime Minister,2031-01-01,2032-01-01
Antony Blinken,Person,Tony B.,USA,,,,,
Nebenzia,Person,Vassily N.,,,,,,
"""

YAML_LIST = """
- label: Azov Brigade
  type: ArmedForce
  aliases: [Azov, Azov Regiment]
  country: Ukraine
- label: Jane Doe
  type: Person
  aliases: [J. Doe]
  country: EST
  roles:
    - {title: Minister of Foreign Affairs, start: 2030-01-01, end: null}
    - {title: Prime Minister, start: 2031-01-01, end: 2032-01-01}
- label: Antony Blinken
  type: Person
  aliases: [Tony B.]
- label: Nebenzia
  type: Person
  aliases: [Vassily N.]
"""

JSON_LIST = json.dumps([
    {"label": "Azov Brigade", "type": "ArmedForce", "aliases": ["Azov", "Azov Regiment"], "country": "UKR"},
    {"label": "Jane Doe", "type": "Person", "aliases": ["J. Doe"], "country": "EST",
     "roles": [{"title": "Foreign Minister", "start": "2030-01-01", "end": None},
               {"title": "Prime Minister", "start": "2031-01-01", "end": "2032-01-01"}]},
    {"label": "Antony Blinken", "type": "Person", "aliases": ["Tony B."]},
    {"label": "Nebenzia", "type": "Person", "aliases": ["Vassily N."]},
])


@pytest.mark.parametrize(("name", "text"), [
    ("actors.csv", CSV_LIST),
    ("actors.yaml", YAML_LIST),
    ("actors.json", JSON_LIST),
])
def test_user_lists_add_actors_and_extend_known_ones(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    kb = load_knowledge_base([path])
    builtin = load_knowledge_base()
    assert len(kb) == len(builtin) + 2  # Azov Brigade and Jane Doe are new
    azov = kb.lookup("Azov Regiment")[0]
    assert (azov.label, azov.type, azov.country, azov.affiliation) == ("Azov Brigade", "ArmedForce", "UKR", "Ukraine")
    assert labels(kb.holders("Foreign Minister", "EST", "2030-06-01")) == ["Jane Doe"]
    assert labels(kb.holders("Prime Minister", "Estonia", "2031-06-01")) == ["Jane Doe"]
    assert labels(kb.lookup("Tony B.")) == ["Antony Blinken"]  # same label: extends the known actor
    assert labels(kb.lookup("Vassily N.")) == ["Vasily Nebenzya"]  # an alias of a known person: extends him
    blinken = kb.lookup("Antony Blinken")[0]
    assert blinken.roles == builtin.lookup("Antony Blinken")[0].roles
    assert kb.loaded[-1].added == 2 and kb.loaded[-1].merged == 2


def test_a_user_record_overrides_fields_of_the_actor_it_names(tmp_path):
    path = tmp_path / "override.yaml"
    path.write_text("- {label: Wagner Group, type: NonStateArmedGroup, affiliation: Russia, "
                    "wikidata: Q12345, aliases: [the Orchestra]}\n", encoding="utf-8")
    wagner = load_knowledge_base([path]).lookup("the Orchestra")[0]
    assert (wagner.label, wagner.affiliation, wagner.wikidata) == ("Wagner Group", "Russia", "Q12345")
    assert "PMC Wagner" in wagner.aliases


def test_user_lists_alone_without_the_built_in_ones(tmp_path):
    path = tmp_path / "only.json"
    path.write_text(json.dumps([{"label": "Azov Brigade", "type": "ArmedForce", "country": "UKR"}]), encoding="utf-8")
    kb = load_knowledge_base([path], builtin=False)
    assert labels(kb.actors()) == ["Azov Brigade"]


@pytest.mark.parametrize(("name", "text", "message"), [
    ("bad.yaml", "- {label: X, type: Militia}\n", "unknown actor type 'Militia'"),
    ("bad.yaml", "- {label: X, type: Person, alias: [Y]}\n", "unknown field(s) alias"),
    ("bad.json", '[{"label": "X", "type": "Person", "roles": [{"title": "President", "start": "May 2020"}]}]',
     "not an ISO date"),
    ("bad.csv", "name,type\nX,Person\n", "missing column(s) label"),
    ("bad.yaml", "- {label: X, type: Person, country: Narnia}\n", "unknown country 'Narnia'"),
    ("bad.txt", "just some text\n", "cannot read actor list"),
])
def test_bad_user_lists_say_what_to_fix(tmp_path, name, text, message):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match=re.escape(message)):
        load_knowledge_base([path])


def test_a_missing_user_list_is_reported(tmp_path):
    with pytest.raises(FileNotFoundError, match="not found"):
        load_knowledge_base([tmp_path / "nowhere.csv"])


# ---------------------------------------------------------------- PETRARCH dictionaries


SMALL_PETRARCH = """# a PETRARCH actor dictionary without the usual file name
FREEDONIA_  [FRD]
+FREEDONIAN_
RUFUS_T._FIREFLY_  # CountryInfo.txt
+FIREFLY_
\t[FRDGOV 330101-331231]
\t[FRDELI >340101]
UNITED_STATES_  [USA]
+YANKEE_LAND_
"""


def test_a_petrarch_dictionary_is_recognised_by_its_content(tmp_path):
    path = tmp_path / "marx.txt"
    path.write_text(SMALL_PETRARCH, encoding="utf-8")
    assert looks_like_petrarch(path)
    kb = load_knowledge_base([path])
    firefly = kb.lookup("Firefly")[0]
    assert (firefly.label, firefly.type, firefly.country) == ("Rufus T. Firefly", "Person", "FRD")
    assert labels(kb.holders("Government", "FRD", "1933-06-01")) == ["Rufus T. Firefly"]
    assert labels(kb.holders("Government", "FRD", "1935-06-01")) == []
    assert kb.lookup("Freedonia")[0].type == "State"
    assert labels(kb.lookup("Yankee Land")) == ["United States"]  # merged into the built-in state
    assert kb.loaded[-1].format == "petrarch"


@pytest.fixture(scope="module")
def phoenix() -> KnowledgeBase:
    return load_knowledge_base([PETRARCH / "Phoenix.Countries.actors.txt"])


@needs_petrarch
def test_phoenix_countries_loads_and_merges_into_built_in_actors(phoenix):
    assert len(phoenix) > 15_000
    assert labels(phoenix.lookup("United States of America")) == ["United States"]
    assert "Yankee Land" in phoenix.lookup("United States")[0].aliases
    assert labels(phoenix.lookup("Vladimir Putin")) == ["Vladimir Putin"]
    assert phoenix.state("USA") is phoenix.lookup("USA")[0]


@needs_petrarch
@pytest.mark.parametrize(("date", "in_office", "not_in_office"), [
    ("2009-01-01", "Gordon Brown", "David Cameron"),  # [GBRGOV 070627-20100711]
    ("2012-01-01", "David Cameron", "Gordon Brown"),  # [GBRGOV >201005011]: PETRARCH reads the first 8 digits
])
def test_phoenix_roles_apply_by_date(phoenix, date, in_office, not_in_office):
    holders = labels(phoenix.holders("Government", "GBR", date))
    assert in_office in holders
    assert not_in_office not in holders


@needs_petrarch
def test_petrarch_validation_dictionary_loads():
    kb = load_knowledge_base([PETRARCH / "PETR.Validate.actors.txt"])
    assert labels(kb.holders("Military", "HOB", "2009-01-01")) == ["Sam Gamgee"]
    assert set(labels(kb.holders("Government", "HOB", "2013-01-01"))) == {"Sam Gamgee", "Hamfast Gamgee"}
    assert labels(kb.lookup("Smeagol")) == ["Gollum"]
    assert kb.lookup("Arnor")[0].type == "State"
    assert labels(kb.lookup("United States")) == ["United States"]
    assert kb.loaded[-1].records > 100
