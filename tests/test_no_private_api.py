"""The site's code uses only the public API of Wagtail, Django, modelsearch and every other package.

A private name (one leading underscore: ``_x``, not ``__x__``) can change or vanish in any release
without a deprecation period, so an upgrade would break the site silently. Every ``.py`` file of
the apps (not migrations, not tests) is parsed and these are reported:

- ``obj._x`` (or ``getattr(obj, "_x")``) where ``_x`` is no name the site's own code defines;
- ``from package import _x``, ``import package._x`` of another package;
- a private name that a class of the site defines (method, class attribute, ``self._x = ...``)
  while a class of another package in its hierarchy defines or uses it too: an override of, or
  a clash with, a private hook;
- ``super()._x`` that resolves to another package's class.

The last two need the real class hierarchy (a mixin meets its bases only in its subclasses), so
every module of the apps that defines a class is imported.

What is allowed without an entry: Django's documented underscore APIs (``DOCUMENTED`` and
``STORAGE_HOOKS``) and ``_`` alone, the usual ``gettext`` alias, which is not a private name.
Anything else needs an entry in ``EXCEPTIONS`` saying why there is no public API; an entry that
no longer matches anything fails too, so the list cannot go stale.
"""

import ast
import functools
import importlib
import inspect
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from django.core.files.storage import FileSystemStorage, Storage

PROJECT_DIR = Path(__file__).resolve().parent.parent
# The apps are the import-linter contract's packages (pyproject.toml): one list for both checks.
with open(PROJECT_DIR / "pyproject.toml", "rb") as config:
    APPS = tuple(tomllib.load(config)["tool"]["importlinter"]["root_packages"])

# Underscore names that Django documents as public API.
DOCUMENTED = {
    # The Model _meta API: https://docs.djangoproject.com/en/5.2/ref/models/meta/
    "_meta",
    # https://docs.djangoproject.com/en/5.2/topics/db/managers/#default-managers
    "_default_manager",
    # https://docs.djangoproject.com/en/5.2/topics/db/managers/#base-managers
    "_base_manager",
}
# The methods a custom storage class implements, allowed in subclasses of Storage:
# https://docs.djangoproject.com/en/5.2/howto/custom-file-storage/
STORAGE_HOOKS = {"_save", "_open"}

ES = "search/backends/elasticsearch.py"
# (path, name): why there is no public API.
EXCEPTIONS = {
    (ES, "_clean_value"): (
        "the mapping's one conversion of values to JSON (a Country to its code), used for documents and "
        "for filter values (_process_lookup); modelsearch has no public hook for either"
    ),
    (ES, "_get_document_field_data"): (
        "builds one field's value and edge n-grams; the public get_document() would also index the "
        "folded copies (and their n-grams) that only the database backend reads"
    ),
    (ES, "_do_search"): (
        "results() fetches through it, and caches in a private attribute; overriding it is the only way "
        "to answer from the fallback backend and to fetch a slice in one request instead of scrolling"
    ),
    (ES, "_get_results_from_hits"): (
        "turns hits into model instances, with annotate_score(), whose field name only the results "
        "object knows (a private attribute)"
    ),
}


def is_private(name):
    """``_x``, but not ``_`` (the gettext alias), ``__x__`` or ``__x``."""
    return len(name) > 1 and name[0] == "_" and name[1] != "_"


def app_files():
    for app in APPS:
        for path in sorted((PROJECT_DIR / app).rglob("*.py")):
            relative = path.relative_to(PROJECT_DIR)
            if {"migrations", "tests"} & set(relative.parts[:-1]):
                continue
            if path.name.startswith("test_") or path.name in ("tests.py", "conftest.py"):
                continue
            yield relative


