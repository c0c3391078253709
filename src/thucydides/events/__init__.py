"""Events stage: PLOVER event coding with negation, modality and time. Entry function: :func:`code`."""
from .coder import code

__all__ = ["code"]
