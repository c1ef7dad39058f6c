"""The files a build writes: one table of each file's name, writer, graph reader and RDF serialisation.

Everything that lists output files derives it from :data:`FORMATS`: the writers of a build
(graphkit.pipeline), what ``read_graph`` and ``read_rdf`` accept (graphkit.load), what
``validate`` and ``query`` read in an output directory (graphkit.validate, graphkit.query).
Writers and readers are named as ``"module:function"`` inside graphkit and imported only when
used, so reading this table loads no exporter.

>>> [f.name for f in FORMATS if f.rdf]
['graph.ttl', 'graph.jsonld', 'graph.nt', 'graph.nq']
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from importlib import import_module
from pathlib import PurePath


@dataclass(frozen=True, slots=True)
class Format:
    """One file of the output set."""

    name: str  # file name in the output directory
    writer: str  # "module:function" in graphkit that writes G to a path or open file
    rdf: str | None = None  # rdflib serialisation name, for RDF files
    reader: str | None = None  # "module:function" that reads the file back into the networkx graph
    excel_safe: bool = False  # a CSV table whose writer takes excel_safe

    @property
    def suffix(self) -> str:
        return PurePath(self.name).suffix

    def write_function(self, excel_safe: bool = False) -> Callable:
        """The writer, imported; CSV writers get ``excel_safe`` (graphkit.export.tables)."""
        function = _function(self.writer)
        return partial(function, excel_safe=excel_safe) if self.excel_safe else function

    def read_function(self) -> Callable:
        if self.reader is None:
            raise ValueError(f"{self.name} is not read back as a graph; read one of {', '.join(GRAPH_READERS)}")
        return _function(self.reader)


# In the order a build writes them (and ``--verbose`` lists them).
FORMATS: tuple[Format, ...] = (
    Format("graph.ttl", "export.rdf:write_turtle", rdf="turtle", reader="export.rdf_read:read_turtle"),
    Format("graph.jsonld", "export.rdf:write_jsonld", rdf="json-ld", reader="export.rdf_read:read_jsonld"),
    Format("graph.graphml", "export.graphml:write_graphml"),
    Format("graph.html", "display:write_display_html"),
    Format("relations.csv", "export.tables:write_relations_csv", excel_safe=True),
    Format("actors.csv", "export.tables:write_actors_csv", excel_safe=True),
    Format("graph.nt", "export.ntriples:write_ntriples", rdf="nt"),
    Format("graph.nq", "export.ntriples:write_nquads", rdf="nquads"),
    Format("graph.gexf", "export.gexf:write_gexf"),
    Format("graph.json", "export.nodelink:write_node_link"),
    Format("events.csv", "export.tables:write_events_csv", excel_safe=True),
)
BY_NAME = {f.name: f for f in FORMATS}

OUTPUT_FILES = tuple(f.name for f in FORMATS)
# The file an incremental build reads and verifies against the manifest (graphkit.outputs).
STORED_GRAPH = "graph.ttl"
# suffix -> rdflib serialisation, for every RDF file graphkit writes (read_rdf, validate, query)
RDF_FORMATS = {f.suffix: f.rdf for f in FORMATS if f.rdf}
RDF_FILES = tuple(f.name for f in FORMATS if f.rdf)
# suffix -> format, for the files read_graph reads back into networkx; a directory through the first it holds
GRAPH_READERS = {f.suffix: f for f in FORMATS if f.reader}
GRAPH_FILES = tuple(f.name for f in FORMATS if f.reader)


def writers(excel_safe: bool = False) -> dict[str, Callable]:
    """{file name: writer(G, path)} for the whole output set, in :data:`FORMATS` order."""
    return {f.name: f.write_function(excel_safe) for f in FORMATS}


def _function(reference: str) -> Callable:
    module, name = reference.split(":")
    return getattr(import_module(f"{__package__}.{module}"), name)
