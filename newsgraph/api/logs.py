"""Logging set-up: one handler on the `newsgraph` logger, text or one JSON object a line."""

from __future__ import annotations

import datetime as dt
import json
import logging
import sys
from typing import TextIO

from newsgraph.request_context import current_request
from newsgraph.settings import Settings

__all__ = ["ACCESS_LOGGER", "JsonFormatter", "configure_logging"]

ACCESS_LOGGER = "newsgraph.access"
_HANDLER_NAME = "newsgraph"
_LOGGERS = ("newsgraph", "strawberry.execution")
_TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s [request %(request_id)s]"


class _RequestIdFilter(logging.Filter):
    """Stamps every record with the id of the request it was logged in, if any."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not hasattr(record, "request_id"):
            info = current_request()
            record.request_id = info.request_id if info is not None else "-"
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object a line. A record's ``fields`` (the access log's) become top-level keys."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, object] = {
            "time": dt.datetime.fromtimestamp(record.created, dt.UTC).isoformat(
                timespec="milliseconds"
            ),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
            # Which process wrote it: under `serve --workers N` each worker logs its own.
            "pid": record.process,
        }
        request_id = getattr(record, "request_id", "-")
        if request_id != "-":
            entry["request_id"] = request_id
        fields = getattr(record, "fields", None)
        if isinstance(fields, dict):
            entry.update(fields)
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, default=str, ensure_ascii=False)


class _StderrHandler(logging.StreamHandler[TextIO]):
    # sys.stderr is looked up on every record, not once: test runners and servers swap it.
    def __init__(self) -> None:
        logging.Handler.__init__(self)
        self._stream: TextIO | None = None

    @property
    def stream(self) -> TextIO:
        return self._stream if self._stream is not None else sys.stderr

    @stream.setter
    def stream(self, value: TextIO) -> None:
        self._stream = value


def configure_logging(settings: Settings) -> logging.Handler:
    """Give the `newsgraph` loggers their level and one handler; again replaces, not adds.

    Strawberry's `strawberry.execution` logger (every GraphQL error, with its traceback) gets
    the same handler, so in JSON mode its lines are JSON too and carry the request id.
    """
    handler = _StderrHandler()
    handler.set_name(_HANDLER_NAME)
    handler.addFilter(_RequestIdFilter())
    handler.setFormatter(
        JsonFormatter() if settings.log_format == "json" else logging.Formatter(_TEXT_FORMAT)
    )
    for name in _LOGGERS:
        logger = logging.getLogger(name)
        for old in [h for h in logger.handlers if h.get_name() == _HANDLER_NAME]:
            logger.removeHandler(old)
        logger.addHandler(handler)
    logging.getLogger("newsgraph").setLevel(settings.log_level.upper())
    return handler
