"""Find, load and validate question banks.

A bank is a folder of YAML files: `bank.yaml` (the manifest: id, version, title, the date of
the legal texts, maturity scale, the roles that own actions, and the lists of files), one file
per dimension, one action file per dimension, a file of sources the questions cite, and the
id migrations from older versions. Validation reports every problem at once, each with its
file and the path of the bad field, so a consultant who adapts a bank can fix it in one go.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from importlib import resources
from pathlib import Path, PurePath
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from . import limits
from .bank_links import Content, Problem, check_links
from .files import FileTooLarge, NotRegularFile, read_limited
from .limits import echo
from .models import (
    LEVELS,
    Action,
    ActionEntry,
    Bank,
    Dimension,
    Id,
    Maturity,
    Migration,
    NonEmpty,
    OwnerRole,
    Question,
    Source,
    Text,
    Version,
)


def default_bank_dir() -> Path:
    """The shipped bank: the `questions` package's files, wherever the package is installed."""
    return Path(str(resources.files("questions")))


MANIFEST = "bank.yaml"


class BankError(ValueError):
    """A bank that cannot be used; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        first = str(problems[0]) if problems else "invalid bank"
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        super().__init__(first + more)


_FastSafeLoader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: ~10× faster


class _StrictLoader(_FastSafeLoader):
    """A safe loader that refuses anchors/aliases, merge keys and duplicate keys: each hides
    mistakes in a bank (a copied block that silently inherits, a key whose first value is lost).
    Checked on the composed node graph, so it works with libyaml's parser too."""

    def get_single_node(self) -> yaml.Node | None:
        node = super().get_single_node()
        if node is not None:
            _check_nodes(node)
        return node


_SURROGATE = re.compile("[\ud800-\udfff]")


def _check_nodes(root: yaml.Node) -> None:
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:  # an alias makes the parser hand out the same node twice
            raise yaml.constructor.ConstructorError(
                None, None, "anchors and aliases are not allowed in a bank", node.start_mark
            )
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            keys: set[tuple[str, str]] = set()
            for key_node, value_node in node.value:
                if key_node.tag == "tag:yaml.org,2002:merge":
                    raise yaml.constructor.ConstructorError(
                        None, None, "merge keys (<<) are not allowed in a bank", key_node.start_mark
                    )
                key = (key_node.tag, str(key_node.value))
                if key in keys:
                    raise yaml.constructor.ConstructorError(
                        None, None, f"duplicate key {echo(key_node.value)!r}", key_node.start_mark
                    )
                keys.add(key)
                stack.extend((key_node, value_node))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
        elif _SURROGATE.search(str(node.value)):  # from an escape such as "\\udfff"
            raise yaml.constructor.ConstructorError(
                None, None, "a lone surrogate cannot be written as UTF-8", node.start_mark
            )