def module_name(relative):
    parts = list(relative.with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def is_ours(module):
    return module.split(".")[0] in APPS


@dataclass(frozen=True)
class Violation:
    path: str
    line: int
    name: str
    what: str

    def __str__(self):
        return f"{self.path}:{self.line}: {self.name} ({self.what})"


@dataclass
class Scan:
    """What one file defines and uses, found by ``scan_source``."""

    defined: set
    accesses: list  # (name, line): obj._x, getattr(obj, "_x")
    imports: list  # (module, name, line): from another package
    class_names: list  # (class path or None, name, line, what): defined by a class of ours
    super_calls: list  # (class path or None, name, line): super()._x
    has_classes: bool = False


class Scanner(ast.NodeVisitor):
    def __init__(self, module, is_package):
        self.module = module
        self.package = module if is_package else module.rpartition(".")[0]
        self.scopes = []  # ("class", name) or ("function", name)
        self.scan = Scan(set(), [], [], [], [])

    def class_path(self):
        """(module, qualified name) of the innermost class, None if it is defined in a function."""
        classes = [index for index, (kind, _) in enumerate(self.scopes) if kind == "class"]
        if not classes:
            return None
        innermost = classes[-1]
        if any(kind == "function" for kind, _ in self.scopes[:innermost]):
            return None
        return (self.module, ".".join(name for _, name in self.scopes[: innermost + 1]))

    def in_class_body(self):
        return bool(self.scopes) and self.scopes[-1][0] == "class"

    def in_class(self):
        return any(kind == "class" for kind, _ in self.scopes)

    def define(self, name, line, what):
        # A function's locals cannot be reached as attributes: they make no name the site's own.
        if not is_private(name) or (self.scopes and self.scopes[-1][0] == "function"):
            return
        self.scan.defined.add(name)
        if self.in_class_body():
            self.scan.class_names.append((self.class_path(), name, line, what))

    def visit_ClassDef(self, node):
        self.scan.has_classes = True
        self.define(node.name, node.lineno, "class")
        for child in node.bases + node.keywords + node.decorator_list:
            self.visit(child)
        self.scopes.append(("class", node.name))
        for child in node.body:
            self.visit(child)
        self.scopes.pop()

    def visit_FunctionDef(self, node):
        self.define(node.name, node.lineno, "method" if self.in_class_body() else "function")
        for child in node.decorator_list:
            self.visit(child)
        self.visit(node.args)
        if node.returns:
            self.visit(node.returns)
        self.scopes.append(("function", node.name))
        for child in node.body:
            self.visit(child)
        self.scopes.pop()

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_Name(self, node):
        if not isinstance(node.ctx, ast.Load):
            self.define(node.id, node.lineno, "class attribute")

    def visit_Global(self, node):
        self.scan.defined.update(name for name in node.names if is_private(name))

    def private_module(self, module, line):
        """Report ``package._module`` (or a part of it) of another package."""
        if is_ours(module):
            return
        for part in module.split("."):
            if is_private(part):
                self.scan.imports.append((module, part, line))

    def visit_Import(self, node):
        for alias in node.names:
            self.private_module(alias.name, node.lineno)
            if alias.asname:
                self.define(alias.asname, node.lineno, "import")

    def visit_ImportFrom(self, node):
        if node.level:
            base = self.package.split(".")
            base = base[: len(base) - node.level + 1]
            module = ".".join(base + ([node.module] if node.module else []))
        else:
            module = node.module
        self.private_module(module, node.lineno)
        for alias in node.names:
            if is_private(alias.name) and not is_ours(module):
                self.scan.imports.append((module, alias.name, node.lineno))
            self.define(alias.asname or alias.name, node.lineno, "import")

    def visit_Attribute(self, node):
        name = node.attr
        if is_private(name):
            value = node.value
            is_super = (
                isinstance(value, ast.Call) and isinstance(value.func, ast.Name) and value.func.id == "super"
            )
            is_self = isinstance(value, ast.Name) and value.id in ("self", "cls")
            if is_super:
                self.scan.super_calls.append((self.class_path(), name, node.lineno))
            elif is_self and not isinstance(node.ctx, ast.Load) and self.in_class():
                self.scan.defined.add(name)
                self.scan.class_names.append((self.class_path(), name, node.lineno, "instance attribute"))
            else:
                self.scan.accesses.append((name, node.lineno))
        self.generic_visit(node)

    def visit_Call(self, node):
        func = node.func
        if (
            isinstance(func, ast.Name)
            and func.id in ("getattr", "setattr", "hasattr", "delattr")
            and len(node.args) >= 2
            and isinstance(node.args[1], ast.Constant)
            and isinstance(node.args[1].value, str)
            and is_private(node.args[1].value)
        ):
            self.scan.accesses.append((node.args[1].value, node.lineno))
        self.generic_visit(node)


def scan_source(source, module, is_package=False):
    scanner = Scanner(module, is_package)
    scanner.visit(ast.parse(source))
    return scanner.scan


@functools.cache
def source_of(klass):
    try:
        return inspect.getsource(klass)
    except (OSError, TypeError):
        return ""


def family(klass):
    """``klass`` and every subclass of it that exists now."""
    found = [klass]
    for subclass in klass.__subclasses__():
        found.extend(family(subclass))
    return found


def class_is_ours(klass):
    return is_ours(klass.__module__)


def foreign_users(klass, name):
    """Classes of other packages in ``klass``'s hierarchies that define or use ``name``."""
    users = set()
    for combined in family(klass):
        for base in combined.__mro__:
            if class_is_ours(base) or base is object:
                continue
            if name in vars(base) or re.search(rf"\bself\.{name}\b", source_of(base)):
                if not (name in STORAGE_HOOKS and issubclass(combined, Storage)):
                    users.add(base)
    return users


def super_targets(klass, name):
    """Where ``super()._x`` in ``klass`` resolves, in each of its hierarchies (None: nowhere)."""
    targets = set()
    for combined in family(klass):
        mro = combined.__mro__
        after = mro[mro.index(klass) + 1 :]
        targets.add(next((base for base in after if name in vars(base)), None))
    return targets


def find_class(class_path):
    module, qualified = class_path
    found = importlib.import_module(module)
    for part in qualified.split("."):
        found = getattr(found, part)
    return found


def hierarchy_violations(path, scan):
    """Private names of this file's classes that meet another package's, and their super() calls."""
    violations = []
    for class_path, name, line, what in scan.class_names:
        if class_path is None:
            violations.append(Violation(path, line, name, f"{what} of a class defined in a function"))
            continue
        users = foreign_users(find_class(class_path), name)
        if users:
            where = ", ".join(sorted(f"{user.__module__}.{user.__qualname__}" for user in users))
            violations.append(Violation(path, line, name, f"{what} also defined or used by {where}"))
    for class_path, name, line in scan.super_calls:
        if class_path is None:
            violations.append(Violation(path, line, name, "super() call in a class defined in a function"))
            continue
        klass = find_class(class_path)
        targets = super_targets(klass, name) - {None}
        if not targets:
            violations.append(Violation(path, line, name, "super() call that resolves nowhere"))
        for target in targets:
            if not class_is_ours(target) and not (name in STORAGE_HOOKS and issubclass(klass, Storage)):
                violations.append(
                    Violation(path, line, name, f"super() call to {target.__module__}.{target.__qualname__}")
                )
    return violations


@functools.cache
def all_violations():
    scans = {}
    for relative in app_files():
        scans[relative.as_posix()] = scan_source(
            (PROJECT_DIR / relative).read_text(), module_name(relative), relative.name == "__init__.py"
        )
    # A mixin meets the classes it overrides only in its subclasses: import every module with a
    # class so that __subclasses__() finds them all.
    for path, scan in scans.items():
        if scan.has_classes and not path.startswith("website/settings/"):
            importlib.import_module(module_name(Path(path)))
    violations = set()
    for path, scan in scans.items():
        violations.update(hierarchy_violations(path, scan))
    # A name ours only because a class of ours overrides another package's: not ours to use.
    hooks = {violation.name for violation in violations}
    defined = set().union(*(scan.defined for scan in scans.values())) - hooks
    for path, scan in scans.items():
        for module, name, line in scan.imports:
            violations.add(Violation(path, line, name, f"imported from {module}"))
        for name, line in scan.accesses:
            if name not in defined:
                violations.add(Violation(path, line, name, "attribute the site's code does not define"))
    return sorted(
        (violation for violation in violations if violation.name not in DOCUMENTED),
        key=lambda violation: (violation.path, violation.line, violation.name),
    )


def test_app_code_uses_no_private_name_of_another_package():
    found = [
        violation for violation in all_violations() if (violation.path, violation.name) not in EXCEPTIONS
    ]
    assert not found, (
        "Private names of other packages (use the public API, or add an entry to EXCEPTIONS "
        "saying why there is none):\n" + "\n".join(str(violation) for violation in found)
    )


def test_every_exception_is_still_needed():
    used = {(violation.path, violation.name) for violation in all_violations()}
    stale = sorted(set(EXCEPTIONS) - used)
    assert not stale, "EXCEPTIONS entries that match nothing any more: " + ", ".join(
        f"{path}: {name}" for path, name in stale
    )


def test_scanner_reports_private_imports_and_attributes():
    scan = scan_source(
        "from django.db.models.base import _x\n"
        "from .text import _ours\n"
        "import _thread, django.utils._os as os_utils\n"
        "def f(obj, _arg):\n"
        "    obj._private\n"
        "    getattr(obj, '_hidden')\n"
        "    obj.public, obj._meta, obj.__class__\n"
        "    return _\n",
        "search.sample",
    )
    assert scan.imports == [
        ("django.db.models.base", "_x", 1),
        ("_thread", "_thread", 3),
        ("django.utils._os", "_os", 3),
    ]
    assert ("_private", 5) in scan.accesses and ("_hidden", 6) in scan.accesses
    assert {name for name, _ in scan.accesses} == {"_private", "_hidden", "_meta"}
    assert "_ours" in scan.defined and "_arg" not in scan.defined


def test_scanner_sees_class_names_and_super_calls():
    scan = scan_source(
        "class Results(Base):\n"
        "    _flag = True\n"
        "    def _do_search(self):\n"
        "        self._cache = super()._do_search()\n",
        "search.sample",
    )
    where = ("search.sample", "Results")
    assert scan.class_names == [
        (where, "_flag", 2, "class attribute"),
        (where, "_do_search", 3, "method"),
        (where, "_cache", 4, "instance attribute"),
    ]
    assert scan.super_calls == [(where, "_do_search", 4)]


def test_hierarchy_checks_find_overrides_of_another_packages_hooks():
    class Vendor:
        def _hook(self):
            self._state = 1

    mixin = type("Mixin", (), {"__module__": "search.sample", "_hook": lambda self: None})
    helper = type("Helper", (), {"__module__": "search.sample", "_own": lambda self: None})
    type("Combined", (mixin, helper, Vendor), {"__module__": "search.sample"})
    assert foreign_users(mixin, "_hook") == {Vendor}
    assert foreign_users(mixin, "_state") == {Vendor}
    assert foreign_users(helper, "_own") == set()
    assert super_targets(mixin, "_hook") == {None, Vendor}

    storage = type("Storage", (FileSystemStorage,), {"__module__": "website.sample", "_save": None})
    assert foreign_users(storage, "_save") == set()
    assert foreign_users(storage, "_open") == set()
    assert foreign_users(storage, "_ensure_location_group_id") == {FileSystemStorage}
