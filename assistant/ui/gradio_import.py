"""A faster `import gradio`.

Every time it is imported, Gradio (6.x) re-creates the `.pyi` type stub of each of its ~80 component
classes: it reads and parses the class's source file and rewrites the stub in site-packages when it
differs.  That is tooling for Gradio's own developers (type checkers read the stubs; running code
never does), and it is half of the import: 5.5 s -> 2.6 s on this 2-core machine, which is most of
the time `assistant serve` takes to show the page.  It also writes into site-packages, which fails
quietly on a read-only install.

`skip_stub_regeneration()` installs an import hook that replaces `create_or_modify_pyi` in
`gradio.component_meta` with a no-op as soon as that module has run, before any component class
is defined.  If a future Gradio renames or removes the function, the hook changes nothing.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import sys
from types import ModuleType

__all__ = ["skip_stub_regeneration", "stub_regeneration_skipped"]

_MODULE = "gradio.component_meta"
_FUNCTION = "create_or_modify_pyi"


def _no_stub(*args: object, **kwargs: object) -> None:
    return None


class _StubSkipper(importlib.abc.MetaPathFinder):
    def find_spec(self, fullname: str, path, target=None):  # noqa: ANN001 (the MetaPathFinder protocol)
        if fullname != _MODULE:
            return None
        spec = importlib.machinery.PathFinder.find_spec(fullname, path)
        if spec is None or spec.loader is None or not hasattr(spec.loader, "exec_module"):
            return spec
        run = spec.loader.exec_module

        def exec_module(module: ModuleType) -> None:
            run(module)
            if callable(getattr(module, _FUNCTION, None)):
                setattr(module, _FUNCTION, _no_stub)

        spec.loader.exec_module = exec_module  # type: ignore[method-assign]
        return spec


def skip_stub_regeneration() -> bool:
    """Install the hook (once); False when Gradio is already imported and it is too late."""
    if any(isinstance(f, _StubSkipper) for f in sys.meta_path):
        return True
    if _MODULE in sys.modules:
        return False
    sys.meta_path.insert(0, _StubSkipper())
    return True


def stub_regeneration_skipped() -> bool:
    """Whether the imported Gradio runs the no-op (for tests)."""
    module = sys.modules.get(_MODULE)
    return module is not None and getattr(module, _FUNCTION, None) is _no_stub