def read_yaml(path: Path) -> Any:
    """Parse one YAML file strictly; raise BankError naming the file and line.

    Only a regular file of at most `limits.BANK_FILE_BYTES` is read: not `/dev/zero`, not a
    pipe, and nothing is read before that is known.
    """
    try:
        text = read_limited(path, limits.BANK_FILE_BYTES).decode("utf-8")
    except FileNotFoundError:
        raise BankError([Problem(str(path), "", "file not found")]) from None
    except IsADirectoryError:
        raise BankError([Problem(str(path), "", "is a folder, not a file")]) from None
    except NotRegularFile:
        raise BankError([Problem(str(path), "", "is not a regular file")]) from None
    except FileTooLarge as exc:
        message = f"file is larger than {exc.limit:,} bytes; a bank file is far smaller"
        raise BankError([Problem(str(path), "", message)]) from None
    except UnicodeDecodeError as exc:
        message = f"cannot read file: not UTF-8 text (byte {exc.start})"
        raise BankError([Problem(str(path), "", message)]) from None
    except OSError as exc:
        raise BankError([Problem(str(path), "", f"cannot read file ({exc.strerror})")]) from None
    try:
        return yaml.load(text, Loader=_StrictLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        line = f"line {mark.line + 1}" if mark else ""
        reason = getattr(exc, "problem", None) or str(exc)
        raise BankError([Problem(str(path), line, f"invalid YAML: {reason}")]) from None


def _loc(loc: Iterable[int | str], prefix: str = "") -> str:
    """A field's path; a key from the file is cut short, since it is the file's own text."""
    out = prefix
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{echo(part)}" if out else echo(part))
    return out


def _validate(model: type[BaseModel], data: Any, file: str, prefix: str, problems: list[Problem]):
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        for err in exc.errors():
            problems.append(Problem(file, _loc(err["loc"], prefix), err["msg"]))
        return None


def _mapping(data: Any, file: str, problems: list[Problem]) -> dict[str, Any] | None:
    if not isinstance(data, dict):
        problems.append(Problem(file, "", "expected a mapping at the top of the file"))
        return None
    return data


class _Manifest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: Id
    version: Version
    title: Text
    legal_status: dt.date | None = None
    maturity: list[Maturity]
    roles: list[OwnerRole] = Field(min_length=1)
    sources: NonEmpty | None = None
    dimensions: list[NonEmpty] = Field(min_length=1)
    actions: list[NonEmpty] = Field(min_length=1)
    migrations: list[NonEmpty] = Field(default_factory=list)


def load_bank(path: Path | str | None = None) -> Bank:
    """Load and validate the bank in a folder (or its `bank.yaml`); BankError lists all problems."""
    root = Path(path) if path is not None else default_bank_dir()
    manifest_path = root / MANIFEST if root.is_dir() else root
    mfile = str(manifest_path)
    if manifest_path.name != MANIFEST and manifest_path.exists():  # never parse another file
        raise BankError([Problem(mfile, "", f"a question bank is a folder holding {MANIFEST}")])
    problems: list[Problem] = []
    data = _mapping(read_yaml(manifest_path), mfile, problems)
    if data is not None and isinstance(data.get("version"), int | float):
        problems.append(
            Problem(mfile, "version", 'must be text in quotes, like "1.10": YAML reads 1.10 as 1.1')
        )
        data = {k: v for k, v in data.items() if k != "version"}
    manifest = _validate(_Manifest, data, mfile, "", problems)
    if manifest is None:
        raise BankError(problems)
    if [m.level for m in manifest.maturity] != list(LEVELS):
        problems.append(Problem(mfile, "maturity", f"must list levels {list(LEVELS)} in order"))

    root = manifest_path.parent
    dimensions: list[tuple[str, Dimension]] = []
    entries: list[ActionEntry] = []
    action_at: dict[str, tuple[str, str]] = {}
    declared: set[str] = set()  # question ids as written, valid or not, to avoid knock-on errors
    for i, rel in enumerate(manifest.dimensions):
        f, data = _read_listed(root, rel, (mfile, f"dimensions[{i}]"), problems)
        data = _mapping(data, f, problems) if f else None
        if data is not None:
            dim = _load_dimension(data, f, problems, declared)
            if dim:
                dimensions.append((f, dim))
                problems.extend(_check_dimension(dim, f))
    for i, rel in enumerate(manifest.actions):
        for f, j, item in _listed_items(root, rel, (mfile, f"actions[{i}]"), "actions", problems):
            entry = _validate(ActionEntry, item, f, f"actions[{j}]", problems)
            if entry:
                entries.append(entry)
                action_at.setdefault(entry.id, (f, f"actions[{j}]"))
    sources: list[Source] = []
    if manifest.sources:
        listed_at = (mfile, "sources")
        for f, j, item in _listed_items(root, manifest.sources, listed_at, "sources", problems):
            source = _validate(Source, item, f, f"sources[{j}]", problems)
            if source:
                sources.append(source)
    migrations: list[tuple[str, Migration]] = []
    for i, rel in enumerate(manifest.migrations):
        f, data = _read_listed(root, rel, (mfile, f"migrations[{i}]"), problems)
        data = _mapping(data, f, problems) if f else None
        migration = _validate(Migration, data, f, "", problems) if data is not None else None
        if migration:
            migrations.append((f, migration))
    content = Content(dimensions, entries, action_at, declared, manifest.roles, sources, migrations)
    problems.extend(check_links(content, mfile, manifest.version))
    if problems:
        raise BankError(problems)
    names = {r.id: r.name for r in manifest.roles}
    return Bank(
        id=manifest.id,
        version=manifest.version,
        title=manifest.title,
        legal_status=manifest.legal_status,
        maturity=manifest.maturity,
        roles=manifest.roles,
        sources=sources,
        dimensions=sorted((d for _, d in dimensions), key=lambda d: d.order),
        actions=[Action(**dict(e), owner_role=names[e.owner]) for e in entries],
        migrations=[m for _, m in migrations],
    )


def _listed_items(
    root: Path, rel: str, listed_at: tuple[str, str], key: str, problems: list[Problem]
) -> Iterator[tuple[str, int, Any]]:
    """The items of a file that holds one key, a list (an action or a sources file)."""
    f, data = _read_listed(root, rel, listed_at, problems)
    data = _mapping(data, f, problems) if f else None
    if data is None:
        return
    if set(data) != {key} or not isinstance(data[key], list):
        problems.append(Problem(f, key, f"the file must hold one key, {key}, a list"))
        return
    for i, item in enumerate(data[key]):
        yield f, i, item


def _load_dimension(
    data: dict[str, Any], file: str, problems: list[Problem], declared: set[str]
) -> Dimension | None:
    """Validate questions one by one, so one bad question does not hide the others' problems."""
    raw = data.get("questions")
    if not isinstance(raw, list):
        problems.append(Problem(file, "questions", "must be a list of questions"))
        raw = []
    declared.update(str(q.get("id")) for q in raw if isinstance(q, dict))
    questions = [
        _validate(Question, q, file, f"questions[{i}]", problems) for i, q in enumerate(raw)
    ]
    head = _validate(Dimension, {**data, "questions": []}, file, "", problems)
    if head is None:
        return None
    return head.model_copy(update={"questions": [q for q in questions if q]})


def _read_listed(
    root: Path, rel: str, listed_at: tuple[str, str], problems: list[Problem]
) -> tuple[str, Any]:
    """Read a file the manifest lists; on failure record the problem and return ('', None).

    The file must lie inside the bank's folder: a bank copied from someone else could
    otherwise make `check-bank` read, and echo, any file the user can read.
    """
    inside = _inside(root, rel)
    if inside is None:
        problems.append(Problem(*listed_at, f"{echo(rel)!r} must be a file inside the bank folder"))
        return "", None
    try:
        return str(inside), read_yaml(inside)
    except BankError as exc:
        problems.extend(exc.problems)
        return "", None


def _inside(root: Path, rel: str) -> Path | None:
    """`root / rel` if it stays inside `root` (no absolute path, no `..`, no link out)."""
    pure = PurePath(rel)
    if pure.is_absolute() or pure.anchor or ".." in pure.parts:
        return None
    path = root / pure
    try:
        if not path.resolve().is_relative_to(root.resolve()):
            return None
    except (OSError, RuntimeError):  # a symlink loop (RuntimeError before Python 3.13)
        return None
    return path


def _check_dimension(dim: Dimension, file: str) -> list[Problem]:
    problems: list[Problem] = []
    if not dim.questions:
        problems.append(Problem(file, "questions", "a dimension needs at least one question"))
    for i, q in enumerate(dim.questions):
        where = f"questions[{i}]"
        if not q.id.startswith(dim.id + "."):
            problems.append(
                Problem(file, f"{where}.id", f"{q.id!r} must start with {dim.id + '.'!r}")
            )
        for level, anchor in enumerate(q.levels):
            if anchor.red_flag and level != LEVELS[0]:
                problems.append(
                    Problem(file, f"{where}.levels[{level}].red_flag", "only level 0 can be one")
                )
    return problems
