"""The output directory: a lock, the whole set of files written at once, and the manifest that vouches for it.

* **Lock**: a build holds ``.graphkit.lock`` in the output directory (``flock``) from the
  moment it reads the stored graph until its files are in place; a second build into the same
  directory stops with one line instead of overwriting the first one's articles.
* **Atomic set**: every file is written into a staging directory beside the outputs
  (``.graphkit-staging-*``); only when all of them are written are they moved in, with
  ``.graphkit-incomplete`` present while they are moved and the manifest moved last. A writer
  that fails, a full disk or an interrupt before that point leaves the earlier set untouched;
  an interrupt during the moves leaves the marker, and the next incremental build refuses.
  Staging directories left by a killed build are removed when the next build takes the lock.
* **Manifest** (``graphkit-manifest.json``): the article ids with the SHA-256 of each text and
  where it was read from, the counts, and the SHA-256 and size of every file. An incremental
  build reads ``graph.ttl`` only when it matches its manifest.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

import networkx as nx

MANIFEST = "graphkit-manifest.json"
LOCK_FILE = ".graphkit.lock"
INCOMPLETE = ".graphkit-incomplete"
STAGING_PREFIX = ".graphkit-staging-"
MANIFEST_FORMAT = 1
# Temporary files of earlier graphkit versions and of check_writable.
_STALE_PATTERNS = (f"{STAGING_PREFIX}*", ".graph.*.tmp", ".relations.csv.*.tmp", ".actors.csv.*.tmp",
                   ".events.csv.*.tmp", ".graphkit-check-*")

_held: dict[Path, list] = {}  # directories this process holds the lock of: [fd, depth]


class OutputBusy(OSError):
    """Another build holds the output directory."""


class OutputError(OSError):
    """The set could not be written; the files already in the directory are left as they were."""


class StoredGraphError(ValueError):
    """The stored graph cannot be trusted for an incremental build."""


# ---------------------------------------------------------------- lock


@contextmanager
def output_lock(directory: str | os.PathLike) -> Iterator[Path]:
    """Hold the output directory for this build; re-entrant within one process."""
    path = Path(directory)
    path.mkdir(parents=True, exist_ok=True)
    key = path.resolve()
    if key in _held:
        _held[key][1] += 1
        try:
            yield path
        finally:
            _held[key][1] -= 1
        return
    fd = _acquire(path)
    _held[key] = [fd, 1]
    try:
        remove_stale(path)
        yield path
    finally:
        del _held[key]
        _release(path, fd)


def _acquire(path: Path) -> int:
    """Lock ``path/LOCK_FILE``; the file is removed on release, so retry if it was replaced meanwhile."""
    lock = path / LOCK_FILE
    try:
        import fcntl
    except ImportError:  # not POSIX: no lock
        return os.open(lock, os.O_RDWR | os.O_CREAT, 0o666)
    while True:
        fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o666)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip() or "?"
            os.close(fd)
            raise OutputBusy(f"another graphkit build (pid {holder}) is writing to {str(path)!r}; "
                             "wait for it to finish and build again, or choose another directory with -o") from None
        try:
            if os.stat(lock).st_ino == os.fstat(fd).st_ino:
                break
        except FileNotFoundError:
            pass
        os.close(fd)  # the holder released and removed it between our open and flock
    os.ftruncate(fd, 0)
    os.pwrite(fd, str(os.getpid()).encode(), 0)
    return fd


def _release(path: Path, fd: int) -> None:
    try:
        os.unlink(path / LOCK_FILE)
    except OSError:
        pass
    os.close(fd)


def remove_stale(directory: Path) -> list[Path]:
    """Remove staging directories and temporary files a killed build left; call with the lock held."""
    removed = []
    for pattern in _STALE_PATTERNS:
        for stale in directory.glob(pattern):
            shutil.rmtree(stale, ignore_errors=True) if stale.is_dir() else stale.unlink(missing_ok=True)
            removed.append(stale)
    return removed


# ---------------------------------------------------------------- writing the set


def write_set(G: nx.MultiDiGraph, directory: Path, writers: Mapping[str, Callable], sources: Mapping[str, dict] | None = None) -> dict[str, Path]:
    """Write every file into a staging directory, then move them in with the manifest last."""
    with output_lock(directory):
        staging = Path(tempfile.mkdtemp(dir=directory, prefix=STAGING_PREFIX))
        try:
            mode = 0o666 & ~_umask()
            for name, writer in writers.items():
                _write_one(writer, G, staging / name, name, directory)
                os.chmod(staging / name, mode)
            manifest = make_manifest(G, staging, list(writers), sources or {})
            _write_one(lambda _, path: Path(path).write_text(json.dumps(manifest, indent=1, sort_keys=True, ensure_ascii=False), encoding="utf-8"),
                       G, staging / MANIFEST, MANIFEST, directory)
            os.chmod(staging / MANIFEST, mode)
            return _swap_in(staging, directory, list(writers))
        finally:
            shutil.rmtree(staging, ignore_errors=True)


def _write_one(writer: Callable, G: nx.MultiDiGraph, path: Path, name: str, directory: Path) -> None:
    kept = f"the files already in {str(directory)!r} are left as they were"
    try:
        writer(G, path)
    except OSError as error:
        what = "the disk is full; free some space or choose another directory with -o" if error.errno == errno.ENOSPC else (error.strerror or str(error))
        raise OutputError(f"cannot write {name} into {str(directory)!r}: {what}; {kept}") from None
    except (ValueError, TypeError, UnicodeError, KeyError) as error:
        raise OutputError(f"cannot write {name} into {str(directory)!r}: {' '.join(str(error).split())[:300]}; {kept}") from None


def _swap_in(staging: Path, directory: Path, names: list[str]) -> dict[str, Path]:
    marker = directory / INCOMPLETE
    marker.write_text("a graphkit build was replacing the files here; rebuild with --fresh\n", encoding="utf-8")
    written = {}
    for name in names:
        os.replace(staging / name, directory / name)
        written[name] = directory / name
    os.replace(staging / MANIFEST, directory / MANIFEST)
    marker.unlink()
    return written


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


# ---------------------------------------------------------------- manifest


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def make_manifest(G: nx.MultiDiGraph, staging: Path, names: list[str], sources: Mapping[str, dict]) -> dict:
    documents = sorted(G.graph.get("documents") or ())
    return {
        "format": MANIFEST_FORMAT,
        "graphkit_version": G.graph.get("graphkit_version"),
        "articles": len(documents),
        "actors": G.number_of_nodes(),
        "edges": G.number_of_edges(),
        "documents": {doc_id: dict(sources.get(doc_id) or {}) for doc_id in documents},
        "files": {name: {"sha256": file_sha256(staging / name), "bytes": (staging / name).stat().st_size} for name in names},
    }


def read_manifest(directory: Path) -> dict | None:
    path = directory / MANIFEST
    if not path.is_file():
        return None
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(manifest, dict) or not isinstance(manifest.get("files"), dict) or not isinstance(manifest.get("documents"), dict):
            raise ValueError("not a graphkit manifest")
    except (ValueError, UnicodeDecodeError) as error:
        raise StoredGraphError(f"{path}: damaged manifest ({' '.join(str(error).split())[:200]}); "
                               f"restore the output set from a backup, or rebuild with --fresh") from None
    return manifest


def stored_graph(directory: str | os.PathLike) -> tuple[nx.MultiDiGraph | None, dict[str, dict]]:
    """The graph in ``directory/graph.ttl`` and its articles' sources, verified against the manifest.

    Returns ``(None, {})`` when there is no graph. A directory written before manifests existed
    is read unverified. Raises StoredGraphError (one line: what is wrong, what to do) when the
    set is incomplete or graph.ttl is not the file its manifest describes.
    """
    from .formats import STORED_GRAPH
    from .load import read_graph

    directory = Path(directory)
    turtle = directory / STORED_GRAPH
    fix = "restore the output set from a backup, or rebuild with --fresh (the earlier articles are then read again only if given)"
    if (directory / INCOMPLETE).exists():
        raise StoredGraphError(f"the output set in {str(directory)!r} is incomplete: a build stopped while replacing its files; rebuild with --fresh")
    manifest = read_manifest(directory)
    if not turtle.is_file():
        if manifest is not None:
            raise StoredGraphError(f"{turtle} is missing but {MANIFEST} lists it; {fix}")
        return None, {}
    if manifest is not None:
        expected = manifest["files"].get(STORED_GRAPH) or {}
        size = turtle.stat().st_size
        if expected.get("sha256") != file_sha256(turtle):
            raise StoredGraphError(f"{turtle} does not match {MANIFEST} ({size} bytes, the manifest says {expected.get('bytes', '?')} and another hash): "
                                   f"it was changed or damaged after graphkit wrote it; {fix}")
    try:
        G = read_graph(turtle)
    except ValueError as error:
        raise StoredGraphError(f"{error}; or rebuild with --fresh") from None
    if manifest is not None and sorted(G.graph.get("documents") or ()) != sorted(manifest["documents"]):
        raise StoredGraphError(f"{turtle} holds other articles than {MANIFEST} lists; {fix}")
    return G, dict(manifest["documents"]) if manifest else {}
