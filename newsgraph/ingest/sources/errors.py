"""The one error every source reader raises: where (``origin``) and what (``problem``).

Its own module so that the readers of each format (files, HTML pages, feeds) share it without
importing one another.
"""

from __future__ import annotations

__all__ = ["SourceError"]


class SourceError(ValueError):
    """A file that cannot be read as a source, with where (``origin``) and what (``problem``).

    ``origin`` is the path, ``path:line`` for a line of a text or NDJSON file, or ``path[i]`` for
    an item of a JSON list. The message is always one line, so a CLI can print it as is.
    """

    def __init__(self, origin: str, problem: str) -> None:
        problem = " ".join(problem.split())
        super().__init__(f"{origin}: {problem}")
        self.origin = origin
        self.problem = problem

    def __reduce__(self) -> tuple[type[SourceError], tuple[str, str]]:
        # The default would call SourceError(message): keep errors picklable for worker pools.
        return (type(self), (self.origin, self.problem))
