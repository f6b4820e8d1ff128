"""The Gradio app (`assistant.ui.app`) and its HTML rendering (`assistant.ui.render`).

Importing this package makes the later `import gradio` skip Gradio's type-stub regeneration (see
`assistant.ui.gradio_import`), which halves the time `assistant serve` takes to show the page.
"""

from __future__ import annotations

from assistant.ui.gradio_import import skip_stub_regeneration

skip_stub_regeneration()
