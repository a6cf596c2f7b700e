"""Quote and speaker attribution for Ukrainian (and, best effort, Russian) news text."""

from index.speech.compiled import choose

# Before any other submodule loads: compiled copies, or the source if they cannot be trusted.
RUNNING_AS = choose()

from index.speech.quotes import SPEAKER_THRESHOLD, attach_quotes  # noqa: E402

__all__ = ["RUNNING_AS", "SPEAKER_THRESHOLD", "attach_quotes"]
