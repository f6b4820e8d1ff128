"""The import hook that skips Gradio's stub regeneration: it takes effect and Gradio still works."""

from __future__ import annotations

import subprocess
import sys

PROBE = """
import assistant.ui
from assistant.ui.gradio_import import stub_regeneration_skipped
import gradio as gr
from gradio import component_meta, blocks_events
assert stub_regeneration_skipped(), "the hook did not replace create_or_modify_pyi"
# blocks_events binds the function by name at import: it must have bound the no-op too
assert blocks_events.create_or_modify_pyi is component_meta.create_or_modify_pyi
with gr.Blocks() as demo:
    box = gr.Textbox(elem_id="q")
    box.submit(lambda s: s, box, box)
print("ok", len(demo.config["components"]))
"""


def test_hook_replaces_stub_regeneration_and_gradio_still_builds_an_app():
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("ok ")


def test_too_late_is_reported():
    # Once Gradio is imported without the hook, installing it cannot help and says so.
    probe = ("import sys\nimport gradio\n"
             "from assistant.ui.gradio_import import _StubSkipper, skip_stub_regeneration, stub_regeneration_skipped\n"
             "print(skip_stub_regeneration(), stub_regeneration_skipped(),"
             " any(isinstance(f, _StubSkipper) for f in sys.meta_path))")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    # the late call reports False, installs no hook, and Gradio keeps its own stub writer
    assert out.stdout.strip() == "False False False"
