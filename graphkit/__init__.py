"""graphkit: news articles in, a knowledge graph of geopolitical actors out.

>>> import graphkit                                    # doctest: +SKIP
>>> kg = graphkit.build(["examples/"])                 # doctest: +SKIP
>>> kg.graph.number_of_nodes(), kg.write("outputs/")   # doctest: +SKIP
"""

__version__ = "0.1.0"

# The library API, imported on first use so that `import graphkit` stays cheap (no spaCy).
_LAZY = {"build": "pipeline", "extract": "pipeline", "Extractor": "pipeline", "KnowledgeGraph": "pipeline"}
__all__ = ["__version__", *_LAZY]


def __getattr__(name: str):
    if name in _LAZY:
        from importlib import import_module

        return getattr(import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})
