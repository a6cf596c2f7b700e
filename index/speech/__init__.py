"""Quote and speaker attribution for Ukrainian (and, best effort, Russian) news text."""

from index.speech.quotes import SPEAKER_THRESHOLD, attach_quotes

__all__ = ["SPEAKER_THRESHOLD", "attach_quotes"]
