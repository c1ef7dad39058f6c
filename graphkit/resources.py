"""Locate the data files under ontologies/, in a source checkout or an installed package."""

from __future__ import annotations

from pathlib import Path

_CHECKOUT = Path(__file__).resolve().parent.parent / "ontologies"


def ontology_file(name: str) -> Path:
    """Path of a file under ontologies/, e.g. ``ontology_file("relations.yaml")``."""
    if (_CHECKOUT / name).exists():
        return _CHECKOUT / name
    from importlib.resources import files

    return Path(str(files("graphkit.ontologies").joinpath(name)))
