"""Quote attribution: see ``index.speech`` for how quotes and speakers are found."""

from index.speech import SPEAKER_THRESHOLD, attach_quotes

__all__ = ["SPEAKER_THRESHOLD", "attach_quotes"]
