"""inference_engine: one small interface to OpenAI, Azure OpenAI, Anthropic and Gemini.

Send one prompt or a hundred thousand, from sync or async code, with retries,
logs and token usage handled for you::

    from inference_engine import InferenceEngine, Hyperparameters

    engine = InferenceEngine({"strategy": "openai", "api_key": "sk-..."}, model_name="gpt-4o-mini")
    text, usage = engine.single_inference([{"role": "user", "content": "Hello!"}])
    results, usages = engine.parallel_inference(
        [[{"role": "user", "content": f"Say {n}"}] for n in range(100)],
        Hyperparameters(temperature=0.2, max_tokens=50),
        max_concurrent_requests=20,
    )
    engine.close()

Everything lives in this one file, its self-test included: ``python inference_engine.py``
runs the tests offline, against loopback servers that speak each provider's protocol.
``python inference_engine.py run reviews.csv --strategy openai --model gpt-4o-mini --template
"Label: {review}"`` sends every row of a dataset and writes one result line per row, in order; rerun
it after a crash and only unfinished rows are sent (``run --help`` for its options). Add
``--batch-api`` to send them through the provider's batch API, at half the price.

The file is structured as follows:

- Exceptions: InferenceError and its subclasses, one per way a request can fail.
- Hyperparameters: the settings, checked when made.
- Logging: the sinks, added by the first engine, and the log_inference decorator.
- Retry policy and rate limits: _RetryPolicy (each request from first attempt to outcome:
  pace, send, classify, report, every wait, and when to give up on an address that never
  answers; tenacity, with the first attempt outside it) and _RateLimiter
  (the pace, from the user's limits, the provider's stated limits or pushback, shared by every
  call on an engine).
- Message and parameter mapping: pure functions shared by the adapters.
- Provider adapters: one class per provider (request, send, read, classify), and _ADAPTERS.
- Provider batch APIs: one class per batch protocol (line, upload, create, status, results), and
  _BATCH_APIS: openai, azure, anthropic.
- Running requests: the four paths a request can run on, and what each engine releases.
- InferenceEngine: the public entry points, over the parts _engine_parts makes.
- Batch jobs: _Job (ordered results from a bounded window), the journal reruns reuse,
  the output file, progress; _BatchJob (a job through a provider's batch API).
- Command line: ``run`` over a JSONL or CSV file, one output line per row.
- Self-test: loopback servers that speak each provider's protocol, then the tests.

A first reading: InferenceEngine.single_inference and parallel_inference; the one
per-request path under them (_async_single_message_inference, then _RetryPolicy.send and
its _attempt: pace, send, classify, report); and one adapter (_OpenAIAdapter: request,
send, read, classify, and _Adapter.status_error). It may skip the pace (_RateLimiter), the
Gemini adapter, the provider batch APIs and _BatchJob, the command line and the
self-test: each stands on its own, behind its banner.
"""

from __future__ import annotations

import asyncio
import base64
import collections
import collections.abc
import concurrent.futures
import contextlib
import copy
import csv
import datetime
import errno
import functools
import hashlib
import inspect
import ipaddress
import itertools
import json
import math
import os
import queue
import random
import re
import signal
import sqlite3
import stat
import string
import sys
import threading
import time
import types
import urllib.parse
import warnings
import weakref
from email.utils import parsedate_to_datetime
from typing import Any, Callable, Iterable, Iterator, NamedTuple

from loguru import logger
from tenacity import (
    AsyncRetrying,
    RetryCallState,
    Retrying,
    retry_if_exception,
    stop_after_attempt,
    stop_never,
    wait_exponential,
)

__all__ = [
    "COMPATIBLE_STRATEGIES", "Hyperparameters", "InferenceEngine", "InferenceError",
    "AuthenticationError", "BadRequestError", "RateLimitError", "TransientError",
    "UnreachableError", "ParallelInferenceError", "OutputInUseError", "BatchItemError",
    "BudgetExceededError",
    "InvalidJSONError", "InferenceResult", "log_inference", "async_log_inference",
]

DEFAULT_TIMEOUT = 300.0
"""Seconds one HTTP request may take before it counts as a (retryable) timeout."""

ANTHROPIC_DEFAULT_MAX_TOKENS = 4096
"""Anthropic requires ``max_tokens``; this is sent when the caller gives none."""

_WORKER_THREADS = 1024
"""Upper bound on Gemini's blocking calls in flight; threads start only as needed."""

_LOG_TEXT_LIMIT = 500
"""Characters of prompt and reply kept in each inference log record."""

_ROLES = ("system", "user", "assistant")

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)  # os.open flags: never through a link (POSIX)
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)


# ==============================================================================
# Exceptions
# ==============================================================================


class InferenceError(Exception):
    """A request failed at the provider; catch this to catch every provider's failures.

    ``strategy`` names the provider, ``status_code`` is the HTTP status (None when no
    response came back) and the SDK's own exception is the ``__cause__``.
    """

    retryable = False
    attempts = 1  # requests made for the item before it failed, set when retries ran out
    stated: _Stated | None = None  # the rate limits the error response stated, if any
    cause: str | None = None  # for a request that got no response: why, in words
    connected = True  # False when no connection was ever made (refused, DNS, connect timeout)

    def __init__(
        self, message: str, *, strategy: str | None = None, status_code: int | None = None,
        retry_after: float | None = None,
    ):
        super().__init__(message)
        self.strategy = strategy
        self.status_code = status_code
        self.retry_after = retry_after


class AuthenticationError(InferenceError):
    """The provider refused the credentials (HTTP 401 or 403); retrying cannot help."""


class BadRequestError(InferenceError):
    """The provider refused the request itself (400, 404, 422, ...); fix the input, do not retry."""


class RateLimitError(InferenceError):
    """HTTP 429: retried until the attempts ran out, or a quota is exhausted (then not retried).

    ``retryable`` tells which: False for an exhausted quota or billing limit.
    """

    retryable = True


class TransientError(InferenceError):
    """A failure that may pass (408, 409, 5xx, timeout, dropped connection) outlived its retries."""

    retryable = True


class UnreachableError(TransientError):
    """Nothing answered: every attempt to connect failed (refused, DNS, connect timeout) before any
    response came back, for 10 seconds or for as many attempts as one item may make. A batch
    stops on it instead of retrying every item; check the URL and that the server is up.
    """

    retryable = False


class BatchItemError(InferenceError):
    """An item of a provider's batch came back unanswered: it ``expired`` or was ``canceled`` inside
    the batch, its batch ``failed`` as a whole, or it is ``missing`` from the results. ``kind``
    says which; a rerun submits the item again.
    """

    def __init__(self, message: str, *, kind: str, strategy: str | None = None):
        super().__init__(message, strategy=strategy)
        self.kind = kind


class BudgetExceededError(InferenceError):
    """A row left unsent because the run reached its cost cap (``--max-cost``, ``max_cost=``);
    a rerun with a higher cap sends it."""


class InvalidJSONError(InferenceError):
    """The reply is not the JSON its response_format asked for (the command line's ``--schema``);
    it is not kept, so a rerun sends the row again."""


class OutputInUseError(RuntimeError):
    """Another run is writing the same output (its journal is locked); nothing was sent."""


class ParallelInferenceError(InferenceError):
    """Some items of a parallel batch failed; nothing that succeeded is lost.

    ``results`` and ``usages`` hold every finished item in input order (None where it
    failed) and ``errors`` maps each failed index to its exception.
    """

    def __init__(self, results: list, usages: list, errors: dict[int, BaseException]):
        first = min(errors)
        super().__init__(
            f"{len(errors)} of {len(results)} requests failed; first failure at index {first}: "
            f"{errors[first]}",
            strategy=getattr(errors[first], "strategy", None),
            status_code=getattr(errors[first], "status_code", None),
        )
        self.results = results
        self.usages = usages
        self.errors = errors


class _MalformedResponse(Exception):
    """Raised by a response reader: a 200 whose body lacks what every valid reply has."""


class _Completion(NamedTuple):
    """What an adapter reads out of a reply: the one shape every provider's answer takes.

    ``model`` is the model the provider says answered (a snapshot such as
    ``gpt-4o-mini-2024-07-18``), and ``service_tier`` the tier it says it used; None where
    the reply does not say.
    """

    text: str
    usage: dict[str, Any]
    finish_reason: str | None
    model: str | None = None
    service_tier: str | None = None


class _Limit(NamedTuple):
    """One rate limit as a response states it; any part may be None."""

    per_minute: float | None
    remaining: float | None
    reset: str | None  # as the provider writes it: "1s", "6m0s", an RFC 3339 time


class _Stated(NamedTuple):
    """The rate limits a response states: for requests, and for tokens."""

    requests: _Limit
    tokens: _Limit


def _mask_secret(secret: str) -> str:
    """Show a key as ``sk-…abcd``: enough to tell keys apart, not enough to use one."""
    if len(secret) < 12:
        return "…"
    return f"{secret[:3]}…{secret[-4:]}"


def _redact(text: str, secrets: Iterable[str | None]) -> str:
    """Replace each secret in ``text`` with its mask, wherever it stands as a word of its own.

    A secret inside a longer word is left alone: a key ``local`` leaves "localhost" as it is.
    """
    for secret in secrets:
        if secret and secret in text:
            mask = _mask_secret(secret)
            text = re.sub(rf"(?<![\w-]){re.escape(secret)}(?![\w-])", lambda _: mask, text)
    return text


def _redact_exception(exc: BaseException, secrets: tuple[str, ...]) -> None:
    """Mask secrets in an SDK exception kept as ``__cause__``, should a server have echoed one."""
    if any(secret and secret in str(arg) for secret in secrets for arg in exc.args):
        exc.args = tuple(_redact(str(arg), secrets) for arg in exc.args)
        if isinstance(getattr(exc, "message", None), str):
            exc.message = _redact(exc.message, secrets)


_MAX_URL = 8192
"""Characters an http(s) URL may have; a longer one is refused before it is parsed."""


def _is_url(text: str) -> bool:
    """Whether ``text`` starts as an http:// or https:// URL does (it may still be malformed)."""
    return text[:8].lower().startswith(("http://", "https://"))


def _check_http_url(url: str, where: str) -> str:
    """An http(s) URL with a host, no spaces, and at most _MAX_URL characters; else ValueError.

    The checks take time linear in the URL's length, however it is made.
    """
    if len(url) > _MAX_URL:
        raise ValueError(
            f"{where}: the URL is {len(url):,} characters, over the {_MAX_URL:,} this engine takes"
        )
    problem = None
    if re.search(r"\s", url):
        problem = "it has spaces or line breaks"
    else:
        try:
            parts = urllib.parse.urlsplit(url)
            parts.port  # a port that is not a number raises ValueError
        except ValueError:
            problem = "it cannot be parsed"
        else:
            if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
                problem = "it needs http:// or https:// and a host"
    if problem:
        raise ValueError(f"{where}: {_safe_url(url)!r} is not a valid http(s) URL: {problem}")
    return url


def _check_endpoint(url: str, where: str) -> str:
    """A URL requests go to: http(s), no user, password, query or fragment; else ValueError."""
    if not _is_url(url):
        raise ValueError(f"{where} must be an http:// or https:// URL, got {_safe_url(url)!r}")
    parts = urllib.parse.urlsplit(_check_http_url(url, where))
    if "@" in parts.netloc or parts.query or parts.fragment:
        raise ValueError(
            f"{where}: {_safe_url(url)!r} with a user, password, query or fragment "
            "cannot be used (the SDK sends the key itself, and adds its paths after "
            "the URL); give the URL alone"
        )
    return url


def _safe_url(url: str) -> str:
    """A URL as messages show it: scheme, host, port and path; never a user, password or query."""
    url = url[:_MAX_URL]
    try:
        parts = urllib.parse.urlsplit(url)
    except ValueError:
        return _truncate(url.partition("?")[0].rpartition("@")[2], 100)
    netloc = parts.netloc.rpartition("@")[2]
    return _truncate(urllib.parse.urlunsplit((parts.scheme, netloc, parts.path, "", "")), 200)


# ==============================================================================
# Hyperparameters
# ==============================================================================


class Hyperparameters:
    """Inference settings, checked when made and unchangeable after; unknown names pass through.

    >>> dict(Hyperparameters(temperature=0.5, max_tokens=150).kwargs)
    {'temperature': 0.5, 'max_tokens': 150}

    Known names are checked for type and range: temperature (0-2), max_tokens (>= 1),
    top_p (0-1), top_k (>= 1), stop (a string or a list of strings), seed (int),
    presence_penalty and frequency_penalty (-2 to 2), and response_format (OpenAI's form,
    mapped for every provider). Any other name is sent to the provider untouched.

    ``kwargs`` is a read-only mapping of the settings, copied when made. To change one, make
    a new one: ``Hyperparameters(**{**hp.kwargs, "seed": 1})``. The engine checks them again,
    and sends a copy, at each call.
    """

    __slots__ = ("kwargs",)

    # name: (accepted types, minimum, maximum)
    _CHECKS: dict[str, tuple[tuple[type, ...], float | None, float | None]] = {
        "temperature": ((int, float), 0, 2), "max_tokens": ((int,), 1, None),
        "top_p": ((int, float), 0, 1), "top_k": ((int,), 1, None), "seed": ((int,), None, None),
        "presence_penalty": ((int, float), -2, 2), "frequency_penalty": ((int, float), -2, 2),
    }

    # Set by the engine itself; as hyperparameters they would override the request.
    _RESERVED = frozenset(
        {"model", "messages", "stream", "system", "contents", "system_instruction"}
    )

    def __init__(self, **kwargs: Any):
        for name, value in kwargs.items():
            if name in self._RESERVED:
                raise ValueError(
                    f"Hyperparameters: {name!r} is set by the engine and cannot be a hyperparameter"
                )
            if name == "stop":
                _check_stop(value)
                _check_json(name, value)
            elif name == "response_format":
                _check_response_format(value)
                _check_json(name, value)
            elif name in self._CHECKS:
                accepted, low, high = self._CHECKS[name]
                if isinstance(value, bool) or not isinstance(value, accepted):
                    expected = " or ".join(t.__name__ for t in accepted)
                    raise TypeError(
                        f"Hyperparameters: {name} must be {expected}, not {type(value).__name__}"
                    )
                if (
                    not math.isfinite(value)
                    or (low is not None and value < low)
                    or (high is not None and value > high)
                ):
                    bounds = f"between {low} and {high}" if high is not None else f"at least {low}"
                    raise ValueError(f"Hyperparameters: {name} must be {bounds}, got {value}")
            else:
                _check_json(name, value)
        # A copy of its own, read-only: what was checked is what is sent.
        object.__setattr__(self, "kwargs", types.MappingProxyType(copy.deepcopy(kwargs)))

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("Hyperparameters cannot be changed once made; make a new one")

    __delattr__ = __setattr__

    def __repr__(self) -> str:
        return f"Hyperparameters({', '.join(f'{k}={v!r}' for k, v in self.kwargs.items())})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Hyperparameters) and other.kwargs == self.kwargs

    __hash__ = None  # settings may hold lists

    def __reduce__(self) -> tuple:
        """Copies and pickles are made as a new one is, from the settings, and checked again."""
        return _hyperparameters, (dict(self.kwargs),)


def _hyperparameters(settings: dict[str, Any]) -> Hyperparameters:
    return Hyperparameters(**settings)


def _check_json(name: str, value: Any) -> None:
    """A hyperparameter goes into a JSON body as given: it must serialise, as UTF-8, without NaN."""
    try:
        json.dumps(value, allow_nan=False, ensure_ascii=False).encode("utf-8")
    except (TypeError, ValueError) as exc:  # UnicodeEncodeError is a ValueError
        raise type(exc)(f"Hyperparameters: {name} must be JSON-serialisable text: {exc}") from None


def _check_response_format(value: Any) -> None:
    """``response_format`` in OpenAI's form, the one every provider's mapping reads."""
    if not isinstance(value, dict) or value.get("type") not in (
        "json_schema", "json_object", "text",
    ):
        raise ValueError(
            "Hyperparameters: response_format must be {'type': 'json_schema', 'json_schema': "
            "{'name': ..., 'schema': {...}}}, {'type': 'json_object'} or {'type': 'text'}"
        )
    if value["type"] == "json_schema":
        spec = value.get("json_schema")
        if (
            not isinstance(spec, dict)
            or not isinstance(spec.get("schema"), dict)
            or not isinstance(spec.get("name"), str)
            or not re.fullmatch(r"[a-zA-Z0-9_-]{1,64}", spec["name"])
        ):
            raise ValueError(
                "Hyperparameters: response_format's json_schema needs a 'name' (at most 64 "
                "letters, digits, _ or -) and a 'schema' object"
            )


def _check_stop(value: Any) -> None:
    """``stop`` is one string or a list of strings."""
    if isinstance(value, str):
        return
    if isinstance(value, (list, tuple)):
        odd = next((s for s in value if not isinstance(s, str)), None)
        if odd is None:
            return
        raise TypeError(
            f"Hyperparameters: stop must be a string or a list of strings, not a list "
            f"holding {type(odd).__name__}"
        )
    raise TypeError(
        f"Hyperparameters: stop must be a string or a list of strings, not {type(value).__name__}"
    )


def _as_hyperparameters(value: Any) -> dict[str, Any]:
    """Accept None, a Hyperparameters or a plain dict; return the checked kwargs."""
    if value is None:
        return {}
    if isinstance(value, Hyperparameters):
        value = value.kwargs  # checked again: a list or dict inside them may have changed since
    if isinstance(value, (dict, types.MappingProxyType)):
        return dict(Hyperparameters(**value).kwargs)  # the new one's own deep copy
    raise TypeError(
        f"hyperparameters must be a Hyperparameters, a dict or None, not {type(value).__name__}"
    )


# ==============================================================================
# Logging
# ==============================================================================

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_CONTROL_OR_LINE = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _printable(text: str, lines: bool = True) -> str:
    """``text`` made safe for a terminal: control characters shown as escapes (``\\x1b``).

    Escape sequences, carriage returns and bidirectional overrides from a row or a server
    can then neither recolour, overwrite nor reorder what is shown. ``lines``: keep line
    breaks and tabs (False escapes them too, so one record stays one line).
    """
    pattern = _CONTROL if lines else _CONTROL_OR_LINE
    return pattern.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


# Records of this module, their text made printable for every sink; the per-request records
# are JSON, whose own escaping keeps them on one line.
_log = logger.bind(inference_engine=True).patch(
    lambda record: record.update(message=_printable(record["message"], lines=False))
)
_inference_log = logger.bind(inference_engine=True, inference_record=True)
_logging_lock = threading.Lock()
_logging_ready = False


def _setup_logging() -> None:
    """Add the module's sinks, once per process, when the first engine is made.

    loguru's default stderr handler would print one line per request, so it is swapped
    for one that shows this module's records from INFO up and never the per-request
    inference records; other code's records pass as before. A user who already removed
    the default handler keeps their own configuration for the console.
    """
    global _logging_ready
    with _logging_lock:
        if _logging_ready:
            return
        log_dir = os.environ.get("INFERENCE_ENGINE_LOG_DIR", "logs")
        # Owner-only, and never written through a link someone placed where a log file goes.
        owner_only = {"opener": lambda path, flags: os.open(path, flags | _NOFOLLOW, 0o600)}
        file_sink = {
            "rotation": "20 MB",
            "retention": 5,
            "backtrace": False,
            "diagnose": False,
            **owner_only,
        }
        added = []
        try:
            os.makedirs(log_dir, mode=0o700, exist_ok=True)
            added.append(
                logger.add(
                    os.path.join(log_dir, "default.log"),
                    level="DEBUG",
                    filter=lambda r: (
                        "inference_engine" in r["extra"] and "inference_record" not in r["extra"]
                    ),
                    **file_sink,
                )
            )
            added.append(
                logger.add(  # JSON Lines
                    os.path.join(log_dir, "inference.log"), level="INFO", format="{message}",
                    filter=lambda r: "inference_record" in r["extra"], **file_sink,
                )
            )
        except OSError as exc:
            for handler in added:
                logger.remove(handler)
            reason = "a link is where a log file goes" if exc.errno == errno.ELOOP else exc.strerror
            raise OSError(
                exc.errno,
                f"cannot write the log folder {log_dir} ({reason}); set "
                "INFERENCE_ENGINE_LOG_DIR to a folder of your own",
            ) from None
        try:
            logger.remove(0)
        except ValueError:
            pass  # the user configured the console already
        else:
            console_level = logger.level(
                os.environ.get("INFERENCE_ENGINE_CONSOLE_LEVEL", "INFO").upper()
            ).no
            other_level = logger.level(os.environ.get("LOGURU_LEVEL", "DEBUG").upper()).no

            def console_filter(record: dict) -> bool:
                if "inference_engine" not in record["extra"]:
                    return record["level"].no >= other_level
                return (
                    "inference_record" not in record["extra"]
                    and record["level"].no >= console_level
                )

            # The sink's own level lets loguru drop lower records before any work is done.
            logger.add(
                sys.stderr, level=min(console_level, other_level), filter=console_filter,
                diagnose=False,
            )
        _logging_ready = True


def _content_logging_enabled() -> bool:
    return os.environ.get("INFERENCE_LOG_CONTENT", "true").strip().lower() not in (
        "0", "false", "no", "off",
    )


def log_inference(func: Callable) -> Callable:
    """Decorator: log when a function finishes or fails, and how long it took; sync or async.

    Arguments and return values are not logged (they may hold prompts or keys)::

        @log_inference
        def label(row): ...

        @async_log_inference
        async def label_async(row): ...
    """
    if inspect.iscoroutinefunction(func):

        @functools.wraps(func)
        async def async_wrapper(*args: Any, **kwargs: Any) -> Any:
            with _logged_call(func):
                return await func(*args, **kwargs)

        return async_wrapper

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        with _logged_call(func):
            return func(*args, **kwargs)

    return wrapper


async_log_inference = log_inference
"""The same decorator, under the name documented for coroutine functions."""


@contextlib.contextmanager
def _logged_call(func: Callable) -> Iterator[None]:
    """The decorator's one line: name, duration and, on failure, the exception's type only."""
    start = time.perf_counter()
    try:
        yield
    except BaseException as exc:
        _log.debug(
            "{} failed after {:.3f}s: {}", func.__qualname__, time.perf_counter() - start,
            type(exc).__name__,
        )
        raise
    _log.debug("{} finished in {:.3f}s", func.__qualname__, time.perf_counter() - start)


def _log_inference_record(
    adapter: _Adapter, *, text: str | None, usage: dict | None, finish_reason: str | None,
    error: BaseException | None, messages: list[dict[str, Any]] | None = None, **fields: Any,
) -> None:
    """Write one JSON line to inference.log for a finished request, online or in a provider batch.

    ``fields`` go after the model: latency and attempts online, batch id and custom_id in a
    batch. The prompt (from ``messages``, online) and the reply, truncated, only while
    INFERENCE_LOG_CONTENT allows.
    """
    record: dict[str, Any] = {
        "time": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="milliseconds"),
        "strategy": adapter.strategy,
        "model": adapter.model,
        **fields,
        "usage": usage,
        "outcome": "ok" if error is None else "error",
    }
    if error is not None:
        record["error"] = adapter.redact(f"{type(error).__name__}: {error}")
    else:
        record["finish_reason"] = finish_reason
    if _content_logging_enabled():
        if messages is not None:
            prompt = "\n".join(f"{m['role']}: {_loggable_text(m['content'])}" for m in messages)
            record["prompt"] = _truncate(prompt)
        record["reply"] = None if text is None else _truncate(text)
    # No arguments: loguru leaves the braces alone.
    _inference_log.info(json.dumps(record, ensure_ascii=False))


def _truncate(text: str, limit: int = _LOG_TEXT_LIMIT) -> str:
    return text if len(text) <= limit else text[:limit] + f"…[{len(text) - limit} more]"


# ==============================================================================
# Retry policy and rate limits
# ==============================================================================


def _env_number(name: str, default: float, minimum: float, integer: bool = False) -> float:
    """Read a numeric environment variable, with an error that names it."""
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = float(raw)
    except ValueError:
        raise ValueError(f"environment variable {name} must be a number, got {raw!r}") from None
    if value != value or value < minimum or value == float("inf"):
        raise ValueError(
            f"environment variable {name} must be a finite number >= {minimum}, got {raw!r}"
        )
    if integer:
        if value != int(value):
            raise ValueError(f"environment variable {name} must be a whole number, got {raw!r}")
        return int(value)
    return value


class _Tries:
    """One request's record of its attempts: no retry goes out at its last interval (spread)."""

    __slots__ = ("failed_at", "interval")

    def __init__(self) -> None:
        self.failed_at = 0.0  # when its last attempt failed (monotonic; 0: none has)
        self.interval = 0.0  # the interval before that attempt


class _RetryPolicy:
    """One engine's requests from first attempt to final outcome: pace, send, judge, wait, retry.

    Read from the environment per engine (or ``attempts`` given). Each request's attempt is
    :meth:`_attempt`; everything a failure decides happens on its way out of there and in
    tenacity's loop, in this class: what the limiter is told, whether to give up, how long
    to wait (:meth:`wait`), and what the log says (:meth:`_log_retry`).

    Giving up: until the first response of any kind (an HTTP error counts), failures to connect
    (refused, DNS, a connect timeout) that go on for GIVE_UP_AFTER seconds, or that number as
    many as one item's attempts, mean a wrong URL or a server that is down. The request then
    fails with UnreachableError, which stops a batch, instead of every item retrying for
    minutes. After one response it never gives up. Each batch starts a new count
    (:meth:`new_batch`). ``succeeded`` says whether any request has (the command line stops on
    a refused key until one has).
    """

    GIVE_UP_AFTER = 10.0

    def __init__(self, adapter: _Adapter, limiter: _RateLimiter, attempts: int | None = None):
        self.attempts = attempts or _env_number("RETRY_ATTEMPTS", 10, 1, integer=True)
        self.multiplier = _env_number("RETRY_WAIT_EXPONENTIAL_MULTIPLIER", 1, 0)
        self.min_wait = _env_number("RETRY_WAIT_EXPONENTIAL_MIN", 4, 0)
        self.max_wait = _env_number("RETRY_WAIT_EXPONENTIAL_MAX", 300, 0)
        if self.max_wait < self.min_wait:
            raise ValueError(
                f"RETRY_WAIT_EXPONENTIAL_MAX ({self.max_wait}) must not be below "
                f"RETRY_WAIT_EXPONENTIAL_MIN ({self.min_wait})"
            )
        self._exponential = wait_exponential(
            multiplier=self.multiplier, min=self.min_wait, max=self.max_wait
        )
        self._stop = stop_after_attempt(self.attempts)
        self._retry = retry_if_exception(lambda e: isinstance(e, InferenceError) and e.retryable)
        self.adapter = adapter
        self.limiter = limiter
        self.prices = _Prices(adapter)
        self.label = f"{adapter.strategy} {adapter.model}"  # who is retrying, for the log
        self.url = _safe_url(adapter.url)  # where requests go, as UnreachableError names it
        # Idle tenacity loops, one kind per sleep: a fresh loop per request would leave
        # reference cycles behind that only the garbage collector frees.
        self._idle: dict[Callable, list[AsyncRetrying]] = collections.defaultdict(list)
        self.answered = False
        self.succeeded = False
        self._failures = 0  # attempts that could not connect, in a row, before any answer
        self._since = 0.0
        self.retrying = 0  # requests retrying now (the engine's loop thread updates it)
        self.retried = 0  # requests that have retried, since the engine was made

    async def send(
        self, lane: _Lane, messages: list[dict[str, Any]], params: dict[str, Any]
    ) -> _Completion:
        """Send one checked conversation until it succeeds or fails for good; log one record.

        ``lane`` is the client and sleep to use. A final failure carries the number of requests
        made as ``.attempts``. ``retrying`` counts the requests retrying now and ``retried``
        those that have retried, for progress bars and job summaries.

        Most requests succeed at once and never pay for tenacity's bookkeeping: the first
        attempt runs outside it, and only a retryable failure is replayed into tenacity as
        its attempt 1, so attempt numbers, waits and retry logs stay exactly tenacity's.
        """
        start = time.perf_counter()
        tries = _Tries()
        attempts = 1
        try:
            try:
                completion = await self._attempt(lane, messages, params, tries)
            except InferenceError as error:
                if not error.retryable or self.attempts == 1:
                    raise
                failure: InferenceError | None = error
                self.retrying += 1
                self.retried += 1
                idle = self._idle[lane.sleep]
                retrying = idle.pop() if idle else AsyncRetrying(
                    retry=self._retry, stop=self._stop, wait=self.wait,
                    before_sleep=self._log_retry, reraise=True, sleep=lane.sleep,
                )
                try:
                    async for try_ in retrying:
                        with try_:
                            if failure is not None:
                                replay, failure = failure, None
                                raise replay
                            attempts += 1
                            completion = await self._attempt(lane, messages, params, tries)
                finally:
                    idle.append(retrying)
                    self.retrying -= 1
        except BaseException as exc:
            if isinstance(exc, InferenceError):
                exc.attempts = attempts
            self._log_record(messages, start, attempts, error=exc)
            raise
        if not completion.text:
            _log.warning("{}: empty reply (finish reason {})", self.label, completion.finish_reason)
        completion.usage["cost"] = self.prices.cost(completion)
        self._log_record(messages, start, attempts, *completion[:3])
        return completion

    async def _attempt(
        self, lane: _Lane, messages: list[dict[str, Any]], params: dict[str, Any], tries: _Tries
    ) -> _Completion:
        """One attempt: pace, send, classify, report; any failure comes out as an InferenceError.

        The limiter hears of every answer and every pushback (429, 503, 529). A failure to
        connect before any answer may end in UnreachableError instead
        (:meth:`_give_up_if_unreachable`). ``tries`` is the request's record of its attempts,
        for :meth:`spread`.
        """
        adapter, limiter = self.adapter, self.limiter
        tokens = _estimate_tokens(messages, params) if limiter.token_rate else 0
        while limiter.active and (wait := limiter.acquire(tokens)) > 0:
            await lane.sleep(wait)
        if tries.failed_at:  # a retry
            await self.spread(tries, lane.sleep)
        limiter.sent()
        try:
            outcome, stated = await adapter.call(lane.client, messages, params)
        except _MalformedResponse as exc:
            tries.failed_at = time.monotonic()
            self.answered = True
            raise adapter.error(TransientError, 200, f"malformed response: {exc}") from exc
        except Exception as exc:
            tries.failed_at = time.monotonic()
            # Unknown failures become InferenceErrors too, so a batch never loses its other items.
            error = adapter.classify(exc) or adapter.error(
                InferenceError, None, f"{type(exc).__name__}: {exc}"
            )
            _redact_exception(exc, adapter.secrets)
            if error.status_code in _PUSHBACK:
                limiter.pushed_back(error, self.max_wait)
            if error.status_code is not None:
                self.answered = True
            elif not self.answered and not error.connected:
                self._give_up_if_unreachable(error)
            raise error from exc
        self.answered = True
        self.succeeded = True
        limiter.answered(stated, tokens, outcome.usage["total_tokens"])
        return outcome

    def _log_record(
        self, messages: list[dict[str, Any]], start: float, attempts: int, text: str | None = None,
        usage: dict | None = None, finish_reason: str | None = None,
        error: BaseException | None = None,
    ) -> None:
        """Write one JSON line to inference.log for a finished request."""
        _log_inference_record(
            self.adapter, text=text, usage=usage, finish_reason=finish_reason, error=error,
            messages=messages, latency_s=round(time.perf_counter() - start, 4), attempts=attempts,
        )

    def new_batch(self) -> None:
        """A batch begins: a new count of attempts that could not connect."""
        self._failures = 0

    def _give_up_if_unreachable(self, error: InferenceError) -> None:
        """Raise UnreachableError for an attempt that could not connect, when it is time to stop
        trying an address that has never answered; otherwise return."""
        now = time.monotonic()
        if self._failures == 0:
            self._since = now
        self._failures += 1
        if self._failures < self.attempts and now - self._since < self.GIVE_UP_AFTER:
            return
        tried = f"{self._failures} attempts in {now - self._since:.0f}s, none answered"
        raise UnreachableError(
            f"{error.strategy}: nothing answers at {self.url}: {error.cause} "
            f"({tried}); check the URL and that the server is up",
            strategy=error.strategy,
        ) from error.__cause__

    async def spread(self, tries: _Tries, sleep: Callable) -> None:
        """Just before a retry goes out: keep it off its last interval.

        A retry's interval is its wait plus its turn at the pace, and a long turn can make two
        intervals alike however the waits differ; so a retry that would go out at its last
        interval again (within 5%) waits a tenth to a fifth of it longer.
        """
        interval = time.monotonic() - tries.failed_at
        if abs(interval - tries.interval) <= 0.05 * tries.interval:
            extra = tries.interval * random.uniform(0.1, 0.2)
            await sleep(extra)
            interval += extra
        tries.interval = interval

    def wait(self, state: RetryCallState) -> float:
        """How long one request waits before its next attempt; the rule that set it goes to the log.

        - The server's Retry-After is a floor: jitter goes on top, a tenth to a third of it.
        - Without one, jittered exponential backoff.
        - Either way, each wait of a request is longer than its last (a fifth to a half longer),
          so that no request retries at the same interval twice, and requests that failed
          together never retry together. All waits are capped at RETRY_WAIT_EXPONENTIAL_MAX,
          jittered below it.
        """
        retry_after = getattr(state.outcome.exception(), "retry_after", None)
        if retry_after is not None:
            wait = retry_after * random.uniform(1.1, 1.33)
            rule = f"Retry-After {retry_after:g}s plus jitter"
        else:
            wait = max(self.min_wait, self._exponential(state) * random.uniform(0.75, 1.25))
            rule = "backoff"
        # tenacity's: this request's last wait, 0.0 before the first
        previous = state.upcoming_sleep
        if previous and wait < previous * 1.2:
            wait = previous * random.uniform(1.2, 1.5)
            rule = f"longer than its last wait, {previous:.2f}s"
        if wait > self.max_wait:
            wait = self.max_wait * random.uniform(0.9, 1.0)
            rule = "the cap, RETRY_WAIT_EXPONENTIAL_MAX"
        state.wait_rule = rule
        return wait

    def _log_retry(self, state: RetryCallState) -> None:
        """tenacity's before_sleep: one warning per failed attempt that will be retried, naming the
        cause and host."""
        error = state.outcome.exception()
        _log.warning(
            "{}: attempt {}/{} failed ({}, status {}): {}; retrying in {:.2f}s ({})", self.label,
            state.attempt_number, self.attempts, type(error).__name__,
            getattr(error, "status_code", None), error, state.next_action.sleep,
            getattr(state, "wait_rule", "backoff"),
        )


class _RateLimiter:
    """Paces an engine's requests and tokens; shared by every call on one engine, from any thread.

    The pace comes from three sources, and the slowest is in force:

    - your limit: ``requests_per_minute`` and ``tokens_per_minute``, never exceeded;
    - from headers: the per-minute limits the provider states on its responses (the
      adapter reads them), from the first response on. A limit with nothing remaining
      holds every request until one request's worth (or the last request's tokens) is
      back, reading the stated reset as a steady refill;
    - adaptive: with no limit stated, a 429 or an overloaded answer (503, 529) cuts the
      request rate to BACKOFF of the pace (unpaced: of what got through in the last second).
      The rate then climbs back over RECOVERY seconds along a cubic, as TCP CUBIC does:
      quickly at first, then flat near the rate that was pushed back, where it spends most
      of its time; past RECOVERY it doubles every DOUBLING seconds until pushed back
      again, so that a limit that was raised, or an estimate that was low, is found fast.

    Requests go out one every 1/rate seconds, never in a burst; tokens may run ahead of
    the token rate by at most one second's share (a GCRA schedule). A 429 also holds
    every request for its Retry-After (COOL_DOWN without one); the pace then spreads them
    out again. Before any of this applies nothing is paced: ``active`` is False and
    callers skip :meth:`acquire`. The sends made meanwhile are counted, so that a pace
    learned from the first responses starts after the burst that is still in flight.
    A caller asks acquire for a turn and sleeps as long as it says, then asks again.
    Turns are taken when they come, not booked ahead, so a sender that wakes late pushes
    the next one back instead of two requests going out closer together than the pace.
    """

    COOL_DOWN = 1.0  # seconds everyone waits after a 429 that gave no Retry-After
    # the share of a stated limit paced to: a request that arrives early is not refused
    MARGIN = 0.98
    BACKOFF = 0.8  # the adaptive cut: this share of what was getting through
    RECOVERY = 10.0  # seconds for the adaptive rate to climb back to where it was cut
    DOUBLING = 2.0  # seconds for the adaptive rate to double, once past where it was cut
    MIN_RATE = 1 / 60  # requests a second the adaptive rate never goes below

    def __init__(
        self, requests_per_minute: float | None = None, tokens_per_minute: float | None = None
    ):
        self._lock = threading.Lock()
        # Each source's pace: seconds between requests, and tokens a second (0: none).
        self.user_interval = 60.0 / requests_per_minute if requests_per_minute else 0.0
        self.user_token_rate = tokens_per_minute / 60.0 if tokens_per_minute else 0.0
        self.stated_interval = 0.0  # from the provider's headers
        self.stated_token_rate = 0.0
        self._stated_limits = (None, None)  # the last limits stated, to log a change once
        self._cut_rate = 0.0  # adaptive: the rate that was pushed back (0: never)
        self._cut_at = -math.inf
        # when the last second's successes came
        self._recent: collections.deque[float] = collections.deque()
        self._unpaced = 0  # sends made while nothing was paced
        self._next_request = 0.0
        self._token_tat = 0.0  # when the tokens booked so far are paid off at the token rate
        self._paused_until = 0.0
        self._last_tokens = 1
        self.rate_limited = 0  # responses with status 429, for the job summaries
        self.request_interval = self.user_interval  # in force, from the slowest source
        self.token_rate = self.user_token_rate
        self.source = "your limit"
        # False: nothing to ask until a source applies
        self.active = bool(requests_per_minute or tokens_per_minute)

    # --- the hot path -------------------------------------------------------------

    def acquire(self, tokens: int) -> float:
        """Take the turn to send about ``tokens`` (return 0), or say how long to wait first."""
        with self._lock:
            now = time.monotonic()
            if self._cut_rate:
                self._set_pace(now)  # the adaptive rate moves with time
            ready = max(
                self._next_request, self._paused_until,
                self._token_tat - 1.0 if self.token_rate else 0.0,
            )
            if ready > now:
                return ready - now
            if self.request_interval:
                self._next_request = now + self.request_interval
            if self.token_rate:
                self._token_tat = max(self._token_tat, now) + tokens / self.token_rate
            return 0.0

    def sent(self) -> None:
        """A request goes out now."""
        if not self.request_interval:
            self._unpaced += 1

    def answered(self, stated: _Stated | None, estimated: int, actual: int) -> None:
        """A request succeeded, using ``actual`` tokens; ``stated``: the limits its reply stated."""
        now = time.monotonic()
        recent = self._recent
        recent.append(now)
        try:
            while now - recent[0] > 1.0:
                recent.popleft()
        except IndexError:  # another thread popped the last one between the test and the pop
            pass
        if stated is None and not self.token_rate:
            return
        with self._lock:
            self._last_tokens = max(actual, 1)
            if self.token_rate and actual != estimated:
                self._token_tat += (actual - estimated) / self.token_rate
            if stated is not None:
                self._observe(stated, now)

    # --- pushback -----------------------------------------------------------------

    def pushed_back(self, error: InferenceError, max_wait: float) -> None:
        """A 429, 503 or 529 came back."""
        with self._lock:
            now = time.monotonic()
            stated = error.stated
            if error.status_code == 429:
                self.rate_limited += 1
                if not error.retryable:
                    return  # an exhausted quota: no pace helps
                if stated is None:  # stated limits say themselves how long to hold
                    pause = min(
                        max_wait, self.COOL_DOWN if error.retry_after is None else error.retry_after
                    )
                    if now + pause > self._paused_until:
                        self._paused_until = now + pause
                        _log.debug(
                            "holding every request {:.2f}s: {}",
                            pause,
                            "the 429's Retry-After"
                            if error.retry_after is not None
                            else "a 429 without Retry-After",
                        )
                    self.active = True
            if stated is not None:
                self._observe(stated, now)  # the stated limits rule; nothing to guess
                return
            # The adaptive cut. The rate cut is the pace in force, but no more than the higher
            # of the rate cut last time and what got through in the last second: a pace that
            # doubled past the last cut without finding more room goes back to where it was.
            # While nothing gets through there is no rate to cut: the retries' backoff holds
            # back instead. At most one cut per RECOVERY, by which time the rate has climbed
            # back to where it was cut: pushback that comes at random, from a flaky server,
            # then moves the rate between the cut and its level, instead of cutting it again
            # and again to nothing.
            recent = self._recent
            if recent and now - recent[-1] <= 1.0 and now - self._cut_at >= self.RECOVERY:
                pace = 1.0 / self.request_interval if self.request_interval else math.inf
                base = min(pace, max(self._cut_rate, len(recent)))
                self._cut_rate = max(base, self.MIN_RATE / self.BACKOFF)
                self._cut_at = now
                self._set_pace(now)
                rate = 1.0 / self.request_interval
                _log.debug(
                    "pace {:.3g}/s ({}): HTTP {} at {:.3g}/s", rate, self.source, error.status_code,
                    base,
                )

    # --- the pace -------------------------------------------------------------------

    def _observe(self, stated: _Stated, now: float) -> None:
        """Take in the limits a response stated, for requests and for tokens."""
        requests, tokens = stated
        limits = (requests.per_minute, tokens.per_minute)
        self.stated_interval = 60.0 / (limits[0] * self.MARGIN) if limits[0] else 0.0
        self.stated_token_rate = limits[1] * self.MARGIN / 60.0 if limits[1] else 0.0
        if limits != self._stated_limits:
            self._stated_limits = limits
            self._set_pace(now)
            _log.debug("the provider states {} requests and {} tokens a minute", *limits)
        for kind, (limit, left, reset), need in (
            ("requests", requests, 1),
            ("tokens", tokens, self._last_tokens),
        ):
            if limit and left is not None and left < need:
                # Nothing left: read the reset as a steady refill, and wait until `need` more is
                # back.
                seconds = _seconds_until(reset) if reset else None
                hold = (
                    60.0 * need / limit
                    if seconds is None
                    else seconds * (need - left) / max(limit - left, 1)
                )
                if now + hold > self._paused_until:
                    self._paused_until = now + hold
                    _log.debug(
                        "holding every request {:.2f}s: the provider states {} of {} {} left", hold,
                        left, limit, kind,
                    )
                self.active = True

    def _set_pace(self, now: float) -> None:
        """The slowest of the three sources, in force from now."""
        adaptive = 0.0
        if self._cut_rate:
            since = now - self._cut_at
            if since < self.RECOVERY:
                u = since / self.RECOVERY - 1.0
                rate = self._cut_rate * (1.0 + (1.0 - self.BACKOFF) * u * u * u)
            else:
                rate = self._cut_rate * 2.0 ** min((since - self.RECOVERY) / self.DOUBLING, 60.0)
            adaptive = 1.0 / max(self.MIN_RATE, rate)
        sources = (
            (self.user_interval, "your limit"), (self.stated_interval, "from headers"),
            (adaptive, "adaptive"),
        )
        interval, source = max(sources)
        if interval and not self.request_interval:
            # The first pace: the sends made unpaced still count, up to one second's worth, from now
            # (not from when they went out: the server may have seen them later).
            backlog = min(self._unpaced, 1.0 / interval)
            self._next_request = max(self._next_request, now + backlog * interval)
            self._unpaced = 0
        token_rates = [rate for rate in (self.user_token_rate, self.stated_token_rate) if rate]
        self.request_interval = interval
        self.token_rate = min(token_rates, default=0.0)
        tokens_only = "your limit" if self.user_token_rate else "from headers"
        self.source = source if interval else tokens_only
        self.active = self.active or bool(interval or self.token_rate)

    def pace(self) -> str:
        """The request pace in force and its source: ``20/s (from headers)``; empty if none."""
        if not self.request_interval:
            return ""
        rate = 1.0 / self.request_interval
        return (
            f"{rate:.3g}/s ({self.source})" if rate >= 1 else f"{rate * 60:.3g}/min ({self.source})"
        )


_DURATION = re.compile(
    r"(?:(\d+(?:\.\d+)?)h)?(?:(\d+(?:\.\d+)?)m)?(?:(\d+(?:\.\d+)?)s)?(?:(\d+(?:\.\d+)?)ms)?"
)


def _seconds_until(value: str) -> float | None:
    """A stated reset as seconds from now: OpenAI's duration ("1s", "6m0s", "20ms"), plain seconds,
    or Anthropic's RFC 3339 time; None if it is none of these."""
    match = _DURATION.fullmatch(value.strip())
    if match and any(match.groups()):
        hours, minutes, seconds, millis = (float(g) if g else 0.0 for g in match.groups())
        return hours * 3600 + minutes * 60 + seconds + millis / 1000
    try:
        return float(value)
    except ValueError:
        pass
    text = value.strip()
    if text.endswith(("Z", "z")):  # RFC 3339's UTC, which fromisoformat reads from 3.11 on
        text = text[:-1] + "+00:00"
    try:
        return max(0.0, datetime.datetime.fromisoformat(text).timestamp() - time.time())
    except ValueError:
        return None


# ==============================================================================
# Message and parameter mapping (pure functions)
# ==============================================================================


def _check_encodable(text: str, where: str) -> str:
    """Refuse text that cannot be sent as UTF-8 (lone surrogates), before an SDK chokes on it."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ValueError(
            f"{where}: text is not valid Unicode ({exc.reason} at position {exc.start})"
        ) from None
    return text


def _message_content(content: Any, where: str, role: str) -> str | list[dict[str, Any]]:
    """Check one message's content: a string, or parts, each text or (user messages) an image.

    Parts come out as ``{"type": "text", "text"}`` or ``{"type": "image_url", "image_url": {"url",
    "detail"?}}``, each with its ``cache_control`` if it had one.
    """
    if isinstance(content, str):
        return _check_encodable(content, where)
    if isinstance(content, list):
        if not content:
            raise ValueError(f"{where}: content list is empty")
        parts = []
        for j, part in enumerate(content):
            at = f"{where}, content part {j}"
            if isinstance(part, str):
                parts.append({"type": "text", "text": _check_encodable(part, at)})
                continue
            if not isinstance(part, dict):
                raise TypeError(f"{at} must be a dict or str, not {type(part).__name__}")
            kind = part.get("type", "text")
            if kind == "text":
                if not isinstance(part.get("text"), str):
                    raise TypeError(f"{at} needs a string 'text'")
                clean: dict[str, Any] = {"type": "text", "text": _check_encodable(part["text"], at)}
            elif kind == "image_url":
                if role != "user":
                    raise ValueError(f"{at}: images go in user messages only, not {role} messages")
                clean = {"type": "image_url", "image_url": _image_url(part.get("image_url"), at)}
            else:
                raise ValueError(f"{at} has type {kind!r}; expected 'text' or 'image_url'")
            if "cache_control" in part:
                clean["cache_control"] = _cache_control(part["cache_control"], at)
            parts.append(clean)
        return parts
    if content is None:
        raise ValueError(f"{where}: content is missing")
    raise TypeError(
        f"{where}: content must be a string or a list of parts, not {type(content).__name__}"
    )


IMAGE_TOKEN_ESTIMATE = 1000
"""Tokens an image counts as when pacing tokens a minute, before the provider counts it."""

_IMAGE_TYPES = ("image/png", "image/jpeg", "image/gif", "image/webp")
_DATA_URL = re.compile(r"data:([\w.+-]+/[\w.+-]+);base64,([A-Za-z0-9+/]*={0,2})")


def _image_url(value: Any, at: str) -> dict[str, str]:
    """An image part's ``image_url``: a data URL (base64, of a known image type) or an http(s) URL,
    and its detail."""
    if isinstance(value, str):
        value = {"url": value}
    if not isinstance(value, dict) or not isinstance(value.get("url"), str):
        raise TypeError(
            f"{at}: an image_url part needs {{'image_url': {{'url': ...}}}} with a string url"
        )
    unknown = sorted(set(value) - {"url", "detail"})
    if unknown:
        raise ValueError(f"{at}: image_url has unknown key {unknown[0]!r}; expected url and detail")
    url = value["url"]
    detail = value.get("detail")
    if url.startswith("data:"):
        match = _DATA_URL.fullmatch(url)
        if match is None or not match.group(2) or len(match.group(2)) % 4:
            raise ValueError(
                f"{at}: malformed data URL; expected data:image/png;base64,<base64 data>"
            )
        if match.group(1) not in _IMAGE_TYPES:
            raise ValueError(
                f"{at}: image type {match.group(1)!r} is not one of {', '.join(_IMAGE_TYPES)}"
            )
    elif _is_url(url):
        _check_http_url(url, at)
    else:
        raise ValueError(f"{at}: an image url must be a data: URL or an http:// or https:// URL")
    if detail is not None and detail not in ("auto", "low", "high"):
        raise ValueError(f"{at}: image detail must be 'auto', 'low' or 'high', got {detail!r}")
    return {"url": url} if detail is None else {"url": url, "detail": detail}


def _image_data(url: str) -> tuple[str, str, int] | None:
    """A checked data URL's (MIME type, base64 data, size in bytes); None for an http(s) URL."""
    match = _DATA_URL.fullmatch(url)
    if match is None:
        return None
    data = match.group(2)
    return match.group(1), data, len(data) * 3 // 4 - data.count("=", -2)


def _cache_control(value: Any, at: str) -> dict[str, str]:
    """A part's ``cache_control``: ``{"type": "ephemeral"}``, with a ``ttl`` of "5m" or "1h"."""
    if (
        not isinstance(value, dict)
        or value.get("type") != "ephemeral"
        or set(value) - {"type", "ttl"}
    ):
        raise ValueError(
            f"{at}: cache_control must be {{'type': 'ephemeral'}}, with an optional 'ttl'"
        )
    if "ttl" in value and value["ttl"] not in ("5m", "1h"):
        raise ValueError(f"{at}: cache_control ttl must be '5m' or '1h', got {value['ttl']!r}")
    return dict(value)


def _normalise_messages(messages: Any, adapter: _Adapter | None = None) -> list[dict[str, Any]]:
    """Check OpenAI-style chat messages and return clean copies: [{"role", "content"}].

    Raises ValueError or TypeError, naming the message (and the part), for anything malformed;
    with an ``adapter``, also for images that provider does not take (its types, sizes, URLs).
    """
    if not isinstance(messages, (list, tuple)):
        raise TypeError(f"messages must be a list of message dicts, not {type(messages).__name__}")
    if not messages:
        raise ValueError("messages is empty")
    clean = []
    image_bytes = 0
    for i, message in enumerate(messages):
        where = f"message {i}"
        if not isinstance(message, dict):
            raise TypeError(f"{where} must be a dict, not {type(message).__name__}")
        role = message.get("role")
        if role not in _ROLES:
            raise ValueError(f"{where}: role must be one of {', '.join(_ROLES)}, got {role!r}")
        if "content" not in message:
            raise ValueError(f"{where}: content is missing")
        content = _message_content(message["content"], where, role)
        if adapter is not None and not isinstance(content, str):
            for j, part in enumerate(content):
                if part["type"] == "image_url":
                    image_bytes += adapter.check_image(
                        part["image_url"]["url"], f"{where}, content part {j}"
                    )
        clean.append({"role": role, "content": content})
    if adapter is not None and image_bytes > adapter.max_request_image_bytes:
        raise ValueError(
            f"the images come to {image_bytes / 2**20:.1f} MB, over the "
            f"{adapter.max_request_image_bytes / 2**20:g} MB that strategy {adapter.strategy!r} "
            "takes in one request"
        )
    if all(m["role"] == "system" for m in clean):
        raise ValueError("messages need at least one user or assistant message")
    return clean


def _plain_text(content: str | list[dict[str, Any]]) -> str:
    """The text of a normalised content, its text parts joined."""
    return (
        content
        if isinstance(content, str)
        else "".join(p["text"] for p in content if p["type"] == "text")
    )


def _loggable_text(content: str | list[dict[str, Any]]) -> str:
    """A content as the log shows it: its text, each image as a placeholder (``[image/png, 48
    KB]``), never its bytes."""
    if isinstance(content, str):
        return content
    pieces = []
    for part in content:
        if part["type"] == "text":
            pieces.append(part["text"])
        elif (image := _image_data(part["image_url"]["url"])) is not None:
            pieces.append(f"[{image[0]}, {math.ceil(image[2] / 1024)} KB]")
        else:
            pieces.append(f"[image at {_host(part['image_url']['url'])}]")
    return "".join(pieces)


def _images(content: str | list[dict[str, Any]]) -> int:
    return 0 if isinstance(content, str) else sum(part["type"] == "image_url" for part in content)


def _split_system(messages: list[dict[str, Any]]) -> tuple[str | None, list[dict[str, Any]]]:
    """Take the system messages out (joined by blank lines) for providers that want them apart."""
    system = [_plain_text(m["content"]) for m in messages if m["role"] == "system"]
    rest = [m for m in messages if m["role"] != "system"]
    return ("\n\n".join(system) if system else None), rest


def _stop_sequences(stop: str | list[str]) -> list[str]:
    """``stop`` as the list that Anthropic's and Gemini's ``stop_sequences`` take."""
    return [stop] if isinstance(stop, str) else list(stop)


def _usage(
    prompt: int | None, completion: int | None, total: int | None = None, cached: int | None = None,
    reasoning: int | None = None, cache_creation: int | None = None,
) -> dict[str, int]:
    """The one usage dict every provider's numbers are mapped into."""
    prompt, completion = int(prompt or 0), int(completion or 0)
    usage = {
        "prompt_tokens": prompt, "completion_tokens": completion,
        "total_tokens": int(total) if total else prompt + completion,
    }
    if cached is not None:
        usage["cached_tokens"] = int(cached)
    if reasoning is not None:
        usage["reasoning_tokens"] = int(reasoning)
    if cache_creation is not None:
        usage["cache_creation_tokens"] = int(cache_creation)
    return usage


def _without_cache_control(messages: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The messages with no part's ``cache_control``, for providers that cache by themselves (and
    refuse the field)."""
    if not any(
        not isinstance(m["content"], str) and any("cache_control" in p for p in m["content"])
        for m in messages
    ):
        return messages
    return [
        m
        if isinstance(m["content"], str)
        else {
            "role": m["role"],
            "content": [{k: v for k, v in p.items() if k != "cache_control"} for p in m["content"]],
        }
        for m in messages
    ]


_GEMINI_TYPES = {
    "string": "STRING", "number": "NUMBER", "integer": "INTEGER", "boolean": "BOOLEAN",
    "array": "ARRAY", "object": "OBJECT",
}
_SCHEMA_ANNOTATIONS = frozenset(
    {"title", "$schema", "$id", "$comment", "examples", "default", "deprecated"}
)
"""JSON Schema keywords that describe a schema without constraining what matches it."""


def _gemini_schema(schema: Any, path: str = "schema") -> dict[str, Any]:
    """A JSON Schema as Gemini's response_schema, an OpenAPI subset: type (one, or one and "null"),
    format, description, nullable, enum (of strings), properties, required, items, minItems and
    maxItems.

    ``additionalProperties: false`` is what Gemini's objects do anyway, and annotations such as
    ``title`` constrain nothing. Any other keyword is a ValueError naming it: a constraint is never
    dropped.
    """
    if not isinstance(schema, dict):
        raise ValueError(f"response_format: {path} must be a JSON Schema object")
    out: dict[str, Any] = {}
    for keyword, value in schema.items():
        where = f"{path}.{keyword}"
        if keyword == "type":
            types = value if isinstance(value, list) else [value]
            named = [t for t in types if t != "null"]
            if len(named) != 1 or named[0] not in _GEMINI_TYPES:
                raise ValueError(
                    f"strategy 'gemini' cannot express {where} = {value!r}: one type, or one and "
                    "'null'"
                )
            out["type"] = _GEMINI_TYPES[named[0]]
            if "null" in types:
                out["nullable"] = True
        elif keyword in ("description", "format") and isinstance(value, str):
            out[keyword] = value
        elif keyword == "nullable" and isinstance(value, bool):
            out["nullable"] = value
        elif (
            keyword == "enum" and isinstance(value, list) and all(isinstance(v, str) for v in value)
        ):
            out["enum"] = value
        elif (
            keyword == "required"
            and isinstance(value, list)
            and all(isinstance(v, str) for v in value)
        ):
            out["required"] = value
        elif keyword == "properties" and isinstance(value, dict):
            out["properties"] = {
                name: _gemini_schema(sub, f"{where}.{name}") for name, sub in value.items()
            }
        elif keyword == "items":
            out["items"] = _gemini_schema(value, where)
        elif (
            keyword in ("minItems", "maxItems")
            and isinstance(value, int)
            and not isinstance(value, bool)
        ):
            out["min_items" if keyword == "minItems" else "max_items"] = value
        elif (
            keyword == "additionalProperties" and value is False
        ) or keyword in _SCHEMA_ANNOTATIONS:
            continue
        else:
            raise ValueError(
                f"strategy 'gemini' cannot express the JSON Schema keyword {keyword!r} "
                f"(at {where}) in its response_schema; remove it, or send this schema to another "
                "provider"
            )
    if "type" not in out:
        raise ValueError(f"strategy 'gemini' needs a 'type' at {path} of the schema")
    if "enum" in out:
        out.setdefault("format", "enum")  # Gemini's enums are strings of format "enum"
    return out


def _estimate_tokens(messages: list[dict[str, Any]], params: dict[str, Any]) -> int:
    """Tokens a request will count against TPM, before it is sent: its prompt's estimate
    (_prompt_tokens) plus max_tokens."""
    return _prompt_tokens(messages) + int(params.get("max_tokens") or 0)


def _prompt_tokens(messages: list[dict[str, Any]]) -> int:
    """A prompt's tokens, estimated before it is sent: ~4 characters a token, but a token for
    each Chinese, Japanese or Korean character, and IMAGE_TOKEN_ESTIMATE an image.

    Against Gemma 3's tokenizer (README: What it costs) it is within 0.6x to 1.8x: English
    1.2x, Japanese 1.8x, Chinese 1.3x, JSON 0.6x. Four characters a token alone read
    Chinese and Japanese at 0.4x to 0.5x.
    """
    text = "".join(_plain_text(m["content"]) for m in messages)
    wide = len(_CJK.findall(text)) if not text.isascii() else 0
    images = sum(_images(m["content"]) for m in messages)
    return (len(text) - wide) // 4 + wide + 1 + images * IMAGE_TOKEN_ESTIMATE


# Kana, CJK ideographs, Hangul syllables, compatibility ideographs, half-width kana
_CJK = re.compile(
    r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\uff66-\uff9f]"
)


# ==============================================================================
# Provider adapters and their registry
# ==============================================================================


class _Adapter:
    """One provider, in the same parts for every provider.

    - settings and key: ``strategy``, ``key_env`` (environment variables tried for the
      key, in order), ``options`` (connection_details keys beyond the common ones) and
      ``unsupported`` (hyperparameters refused before sending);
    - ``make_client``: the SDK client, with the SDK's own retries off;
    - ``request(messages, params) -> body``: pure, a JSON-ready dict;
    - ``send(client, body) -> (response body, headers)``: the only part that talks to the SDK;
    - ``read(response body) -> _Completion(text, usage, finish_reason)``: pure;
    - ``classify(exc)``: the SDK's exceptions as the module's own, through ``status_error``;
    - ``limit_headers``: where the provider states its rate limits, read by ``stated_limits``;
    - ``quota_phrases`` and ``retry_delay``: how its 429s say a quota is spent, and where
      its error bodies say how long to wait (beyond the Retry-After headers every one reads).

    :meth:`call` puts them together. Adding a provider is one subclass and one line in
    ``_ADAPTERS``.
    """

    strategy = ""
    key_env: tuple[str, ...] = ()
    options: dict[str, bool] = {}  # extra connection_details key -> required?
    unsupported: frozenset[str] = frozenset()  # hyperparameters this provider rejects
    default_url = ""  # where requests go without a base_url, for error messages
    base_url_env: str | None = None  # the SDK's own variable for base_url, read when none is given
    # header -> (0 requests or 1 tokens, 0 limit, 1 remaining or 2 reset)
    limit_headers: dict[str, tuple[int, int]] = {}
    quota_phrases: tuple[str, ...] = ()  # in a 429's text: the quota is spent, no retry helps
    price_provider = ""  # its id in genai-prices' table
    default_max_tokens: int | None = None  # what the engine sends without max_tokens
    retry_delay: re.Pattern | None = None  # seconds to wait, in an error body (Gemini's)
    image_types: tuple[str, ...] = _IMAGE_TYPES  # what a data URL may carry
    max_image_bytes = 20 * 1024 * 1024  # one image, decoded
    # every image of one request: OpenAI's 50 MB, as base64
    max_request_image_bytes = 37 * 1024 * 1024
    image_urls = True  # takes http(s) image URLs (the provider fetches them)

    def __init__(self, details: dict[str, Any], model: str):
        allowed = {"strategy", "api_key", "timeout", *self.options}
        for key in details:
            if key not in allowed:
                raise ValueError(
                    f"connection_details: unknown key {key!r} for strategy {self.strategy!r}; "
                    f"expected some of {', '.join(sorted(allowed))}"
                )
        for key, value in details.items():
            if key not in ("timeout",) and value is not None and not isinstance(value, str):
                raise TypeError(
                    f"connection_details[{key!r}] must be a string, not {type(value).__name__}"
                )
        for key, required in self.options.items():
            if required and not details.get(key):
                raise ValueError(
                    f"connection_details[{key!r}] is required for strategy {self.strategy!r}"
                )
        urls = [
            (f"connection_details[{key!r}]", details.get(key))
            for key in ("base_url", "azure_endpoint")
        ]
        urls.append(
            (
                f"the environment variable {self.base_url_env}",
                os.environ.get(self.base_url_env or ""),
            )
        )
        for where, url in urls:
            if url:
                _check_endpoint(url, where)
        self.model = model
        self.details = details
        # Where requests go: the SDKs read their *_BASE_URL variable when no base_url is given.
        self.url = next((url for _, url in urls if url), self.default_url)
        self.where = f"{self.strategy} ({model}) at {_host(self.url)}"  # for error messages
        self.key_source = "connection_details['api_key']"
        self.api_key = details.get("api_key")
        if not self.api_key:
            self.key_source = next((e for e in self.key_env if os.environ.get(e)), "")
            self.api_key = os.environ.get(self.key_source)
        if not self.api_key:
            raise ValueError(
                f"no API key for strategy {self.strategy!r}: pass connection_details['api_key'] "
                f"or set {' or '.join(self.key_env)}"
            )
        # it goes into an HTTP header; never echo it
        if not re.fullmatch(r"[\x21-\x7e]+", self.api_key):
            raise ValueError(
                f"the API key for strategy {self.strategy!r} has spaces or characters an HTTP "
                "header cannot carry"
            )
        timeout = details.get("timeout", DEFAULT_TIMEOUT)
        if isinstance(timeout, bool) or not isinstance(timeout, (int, float)):
            raise TypeError(
                "connection_details['timeout'] must be a number of seconds, not "
                f"{type(timeout).__name__}"
            )
        if not 0 < timeout < float("inf"):
            raise ValueError(
                f"connection_details['timeout'] must be a positive number of seconds, got {timeout}"
            )
        self.timeout = float(timeout)
        # Never shown in a message (a URL cannot carry a user, password or query: _check_endpoint).
        self.secrets = (self.api_key,)

    def endpoint(self) -> str:
        """Where requests go, as results are kept by (_item_keys): the URL without its user,
        password, query or final slash; for azure, the api-version too."""
        parts = urllib.parse.urlsplit(self.url)
        netloc = parts.netloc.rpartition("@")[2].lower()
        path = parts.path.rstrip("/")
        url = urllib.parse.urlunsplit((parts.scheme.lower(), netloc, path, "", ""))
        if "api_version" in self.details:
            return f"{url} api-version={self.details['api_version']}"
        return url

    def redact(self, text: str) -> str:
        """``text`` with the key masked."""
        return _redact(text, self.secrets)

    def plain_http_warning(self) -> str | None:
        """A warning when a key from the environment goes unencrypted to another machine."""
        if (
            self.key_source.startswith("connection_details")
            or self.url == self.default_url
            or not self.url.lower().startswith("http://")
            or _is_loopback(self.url)
        ):
            return None
        return (
            f"{self.strategy}: the key from {self.key_source} is sent over plain http:// to "
            f"{_host(self.url)}, where anyone on the way can read it; use https://, or a key "
            "meant for that server"
        )

    def check_params(self, params: dict[str, Any]) -> None:
        """Refuse, before sending, hyperparameters this provider does not take, or cannot map."""
        bad = sorted(self.unsupported & params.keys())
        if bad:
            raise ValueError(
                f"strategy {self.strategy!r} does not support hyperparameter(s): {', '.join(bad)}"
            )
        # a response_format it cannot express, say
        self.request([{"role": "user", "content": "?"}], params)

    def check_image(self, url: str, at: str) -> int:
        """Refuse, before sending, an image this provider does not take: its type, its size, an URL
        it cannot fetch. Return its size in bytes (0 for a URL)."""
        image = _image_data(url)
        if image is None:
            if not self.image_urls:
                raise ValueError(
                    f"{at}: strategy {self.strategy!r} takes images inline only: give a data: URL "
                    "(on the command line, a file path); an http(s) URL is not fetched"
                )
            return 0
        return self.check_inline_image(image[0], image[2], at)

    def check_inline_image(self, mime: str, size: int, at: str) -> int:
        """Refuse an image of a type or size this provider does not take; return its size."""
        if mime not in self.image_types:
            raise ValueError(
                f"{at}: strategy {self.strategy!r} does not take {mime} images, only "
                f"{', '.join(self.image_types)}"
            )
        if size > self.max_image_bytes:
            raise ValueError(
                f"{at}: the image is {size / 2**20:.1f} MB, over the "
                f"{self.max_image_bytes / 2**20:g} MB that strategy {self.strategy!r} takes an "
                "image"
            )
        return size

    def make_client(self, sync: bool = False) -> Any:
        """Create the SDK client (async, or blocking for ``sync``), with the SDK's own retries off.

        Called once per engine for each kind; the client must have a ``close()`` (which
        may be a coroutine).
        """
        raise NotImplementedError

    def request(self, messages: list[dict[str, Any]], params: dict[str, Any]) -> dict[str, Any]:
        """The request body for checked messages and hyperparameters (pure)."""
        raise NotImplementedError

    async def send(self, client: Any, body: dict[str, Any]) -> tuple[Any, Any]:
        """Send a body with either kind of client; return the response body as JSON, and headers."""
        raise NotImplementedError

    def read(self, body: Any) -> _Completion:
        """Text, usage and finish reason from a response body (pure); else _MalformedResponse."""
        raise NotImplementedError

    def classify(self, exc: BaseException) -> InferenceError | None:
        """Map an SDK exception to the module's own; None if it is not a provider failure."""
        raise NotImplementedError

    async def call(
        self, client: Any, messages: list[dict[str, Any]], params: dict[str, Any]
    ) -> tuple[_Completion, _Stated | None]:
        """One request: build, send, read; return its _Completion and the limits its reply stated.

        A reply without what every valid one has is a _MalformedResponse."""
        response, headers = await self.send(client, self.request(messages, params))
        try:
            return self.read(response), self.stated_limits(headers)
        except (_MalformedResponse, AttributeError, KeyError, IndexError, TypeError) as exc:
            raise _MalformedResponse(str(exc) or type(exc).__name__) from exc

    def stated_limits(self, headers: Any) -> _Stated | None:
        """The rate limits a response's headers state, as _RateLimiter takes them; None if none."""
        if headers is None or not self.limit_headers:
            return None
        found = None
        # one pass: a lookup by name scans the headers each time
        for name, value in headers.items():
            where = self.limit_headers.get(name)
            if where is not None:
                found = found or [[None, None, None], [None, None, None]]
                found[where[0]][where[1]] = value
        if found is None:
            return None
        requests, tokens = (
            _Limit(_stated_number(limit, positive=True), _stated_number(left), reset)
            for limit, left, reset in found
        )
        return _Stated(requests, tokens)

    def status_error(
        self, status: int | None, body: Any, headers: Any = None, said: str = ""
    ) -> InferenceError:
        """The module's exception for an HTTP error response, with all it says.

        - Its class comes from the status; a 429 whose text names a spent quota is not retried.
        - Its message is the error body's ``message [code]``, as OpenAI and Anthropic write
          it; else ``said``, else the body itself.
        - It waits at least what the response asks: ``retry-after-ms`` or ``retry-after``
          (seconds or an HTTP date), or the adapter's ``retry_delay`` in the body.
        - It keeps the rate limits the headers state (``.stated``).
        """
        reply = body.get("error", body) if isinstance(body, dict) else None
        if isinstance(reply, dict):
            code = reply.get("code") or reply.get("type")
            message = reply.get("message") or json.dumps(reply)
            text = f"{message} [{code}]" if code else str(message)
        else:
            text = said or str(body or "")
        raw = body if isinstance(body, str) else "" if body is None else json.dumps(body)
        if status in (401, 403):
            cls: type[InferenceError] = AuthenticationError
        elif status == 429:
            cls = RateLimitError
        elif status is None or status in (408, 409) or status >= 500:
            cls = TransientError
        else:
            cls = BadRequestError
        spent = cls is RateLimitError and any(p in raw + text for p in self.quota_phrases)
        retry_after = None
        for name, scale in (("retry-after-ms", 1000), ("retry-after", 1)):
            value = headers.get(name) if headers is not None and retry_after is None else None
            if value:
                try:
                    retry_after = max(0.0, float(value) / scale)
                except ValueError:
                    try:
                        retry_after = max(
                            0.0, parsedate_to_datetime(value).timestamp() - time.time()
                        )
                    except (TypeError, ValueError):
                        pass
        if retry_after is None and self.retry_delay and (match := self.retry_delay.search(raw)):
            retry_after = float(match.group(1))
        error = cls(
            f"{self.where}: {'no response' if status is None else f'HTTP {status}'}: "
            f"{self.redact(text)}",
            strategy=self.strategy,
            status_code=status,
            retry_after=None if spent else retry_after,
        )
        if spent:
            error.retryable = False
        error.stated = self.stated_limits(headers)
        return error

    def error(self, cls: type[InferenceError], status: int | None, text: str) -> InferenceError:
        """The module's exception for a failure that is not an HTTP error response, key redacted."""
        status_part = f"HTTP {status}" if status is not None else "no response"
        return cls(
            f"{self.where}: {status_part}: {self.redact(text)}", strategy=self.strategy,
            status_code=status,
        )

    def no_response(self, exc: BaseException) -> InferenceError:
        """The exception for a request that got no response; ``.connected`` says whether it got as
        far as connecting."""
        cause = _connection_cause(exc)
        error = self.error(TransientError, None, cause)
        error.cause = cause
        error.connected = cause not in _NOT_CONNECTED
        return error


def _limit_headers(
    requests: tuple[str, str, str], tokens: tuple[str, str, str]
) -> dict[str, tuple[int, int]]:
    """An adapter's ``limit_headers`` from the names of (limit, remaining, reset), twice."""
    return {
        name: (kind, part)
        for kind, names in enumerate((requests, tokens))
        for part, name in enumerate(names)
    }


def _stated_number(value: str | None, positive: bool = False) -> float | None:
    """A stated limit or remainder as a number; None if absent or not one (Azure's -1: none)."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if number > 0 or (number == 0 and not positive) else None


def _host(url: str) -> str:
    """``host:port`` of a URL, never its user or password: where a request went, for messages."""
    try:
        netloc = urllib.parse.urlsplit(url[:_MAX_URL]).netloc
    except ValueError:
        netloc = ""
    return netloc.rpartition("@")[2] or _safe_url(url)


def _is_loopback(url: str) -> bool:
    """Whether a URL's host is this machine (localhost, 127.0.0.0/8, ::1)."""
    host = urllib.parse.urlsplit(url).hostname or ""
    try:
        return host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


_PUSHBACK = frozenset({429, 503, 529})
"""Statuses that say "slow down": rate limited, unavailable, and Anthropic's overloaded."""

_NOT_CONNECTED = frozenset(
    {"connection refused", "DNS lookup failed", "timed out connecting", "network unreachable"}
)


def _connection_cause(exc: BaseException) -> str:
    """Why no response came back, in words: refused, DNS, timeout, dropped.

    The exception chain is read from its root: transports wrap the socket's own error in
    their own, not always aptly (aiohttp's dropped connection comes out as a connect timeout).
    """
    chain: list[BaseException] = []
    while exc is not None and len(chain) < 10:
        chain.append(exc)
        exc = exc.__cause__ or exc.__context__
    for link in reversed(chain):
        words = _cause_words(f"{type(link).__name__} {link}".lower())
        if words:
            return words
    return "connection failed"


def _cause_words(text: str) -> str | None:
    for needle, words in (
        ("connectionrefused", "connection refused"), ("connection refused", "connection refused"),
        ("connecttimeout", "timed out connecting"), ("connectiontimeout", "timed out connecting"),
        ("network is unreachable", "network unreachable"),
        ("no route to host", "network unreachable"),
        ("name or service not known", "DNS lookup failed"), ("gaierror", "DNS lookup failed"),
        ("nodename nor servname", "DNS lookup failed"), ("timeout", "timed out"),
        ("timed out", "timed out"), ("disconnected", "connection dropped"),
        ("reset by peer", "connection dropped"), ("remoteprotocolerror", "connection dropped"),
        ("incomplete", "connection dropped"), ("payload", "connection dropped"),
    ):
        if needle in text:
            return words
    return None


class _HttpxSdkAdapter(_Adapter):
    """Client, call and error handling for the two SDKs of one generator (openai, anthropic).

    The body goes out through the SDK's own low-level ``client.post`` (what both SDKs
    document for calls their typed methods lack): the client's key, base URL, headers,
    timeout and errors apply, but the body is sent exactly as ``request`` built it, and
    the reply comes back raw, for ``read``. Unknown hyperparameters reach the server
    untouched whatever the SDK release, and the SDK's per-request transformation of
    the messages and its model classes, most of its CPU per request, are skipped.
    """

    sdk_name = ""
    client_classes = ("", "")  # the SDK's blocking and async client classes

    def _sdk(self) -> Any:
        return __import__(self.sdk_name)

    def make_client(self, sync: bool = False) -> Any:
        client = getattr(self._sdk(), self.client_classes[0 if sync else 1])
        return client(
            api_key=self.api_key, timeout=self.timeout, max_retries=0,
            http_client=self._http_client(sync), **self.client_options(),
        )

    def client_options(self) -> dict[str, Any]:
        """Where the client sends: the SDK's own arguments for it."""
        return {"base_url": self.details.get("base_url")}

    async def post(self, client: Any, path: str, body: dict[str, Any]) -> tuple[Any, Any]:
        import httpx2

        response = await _awaited(client.post(path, cast_to=httpx2.Response, body=body))
        return _json_body(response.content), response.headers

    def _http_client(self, sync: bool) -> Any:
        """The SDK's own HTTP client, its pool uncapped so it never limits a batch's concurrency.

        Async clients use the SDK's aiohttp transport (its ``aiohttp`` extra), which costs
        about half the CPU per request of the default one; for it, a limit of 0 is
        aiohttp's "no limit". The blocking client keeps the default transport.
        """
        import httpx2

        sdk = self._sdk()
        if sync:
            return sdk.DefaultHttpxClient(
                limits=httpx2.Limits(max_connections=None, max_keepalive_connections=None)
            )
        return sdk.DefaultAioHttpClient(
            limits=httpx2.Limits(max_connections=0, max_keepalive_connections=None)
        )

    def classify(self, exc: BaseException) -> InferenceError | None:
        sdk = self._sdk()
        if isinstance(exc, sdk.APIStatusError):
            body = getattr(exc, "body", None)
            return self.status_error(exc.status_code, body, exc.response.headers, str(exc))
        if isinstance(exc, sdk.APIConnectionError):  # timeouts included
            return self.no_response(exc)
        return None


def _json_body(content: bytes) -> Any:
    """A 200's body as JSON; a body that is not JSON is a malformed response."""
    try:
        return json.loads(content)
    except ValueError as exc:
        raise _MalformedResponse(f"not JSON: {exc}") from exc


async def _awaited(value: Any) -> Any:
    """The value itself from a blocking client, or what it resolves to from an async one."""
    # inspect.isawaitable costs more, per request
    return await value if hasattr(value, "__await__") else value


class _OpenAIAdapter(_HttpxSdkAdapter):
    """OpenAI and any OpenAI-compatible server (vLLM, Ollama, ...) via ``base_url``."""

    strategy = "openai"
    price_provider = "openai"
    sdk_name = "openai"
    client_classes = ("OpenAI", "AsyncOpenAI")
    key_env = ("OPENAI_API_KEY",)
    options = {"base_url": False}
    default_url = "https://api.openai.com/v1"
    base_url_env = "OPENAI_BASE_URL"
    quota_phrases = ("insufficient_quota",)
    limit_headers = _limit_headers(
        (
            "x-ratelimit-limit-requests", "x-ratelimit-remaining-requests",
            "x-ratelimit-reset-requests",
        ),
        ("x-ratelimit-limit-tokens", "x-ratelimit-remaining-tokens", "x-ratelimit-reset-tokens"),
    )

    def request(self, messages: list[dict[str, Any]], params: dict[str, Any]) -> dict[str, Any]:
        return {"model": self.model, "messages": _without_cache_control(messages), **params}

    async def send(self, client: Any, body: dict[str, Any]) -> tuple[Any, Any]:
        # azure: the SDK adds /deployments/{model}
        return await self.post(client, "/chat/completions", body)

    def read(self, body: Any) -> _Completion:
        choices = body.get("choices") if isinstance(body, dict) else None
        if not isinstance(choices, list):
            raise _MalformedResponse("no choices in the reply")
        choice = choices[0] if choices else {}
        text = (choice.get("message") or {}).get("content") or ""
        u = body.get("usage") or {}
        usage = _usage(
            u.get("prompt_tokens"), u.get("completion_tokens"), u.get("total_tokens"),
            cached=(u.get("prompt_tokens_details") or {}).get("cached_tokens"),
            reasoning=(u.get("completion_tokens_details") or {}).get("reasoning_tokens"),
        )
        return _Completion(
            text, usage, choice.get("finish_reason"), body.get("model"), body.get("service_tier")
        )


class _AzureAdapter(_OpenAIAdapter):
    """Azure OpenAI: OpenAI's form; ``model_name`` is the deployment, the key is ``api-key``."""

    strategy = "azure"
    price_provider = "azure"
    key_env = ("AZURE_OPENAI_API_KEY",)
    options = {"azure_endpoint": True, "api_version": True}
    base_url_env = None  # the endpoint is required
    client_classes = ("AzureOpenAI", "AsyncAzureOpenAI")

    def client_options(self) -> dict[str, Any]:
        return {
            "azure_endpoint": self.details["azure_endpoint"],
            "api_version": self.details["api_version"],
        }


class _AnthropicAdapter(_HttpxSdkAdapter):
    """Anthropic Messages API.

    How it differs from the OpenAI form: system messages go in the top-level ``system``
    field; ``max_tokens`` is required (ANTHROPIC_DEFAULT_MAX_TOKENS when not given);
    ``stop`` becomes ``stop_sequences``; the reply is a list of content blocks; and the
    current SDK no longer takes temperature/top_p/top_k as keywords, so those go in the
    request body.
    """

    strategy = "anthropic"
    price_provider = "anthropic"
    default_max_tokens = ANTHROPIC_DEFAULT_MAX_TOKENS
    sdk_name = "anthropic"
    client_classes = ("Anthropic", "AsyncAnthropic")
    key_env = ("ANTHROPIC_API_KEY",)
    options = {"base_url": False}
    unsupported = frozenset({"seed", "presence_penalty", "frequency_penalty"})
    default_url = "https://api.anthropic.com"
    base_url_env = "ANTHROPIC_BASE_URL"
    max_image_bytes = 5 * 1024 * 1024
    max_request_image_bytes = 24 * 1024 * 1024  # the request's 32 MB, as base64
    # "tokens" states the most restrictive of the token limits in force (input and output have their
    # own too).
    limit_headers = _limit_headers(
        (
            "anthropic-ratelimit-requests-limit", "anthropic-ratelimit-requests-remaining",
            "anthropic-ratelimit-requests-reset",
        ),
        (
            "anthropic-ratelimit-tokens-limit", "anthropic-ratelimit-tokens-remaining",
            "anthropic-ratelimit-tokens-reset",
        ),
    )

    def request(self, messages: list[dict[str, Any]], params: dict[str, Any]) -> dict[str, Any]:
        system, rest = _split_system(messages)
        rest = [
            m
            if isinstance(m["content"], str)
            else {"role": m["role"], "content": list(map(_anthropic_block, m["content"]))}
            for m in rest
        ]
        body = {
            "model": self.model,
            "max_tokens": ANTHROPIC_DEFAULT_MAX_TOKENS,
            "messages": rest,
            **params,
        }
        if "stop" in body:
            body["stop_sequences"] = _stop_sequences(body.pop("stop"))
        if "response_format" in body:
            response_format = body.pop("response_format")
            if response_format["type"] == "json_object":
                raise ValueError(
                    "strategy 'anthropic' has no plain JSON mode: give response_format a "
                    "json_schema"
                )
            if response_format["type"] == "json_schema":
                schema = {"type": "json_schema", "schema": response_format["json_schema"]["schema"]}
                body["output_config"] = {**(body.get("output_config") or {}), "format": schema}
        if system is not None:
            system_parts = [
                part
                for m in messages
                if m["role"] == "system"
                for part in (
                    [{"type": "text", "text": m["content"]}]
                    if isinstance(m["content"], str)
                    else m["content"]
                )
            ]
            # A cache mark must stay where it was put: then the system prompt goes as its parts.
            body["system"] = (
                system_parts if any("cache_control" in p for p in system_parts) else system
            )
        return body

    async def send(self, client: Any, body: dict[str, Any]) -> tuple[Any, Any]:
        return await self.post(client, "/v1/messages", body)

    def read(self, body: Any) -> _Completion:
        if (
            not isinstance(body, dict)
            or not isinstance(body.get("content"), list)
            or not isinstance(body.get("usage"), dict)
        ):
            raise _MalformedResponse("no content or usage in the reply")
        text = "".join(block["text"] for block in body["content"] if block.get("type") == "text")
        u = body["usage"]
        cache_read = u.get("cache_read_input_tokens")
        cache_write = u.get("cache_creation_input_tokens")
        prompt = (u.get("input_tokens") or 0) + (cache_read or 0) + (cache_write or 0)
        usage = _usage(
            prompt, u.get("output_tokens"), cached=cache_read, cache_creation=cache_write
        )
        return _Completion(text, usage, body.get("stop_reason"), body.get("model"))


def _anthropic_block(part: dict[str, Any]) -> dict[str, Any]:
    """A normalised content part as an Anthropic content block: text as it is, an image as an image
    block (a base64 source for a data URL, a url source otherwise), its cache_control kept."""
    if part["type"] == "text":
        return part
    url = part["image_url"]["url"]
    image = _image_data(url)
    source = (
        {"type": "url", "url": url}
        if image is None
        else {"type": "base64", "media_type": image[0], "data": image[1]}
    )
    block = {"type": "image", "source": source}
    if "cache_control" in part:
        block["cache_control"] = part["cache_control"]
    return block


class _GeminiAdapter(_Adapter):
    """Google Gemini through the legacy ``google-generativeai`` SDK (end-of-life upstream).

    How it differs from the OpenAI form: system messages become ``system_instruction``;
    ``assistant`` becomes ``model``; each message's text goes in ``parts``; ``max_tokens``
    becomes ``max_output_tokens`` and ``stop`` becomes ``stop_sequences`` inside
    ``generation_config``; the reply's usage has no thinking count of its own.

    The SDK's own bodies are protos: ``request`` returns their JSON form, made into a
    proto only in ``send``, and ``send`` hands back the reply's JSON form (proto field
    names). The blocking SDK call runs on the engine's worker threads (its async path
    is broken over REST); see :func:`_gemini_session_fixes` for the rest.
    """

    strategy = "gemini"
    price_provider = "google"
    key_env = ("GEMINI_API_KEY", "GOOGLE_API_KEY")
    options = {"base_url": False}
    default_url = "https://generativelanguage.googleapis.com"
    image_types = ("image/png", "image/jpeg", "image/webp")
    image_urls = False  # its request takes image bytes inline; the engine does not fetch URLs
    max_image_bytes = max_request_image_bytes = 15 * 1024 * 1024  # the request's 20 MB, as base64
    quota_phrases = ("PerDay",)  # a per-day quota (GenerateRequestsPerDay...) is spent
    retry_delay = re.compile(r'"retryDelay"\s*:\s*"(\d+(?:\.\d+)?)s"')  # its RetryInfo detail

    def make_client(self, sync: bool = False) -> Any:
        _gemini_protos()  # the SDK this project uses, imported quietly
        from google.ai import generativelanguage as glm
        from google.api_core import client_options

        # genai.configure() is process-global, so each engine builds its own REST client.
        options = client_options.ClientOptions(
            api_key=self.api_key, api_endpoint=self.details.get("base_url")
        )
        client = glm.GenerativeServiceClient(transport="rest", client_options=options)
        _gemini_session_fixes(client._transport._session)
        return _ThreadedClient(client, None if sync else _DaemonThreadPool(_WORKER_THREADS))

    def request(self, messages: list[dict[str, Any]], params: dict[str, Any]) -> dict[str, Any]:
        system, rest = _split_system(messages)
        contents = [
            {
                "role": "model" if m["role"] == "assistant" else "user",
                "parts": _gemini_parts(m["content"]),
            }
            for m in rest
        ]
        config = {}
        extra = {}
        config_fields, request_fields = _gemini_fields()
        for name, value in params.items():
            if name == "max_tokens":
                config["max_output_tokens"] = value
            elif name == "stop":
                config["stop_sequences"] = _stop_sequences(value)
            elif name == "response_format":
                if "response_mime_type" in params or "response_schema" in params:
                    raise ValueError(
                        "strategy 'gemini': give response_format, or response_mime_type and "
                        "response_schema, not both"
                    )
                if value["type"] != "text":
                    config["response_mime_type"] = "application/json"
                if value["type"] == "json_schema":
                    config["response_schema"] = _gemini_schema(value["json_schema"]["schema"])
            elif name in config_fields:
                config[name] = value
            # Hyperparameters already refused the fields the engine sets
            elif name in request_fields:
                extra[name] = value
            else:
                raise ValueError(f"strategy 'gemini' does not know hyperparameter {name!r}")
        body = {"model": f"models/{self.model}", "contents": contents, **extra}
        if config:
            body["generation_config"] = config
        if system is not None:
            body["system_instruction"] = {"parts": [{"text": system}]}
        return body

    def check_params(self, params: dict[str, Any]) -> None:
        self._proto(self.request([{"role": "user", "content": ""}], params))

    @staticmethod
    def _proto(body: dict[str, Any]) -> Any:
        try:
            return _gemini_protos().GenerateContentRequest(body)
        except (TypeError, ValueError) as exc:
            raise ValueError(f"strategy 'gemini': invalid hyperparameters: {exc}") from None

    async def send(self, client: Any, body: dict[str, Any]) -> tuple[Any, Any]:
        from google.protobuf.json_format import ParseError

        request = self._proto(body)
        try:
            response = await client.run(
                functools.partial(
                    client.api.generate_content, request, retry=None, timeout=self.timeout
                )
            )
        except ParseError as exc:  # the SDK parses the body itself
            raise _MalformedResponse(str(exc)) from exc
        # the SDK keeps the headers
        return type(response).to_dict(response, use_integers_for_enums=False), None

    def read(self, body: Any) -> _Completion:
        if body.get("candidates"):
            candidate = body["candidates"][0]
            finish_reason = candidate.get("finish_reason") or None
            if finish_reason == "FINISH_REASON_UNSPECIFIED":
                finish_reason = None
            parts = (candidate.get("content") or {}).get("parts") or []
            text = "".join(part.get("text") or "" for part in parts)
        elif (body.get("prompt_feedback") or {}).get("block_reason") not in (
            None,
            "BLOCK_REASON_UNSPECIFIED",
        ):
            # a safety block: empty text
            finish_reason = f"BLOCKED:{body['prompt_feedback']['block_reason']}"
            text = ""
        else:
            raise _MalformedResponse("neither candidates nor a block reason in the reply")
        m = body.get("usage_metadata") or {}
        prompt = m.get("prompt_token_count") or 0
        reply = m.get("candidates_token_count") or 0
        total = m.get("total_token_count") or 0
        # This SDK's protos predate thoughtsTokenCount, but totalTokenCount still counts
        # the thinking, so reasoning tokens are what the total holds beyond prompt and reply.
        thoughts = total - prompt - reply
        usage = _usage(
            prompt, reply + max(thoughts, 0), total,
            cached=m.get("cached_content_token_count") or None,
            reasoning=thoughts if thoughts > 0 else None,
        )
        return _Completion(text, usage, finish_reason, body.get("model_version") or None)

    def classify(self, exc: BaseException) -> InferenceError | None:
        import requests
        from google.api_core import exceptions as google_errors

        if isinstance(exc, google_errors.GoogleAPICallError):
            response = getattr(exc, "response", None)
            body = getattr(response, "text", "") or ""
            return self.status_error(
                exc.code if isinstance(exc.code, int) else None, body,
                getattr(response, "headers", None), exc.message or body or str(exc),
            )
        if isinstance(exc, requests.exceptions.RequestException):
            return self.no_response(exc)
        return None


def _gemini_parts(content: str | list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A normalised content as Gemini parts: its text as one part, or, with images, each part in
    turn (an image as ``inline_data``, its base64 data as the JSON form of the proto carries
    bytes)."""
    if not _images(content):
        return [{"text": _plain_text(content)}]
    parts = []
    for part in content:
        if part["type"] == "text":
            parts.append({"text": part["text"]})
        else:
            mime, data, _ = _image_data(part["image_url"]["url"])
            parts.append({"inline_data": {"mime_type": mime, "data": data}})
    return parts


def _gemini_session_fixes(session: Any) -> None:
    """Make the SDK's requests session behave like the other SDKs' clients.

    google-auth re-sends a request after a 401 to refresh credentials, but an API key
    cannot be refreshed, so one 401 would be three requests; and requests pools only
    10 connections, which would cap a batch's concurrency.
    """
    import requests.adapters

    session._refresh_status_codes = ()
    adapter = requests.adapters.HTTPAdapter(pool_connections=1, pool_maxsize=_WORKER_THREADS)
    session.mount("https://", adapter)
    session.mount("http://", adapter)


@functools.lru_cache(maxsize=None)
def _gemini_protos() -> Any:
    """``google.generativeai.protos``, imported once, without its end-of-life FutureWarning."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FutureWarning)
        from google.generativeai import protos
    return protos


@functools.lru_cache(maxsize=None)
def _gemini_fields() -> tuple[frozenset[str], frozenset[str]]:
    """The field names of the SDK's GenerationConfig and GenerateContentRequest, read once."""
    protos = _gemini_protos()
    return frozenset(protos.GenerationConfig.meta.fields), frozenset(
        protos.GenerateContentRequest.meta.fields
    )


_ADAPTERS: dict[str, type[_Adapter]] = {
    "openai": _OpenAIAdapter, "azure": _AzureAdapter, "anthropic": _AnthropicAdapter,
    "gemini": _GeminiAdapter,
}

COMPATIBLE_STRATEGIES = list(_ADAPTERS)
"""The providers an engine can talk to: openai, azure, anthropic, gemini."""


# ==============================================================================
# Prices: what each reply cost, from a maintained table
# ==============================================================================


def _dollars(amount: float) -> str:
    """US dollars as a person reads them: ``$12.34``, ``$0.0412``, ``$0.0000053``."""
    if amount >= 1:
        return f"${amount:,.2f}"
    digits = max(4, 1 - math.floor(math.log10(amount))) if amount > 0 else 0
    return f"${amount:.{digits}f}"


class _Prices:
    """What a reply cost in US dollars, from genai-prices' bundled table: never fetched.

    A reply is priced as the provider billed it: by the model it reports (else the one asked
    for), at the service tier it reports, and at the batch price when it came through a
    provider batch. Its input, cached input, cache writes and output (reasoning included) each
    cost their own price. A model the table lacks costs None; the reason is logged once.

    Each (model, tier, batch) is looked up once: genai-prices' calculator prices four unit
    usages, and a reply then costs four multiplications (the calculator itself takes about
    0.2 ms a call, as much as the rest of a request). Only a prompt long enough for a higher
    tier by prompt size (over 200,000 tokens, say) goes through the calculator itself.
    """

    def __init__(self, adapter: _Adapter):
        self.provider = adapter.price_provider
        self.asked = adapter.model
        self._rates: dict[tuple, Any] = {}
        self._lock = threading.Lock()

    @staticmethod
    def source() -> str:
        """Where prices come from: ``genai-prices 0.2.3``."""
        from importlib import metadata

        return f"genai-prices {metadata.version('genai-prices')}"

    def cost(self, completion: _Completion, batch: bool = False) -> float | None:
        """The reply's cost in US dollars, or None if its model has no known price."""
        key = (completion.model, completion.service_tier, batch)
        rates = self._rates.get(key)
        if rates is None and key not in self._rates:
            with self._lock:
                rates = self._rates[key] = self._find(*key)
        if rates is None:
            return None
        usage = completion.usage
        prompt, cached = usage["prompt_tokens"], usage.get("cached_tokens") or 0
        written, output = usage.get("cache_creation_tokens") or 0, usage["completion_tokens"]
        (per_input, per_cached, per_written, per_output), tier_from, calc = rates
        if prompt >= tier_from:  # a prompt long enough for a higher tier: the calculator
            return calc(prompt, cached, written, output)
        dollars = (prompt - cached - written) * per_input + cached * per_cached
        return round(dollars + written * per_written + output * per_output, 12)

    def estimate(
        self, rows: int, prompt: int, output: int | None, tier: str | None = None,
        batch: bool = False,
    ) -> float | None:
        """What ``rows`` requests of ``prompt`` input tokens in all, and at most ``output``
        output tokens in all, would cost at the asked model's price; None if it has none.
        Without ``output`` (no max_tokens), the input alone."""
        if not rows:
            return 0.0
        # per row, rounded up: a price with tiers by prompt size applies per request
        per_row = (-(-prompt // rows), -(-(output or 0) // rows))
        usage = {"prompt_tokens": per_row[0], "completion_tokens": per_row[1]}
        cost = self.cost(_Completion("", usage, None, None, tier), batch)
        return None if cost is None else round(cost * rows, 12)

    def _find(self, reported: str | None, tier: str | None, batch: bool) -> Any:
        """One model and context's per-token rates (below its first tier by prompt size), the
        prompt size that tier starts at (inf if none), and genai-prices' calculator for it;
        None if the table has no price for it."""
        from datetime import datetime, timezone

        from genai_prices import Usage, data_snapshot, types

        snapshot = data_snapshot.get_snapshot()
        names = dict.fromkeys(n for n in (reported, self.asked) if n)
        for name in names:
            try:
                _, model = snapshot.find_provider_model(name, None, self.provider, None)
            except LookupError:
                continue
            context = {"processing": "batch"} if batch else {}
            if tier and tier not in ("auto", "default", "standard"):
                context["service_tier"] = tier
            price = model.get_prices(datetime.now(timezone.utc), context or None)

            def calc(prompt: int, cached: int, written: int, output: int) -> float:
                usage = Usage(
                    input_tokens=prompt, cache_read_tokens=cached, cache_write_tokens=written,
                    output_tokens=output,
                )
                return float(price.calc_price(usage)["total_price"])

            # Below the first tier by prompt size (Anthropic's and Gemini's long-context
            # prices), a price is linear: its per-token rates, from unit usages under it.
            tiers = [v.tiers[0].start for v in vars(price).values()
                     if isinstance(v, types.TieredPrices) and v.tiers]
            tier_from = min(tiers, default=math.inf)
            unit = 1_000 if tiers else 1_000_000
            rates = tuple(
                calc(*counts) / unit
                for counts in ((unit, 0, 0, 0), (unit, unit, 0, 0), (unit, 0, unit, 0),
                               (0, 0, 0, unit))
            )
            return rates, tier_from, calc
        tried = " or ".join(
            f"{n!r} ({'reported' if n == reported else 'asked for'})" for n in names
        )
        _log.warning(
            "{}: no price for model {} in {}; its cost is null (README: What it costs)",
            self.provider, tried, self.source(),
        )
        return None


# ==============================================================================
# Provider batch APIs: the same requests, at half the price, within 24 hours
# ==============================================================================
#
# One class per batch protocol, each with the same parts, used by _BatchJob:
# ``line`` (one request as the batch takes it), ``upload`` then ``create`` (a batch from
# lines), ``status`` (a _BatchStatus) and ``results`` (each item's custom_id with its reply
# body or its error). The request bodies are the adapter's own ``request``, and the reply
# bodies are read by its own ``read``. They call the SDKs' typed batch calls with the
# engine's blocking client, so every connection setting applies, base_url included.


class _BatchStatus(NamedTuple):
    """One batch as its provider reports it."""

    id: str
    state: str  # the provider's own word: validating, in_progress, ended, completed, ...
    ended: bool  # nothing more will happen to it: its results can be read
    done: int  # items finished, answered or not
    failed: int  # of those, the ones not answered
    total: int
    error: str | None  # why the batch failed as a whole (its items were never run)
    handle: Any  # what ``results`` needs


class _OpenAIBatches:
    """OpenAI's Batch API, and Azure's: a JSONL file of requests is uploaded, a batch is made from
    it with ``completion_window="24h"``, and its output and error files are read when it ends.

    Azure differs in its limits, and in the ``url`` of each line: ``/chat/completions`` for
    dated api-versions, ``/v1/chat/completions`` for its v1 API (``body.model`` is the
    deployment, as in every Azure request).
    """

    max_requests = 50_000
    max_bytes = 200_000_000
    _ENDED = frozenset({"completed", "failed", "expired", "cancelled"})

    def __init__(self, adapter: _Adapter):
        self.adapter = adapter
        self.url = "/v1/chat/completions"

    def line(self, custom_id: str, body: dict[str, Any]) -> dict[str, Any]:
        return {"custom_id": custom_id, "method": "POST", "url": self.url, "body": body}

    def upload(self, client: Any, lines: list[bytes]) -> str:
        """The input file, uploaded; its id."""
        return client.files.create(
            file=("requests.jsonl", b"".join(lines), "application/jsonl"), purpose="batch"
        ).id

    def create(self, client: Any, uploaded: str, tag: str) -> str:
        return client.batches.create(
            input_file_id=uploaded, endpoint=self.url, completion_window="24h",
            metadata={"inference_engine_part": tag},
        ).id

    def find(self, client: Any, tag: str, known: set[str]) -> str | None:
        """A batch made for this very part (by ``tag``) and not in the journal: one whose create's
        answer was lost, or that a run stopped before recording. Among the provider's latest 100."""
        for batch in client.batches.list(limit=100).data:
            if (batch.metadata or {}).get("inference_engine_part") == tag and batch.id not in known:
                return batch.id
        return None

    def status(self, client: Any, batch_id: str) -> _BatchStatus:
        batch = client.batches.retrieve(batch_id)
        counts = batch.request_counts
        done, failed, total = (
            (counts.completed + counts.failed, counts.failed, counts.total) if counts else (0, 0, 0)
        )
        error = None
        if batch.status == "failed":
            reasons = (
                [
                    f"{e.message}" + (f" (line {e.line})" if e.line else "")
                    for e in (batch.errors.data or [])
                ]
                if batch.errors
                else []
            )
            error = "; ".join(reasons) or "the provider gave no reason"
        return _BatchStatus(
            batch.id, batch.status, batch.status in self._ENDED, done, failed, total, error,
            (batch.output_file_id, batch.error_file_id),
        )

    def results(
        self, client: Any, status: _BatchStatus
    ) -> Iterator[tuple[str, Any, InferenceError | None]]:
        """(custom_id, body, None) for each answered item, (custom_id, None, error) for others."""
        for file_id in status.handle:
            if not file_id:
                continue
            with client.files.with_streaming_response.content(file_id) as response:
                for line in response.iter_lines():
                    if line.strip():
                        yield self._outcome(json.loads(line))

    def _outcome(self, record: dict[str, Any]) -> tuple[str, Any, InferenceError | None]:
        response = record.get("response")
        error = record.get("error")
        if response and response.get("status_code") == 200:
            return record["custom_id"], response.get("body"), None
        if response:
            status = response.get("status_code")
            error = self.adapter.status_error(status, response.get("body"), said=f"HTTP {status}")
            return record["custom_id"], None, error
        code = (error or {}).get("code") or "error"
        kind = "expired" if "expired" in code else "canceled" if "cancel" in code else "errored"
        said = (error or {}).get("message") or code
        message = f"{self.adapter.strategy}: {kind} inside its batch: {said} [{code}]"
        return (
            record["custom_id"], None,
            BatchItemError(message, kind=kind, strategy=self.adapter.strategy),
        )


class _AzureBatches(_OpenAIBatches):
    max_requests = 100_000

    def __init__(self, adapter: _Adapter):
        super().__init__(adapter)
        version = adapter.details.get("api_version", "")
        self.url = (
            "/v1/chat/completions"
            if version in ("v1", "preview", "latest")
            else "/chat/completions"
        )


class _AnthropicBatches:
    """Anthropic's Message Batches: the requests go inline, each a ``custom_id`` and its ``params``;
    the results stream back as JSONL once the batch has ``ended``."""

    max_requests = 100_000
    max_bytes = 256_000_000
    # An errored item's error type, as the HTTP status the same error has online.
    _STATUS = {
        "invalid_request_error": 400, "authentication_error": 401, "permission_error": 403,
        "not_found_error": 404, "request_too_large": 413, "rate_limit_error": 429, "api_error": 500,
        "overloaded_error": 529,
    }

    def __init__(self, adapter: _Adapter):
        self.adapter = adapter

    def line(self, custom_id: str, body: dict[str, Any]) -> dict[str, Any]:
        return {"custom_id": custom_id, "params": body}

    def upload(self, client: Any, lines: list[bytes]) -> list[dict[str, Any]]:
        # nothing to upload: the requests go in the create call
        return [json.loads(line) for line in lines]

    def create(self, client: Any, requests: list[dict[str, Any]], tag: str) -> str:
        return client.messages.batches.create(requests=requests).id

    def find(self, client: Any, tag: str, known: set[str]) -> str | None:
        return None  # message batches carry no metadata to know a part by

    def status(self, client: Any, batch_id: str) -> _BatchStatus:
        batch = client.messages.batches.retrieve(batch_id)
        c = batch.request_counts
        failed = c.errored + c.canceled + c.expired
        return _BatchStatus(
            batch.id, batch.processing_status, batch.processing_status == "ended",
            c.succeeded + failed, failed, c.succeeded + failed + c.processing, None, batch.id,
        )

    def results(
        self, client: Any, status: _BatchStatus
    ) -> Iterator[tuple[str, Any, InferenceError | None]]:
        with client.messages.batches.with_streaming_response.results(status.handle) as response:
            for line in response.iter_lines():
                if line.strip():
                    yield self._outcome(json.loads(line))

    def _outcome(self, record: dict[str, Any]) -> tuple[str, Any, InferenceError | None]:
        result = record.get("result") or {}
        kind = result.get("type")
        if kind == "succeeded":
            return record["custom_id"], result.get("message"), None
        if kind == "errored":
            error = (result.get("error") or {}).get("error") or result.get("error") or {}
            status = self._STATUS.get(error.get("type"), 500)
            text = f"{error.get('message') or 'errored'} [{error.get('type')}]"
            return record["custom_id"], None, self.adapter.status_error(status, None, said=text)
        kind = kind or "errored"
        return (
            record["custom_id"],
            None,
            BatchItemError(
                f"{self.adapter.strategy}: {kind} inside its batch, not run", kind=kind,
                strategy=self.adapter.strategy,
            ),
        )


_BATCH_APIS: dict[str, type] = {
    "openai": _OpenAIBatches, "azure": _AzureBatches, "anthropic": _AnthropicBatches,
}
"""The providers with a batch API; Gemini's SDK (google-generativeai) has none."""


# ==============================================================================
# Running requests
# ==============================================================================
#
# Every request goes through one coroutine, InferenceEngine._async_single_message_inference
# (which hands it to _RetryPolicy.send).
# Where it runs is decided here, and nowhere else. There are four paths:
#
# 1. A sync single call runs inline on the caller's thread, with the blocking client and
#    blocking sleeps: the coroutine never suspends, so _run_blocking drives it without an
#    event loop, and a sync call costs what the SDK's own sync call costs.
# 2. A sync batch, or a sync call made inside a running loop (a Jupyter cell), runs on the
#    engine's own loop thread (_LoopThread) while the caller waits (_wait_on_loop).
# 3. An async call hops to that loop thread and back (_await_on_loop), so the async SDK
#    client only ever sees one loop.
# 4. Gemini's SDK only blocks: on paths 2 and 3 its calls run on worker threads
#    (_DaemonThreadPool, through _ThreadedClient); on path 1 they run inline.
#
# A _Lane is what differs between path 1 and the others: the client and the sleep.


class _Lane:
    """The client a request is sent with, and how its waits sleep."""

    __slots__ = ("client", "sleep")

    def __init__(self, client: Any, sleep: Callable):
        self.client = client
        self.sleep = sleep


async def _blocking_sleep(seconds: float) -> None:
    time.sleep(seconds)


def _run_blocking(coro: Any) -> Any:
    """Drive a coroutine that never suspends to its result, without an event loop (path 1)."""
    try:
        coro.send(None)
    except StopIteration as finished:
        return finished.value
    coro.close()
    # a bug: nothing on that path awaits a loop
    raise RuntimeError("a blocking request tried to suspend")


def _in_running_loop() -> bool:
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return False
    return True


class _LoopThread:
    """A private event loop on a daemon thread, where an engine's batches and async calls run."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self._run, name="inference-engine-loop", daemon=True)
        self.thread.start()

    def _run(self) -> None:
        asyncio.set_event_loop(self.loop)
        try:
            self.loop.run_forever()
        finally:
            # Settle whatever is still pending so nothing is destroyed while pending.
            pending = asyncio.all_tasks(self.loop)
            for task in pending:
                task.cancel()
            if pending:
                self.loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
            self.loop.run_until_complete(self.loop.shutdown_asyncgens())
            self.loop.close()

    def submit(self, coro: Any) -> concurrent.futures.Future:
        return asyncio.run_coroutine_threadsafe(coro, self.loop)


class _DaemonThreadPool(concurrent.futures.Executor):
    """Worker threads for blocking calls: started as needed, reused when idle, and daemon.

    concurrent.futures' own pool joins its threads at interpreter exit, so a process
    interrupted with Gemini requests in flight would wait for each to finish or time out;
    these threads are abandoned instead.
    """

    def __init__(self, max_workers: int):
        self._max_workers = max_workers
        self._work: queue.SimpleQueue = queue.SimpleQueue()
        self._idle = threading.Semaphore(0)
        self._threads = 0
        self._lock = threading.Lock()
        self._shutdown = False

    def submit(self, fn: Callable, /, *args: Any, **kwargs: Any) -> concurrent.futures.Future:
        future: concurrent.futures.Future = concurrent.futures.Future()
        with self._lock:
            if self._shutdown:
                raise RuntimeError("cannot submit after shutdown")
            self._work.put((future, fn, args, kwargs))
            if not self._idle.acquire(blocking=False) and self._threads < self._max_workers:
                self._threads += 1
                threading.Thread(
                    target=self._run, name="inference-engine-worker", daemon=True
                ).start()
        return future

    def _run(self) -> None:
        while True:
            item = self._work.get()
            if item is None:
                return
            future, fn, args, kwargs = item
            if future.set_running_or_notify_cancel():
                try:
                    future.set_result(fn(*args, **kwargs))
                except BaseException as exc:
                    future.set_exception(exc)
            del item, future, fn, args, kwargs
            self._idle.release()

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        with self._lock:
            self._shutdown = True
            for _ in range(self._threads):
                self._work.put(None)


class _ThreadedClient:
    """A blocking SDK client, and the worker threads its calls run on (None: inline, for path 1)."""

    def __init__(self, api: Any, executor: _DaemonThreadPool | None):
        self.api = api
        self.executor = executor

    async def run(self, call: Callable[[], Any]) -> Any:
        if self.executor is None:
            return call()
        return await asyncio.get_running_loop().run_in_executor(self.executor, call)

    def close(self) -> None:
        if self.executor is not None:
            self.executor.shutdown(wait=False)
        self.api.transport.close()


class _Resources:
    """What an engine must release: its two SDK clients and its loop thread.

    ``lane`` (the async client) serves paths 2 and 3 on the loop thread; the blocking
    lane, made on first use, serves path 1. Kept apart from the engine so that a
    finaliser can release them without keeping the engine alive. The async client is
    closed on the loop that owns its connections, so no socket is ever closed behind
    that loop's back.
    """

    def __init__(self, adapter: Any):
        self.adapter = adapter
        self.lane = _Lane(adapter.make_client(), asyncio.sleep)
        self._blocking_lane: _Lane | None = None
        self._loop_thread: _LoopThread | None = None
        self._lock = threading.Lock()
        self._closed = False

    def loop(self) -> _LoopThread:
        """The engine's loop thread, started on first use."""
        with self._lock:
            self.check_open()
            if self._loop_thread is None:
                self._loop_thread = _LoopThread()
            return self._loop_thread

    def blocking_lane(self) -> _Lane:
        """The blocking client and sleep, made on first use."""
        with self._lock:
            self.check_open()
            if self._blocking_lane is None:
                self._blocking_lane = _Lane(self.adapter.make_client(sync=True), _blocking_sleep)
            return self._blocking_lane

    def check_open(self) -> None:
        if self._closed:
            raise RuntimeError("this InferenceEngine is closed; create a new one")

    def release(self) -> None:
        """Close both clients, the async one on its own loop, then stop that loop."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
            loop_thread = self._loop_thread
            blocking_lane = self._blocking_lane
        if blocking_lane is not None:
            _close_quietly(blocking_lane.client)
        if loop_thread is None:
            loop_thread = _LoopThread()  # the async client never ran; a short-lived loop closes it
        loop_thread.submit(self._close_then_stop(loop_thread.loop))
        if threading.current_thread() is not loop_thread.thread:
            loop_thread.thread.join(timeout=5)

    async def _close_then_stop(self, loop: asyncio.AbstractEventLoop) -> None:
        try:
            await _awaited(self.lane.client.close())
        except Exception as exc:  # closing must not raise out of close() or a finaliser
            _log.debug("closing a client failed: {}", type(exc).__name__)
        finally:
            loop.stop()


def _close_quietly(client: Any) -> None:
    try:
        client.close()
    except Exception as exc:  # closing must not raise out of close() or a finaliser
        _log.debug("closing a client failed: {}", type(exc).__name__)


def _wait_on_loop(resources: _Resources, coro: Any) -> Any:
    """Path 2: run a coroutine on the engine's loop thread and wait.

    Ctrl-C cancels it there (in-flight requests are dropped, their connections closed)
    and waits up to a second for it to unwind before re-raising, so nothing is left
    pending.
    """
    try:
        loop_thread = resources.loop()
    except RuntimeError:
        coro.close()
        raise
    settled = threading.Event()
    future = loop_thread.submit(_settle(coro, settled))
    try:
        # Wait in slices: a Ctrl-C that the OS hands to another thread only raises
        # KeyboardInterrupt here once this thread runs Python code again.
        while True:
            try:
                return future.result(timeout=0.2)
            except concurrent.futures.TimeoutError:
                if future.done():
                    raise  # the coroutine's own TimeoutError, not our wait's
    except KeyboardInterrupt:
        future.cancel()
        settled.wait(timeout=1.0)
        raise


async def _await_on_loop(resources: _Resources, coro: Any) -> Any:
    """Path 3: run a coroutine on the engine's loop thread from any caller loop."""
    try:
        future = resources.loop().submit(coro)
    except RuntimeError:
        coro.close()
        raise
    return await asyncio.wrap_future(future)


async def _settle(coro: Any, settled: threading.Event) -> Any:
    """Await ``coro``; set ``settled`` once it has finished, however it finished."""
    try:
        return await coro
    finally:
        settled.set()


async def _gather_or_cancel(coros: list) -> None:
    """Await all coroutines; if one raises, cancel the rest and re-raise."""
    tasks = [asyncio.ensure_future(c) for c in coros]
    try:
        await asyncio.gather(*tasks)
    except BaseException:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        raise


# ==============================================================================
# InferenceEngine
# ==============================================================================


class _MaskedDetails(dict):
    """connection_details as given, whose repr masks the API key."""

    def __repr__(self) -> str:
        return repr(
            {
                k: (_mask_secret(v) if k == "api_key" and isinstance(v, str) else v)
                for k, v in self.items()
            }
        )

    __str__ = __repr__


def _engine_parts(
    connection_details: dict[str, Any], model_name: str, requests_per_minute: float | None = None,
    tokens_per_minute: float | None = None, retry_attempts: int | None = None,
) -> tuple[_RetryPolicy, _Resources]:
    """An engine's parts from InferenceEngine's arguments, checked: the retry policy (which holds
    the adapter and the rate limiter) and the clients and loop (_Resources).

    The command line runs its jobs on these same parts, without the InferenceEngine around them.
    """
    if not isinstance(connection_details, dict):
        raise TypeError(
            f"connection_details must be a dict, not {type(connection_details).__name__}"
        )
    if not isinstance(model_name, str) or not model_name.strip():
        raise TypeError(f"model_name must be a non-empty string, not {model_name!r}")
    strategy = connection_details.get("strategy")
    if not isinstance(strategy, str) or strategy not in _ADAPTERS:
        raise ValueError(
            f"unknown strategy {strategy!r}; expected one of {', '.join(COMPATIBLE_STRATEGIES)}"
        )
    details = dict(connection_details)
    limits = {
        "requests_per_minute": requests_per_minute,
        "tokens_per_minute": tokens_per_minute,
    }
    for name, keyword in limits.items():
        # the keyword wins over the dict
        value = details.pop(name, None) if keyword is None else keyword
        if value is not None and (isinstance(value, bool) or not isinstance(value, (int, float))):
            raise TypeError(f"{name} must be a number, not {type(value).__name__}")
        if value is not None and not 0 < value < float("inf"):
            raise ValueError(f"{name} must be positive, got {value}")
        limits[name] = value
        details.pop(name, None)
    adapter = _ADAPTERS[strategy](details, model_name)
    limiter = _RateLimiter(**limits)
    if retry_attempts is not None:
        if isinstance(retry_attempts, bool) or not isinstance(retry_attempts, int):
            kind = type(retry_attempts).__name__
            raise TypeError(f"retry_attempts must be an int, not {kind}")
        if retry_attempts < 1:
            raise ValueError(f"retry_attempts must be at least 1, got {retry_attempts}")
    policy = _RetryPolicy(adapter, limiter, retry_attempts)
    _setup_logging()
    if (warning := adapter.plain_http_warning()) is not None:
        _log.warning("{}", warning)
    return policy, _Resources(adapter)


class InferenceEngine:
    """One provider and model, ready for single and parallel inference.

    ``connection_details`` is a dict:

    - ``strategy``: one of COMPATIBLE_STRATEGIES (openai, azure, anthropic, gemini).
    - ``api_key``: optional; else OPENAI_API_KEY, AZURE_OPENAI_API_KEY,
      ANTHROPIC_API_KEY, or GEMINI_API_KEY / GOOGLE_API_KEY.
    - ``base_url``: optional for openai, anthropic and gemini (an OpenAI-compatible
      server such as vLLM or Ollama goes here, e.g. ``http://localhost:8000/v1``).
    - ``azure_endpoint`` and ``api_version``: required for azure.
    - ``timeout``: optional seconds per HTTP request (default DEFAULT_TIMEOUT).
    - ``requests_per_minute``, ``tokens_per_minute``: optional rate limits, shared by
      every call on this engine (also accepted as keyword arguments).

    ``retry_attempts`` (keyword): requests per item, the first included; it overrides
    RETRY_ATTEMPTS, which the other retry settings still come from.

    Bad details raise ValueError or TypeError here, before anything is sent; no
    message shows the key. Example::

        with InferenceEngine({"strategy": "anthropic"}, "claude-sonnet-4-5") as engine:
            text, usage = engine.single_inference([{"role": "user", "content": "Hi"}])
    """

    def __init__(
        self, connection_details: dict[str, Any], model_name: str, *,
        requests_per_minute: float | None = None, tokens_per_minute: float | None = None,
        retry_attempts: int | None = None,
    ):
        self._retry, self._resources = _engine_parts(
            connection_details, model_name, requests_per_minute, tokens_per_minute, retry_attempts
        )
        self._adapter = self._retry.adapter
        self._limiter = self._retry.limiter
        self.strategy: str = self._adapter.strategy
        self.model_name = model_name
        self.connection_details = _MaskedDetails(connection_details)
        self._finalizer = weakref.finalize(self, self._resources.release)

    def __repr__(self) -> str:
        key = _mask_secret(self._adapter.api_key)
        return (
            f"InferenceEngine(strategy={self.strategy!r}, model_name={self.model_name!r}, "
            f"api_key={key!r})"
        )

    # --- lifecycle -------------------------------------------------------------

    def close(self) -> None:
        """Close the SDK clients and the engine's loop thread; later calls raise RuntimeError."""
        self._finalizer()

    async def aclose(self) -> None:
        """Async :meth:`close`; safe to await from any event loop."""
        await asyncio.get_running_loop().run_in_executor(None, self._finalizer)

    def __enter__(self) -> InferenceEngine:
        return self

    def __exit__(self, *exc_info: Any) -> None:
        self.close()

    async def __aenter__(self) -> InferenceEngine:
        return self

    async def __aexit__(self, *exc_info: Any) -> None:
        await self.aclose()

    # --- public entry points ---------------------------------------------------

    def single_inference(
        self, messages: list[dict[str, Any]], hyperparameters: Hyperparameters | None = None
    ) -> tuple[str, dict]:
        """Send one conversation; return ``(text, usage)``.

        ``messages`` is OpenAI chat form: ``[{"role": "user", "content": "Hi"}]``, with
        roles system, user and assistant, and content a string or a list of parts: text,
        and in user messages images (``{"type": "image_url", "image_url": {"url": ...}}``, a
        data URL or an http(s) URL), any of them with a ``cache_control`` mark for Anthropic.
        ``usage`` has prompt_tokens, completion_tokens and total_tokens, plus cached_tokens,
        cache_creation_tokens and reasoning_tokens when the provider reports them. Failures raise
        an InferenceError subclass after retries::

            text, usage = engine.single_inference(messages, Hyperparameters(temperature=0))
        """
        messages, params = self._prepare(messages, hyperparameters)
        # e.g. a Jupyter cell: never block this thread's loop on I/O, use the engine's
        if _in_running_loop():
            completion = _wait_on_loop(
                self._resources, self._async_single_message_inference(messages, params)
            )
        else:
            lane = self._resources.blocking_lane()
            completion = _run_blocking(self._async_single_message_inference(messages, params, lane))
        return completion.text, completion.usage

    @log_inference
    def parallel_inference(
        self, messages_list: list[list[dict[str, Any]]],
        hyperparameters: Hyperparameters | None = None, max_concurrent_requests: int = 10,
        return_exceptions: bool = False, *, progress: Any = None, output_path: str | None = None,
        max_cost: float | None = None,
    ) -> tuple[list, list]:
        """Send many conversations at once; return ``(results, usages)`` in input order.

        Exactly ``max_concurrent_requests`` requests are in flight while work remains
        (retries included). Every item is allowed to settle; then, if any failed:

        - ``return_exceptions=False``: raise ParallelInferenceError, whose ``.results``
          and ``.usages`` keep every finished item (None where one failed) and whose
          ``.errors`` maps index to exception;
        - ``return_exceptions=True``: the exception stands in ``results[i]`` and
          ``usages[i]`` is None.

        If nothing answers at all (a wrong URL, a server that is down), UnreachableError
        is raised within seconds instead.

        ``progress``: a tqdm bar (done/total, failures, retries in progress, tokens, rate);
        None shows it when stderr is a terminal, True or False force it, a stream draws
        it there. A one-line summary is logged when the batch ends.

        ``output_path``: a JSONL file with one line per item, in input order: ``index``,
        ``result``, ``usage``, ``finish_reason``, ``error``. Finished results are also
        kept, by content, in the journal ``output_path + ".journal"``: calling again with
        the same path sends only the items whose model, messages and hyperparameters have
        no finished result yet (failed items are sent again), wherever they now sit in the
        list. A second call on the same path while one runs raises OutputInUseError.

        ``max_cost``: US dollars this call may spend, as ``--max-cost`` keeps it (README: What it
        costs); it needs ``max_tokens``. The items it leaves unsent fail with
        BudgetExceededError.

        Every conversation is checked before the first request goes out::

            results, usages = engine.parallel_inference(
                batch, max_concurrent_requests=50, output_path="run.jsonl"
            )
        """
        budget = self._budget(max_cost, hyperparameters)  # before a journal is opened
        job = self._prepare_batch(
            messages_list, hyperparameters, max_concurrent_requests, output_path
        )
        return _wait_on_loop(
            self._resources, self._async_parallel(*job, return_exceptions, progress, budget)
        )

    def iter_inference(
        self, conversations: Iterable[list[dict[str, Any]]],
        hyperparameters: Hyperparameters | None = None, max_concurrent_requests: int = 10, *,
        progress: Any = None, journal_path: str | None = None, max_cost: float | None = None,
    ) -> Iterator[InferenceResult]:
        """Send conversations from any iterable, a generator included; yield an InferenceResult for
        each, in input order.

        Only a bounded window of conversations is held at a time (10,000, or ten times
        ``max_concurrent_requests`` if more), so a file of millions of rows runs in
        constant memory. Each conversation is checked as it is taken: a malformed one is
        not sent, and its result carries the ValueError or TypeError, so one bad row never
        costs the others. The iterable is read on the engine's loop thread.

        ``journal_path``: an SQLite file of finished results, kept by content; a later
        call with the same journal reuses them (``reused=True``) instead of sending again.
        A second call on the same journal while one runs raises OutputInUseError.

        The same concurrency, retry, progress and ``max_cost`` rules as
        :meth:`parallel_inference`; if nothing answers at all, UnreachableError is raised from
        the iteration::

            rows = rows_as_conversations()
            for result in engine.iter_inference(rows, max_concurrent_requests=50):
                print(result.text if result.error is None else result.error)
        """
        params, max_concurrent = self._check_batch(hyperparameters, max_concurrent_requests)
        budget = self._budget(max_cost, hyperparameters)
        if not isinstance(conversations, collections.abc.Iterable):
            raise TypeError(
                "conversations must be an iterable of message lists, not "
                f"{type(conversations).__name__}"
            )
        return self._iterate(conversations, params, max_concurrent, progress, journal_path, budget)

    def estimate(
        self, conversations: Iterable[list[dict[str, Any]]],
        hyperparameters: Hyperparameters | None = None, *, journal_path: str | None = None,
    ) -> dict[str, Any]:
        """What sending ``conversations`` would cost, counted without sending anything: the
        figures ``--dry-run`` prints, as a dict.

        ``rows``; ``to_send`` and ``to_send_batch`` (a batch submits a repeated conversation
        once); ``reused`` (answered in ``journal_path``, if given: read, never added to);
        ``repeated``; ``input_tokens`` (estimated, of the conversations to send once each);
        ``max_tokens`` (the output bound a row, or None); ``cost``, ``cost_flex`` (openai,
        where flex is priced apart, else None) and ``cost_batch`` in US dollars, None for a
        model with no known price (without max_tokens, the input alone); ``model`` and
        ``prices`` (the price source). A malformed conversation raises, naming its index::

            figures = engine.estimate(conversations, Hyperparameters(max_tokens=50))
        """
        params, _ = self._check_batch(hyperparameters, 1)
        if not isinstance(conversations, collections.abc.Iterable):
            raise TypeError(
                "conversations must be an iterable of message lists, not "
                f"{type(conversations).__name__}"
            )
        journal = None
        if journal_path is not None and os.path.exists(journal_path):
            journal = _Journal(os.fspath(journal_path))
        try:
            plan = _Plan(self._retry, params, journal)
            for i, messages in enumerate(conversations):
                try:
                    plan.add(messages)  # checks it as it counts it
                except (TypeError, ValueError) as exc:
                    raise type(exc)(f"conversations[{i}]: {exc}") from None
        finally:
            if journal is not None:
                journal.close()
        flex = plan.cost(tier="flex") if self.strategy == "openai" else None
        return {
            "rows": plan.rows, "to_send": plan.to_send(), "to_send_batch": plan.to_send(True),
            "reused": plan.reused, "repeated": plan.repeated, "input_tokens": plan.prompt_tokens,
            "max_tokens": plan.max_tokens, "cost": plan.cost(),
            "cost_flex": flex if flex != plan.cost() else None,
            "cost_batch": plan.cost(batch=True), "model": self.model_name,
            "prices": _Prices.source(),
        }

    def batch_inference(
        self, messages_list: list[list[dict[str, Any]]],
        hyperparameters: Hyperparameters | None = None, return_exceptions: bool = False, *,
        journal_path: str | None = None, progress: Any = None,
    ) -> tuple[list, list]:
        """Send a list through the provider's batch API; return ``(results, usages)`` in order.

        For openai, azure and anthropic: half the price of the same requests sent one by one,
        under limits of their own, finished within 24 hours (often far sooner). The requests
        are the ones :meth:`parallel_inference` sends; the job is split at the provider's
        limits (openai 50,000 requests or 200 MB a batch, azure 100,000 or 200 MB, anthropic
        100,000 or 256 MB) and waited on, polling. Gemini's SDK has no batch calls: ValueError.

        ``journal_path``: the SQLite journal that keeps the batches made and the results
        collected (default: one per list, under the log folder, at ``batch-jobs/``). Stop
        or crash while it waits, call again with the same list, and it waits on the same
        batches: none is made, or paid for, twice; items answered before (online too) are
        not sent again. The failure rules are :meth:`parallel_inference`'s: an item that
        errored, expired or was cancelled inside its batch raises ParallelInferenceError,
        or takes its place with ``return_exceptions=True``; calling again submits only it::

            results, usages = engine.batch_inference(conversations, Hyperparameters(max_tokens=50))
        """
        if self.strategy not in _BATCH_APIS:
            raise ValueError(_NO_BATCH_API.format(self.strategy))
        messages_list, params, _, _ = self._prepare_batch(
            messages_list, hyperparameters, 1, None, keep=True
        )
        key = _item_keys(self._adapter, params)
        items = [(key(messages), messages) for messages in messages_list]  # normalised once
        if journal_path is None:
            digest = hashlib.sha256("".join(k for k, _ in items).encode()).hexdigest()
            folder = os.path.join(os.environ.get("INFERENCE_ENGINE_LOG_DIR", "logs"), "batch-jobs")
            os.makedirs(folder, mode=0o700, exist_ok=True)
            journal_path = os.path.join(folder, f"{self.strategy}-{digest[:24]}.journal")
        with _Journal(os.fspath(journal_path)) as journal:
            job = _BatchJob(self._retry, self._resources.blocking_lane(), journal, params, progress)
            job.submit(items)
            job.wait()
            journal.index()
            outcomes = [job.result(item) for item in items]
        results = [o.text for o in outcomes]
        usages = [o.usage for o in outcomes]
        errors = {i: o.error for i, o in enumerate(outcomes) if o.error is not None}
        return _settled(results, usages, errors, return_exceptions)

    async def async_single_inference(
        self, messages: list[dict[str, Any]], hyperparameters: Hyperparameters | None = None
    ) -> tuple[str, dict]:
        """Async :meth:`single_inference`: ``text, usage = await
        engine.async_single_inference(messages)``."""
        messages, params = self._prepare(messages, hyperparameters)
        completion = await _await_on_loop(
            self._resources, self._async_single_message_inference(messages, params)
        )
        return completion.text, completion.usage

    @async_log_inference
    async def async_parallel_inference(
        self, messages_list: list[list[dict[str, Any]]],
        hyperparameters: Hyperparameters | None = None, max_concurrent_requests: int = 10,
        return_exceptions: bool = False, *, progress: Any = None, output_path: str | None = None,
        max_cost: float | None = None,
    ) -> tuple[list, list]:
        """Async :meth:`parallel_inference`: the same order, failure, progress, output and cost
        rules."""
        budget = self._budget(max_cost, hyperparameters)  # before a journal is opened
        job = self._prepare_batch(
            messages_list, hyperparameters, max_concurrent_requests, output_path
        )
        return await _await_on_loop(
            self._resources, self._async_parallel(*job, return_exceptions, progress, budget)
        )

    # --- the one per-request path ------------------------------------------------

    async def _async_single_message_inference(
        self, messages: list[dict[str, Any]], params: dict[str, Any], lane: _Lane | None = None
    ) -> _Completion:
        """Send one checked conversation with retries, log one record, return its _Completion.

        ``lane`` is the client and sleep to use (default: the async client on the engine's
        loop). The policy does the work (:meth:`_RetryPolicy.send`).
        """
        return await self._retry.send(lane or self._resources.lane, messages, params)

    # --- batches -------------------------------------------------------------------

    async def _async_parallel(
        self, messages_list: list, params: dict[str, Any], max_concurrent: int,
        output: tuple[_Journal, _OutputFile] | None, return_exceptions: bool, progress: Any,
        budget: _Budget | None = None,
    ) -> tuple[list, list]:
        """Run a list as one job; every item settles before any error is raised."""
        results: list = [None] * len(messages_list)
        usages: list = [None] * len(messages_list)
        errors: dict[int, BaseException] = {}
        journal, out = output or (None, None)
        positions = iter(range(len(messages_list)))

        def hand_on(result: InferenceResult) -> None:
            index = next(positions)
            if result.error is None:
                results[index], usages[index] = result.text, result.usage
            else:
                errors[index] = result.error
            if out is not None:
                out.write(
                    {
                        "index": index, "result": result.text, "usage": result.usage,
                        "finish_reason": result.finish_reason, "error": _error_fields(result.error),
                    }
                )

        job = _Job(
            self._retry, self._resources.lane, messages_list, params, max_concurrent,
            journal=journal, hand_on=hand_on, total=len(messages_list), progress=progress,
            budget=budget,
        )
        try:
            await job.run()
        finally:
            if output is not None:
                try:
                    journal.close()
                finally:
                    # A journal that failed: the output stays as it was.
                    out.commit(keep=journal.failed is None)
        return _settled(results, usages, errors, return_exceptions)

    def _iterate(
        self, conversations: Iterable, params: dict[str, Any], max_concurrent: int, progress: Any,
        journal_path: str | None, budget: _Budget | None = None,
    ) -> Iterator[InferenceResult]:
        """iter_inference's generator: the job runs on the loop; results come a chunk at a time."""
        journal = _Journal(journal_path) if journal_path is not None else None
        try:
            loop_thread = self._resources.loop()
            handoff = _Handoff(loop_thread.loop)
            total = len(conversations) if isinstance(conversations, collections.abc.Sized) else None
            job = _Job(
                self._retry, self._resources.lane, conversations, params, max_concurrent,
                journal=journal, hand_on=handoff.put, total=total, progress=progress,
                window=_window(max_concurrent), lag=256, budget=budget,
            )
            settled = threading.Event()
            future = loop_thread.submit(_settle(job.run(), settled))
            future.add_done_callback(handoff.close)
            try:
                while chunk := handoff.take():
                    job.ack(len(chunk), loop_thread.loop)
                    yield from chunk
                # the job's own failure: UnreachableError, or the iterable's exception
                future.result()
            finally:
                if not future.done():  # the caller stopped early, or Ctrl-C
                    future.cancel()
                    settled.wait(timeout=1.0)
        finally:
            if journal is not None:
                journal.close()

    def _budget(self, max_cost: Any, hyperparameters: Any) -> _Budget | None:
        if max_cost is None:
            return None
        return _Budget(max_cost, self._retry, _as_hyperparameters(hyperparameters))

    def _prepare(
        self, messages: Any, hyperparameters: Any
    ) -> tuple[list[dict[str, Any]], dict[str, Any]]:
        params = _as_hyperparameters(hyperparameters)
        self._adapter.check_params(params)
        return _normalise_messages(messages, self._adapter), params

    def _check_batch(self, hyperparameters: Any, max_concurrent: Any) -> tuple[dict[str, Any], int]:
        if isinstance(max_concurrent, bool) or not isinstance(max_concurrent, int):
            raise TypeError(
                f"max_concurrent_requests must be an int, not {type(max_concurrent).__name__}"
            )
        if max_concurrent < 1:
            raise ValueError(f"max_concurrent_requests must be at least 1, got {max_concurrent}")
        params = _as_hyperparameters(hyperparameters)
        self._adapter.check_params(params)
        return params, max_concurrent

    def _prepare_batch(
        self, messages_list: Any, hyperparameters: Any, max_concurrent: Any,
        output_path: str | None, keep: bool = False,
    ) -> tuple[list, dict[str, Any], int, tuple[_Journal, _OutputFile] | None]:
        params, max_concurrent = self._check_batch(hyperparameters, max_concurrent)
        if not isinstance(messages_list, (list, tuple)):
            raise TypeError(
                f"messages_list must be a list of message lists, not {type(messages_list).__name__}"
            )
        # Check every item before the first request. Unless ``keep`` (the list normalised
        # comes back), keep no copies: each would cost memory per item, and the workers
        # normalise each again as they send it.
        checked = []
        for i, messages in enumerate(messages_list):
            try:
                normalised = _normalise_messages(messages, self._adapter)
            except (TypeError, ValueError) as exc:
                raise type(exc)(f"messages_list[{i}]: {exc}") from None
            if keep:
                checked.append(normalised)
        if keep:
            messages_list = checked
        if output_path is None:
            return messages_list, params, max_concurrent, None
        if not isinstance(output_path, (str, os.PathLike)):
            raise TypeError(f"output_path must be a path, not {type(output_path).__name__}")
        if os.path.isdir(output_path):
            raise ValueError(f"output_path {output_path} is a folder; name a file in it")
        # before the journal is opened, so a closed engine leaves none open
        self._resources.check_open()
        journal = _Journal(os.fspath(output_path) + ".journal")
        return messages_list, params, max_concurrent, (journal, _OutputFile(output_path))


# ==============================================================================
# Batch jobs: ordered results, the journal, the output file, progress
# ==============================================================================


class InferenceResult(NamedTuple):
    """One conversation's outcome from :meth:`InferenceEngine.iter_inference`, in input order.

    ``error`` is None on success; otherwise the InferenceError left after retries, or the
    ValueError or TypeError of a malformed conversation (which was not sent). ``reused``
    is True when the result came from the journal of an earlier run instead of a request.
    """

    text: str | None
    usage: dict | None
    finish_reason: str | None
    error: BaseException | None
    reused: bool = False


def _settled(
    results: list, usages: list, errors: dict[int, BaseException], return_exceptions: bool
) -> tuple[list, list]:
    """A batch's ``(results, usages)`` once every item settled: ParallelInferenceError if any
    failed, or with ``return_exceptions`` each error in its item's place."""
    if errors and not return_exceptions:
        raise ParallelInferenceError(results, usages, errors)
    for i, error in errors.items():
        results[i] = error
    return results, usages


class _Job:
    """One batch on the engine's loop thread: a pool of workers takes conversations in input
    order, answers each from the journal or by sending it, and hands results on in input order.

    Memory stays bounded however long the input is: at most ``window`` items are taken
    and not yet handed on (finished out of order, or in flight), and at most ``lag`` are
    handed on and not yet taken by a reader on another thread (:meth:`ack`). The price of
    the window: an item still retrying once it is full holds back the items after it.
    """

    def __init__(
        self, policy: _RetryPolicy, lane: _Lane, conversations: Iterable, params: dict[str, Any],
        max_concurrent: int, *, journal: _Journal | None,
        hand_on: Callable[[InferenceResult], None], total: int | None, progress: Any,
        window: float = math.inf, lag: float = math.inf, check: Callable[[str], None] | None = None,
        budget: _Budget | None = None,
    ):
        # what is sent, how, and how many at once
        self.policy = policy
        self.lane = lane
        self.items = iter(conversations)
        self.params = params
        self.max_concurrent = max_concurrent
        self.stats = _JobStats(total, progress, policy)
        self.key = _item_keys(policy.adapter, params)
        # what becomes of the results: reused and kept, handed on, held, checked
        self.journal = journal
        self.hand_on = hand_on
        self.window = window
        self.lag = lag
        self.check = check
        self.budget = budget
        # out of order, waiting for the ones before them
        self.finished: dict[int, InferenceResult] = {}
        self.taken = self.handed_on = 0
        self.acked = 0  # written only by the reader's thread
        self.waiting = False  # a worker waits for room: the reader must wake the loop
        self.room = asyncio.Event()

    async def run(self) -> None:
        self.policy.new_batch()
        try:
            await _gather_or_cancel([self._worker() for _ in range(self.max_concurrent)])
        finally:
            self.stats.close(self.policy.label)

    def ack(self, count: int, loop: asyncio.AbstractEventLoop) -> None:
        """From the reader's thread: ``count`` more results taken; wake the loop only if a worker
        waits for room."""
        self.acked += count
        if self.waiting:
            self.waiting = False
            loop.call_soon_threadsafe(self.room.set)

    async def _worker(self) -> None:
        reused = 0
        while True:
            while (
                self.taken - self.handed_on >= self.window
                or self.handed_on - self.acked >= self.lag
            ):
                self.room.clear()
                self.waiting = True
                if (
                    self.taken - self.handed_on < self.window
                    and self.handed_on - self.acked < self.lag
                ):
                    break  # the reader took some after all, before it could see the flag
                await self.room.wait()
            try:
                conversation = next(self.items)
            except StopIteration:
                return
            index = self.taken
            self.taken += 1
            result = await self._answer(conversation)
            self.stats.count(result)
            self.finished[index] = result
            while self.handed_on in self.finished:
                self.hand_on(self.finished.pop(self.handed_on))
                self.handed_on += 1
                if self.waiting:  # a worker waits for the head of the window to move
                    self.waiting = False
                    self.room.set()
            reused += result.reused
            # results from the journal never suspend: let the loop turn
            if result.reused and reused % 64 == 0:
                await asyncio.sleep(0)

    async def _answer(self, conversation: Any) -> InferenceResult:
        if isinstance(conversation, Exception):  # a row that cannot be sent (_Conversations)
            return InferenceResult(None, None, None, conversation)
        try:
            messages = _normalise_messages(conversation, self.policy.adapter)
        except (TypeError, ValueError) as exc:
            return InferenceResult(None, None, None, exc)
        key = self.key(messages) if self.journal else None
        if (
            key is not None
            and self.journal.has_results
            and (earlier := self.journal.get(key)) is not None
        ):
            return InferenceResult(*earlier, None, True)
        budget, most = self.budget, None
        if budget is not None and (most := budget.admit(messages)) is None:
            return InferenceResult(None, None, None, budget.error())
        cost = 0.0  # what a failed request is billed
        try:
            text, usage, finish_reason, *_ = await self.policy.send(
                self.lane, messages, self.params
            )
            cost = usage.get("cost")
        except UnreachableError:
            raise  # nothing answers: stop the whole job rather than fail every item
        except InferenceError as exc:
            return InferenceResult(None, None, None, exc)
        finally:
            if most is not None:
                budget.settle(most, cost)
        if self.check is not None:
            try:
                # a reply that fails it is not kept: the next run sends the item again
                self.check(text)
            except InferenceError as exc:
                return InferenceResult(None, usage, finish_reason, exc)
        if key is not None:
            self.journal.put(key, text, usage, finish_reason)
        return InferenceResult(text, usage, finish_reason, None)


def _window(max_concurrent: int) -> int:
    """Items a streamed job may hold, taken and not yet handed on: 10,000, or ten per request in
    flight if more."""
    return max(10_000, 10 * max_concurrent)


class _Handoff:
    """Results passed in order from the loop thread to the reader's thread, a chunk at a time.

    The reader is woken at most once per turn of the loop, not once per result: waking a
    thread costs more than most results take to write.
    """

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self._loop = loop
        self._ready: list[InferenceResult] = []
        self._closed = self._wake_pending = False
        self._cond = threading.Condition()

    def put(self, result: InferenceResult) -> None:
        with self._cond:
            self._ready.append(result)
            if not self._wake_pending:
                self._wake_pending = True
                self._loop.call_soon(self._wake)

    def _wake(self) -> None:
        with self._cond:
            self._wake_pending = False
            self._cond.notify()

    def close(self, *_: Any) -> None:
        with self._cond:
            self._closed = True
            self._cond.notify()

    def take(self) -> list[InferenceResult]:
        """Every result ready now, waiting for one if need be; an empty list once the job ends."""
        with self._cond:
            while not self._ready and not self._closed:
                self._cond.wait(0.2)  # in slices, so that a Ctrl-C reaches this thread
            chunk, self._ready = self._ready, []
            return chunk


class _JobStats:
    """One batch's counts and progress bar (with the pace), and its summary line at the end.

    Retries and 429s are the engine's since the job began: other calls on the same engine,
    should any run alongside, count too.
    """

    def __init__(self, total: int | None, progress: Any, policy: _RetryPolicy):
        self.done = self.failed = self.reused = self.tokens = 0
        self.start = time.perf_counter()
        self.bar = _progress_bar(total, progress)
        self.policy = policy
        self.limiter = policy.limiter
        self._before = (policy.retried, self.limiter.rate_limited)

    @property
    def rate_limited(self) -> int:
        """Responses with status 429 since the job began."""
        return self.limiter.rate_limited - self._before[1]

    def count(self, result: InferenceResult) -> None:
        self.done += 1
        if result.error is not None:
            self.failed += 1
        elif result.reused:
            self.reused += 1
        else:
            self.tokens += result.usage["total_tokens"]
        if self.bar is not None:
            self.bar.set_postfix(
                failed=self.failed, retrying=self.policy.retrying, tokens=self.tokens,
                **({"pace": pace} if (pace := self.limiter.pace()) else {}), refresh=False,
            )
            self.bar.update(1)

    def close(self, label: str) -> None:
        if self.bar is not None:
            self.bar.close()
        wall = time.perf_counter() - self.start
        sent = self.done - self.reused
        _log.info(
            "{} batch: {} done, {} failed, {} retried, {} answered 429, {} tokens, {:.1f}s, {:.1f} "
            "requests/s{}{}",
            label,
            sent - self.failed,
            self.failed,
            self.policy.retried - self._before[0],
            self.rate_limited,
            self.tokens,
            wall,
            sent / wall if wall else 0.0,
            f", pace {pace}" if (pace := self.limiter.pace()) else "",
            f" ({self.reused} more reused from the journal)" if self.reused else "",
        )


def _progress_bar(total: int | None, progress: Any, initial: int = 0) -> Any:
    """A tqdm bar or None: progress True/False, None (on at a terminal), or a stream to draw on."""
    if progress is None:
        progress = sys.stderr.isatty()
    if progress is False:
        return None
    from tqdm import tqdm  # only when a bar is wanted

    stream = sys.stderr if progress is True else progress
    return tqdm(
        total=total, initial=initial, file=stream, unit="req", dynamic_ncols=True, mininterval=0.2
    )


def _item_keys(adapter: _Adapter, params: dict[str, Any]) -> Callable[[list[dict[str, Any]]], str]:
    """The content key of one job's items: the same provider, endpoint, model, hyperparameters
    and messages, the same key.

    What is shared by the job is hashed once; each item adds its messages, whose keys come
    in a fixed order once normalised. ASCII JSON, so lone surrogates hash as their escapes.
    """
    job = [adapter.strategy, adapter.endpoint(), adapter.model, dict(params)]
    shared = hashlib.sha256(json.dumps(job, sort_keys=True, default=str).encode())

    def key(messages: list[dict[str, Any]]) -> str:
        digest = shared.copy()
        digest.update(json.dumps(messages).encode())
        return digest.hexdigest()[:32]

    return key


class _Plan:
    """What a job would send, counted before anything is sent.

    The rows, those an earlier run answered (in the journal), the repeats of a row earlier in
    the input, the rows that cannot be sent; the estimated input tokens (_prompt_tokens) and
    the output bound (max_tokens a row), and what they would cost at the asked model's price.
    Online, a repeat is sent like any row; through a batch API it is submitted once.
    """

    def __init__(
        self, policy: _RetryPolicy, params: dict[str, Any], journal: _Journal | None = None
    ):
        self.adapter = policy.adapter
        self.prices = policy.prices
        self.key = _item_keys(policy.adapter, params)
        self.journal = journal
        self.max_tokens = params.get("max_tokens") or policy.adapter.default_max_tokens
        self.rows = 0
        self.reused = 0
        self.repeated = 0
        self.unsendable = 0
        self.new = 0  # neither reused nor a repeat
        self.prompt_tokens = 0  # of the new rows
        self._seen: set[int] = set()  # hashes of the new rows' keys

    def add(self, conversation: Any) -> None:
        self.rows += 1
        if isinstance(conversation, Exception):
            self.unsendable += 1
            return
        messages = _normalise_messages(conversation, self.adapter)
        key = self.key(messages)
        journal = self.journal
        if journal is not None and journal.has_results and journal.get(key) is not None:
            self.reused += 1
        elif hash(key) in self._seen:
            self.repeated += 1
        else:
            self._seen.add(hash(key))
            self.new += 1
            self.prompt_tokens += _prompt_tokens(messages)

    def to_send(self, batch: bool = False) -> int:
        return self.new if batch else self.new + self.repeated

    def cost(self, batch: bool = False, tier: str | None = None) -> float | None:
        """The estimate: input as estimated, output at its bound (input alone if unbounded)."""
        rows = self.to_send(batch)
        per_row = self.prompt_tokens / self.new if self.new else 0
        output = self.max_tokens * rows if self.max_tokens else None
        return self.prices.estimate(rows, round(per_row * rows), output, tier, batch)

    def line(self, batch: bool = False) -> str:
        """``500 rows: 498 to send, 2 from earlier runs, ~$0.04 (...)``."""
        cost = self.cost(batch)
        dollars = "no known price" if cost is None else f"~{_dollars(cost)}"
        if cost is not None and not self.max_tokens and self.to_send(batch):
            dollars += " for the input (the output is unbounded: no --max-tokens)"
        route = "batch price" if batch else "standard tier"
        return (
            f"{self.rows:,} rows: {self.to_send(batch):,} to send, {self.reused:,} from earlier "
            f"runs, {dollars} ({self.adapter.model}, {route}, prices: {_Prices.source()})"
        )

    def table(self) -> str:
        """The --dry-run report: every count, and the cost online and through the batch API."""
        bound = f"{self.max_tokens:,} a row" if self.max_tokens else "unbounded (no --max-tokens)"

        def dollars(cost: float | None) -> str:
            return "no known price" if cost is None else f"~{_dollars(cost)}"

        rows = [
            ("rows", f"{self.rows:,}"),
            ("to send", f"{self.to_send():,} ({self.to_send(batch=True):,} with --batch-api)"),
            ("from earlier runs", f"{self.reused:,}"),
            ("repeats of an earlier row", f"{self.repeated:,}"),
            ("cannot be sent", f"{self.unsendable:,}"),
            ("input tokens, estimated", f"~{self.prompt_tokens:,} (of the {self.new:,} new rows)"),
            ("output tokens, at most", bound),
            ("cost online, standard", dollars(self.cost())),
        ]
        flex = self.cost(tier="flex") if self.adapter.strategy == "openai" else None
        if flex is not None and flex != self.cost():
            rows.append(("cost online, --service-tier flex", dollars(flex)))
        rows.append(("cost with --batch-api", dollars(self.cost(batch=True))))
        width = max(len(name) for name, _ in rows)
        head = f"dry run: nothing sent ({self.adapter.model}, prices: {_Prices.source()})"
        return "\n".join([head, *(f"  {name:<{width}}  {value}" for name, value in rows)])


class _Budget:
    """A cap on what one run spends (--max-cost): a row goes out only while what this run has
    spent, plus the most the rows in flight may cost, plus the most this row may cost, stays
    within it.

    A row's most is its estimated prompt (_prompt_tokens) and max_tokens of output, at the
    asked model's price; what it spent is its reported cost. Once a row does not fit, no
    later row is sent: they come back as BudgetExceededError, and the rows in flight finish.
    """

    def __init__(
        self, cap: Any, policy: _RetryPolicy, params: dict[str, Any],
        names: tuple[str, str] = ("max_cost", "max_tokens"),
    ):
        """``names``: the cap's and the output bound's names, as the caller spells them."""
        cost, tokens = names
        if isinstance(cap, bool) or not isinstance(cap, (int, float)):
            raise TypeError(f"{cost} must be a number of US dollars, not {type(cap).__name__}")
        if not 0 < cap < math.inf:
            raise ValueError(f"{cost} must be a positive number of US dollars, got {cap}")
        self.max_tokens = params.get("max_tokens") or policy.adapter.default_max_tokens
        if not self.max_tokens:
            raise ValueError(f"{cost} needs {tokens}: without it, a reply's cost has no bound")
        self.prices = policy.prices
        if self.most([{"role": "user", "content": ""}]) is None:
            raise ValueError(
                f"{cost}: no known price for model {policy.adapter.model!r} in "
                f"{_Prices.source()}, so the cap cannot be kept"
            )
        self.cap = float(cap)
        self.strategy = policy.adapter.strategy
        self.spent = 0.0
        self.held = 0.0  # the most the rows in flight may cost
        self.stopped = False
        self.refused = 0  # rows not sent

    def most(self, messages: list[dict[str, Any]]) -> float | None:
        usage = {"prompt_tokens": _prompt_tokens(messages), "completion_tokens": self.max_tokens}
        return self.prices.cost(_Completion("", usage, None))

    def admit(self, messages: list[dict[str, Any]]) -> float | None:
        """The most this row may cost, now held; None if it does not fit (then nothing more
        is sent)."""
        most = None if self.stopped else self.most(messages)
        if most is None or self.spent + self.held + most > self.cap:
            self.stopped = True
            self.refused += 1
            return None
        self.held += most
        return most

    def settle(self, most: float, cost: float | None) -> None:
        self.held -= most
        self.spent += most if cost is None else cost

    def error(self) -> BudgetExceededError:
        return BudgetExceededError(
            f"{self.strategy}: not sent: the run reached its cost cap of {_dollars(self.cap)} "
            f"({_dollars(self.spent)} spent); run again with a higher cap to send it",
            strategy=self.strategy,
        )


_JOURNAL_FORMAT = 1
"""The journal's layout and keys, kept as SQLite's user_version; journals made before it have 0."""

_JOURNAL_TABLES = {
    "results": "key TEXT NOT NULL, text TEXT NOT NULL, usage TEXT NOT NULL, finish_reason TEXT",
    # Provider batches (--batch-api): each one made, and the keys of its items until collected.
    "batches": "id TEXT PRIMARY KEY, strategy TEXT NOT NULL, rows INTEGER NOT NULL, "
    "submitted TEXT NOT NULL, collected INTEGER NOT NULL DEFAULT 0",
    "batch_items": "key TEXT PRIMARY KEY, batch TEXT NOT NULL",
}


def _table_layout(db: sqlite3.Connection) -> dict[str, list[tuple]]:
    """Each table of a database with its columns (name, type, not null, default, primary key)."""
    names = [row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    return {
        name: [row[1:] for row in db.execute(f"PRAGMA table_info({json.dumps(name)})")]
        for name in names
    }


@functools.lru_cache(maxsize=None)
def _journal_layout() -> dict[str, list[tuple]]:
    """The layout a journal of this version has, as _table_layout reads it."""
    db = sqlite3.connect(":memory:")
    for table, columns in _JOURNAL_TABLES.items():
        db.execute(f"CREATE TABLE {table} ({columns})")
    layout = _table_layout(db)
    db.close()
    return layout


class _Journal:
    """Finished results by content (_item_keys), in SQLite: what a rerun reuses, not sends.

    Only successes are kept; failed items are sent again. The file is held in SQLite's
    exclusive locking mode from open to close, so a second run on the same journal, in
    this process or another, is refused at once instead of sending everything twice.
    Results are committed at the end of the loop turn they arrive in (write-ahead log, no
    fsync per commit), so a killed run loses only the requests it had in flight.

    While a journal that started empty is written, nothing is looked up in it, so its
    table has no index then: each result is appended at the end of the file, which costs
    half of an insert into an index of random keys. The index on the key is built when a
    journal that holds results is opened (a sort: about a second per million results),
    and kept up from then on.
    """

    def __init__(self, path: str, fresh: bool = False):
        self.path = os.fspath(path)
        os.makedirs(os.path.dirname(os.path.abspath(self.path)), exist_ok=True)
        for name in (self.path, self.path + "-wal", self.path + "-shm", self.path + "-journal"):
            if os.path.islink(name):  # SQLite would write through it
                raise ValueError(
                    f"{name} is a link, and a journal is never written through one; "
                    "remove it, or write to another output (nothing was sent)"
                )
        if not os.path.exists(self.path):
            os.close(_create_private(self.path))  # owner-only; SQLite gives its log the same mode
        db = sqlite3.connect(self.path, timeout=0, isolation_level=None, check_same_thread=False)
        try:
            # before WAL, so the lock is held until close
            db.execute("PRAGMA locking_mode=EXCLUSIVE")
            self._check_layout(db, fresh)  # before any write: a file refused is left as it was
            db.execute("PRAGMA page_size=1024")  # a new file's: a commit writes a page or two
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            # KiB: memory stays flat at any size; the OS caches the file anyway
            db.execute("PRAGMA cache_size=-256")
            # A checkpoint copies the log into the file and syncs it to disk: every 16 MB of log,
            # not SQLite's default 1,000 pages, so that a job seldom waits for the disk.
            db.execute("PRAGMA wal_autocheckpoint=16384")
            db.execute("BEGIN EXCLUSIVE")
            self._make_tables(db, fresh)
            self.has_results = db.execute("SELECT 1 FROM results LIMIT 1").fetchone() is not None
            if self.has_results:
                db.execute("CREATE INDEX IF NOT EXISTS results_by_key ON results (key)")
            db.execute("COMMIT")
        except sqlite3.DatabaseError as exc:
            db.close()
            if "locked" in str(exc) or "busy" in str(exc):
                raise OutputInUseError(
                    f"{self.path} is in use by another run; wait for it to finish, or write to "
                    "another output (nothing was sent)"
                ) from None
            if "disk" in str(exc) or "full" in str(exc):  # "disk I/O error", "... disk is full"
                raise OSError(
                    errno.EIO, f"cannot write the journal {self.path} ({exc}); nothing was sent"
                ) from None
            raise ValueError(
                f"{self.path} is not a journal of inference_engine ({exc}); move it "
                "away, or write to another output (nothing was sent)"
            ) from None
        except ValueError:
            db.close()
            raise
        with contextlib.suppress(OSError):
            os.chmod(self.path, 0o600)  # a journal an earlier version made readable by all
        self._db = db
        self._unwritten: list[tuple[str, str, str, str | None]] = []
        self._lock = threading.RLock()  # a commit holds it across its transaction
        self.failed: _WriteError | None = None  # a commit that failed: the job stops on it

    def _check_layout(self, db: sqlite3.Connection, fresh: bool) -> None:
        """Check that the file is new, a journal of this version, or (``fresh``) of an earlier
        one; else ValueError saying what the file is and what to do."""
        version = db.execute("PRAGMA user_version").fetchone()[0]
        layout = _table_layout(db)
        ours = layout == _journal_layout()
        if layout and not (ours and version == _JOURNAL_FORMAT):
            if ours and version < _JOURNAL_FORMAT and not fresh:
                query = "SELECT COUNT(*) FROM batches WHERE collected = 0"
                waiting = db.execute(query).fetchone()[0]
                batches = f"{waiting} provider batch{'es' * (waiting > 1)}"
                raise ValueError(
                    f"{self.path} is the journal of an earlier version of inference_engine, whose "
                    "results this version cannot reuse (their keys now include the endpoint)"
                    + (
                        f"; it still waits on {batches}: collect them first with the version "
                        "that submitted them"
                        if waiting
                        else ""
                    )
                    + "; start it afresh with --fresh (its rows are then sent again), or write to "
                    "another output (nothing was sent)"
                )
            if not (ours and version < _JOURNAL_FORMAT):
                tables = ", ".join(sorted(layout))
                what = (
                    f"the journal of a newer version of inference_engine (format {version})"
                    if ours
                    else f"an SQLite file with tables {tables}, not a journal of inference_engine"
                )
                raise ValueError(
                    f"{self.path} is {what}; move it away, or write to another output "
                    "(nothing was sent)"
                )

    @staticmethod
    def _make_tables(db: sqlite3.Connection, fresh: bool) -> None:
        """A checked journal's tables: made if new, emptied if ``fresh``; its format stamped."""
        if fresh:
            for table in _JOURNAL_TABLES:
                db.execute(f"DROP TABLE IF EXISTS {table}")
        for table, columns in _JOURNAL_TABLES.items():
            db.execute(f"CREATE TABLE IF NOT EXISTS {table} ({columns})")
        if db.execute("PRAGMA user_version").fetchone()[0] != _JOURNAL_FORMAT:
            db.execute(f"PRAGMA user_version = {_JOURNAL_FORMAT}")

    def get(self, key: str) -> tuple[str, dict, str | None] | None:
        row = self._db.execute(
            "SELECT text, usage, finish_reason FROM results WHERE key = ? LIMIT 1", (key,)
        ).fetchone()
        return None if row is None else (row[0], json.loads(row[1]), row[2])

    def put(self, key: str, text: str, usage: dict, finish_reason: str | None) -> None:
        """Record a result; a turn of the event loop's results are written together, at its end.

        After a commit failed, _WriteError: the job stops rather than answer rows it cannot keep.
        """
        if self.failed is not None:
            raise self.failed
        if not self._unwritten:
            asyncio.get_running_loop().call_soon(self._commit_on_loop)
        self._unwritten.append((key, text, json.dumps(usage), finish_reason))

    def _commit_on_loop(self) -> None:
        with contextlib.suppress(_WriteError):  # in self.failed: the next put or close raises it
            self.commit()

    def commit(self) -> None:
        """Write what was recorded, in one transaction and one call into SQLite (each call lets go
        of the GIL, and another thread that takes it makes the loop wait). Called on the loop, and
        by close() from whichever thread ends the job."""
        with self._lock:
            if self.failed is not None:
                raise self.failed
            if self._unwritten:
                rows, self._unwritten = self._unwritten, []
                with self._transaction() as db:
                    db.executemany("INSERT INTO results VALUES (?, ?, ?, ?)", rows)

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """One transaction, committed, or rolled back on any failure; a failed write is a
        _WriteError, and the job stops on it."""
        with self._lock:
            self._db.execute("BEGIN")
            try:
                yield self._db
                self._db.execute("COMMIT")
            except BaseException as exc:
                with contextlib.suppress(sqlite3.Error):
                    self._db.execute("ROLLBACK")
                if not isinstance(exc, sqlite3.Error):
                    raise
                reason = f"cannot write the journal {self.path} ({exc}); what it had saved is kept"
                self.failed = _WriteError(errno.EIO, reason)
                raise self.failed from None

    def index(self) -> None:
        """Build the index on the key, if the journal has none yet: before many lookups."""
        self.commit()
        with self._transaction() as db:
            db.execute("CREATE INDEX IF NOT EXISTS results_by_key ON results (key)")
        self.has_results = True

    # --- provider batches -----------------------------------------------------------

    def batch_of(self, key: str) -> str | None:
        """The batch an item waits in, if any."""
        row = self._db.execute("SELECT batch FROM batch_items WHERE key = ?", (key,)).fetchone()
        return None if row is None else row[0]

    def add_batch(self, strategy: str, batch_id: str, keys: list[str]) -> None:
        """A batch the provider made, and its items' keys: committed before anything waits on it."""
        with self._transaction() as db:
            now = datetime.datetime.now(datetime.timezone.utc).isoformat()
            db.execute(
                "INSERT OR REPLACE INTO batches VALUES (?, ?, ?, ?, 0)",
                (batch_id, strategy, len(keys), now),
            )
            db.executemany(
                "INSERT OR REPLACE INTO batch_items VALUES (?, ?)", ((k, batch_id) for k in keys)
            )

    def batch_ids(self) -> set[str]:
        """Every batch the journal knows, collected or not."""
        return {row[0] for row in self._db.execute("SELECT id FROM batches")}

    def pending_batches(self, strategy: str) -> list[str]:
        """The batches made with ``strategy``'s provider and not yet collected, oldest first."""
        return [
            row[0]
            for row in self._db.execute(
                "SELECT id FROM batches WHERE collected = 0 AND strategy = ? ORDER BY rowid",
                (strategy,),
            )
        ]

    def batch_keys(self, batch_id: str) -> set[str]:
        return {
            row[0]
            for row in self._db.execute("SELECT key FROM batch_items WHERE batch = ?", (batch_id,))
        }

    def collect(self, batch_id: str, results: Iterable[tuple[str, str, dict, str | None]]) -> None:
        """A batch's results saved and the batch marked collected, in one transaction.

        Its items then have a result or nothing at all, so the next run submits the failed ones
        again.
        """
        with self._transaction() as db:
            rows = ((key, text, json.dumps(usage), reason) for key, text, usage, reason in results)
            db.executemany("INSERT INTO results VALUES (?, ?, ?, ?)", rows)
            db.execute("DELETE FROM batch_items WHERE batch = ?", (batch_id,))
            db.execute("UPDATE batches SET collected = 1 WHERE id = ?", (batch_id,))

    def close(self) -> None:
        """Commit what is left, then close the file; _WriteError if a commit failed, ever."""
        try:
            self.commit()
        finally:
            self._db.close()

    def __enter__(self) -> _Journal:
        return self

    def __exit__(self, *exc_info: Any) -> None:
        self.close()


class _WriteError(OSError):
    """A file the job writes (its output, its journal) could not be written: a full disk, say.

    The job stops; the previous output is left as it was, and the journal keeps every
    result it had saved, for the rerun.
    """


def _create_private(path: str) -> int:
    """A new file at ``path``, owner-only (0600), opened for writing; never through a link.

    A file already there (a stale one, or a link someone placed) is removed first: the
    link itself, never what it points to.
    """
    with contextlib.suppress(FileNotFoundError):
        os.unlink(path)
    return os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _CLOEXEC, 0o600)


class _OutputFile:
    """JSONL written in input order to ``OUT.part``, moved over ``OUT`` when the job ends.

    So ``OUT`` is always one run's whole file: every row it finished, in order, never a
    half-written line. If any write fails (a full disk), ``OUT.part`` is removed and
    ``OUT`` stays as it was. Both files are owner-only; its folder is made if missing.
    """

    def __init__(self, path: str):
        self.path = os.fspath(path)
        os.makedirs(os.path.dirname(os.path.abspath(self.path)), exist_ok=True)
        self.part = self.path + ".part"
        # A lone surrogate in a user's field (JSON allows "\ud800") is written back as that same
        # escape.
        descriptor = _create_private(self.part)
        self._file = open(descriptor, "w", encoding="utf-8", errors="backslashreplace")
        self.lines = 0
        self.failed: OSError | None = None

    def write(self, record: dict[str, Any]) -> None:
        if self.failed is not None:
            raise self._error()
        try:
            self._file.write(json.dumps(record, ensure_ascii=False) + "\n")
        except OSError as exc:
            self.failed = exc
            raise self._error() from None
        self.lines += 1

    def commit(self, keep: bool = True) -> None:
        """Move ``OUT.part`` over ``OUT`` once it is whole on disk; or, if a write failed (or
        not ``keep``), remove it and leave ``OUT`` as it was (_WriteError if a write failed)."""
        try:
            if self.failed is None and keep:
                self._file.flush()
                os.fsync(self._file.fileno())
        except OSError as exc:
            self.failed = exc
        finally:
            with contextlib.suppress(OSError):
                self._file.close()  # after a failed flush, the close's own flush fails too
        if self.failed is None and keep:
            os.replace(self.part, self.path)
            return
        with contextlib.suppress(OSError):
            os.unlink(self.part)
        if self.failed is not None:
            raise self._error()

    def _error(self) -> _WriteError:
        reason = f"cannot write {self.path} ({self.failed.strerror}); it is left as it was"
        return _WriteError(self.failed.errno, reason)


def _error_fields(error: BaseException | None) -> dict[str, Any] | None:
    """An error as the output file records it."""
    if error is None:
        return None
    return {
        "type": type(error).__name__, "status": getattr(error, "status_code", None),
        "message": str(error),
    }


# --- jobs through a provider's batch API (--batch-api, batch_inference) ------------------

_NO_BATCH_API = (
    "strategy {!r} has no batch API here: its SDK (google-generativeai) has no batch calls; "
    "send the rows online instead"
)


class _BatchJob:
    """One job through a provider's batch API: submit what has no result yet, wait, collect.

    Items are known by their content key (_item_keys), which is also each request's
    ``custom_id``: the same key, the same result, online or in a batch, in this run or
    an earlier one; an item repeated in the input is submitted once.

    The journal makes it safe to stop at any moment. Each batch's id, with the keys of its
    items, is committed as soon as the provider has made it, before any wait: a rerun waits
    on those batches instead of making new ones, and submits only items that have neither a
    result nor a batch. A batch's results are saved when it ends, and the batch is marked
    collected in the same transaction; its failed items then have neither, and the next run
    submits them alone. Polls back off from BATCH_POLL_MIN to BATCH_POLL_MAX seconds, wait at
    least a Retry-After, and are retried after any transient failure, however long it lasts.
    """

    def __init__(
        self, policy: _RetryPolicy, lane: _Lane, journal: _Journal, params: dict[str, Any],
        progress: Any, check: Callable[[str], None] | None = None,
    ):
        self.adapter = policy.adapter
        self.prices = policy.prices
        self.journal = journal
        self.params = params
        # check: a reply that fails it is not kept (see _Job)
        self.progress = progress
        self.check = check
        self.api = _BATCH_APIS[self.adapter.strategy](self.adapter)
        self.client = lane.client
        self.key = _item_keys(self.adapter, params)
        self.attempts = policy.attempts  # for calls other than polls
        self.poll_min = _env_number("BATCH_POLL_MIN", 5.0, 0.0)
        self.poll_max = max(self.poll_min, _env_number("BATCH_POLL_MAX", 60.0, 0.0))
        self.errors: dict[str, InferenceError] = {}  # key -> why it has no result, this run
        self.submitted: list[tuple[str, int]] = []  # (batch id, items), this run
        self.reused = 0  # items that had a result before this run

    # --- submitting ------------------------------------------------------------------

    def items(self, conversations: Iterable[Any]) -> Iterator[tuple[str, list] | Exception]:
        """Each conversation as an item: (its key, its messages normalised), or, for a row that
        cannot be sent (_Conversations), its Exception."""
        for conversation in conversations:
            if isinstance(conversation, Exception):
                yield conversation
            else:
                messages = _normalise_messages(conversation, self.adapter)
                yield self.key(messages), messages

    def submit(
        self, items: Iterable[tuple[str, list] | Exception],
        on_submit: Callable[[str, int], None] | None = None,
    ) -> None:
        """Submit every item (checked) with no result and no batch, in parts within the
        provider's limits; ``on_submit(batch id, items)`` is told of each batch made."""
        self.on_submit = on_submit
        part: list[tuple[str, bytes]] = []
        in_part: set[str] = set()
        size = 0
        for item in items:
            if isinstance(item, Exception):
                continue  # a row that cannot be sent; result() gives its error
            key, messages = item
            if self.journal.has_results and self.journal.get(key) is not None:
                self.reused += 1
                continue
            if key in in_part or self.journal.batch_of(key):
                continue  # a repeated item, or one a batch holds already
            line = (
                json.dumps(
                    self.api.line(key, self.adapter.request(messages, self.params)),
                    ensure_ascii=False,
                )
                + "\n"
            ).encode()
            if len(line) > self.api.max_bytes:
                self.errors[key] = self.adapter.error(
                    BadRequestError,
                    None,
                    f"the request is {len(line):,} bytes, over "
                    f"the batch limit of {self.api.max_bytes:,}",
                )
                continue
            if len(part) == self.api.max_requests or size + len(line) > self.api.max_bytes:
                self._submit(part)
                part = []
                in_part = set()
                size = 0
            part.append((key, line))
            in_part.add(key)
            size += len(line)
        if part:
            self._submit(part)

    def _submit(self, part: list[tuple[str, bytes]]) -> None:
        """One batch: made, then recorded at once; a batch refused leaves its items unsent.

        A batch is tagged with its part (where the provider keeps metadata: openai, azure).
        Before one is made, and after a create whose answer was lost, the provider's own list is
        asked for a batch of that tag the journal does not know, and that batch is used instead.
        """
        keys = [key for key, _ in part]
        tag = hashlib.sha256("".join(keys).encode()).hexdigest()[:32]
        known = self.journal.batch_ids()
        try:
            batch_id = self._call("look for a batch made already", self.api.find, tag, known)
            if batch_id is None:
                uploaded = self._call("upload a batch", self.api.upload, [line for _, line in part])
                try:
                    batch_id = self._call(
                        "create a batch", self.api.create, uploaded, tag, creating=True
                    )
                except InferenceError as exc:
                    if exc.status_code is not None and exc.status_code < 500:
                        raise  # refused: nothing was made
                    batch_id = self._call(
                        "look for a batch made already", self.api.find, tag, known
                    )
                    if batch_id is None:
                        raise
        except InferenceError as exc:
            if isinstance(exc, AuthenticationError):
                raise
            _log.warning(
                "{}: the provider refused a batch of {} requests: {}", self.adapter.strategy,
                len(part), exc,
            )
            for key, _ in part:
                self.errors[key] = exc
            return
        self.journal.add_batch(self.adapter.strategy, batch_id, keys)
        self.submitted.append((batch_id, len(part)))
        _log.info(
            "{}: submitted batch {} of {} requests", self.adapter.strategy, batch_id, len(part)
        )
        if self.on_submit is not None:
            self.on_submit(batch_id, len(part))

    # --- waiting and collecting ---------------------------------------------------------

    def wait(self, once: bool = False) -> list[_BatchStatus]:
        """Poll every batch not yet collected until each has ended, collecting each as it ends
        (``once``: one round only); return those still running."""
        pending = self.journal.pending_batches(self.adapter.strategy)
        bar = None
        interval = self.poll_min
        try:
            while pending:
                statuses = [
                    self._call(f"check batch {batch_id}", self.api.status, batch_id, polling=True)
                    for batch_id in pending
                ]
                done = sum(s.done for s in statuses)
                bar = bar or _progress_bar(
                    sum(s.total for s in statuses), self.progress, initial=done
                )
                if bar is not None:
                    bar.total = sum(s.total for s in statuses)
                    bar.n = done
                    states = collections.Counter(s.state for s in statuses)
                    bar.set_postfix(
                        failed=sum(s.failed for s in statuses),
                        batches=", ".join(f"{n} {state}" for state, n in states.items()),
                        refresh=False,
                    )
                    bar.refresh()
                for status in statuses:
                    if status.ended:
                        self._collect(status)
                running = [s for s in statuses if not s.ended]
                if not running or once:
                    return running
                pending = [s.id for s in running]
                time.sleep(interval * random.uniform(0.9, 1.1))
                interval = min(interval * 1.5, self.poll_max)
            return []
        finally:
            if bar is not None:
                bar.close()

    def _collect(self, status: _BatchStatus) -> None:
        """An ended batch's results into the journal; items with none get an error, this run."""
        keys = self.journal.batch_keys(status.id)
        strategy = self.adapter.strategy
        if status.error is not None:
            _log.warning("{}: batch {} failed as a whole: {}", strategy, status.id, status.error)
            error = BatchItemError(
                f"{strategy}: batch {status.id} failed as a whole: {status.error}", kind="failed",
                strategy=strategy,
            )
            self.journal.collect(status.id, [])
            self.errors.update(dict.fromkeys(keys, error))
            return

        read: list[dict[str, Any]] = []  # each item as inference.log records it, once committed

        def answered(client: Any) -> Iterator[tuple[str, str, dict, str | None]]:
            read.clear()  # a read that failed and is retried starts again
            for custom_id, body, error in self.api.results(client, status):
                keys.discard(custom_id)
                text = usage = finish_reason = None
                if error is None:
                    try:
                        completion = self.adapter.read(body)
                        text, usage, finish_reason = completion[:3]
                        usage["cost"] = self.prices.cost(completion, batch=True)
                        if self.check is not None:
                            self.check(text)
                    except (
                        _MalformedResponse, AttributeError, KeyError, IndexError, TypeError,
                    ) as exc:
                        error = self.adapter.error(
                            TransientError, 200, f"malformed response: {exc}"
                        )
                    except InvalidJSONError as exc:
                        error = exc
                read.append(
                    {
                        "text": text, "usage": usage, "finish_reason": finish_reason,
                        "error": error, "custom_id": custom_id,
                    }
                )
                if error is None:
                    yield custom_id, text, usage, finish_reason
                else:
                    self.errors[custom_id] = error

        self._call(
            f"read the results of batch {status.id}",
            lambda client: self.journal.collect(status.id, answered(client)), polling=True,
        )
        for item in read:
            _log_inference_record(self.adapter, batch=status.id, **item)
        for key in keys:
            self.errors[key] = BatchItemError(
                f"{strategy}: missing from the results of batch {status.id} ({status.state})",
                kind="missing", strategy=strategy,
            )
        _log.info(
            "{}: batch {} {}: {} of {} answered", strategy, status.id, status.state,
            status.done - status.failed, status.total,
        )

    def _call(
        self, what: str, call: Callable, *args: Any, creating: bool = False, polling: bool = False
    ) -> Any:
        """``call(client, *args)``, its failures as our own errors, retried while they may pass.

        A poll is retried however long the failures last: a job is never abandoned while
        its batches run. Other calls get as many attempts as a request. Making a batch is
        retried only after a failure that says none was made (429, 503, 529, or no
        connection), so that a retry never makes, and pays for, a batch twice.
        """

        def attempt() -> Any:
            try:
                return call(self.client, *args)
            except Exception as exc:
                error = self.adapter.classify(exc)
                if error is None:
                    raise
                _redact_exception(exc, self.adapter.secrets)
                raise error from exc

        def may_pass(error: BaseException) -> bool:
            if not isinstance(error, InferenceError) or not error.retryable:
                return False
            return not creating or error.status_code in _PUSHBACK or not error.connected

        def log(state: RetryCallState) -> None:
            _log.warning(
                "{}: could not {} ({}); retrying in {:.1f}s", self.adapter.strategy, what,
                state.outcome.exception(), state.next_action.sleep,
            )

        retrying = Retrying(
            retry=retry_if_exception(may_pass), wait=self._poll_wait, before_sleep=log,
            stop=stop_never if polling else stop_after_attempt(self.attempts), reraise=True,
            sleep=time.sleep,
        )
        return retrying(attempt)

    def _poll_wait(self, state: RetryCallState) -> float:
        """A batch call's wait: from BATCH_POLL_MIN, doubling to BATCH_POLL_MAX, at least a
        Retry-After, a quarter of jitter on top."""
        first = max(self.poll_min, 0.01)
        backoff = min(first * 2 ** (state.attempt_number - 1), max(self.poll_max, first))
        retry_after = getattr(state.outcome.exception(), "retry_after", None) or 0.0
        return max(retry_after, backoff) * random.uniform(1.0, 1.25)

    # --- results ----------------------------------------------------------------------

    def result(self, item: tuple[str, list] | Exception) -> InferenceResult:
        """One item's outcome, once the job is over."""
        if isinstance(item, Exception):
            return InferenceResult(None, None, None, item)
        key = item[0]
        earlier = self.journal.get(key)
        if earlier is not None:
            return InferenceResult(*earlier, None)
        error = self.errors.get(key)
        if error is None:
            batch = self.journal.batch_of(key)
            error = BatchItemError(
                f"{self.adapter.strategy}: still running in batch {batch}; run again to collect it"
                if batch
                else f"{self.adapter.strategy}: not submitted",
                kind="pending",
                strategy=self.adapter.strategy,
            )
        return InferenceResult(None, None, None, error)


# ==============================================================================
# Command line: python inference_engine.py run INPUT ...
# ==============================================================================

_USAGE = """usage: python inference_engine.py [test] [-v]
           run the self-test (-v: one line per test)
       python inference_engine.py run INPUT --strategy S --model M [options]
           send every row of INPUT (JSONL or CSV); see run --help
"""

_IMAGE_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "image/png"), (b"\xff\xd8\xff", "image/jpeg"), (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
)
"""How each image type a file may hold begins; WebP is RIFF....WEBP (see _sniff_image)."""


def _sniff_image(data: bytes) -> str | None:
    """The image type ``data`` holds, by its first bytes (never a file's name); None if none."""
    for signature, mime in _IMAGE_SIGNATURES:
        if data.startswith(signature):
            return mime
    return "image/webp" if data[:4] == b"RIFF" and data[8:12] == b"WEBP" else None


def _read_confined(root: str, name: str, limit: int, where: str) -> bytes:
    """The bytes of the regular file ``name`` under the folder ``root``, at most ``limit + 1``.

    ValueError, before anything is read, for an absolute path, a path that leaves ``root``
    (through ``..`` or a link), or anything but a regular file (a FIFO, a device). The size
    is what was read, never what ``stat`` says: /proc files say 0.
    """
    if os.path.isabs(name) or os.path.splitdrive(name)[0]:
        raise ValueError(f"{where}: an absolute path is refused; name files relative to {root}")
    try:
        path = os.path.realpath(os.path.join(root, name))
        inside = os.path.commonpath([root, path]) == root
    except ValueError:  # a NUL byte, another drive
        inside = False
    if not inside:
        raise ValueError(
            f"{where}: the path leads outside {root} (through '..' or a link); only "
            "files under it are sent (--image-root names another folder)"
        )
    flags = os.O_RDONLY | _NOFOLLOW | _CLOEXEC | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags)  # O_NONBLOCK: a FIFO opens at once, to be refused, never hangs
    except OSError as exc:
        raise ValueError(f"{where}: cannot read it ({exc.strerror})") from None
    with open(fd, "rb") as f:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise ValueError(f"{where}: not a regular file; only files are sent")
        return f.read(limit + 1)


_RESULT_FIELDS = ("line", "result", "usage", "finish_reason", "error")
"""The fields each output line adds to its input row's own."""


class _InputError(ValueError):
    """Bad arguments or input on the command line: printed as it is, exit status 2, nothing sent."""


class _InputRows:
    """The rows of a JSONL or CSV file, as ``(line, fields, conversation, images)``; read afresh
    each time, never held whole.

    ``line`` is the 1-based line where the row starts, as an editor counts (a CSV's header
    is line 1); ``fields`` is the row's own fields, which the output line carries
    (``{"messages": [...]}`` for a bare messages list); ``images`` is what the row's
    ``image_field`` names: files (relative to the input's folder) or URLs, read only when the
    row is sent (_Conversations). Rows that cannot be read raise _InputError naming the file and
    line.
    """

    def __init__(
        self, path: str, name: str, fmt: str, template: str | None, system: str | None,
        image_field: str | None = None, cache_system: bool = False, image_root: str | None = None,
        limit: int | None = None,
    ):
        self.path = path
        self.name = name  # as messages name the file
        self.fmt = fmt
        # how a row becomes a conversation
        self.template = template
        self.system = system
        self.image_field = image_field
        self.cache_system = cache_system
        folder = os.path.dirname(os.path.abspath(name)) if os.path.isfile(name) else os.getcwd()
        self.image_root = os.path.realpath(image_root or folder)  # image files: under it only
        self.adapter: _Adapter | None = None  # the provider the rows were checked for
        self.count = 0
        self.limit = limit  # --limit: the first rows only

    def __len__(self) -> int:
        return self.count

    def check(self, adapter: _Adapter) -> int:
        """Read every row once, checking it as ``adapter``'s provider would be sent it; return how
        many there are."""
        self.count = 0
        self.adapter = adapter
        for line, _, conversation, images in self:
            try:
                _normalise_messages(conversation, adapter)
                if images and conversation[-1].get("role") != "user":
                    raise ValueError(
                        "--image-field adds the images to the last message, which must be the "
                        "user's"
                    )
                size = sum(self._check_image(image, adapter) for image in images)
                if size > adapter.max_request_image_bytes:
                    most = adapter.max_request_image_bytes / 2**20
                    raise ValueError(
                        f"the images come to {size / 2**20:.1f} MB, over the "
                        f"{most:g} MB that --strategy {adapter.strategy} takes in "
                        "one request"
                    )
            except (TypeError, ValueError) as exc:
                raise _InputError(f"{self.name}, line {line}: {exc}") from None
            self.count += 1
        if not self.count:
            raise _InputError(f"{self.name} has no rows to send")
        return self.count

    def conversations(self) -> _Conversations:
        return _Conversations(self)

    def __iter__(self) -> Iterator[tuple[int, dict, Any]]:
        records = self._csv_records() if self.fmt == "csv" else self._jsonl_records()
        for line, record in itertools.islice(records, self.limit):
            where = f"{self.name}, line {line}"
            clash = [name for name in _RESULT_FIELDS if isinstance(record, dict) and name in record]
            if clash:
                raise _InputError(
                    f"{where}: the row has a field {clash[0]!r}, which the output adds itself; "
                    "rename it"
                )
            fields = record if isinstance(record, dict) else {"messages": record}
            yield line, fields, self._conversation(record, where), self._images(fields, where)

    def _images(self, fields: dict, where: str) -> list[str]:
        """The files or URLs the row's image field names: one, a list, or none (an empty value)."""
        if self.image_field is None:
            return []
        if self.image_field not in fields:
            raise _InputError(
                f"{where}: --image-field names {self.image_field!r}, but the row has no such field"
            )
        value = fields[self.image_field]
        images = [value] if isinstance(value, str) else value
        if not isinstance(images, list) or not all(isinstance(i, str) for i in images):
            raise _InputError(
                f"{where}: {self.image_field!r} must be a file path or URL, or a list of them"
            )
        return [image for image in images if image.strip()]

    def _image(self, image: str, adapter: _Adapter, where: str) -> tuple[str, bytes]:
        """A file a row names: its type (by its bytes) and bytes, checked for ``adapter``."""
        data = _read_confined(self.image_root, image, adapter.max_image_bytes, where)
        if len(data) > adapter.max_image_bytes:
            megabytes = adapter.max_image_bytes / 2**20
            raise ValueError(
                f"{where}: the file is over the {megabytes:g} MB that strategy "
                f"{adapter.strategy!r} takes an image"
            )
        mime = _sniff_image(data)
        if mime is None:
            raise ValueError(
                f"{where}: not a PNG, JPEG, GIF or WebP image (judged by its bytes, not its name)"
            )
        adapter.check_inline_image(mime, len(data), where)
        return mime, data

    def _check_image(self, image: str, adapter: _Adapter) -> int:
        """An image a row names, checked as it will be sent (a URL's form; a file's place, kind,
        type and size); its size in bytes, 0 for a URL."""
        if _is_url(image):
            where = f"--image-field {self.image_field!r}: {_safe_url(image)}"
            return adapter.check_image(_check_http_url(image, where), where)
        where = f"--image-field {self.image_field!r}: {_truncate(image, 200)}"
        return len(self._image(image, adapter, where)[1])

    def read_image(self, image: str) -> str:
        """An image a row names, as a message carries it: a file read now as a data URL, or a URL.

        The file is checked again as it is read: ValueError if it changed since the check.
        """
        if _is_url(image):
            return image
        where = f"{self.name}: --image-field {self.image_field!r}: {_truncate(image, 200)}"
        mime, data = self._image(image, self.adapter, where)
        return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"

    def _lines(self) -> Iterator[tuple[int, str]]:
        """The file's lines, decoded one at a time, so that a bad byte is reported with its line."""
        with open(self.path, "rb") as f:
            for number, raw in enumerate(f, 1):
                try:
                    text = raw.decode("utf-8")
                except UnicodeDecodeError as exc:
                    raise _InputError(
                        f"{self.name}, line {number}: not UTF-8 text ({exc.reason} at byte "
                        f"{exc.start}); save the file as UTF-8"
                    ) from None
                # a BOM, as Excel writes
                yield number, text.lstrip("\ufeff") if number == 1 else text

    def _jsonl_records(self) -> Iterator[tuple[int, Any]]:
        for number, text in self._lines():
            if not text.strip():
                continue
            try:
                record = json.loads(text)
            except ValueError as exc:
                raise _InputError(f"{self.name}, line {number}: not JSON ({exc})") from None
            if not isinstance(record, (dict, list)):
                raise _InputError(
                    f"{self.name}, line {number}: expected a JSON object or a messages list, "
                    f"not {type(record).__name__}"
                )
            yield number, record

    def _csv_records(self) -> Iterator[tuple[int, dict[str, str]]]:
        reader = csv.reader(text for _, text in self._lines())
        header = None
        previous = 0
        for values in _csv_rows(reader, self.name):
            line, previous = previous + 1, reader.line_num  # a quoted value may span lines
            if not values or values == [""]:
                continue  # a blank line
            if header is None:
                header = values
                duplicates = sorted({name for name in header if header.count(name) > 1})
                if duplicates:
                    raise _InputError(
                        f"{self.name}, line {line}: the header names {duplicates[0]!r} twice"
                    )
                continue
            if len(values) != len(header):
                raise _InputError(
                    f"{self.name}, line {line}: {len(values)} values, but the header has "
                    f"{len(header)} columns"
                )
            yield line, dict(zip(header, values))

    def _conversation(self, record: Any, where: str) -> Any:
        """The messages a row sends: from --template, its "prompt", its "messages", or itself."""
        if self.template is not None:
            if not isinstance(record, dict):
                raise _InputError(
                    f"{where}: --template needs each row to be an object with named fields"
                )
            try:
                messages: Any = [{"role": "user", "content": self.template.format_map(record)}]
            except KeyError as exc:
                raise _InputError(
                    f"{where}: --template names {{{exc.args[0]}}}, but the row has no such field"
                ) from None
            except (AttributeError, IndexError, TypeError, ValueError) as exc:
                raise _InputError(
                    f"{where}: --template cannot be filled from this row: {exc}"
                ) from None
        elif isinstance(record, list):
            messages = record
        elif "prompt" in record:
            if not isinstance(record["prompt"], str):
                raise _InputError(f'{where}: "prompt" must be a string')
            messages = [{"role": "user", "content": record["prompt"]}]
        elif "messages" in record:
            messages = record["messages"]
        else:
            raise _InputError(
                f'{where}: the row has no "prompt" or "messages" field; name one, or use --template'
            )
        has_system = isinstance(messages, list) and any(
            isinstance(m, dict) and m.get("role") == "system" for m in messages
        )
        if self.system is not None and isinstance(messages, list) and not has_system:
            system = (
                [{"type": "text", "text": self.system, "cache_control": {"type": "ephemeral"}}]
                if self.cache_system
                else self.system
            )
            messages = [{"role": "system", "content": system}, *messages]
        return messages


def _csv_rows(reader: Any, name: str) -> Iterator[list[str]]:
    """A csv.reader's rows; its errors (a value too long, a stray quote) as _InputError."""
    while True:
        try:
            yield next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise _InputError(f"{name}, line {reader.line_num}: not valid CSV ({exc})") from None


class _Conversations:
    """The conversations of an _InputRows, each file row read once.

    Sized, so that the progress bar knows the total. As each conversation is taken, its
    row's ``(line, fields)`` joins ``rows_taken``, which _RowWriter, handed the results
    in the same order, takes from the left: the rows in the job's window are all it holds.
    """

    def __init__(self, rows: _InputRows):
        self.rows = rows
        self.rows_taken: collections.deque[tuple[int, dict]] = collections.deque()

    def __len__(self) -> int:
        return len(self.rows)

    def __iter__(self) -> Iterator[Any]:
        for line, fields, conversation, images in self.rows:
            self.rows_taken.append((line, fields))
            if images:  # read now, as the row is sent, into its last message
                last = conversation[-1]
                text = (
                    [{"type": "text", "text": last["content"]}]
                    if isinstance(last["content"], str)
                    else last["content"]
                )
                try:
                    urls = [self.rows.read_image(image) for image in images]
                except ValueError as exc:  # the file changed since the check: this row is not sent
                    yield exc
                    continue
                pictures = [{"type": "image_url", "image_url": {"url": url}} for url in urls]
                conversation = [*conversation[:-1], {**last, "content": [*text, *pictures]}]
            yield conversation


class _RowWriter:
    """The command line's hand_on: each result written as its row's line, its failure counted.

    A refused key before any row has succeeded stops the job: a wrong key fails every row
    alike, and a million error lines help no one.
    """

    def __init__(
        self, policy: _RetryPolicy, out: _OutputFile, conversations: _Conversations,
        stop_on_refused_key: bool = True, parse_json: bool = False,
    ):
        self.policy = policy
        self.out = out
        self.rows_taken = conversations.rows_taken
        # parse_json: --schema
        self.stop_on_refused_key = stop_on_refused_key
        self.parse_json = parse_json
        self.failures: dict[tuple[str, Any], list] = {}  # (type, status) -> [count, first message]
        self.reused = 0
        self.spent = 0.0  # dollars, for the rows answered in this run whose price is known
        self.unpriced = 0  # rows answered in this run whose model has no known price

    def __call__(self, result: InferenceResult) -> None:
        # the job takes rows and hands results on in the same order
        line, fields = self.rows_taken.popleft()
        error = result.error
        text = (
            json.loads(result.text) if self.parse_json and result.text is not None else result.text
        )
        cost = (result.usage or {}).get("cost")
        self.out.write(
            {
                **fields,
                "line": line,
                "result": text,
                "usage": result.usage,
                "cost": cost,
                "finish_reason": result.finish_reason,
                "error": _error_fields(error),
            }
        )
        self.reused += result.reused
        if error is None and not result.reused:
            if cost is None:
                self.unpriced += 1
            else:
                self.spent += cost
        if error is not None:
            if (
                isinstance(error, AuthenticationError)
                and self.stop_on_refused_key
                and not self.policy.succeeded
            ):
                raise error
            group = self.failures.setdefault(
                (type(error).__name__, getattr(error, "status_code", None)), [0, str(error)]
            )
            group[0] += 1


def _check_template(template: str) -> str:
    """A --template must name fields: {review}, not {} or {0}; and its braces must pair up."""
    try:
        names = [name for _, name, _, _ in string.Formatter().parse(template) if name is not None]
    except ValueError as exc:
        raise _InputError(f"--template: {exc} (write {{{{ and }}}} for a literal brace)") from None
    if not names:
        raise _InputError(
            '--template names no field; write e.g. "Classify the sentiment of: {review}"'
        )
    for name in names:
        if not name or name.isdigit():
            raise _InputError("--template fields need names, e.g. {review}, not {} or {0}")
    return template


def _positive(kind: type, minimum: float, strictly: bool = False) -> Callable[[str], Any]:
    """An argparse type: a number at least (or above) ``minimum``, with an error that argparse puts
    beside the flag."""
    import argparse

    def parse(text: str) -> Any:
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(
                f"expected {'a whole number' if kind is int else 'a number'}, got {text!r}"
            )
        if not math.isfinite(value) or value < minimum or (strictly and value == minimum):
            raise argparse.ArgumentTypeError(
                f"must be {'above' if strictly else 'at least'} {minimum}, got {text}"
            )
        return value

    return parse


def _run_parser() -> Any:
    import argparse

    keys = ", ".join(f"{s}: {' or '.join(a.key_env)}" for s, a in _ADAPTERS.items())
    parser = argparse.ArgumentParser(
        prog="python inference_engine.py run",
        description="Send every row of INPUT to one model, in parallel, with retries and rate "
        "limits, and write one output line per row, in input order: the row's own fields plus "
        "line, result, usage, finish_reason and error. Finished results are kept in "
        "OUTPUT.journal, so running the same command again sends only rows that are new, "
        "changed or failed.",
        epilog=f"API keys come from the environment only ({keys}). Exit status: 0 when every row "
        "succeeded, 1 when any failed (their errors are in the output; run again to retry "
        "them), 2 for bad arguments or input (nothing is sent), 3 when the output or "
        "journal could not be written, a full disk say (the previous output is kept; run "
        "again once there is room), 4 when --max-cost stopped it (run again with a higher cap "
        "to finish), 130 when interrupted (run again to finish).",
    )
    flag = parser.add_argument
    flag("input", metavar="INPUT", help="a JSONL or CSV file, or - for standard input. JSONL rows: "
         '{"prompt": ...}, {"messages": [...]} (other fields are kept) or a bare messages list. '
         "CSV: a header, and a prompt column or --template")
    flag("--strategy", required=True, choices=COMPATIBLE_STRATEGIES, help="the provider")
    flag("--model", required=True, help="model name (for azure: the deployment)")
    flag("--format", choices=("jsonl", "csv"), help="INPUT's format (default: csv for *.csv)")
    flag("--template", metavar="TEXT", help='a prompt from each row\'s fields: "Label: {review}"')
    flag("--system", metavar="TEXT", help="a system message for rows that have none of their own")
    flag("--cache-system", action="store_true", help="mark --system as a cacheable prompt prefix "
         "(Anthropic bills cached reads at a tenth; the others cache by themselves)")
    flag("--image-field", metavar="FIELD", help="a field naming each row's image: a file (relative "
         "to INPUT's folder, or to --image-root) or an http(s) URL, or a list of them; sent with "
         "the row's prompt")
    flag("--image-root", metavar="DIR", help="the folder --image-field files are read from "
         "(default: INPUT's folder); a path that is absolute or leads outside it is refused")
    flag("--schema", metavar="SCHEMA.json", help="a JSON Schema file the replies must follow; "
         "each output line's result is then the parsed object, and a reply that is not JSON is "
         "an error line (sent again on a rerun)")
    flag("--output", metavar="OUT.jsonl", help="results file (default: INPUT + .results.jsonl)")
    flag("--fresh", action="store_true", help="ignore (and forget) earlier results; send every row")
    flag("--base-url", help="an OpenAI-compatible server, or another endpoint (http(s)://...)")
    version = os.environ.get("AZURE_OPENAI_API_VERSION", "2024-06-01")
    flag("--azure-endpoint", default=os.environ.get("AZURE_OPENAI_ENDPOINT"),
         help="for azure (default: $AZURE_OPENAI_ENDPOINT)")
    flag("--api-version", default=version,
         help="for azure (default: $AZURE_OPENAI_API_VERSION or 2024-06-01)")
    positive = _positive(float, 0, strictly=True)
    flag("--concurrency", type=_positive(int, 1), default=10, help="requests at once (default 10)")
    flag("--rpm", type=positive, help="requests per minute to stay under (without it, the pace "
         "comes from the provider's rate-limit headers or its 429s)")
    flag("--tpm", type=positive, help="tokens per minute to stay under")
    flag("--timeout", type=positive, help="seconds per request (default 300)")
    flag("--retries", type=_positive(int, 0),
         help="retries per row after the first request (default 9, or $RETRY_ATTEMPTS - 1)")
    flag("--temperature", type=float)
    flag("--max-tokens", type=int)
    flag("--top-p", type=float)
    flag("--stop", action="append", metavar="TEXT", help="a stop sequence (may be given again)")
    flag("--seed", type=int)
    flag("--batch-api", action="store_true", help="send through the provider's batch API (openai, "
         "azure, anthropic): half the price, results within 24 hours; run the same command again "
         "after a stop to keep waiting")
    flag("--no-wait", action="store_true", help="with --batch-api: submit, print the batches, and "
         "exit; the same command later collects the results, or says they are not ready")
    flag("--progress", action=argparse.BooleanOptionalAction, default=None,
         help="show a progress bar (default: when stderr is a terminal)")
    flag("--dry-run", action="store_true", help="read and check every row, count what would be "
         "sent and what earlier runs answered, estimate the tokens and the cost; send nothing")
    flag("--limit", type=_positive(int, 1), metavar="N", help="only the first N rows, to try a "
         "prompt; a later run without it reuses their results")
    flag("--max-cost", type=_positive(float, 0, strictly=True), metavar="USD", help="stop sending "
         "before this run could spend more than USD dollars (needs --max-tokens, and a model "
         "with a known price); exit status 4, and a rerun with a higher cap sends the rest")
    return parser


def _cli_hyperparameters(args: Any, adapter: _Adapter) -> dict[str, Any]:
    """The hyperparameter flags, each checked for this provider, with an error that names it."""
    params: dict[str, Any] = {}
    for name in ("temperature", "max_tokens", "top_p", "stop", "seed"):
        value = getattr(args, name)
        if value is None:
            continue
        flag = "--" + name.replace("_", "-")
        if name in adapter.unsupported:
            raise _InputError(f"{flag}: --strategy {adapter.strategy} does not take it")
        try:
            Hyperparameters(**{name: value})
        except (TypeError, ValueError) as exc:
            reason = str(exc).removeprefix(f"Hyperparameters: {name} ")
            raise _InputError(f"{flag} {reason}") from None
        params[name] = value
    if args.schema is not None:
        params["response_format"] = _schema_format(args.schema)
    try:
        adapter.check_params(params)  # what a provider cannot map: a schema, say
    except (TypeError, ValueError) as exc:
        raise _InputError(f"--schema: {exc}" if args.schema is not None else str(exc)) from None
    return params


def _check_json_reply(text: str) -> None:
    """A reply must parse as JSON (--schema); if not, InvalidJSONError with its start."""
    try:
        json.loads(text)
    except ValueError as exc:
        raise InvalidJSONError(f"the reply is not JSON ({exc}): {_truncate(text, 200)!r}") from None


def _schema_format(path: str) -> dict[str, Any]:
    """--schema: a bare JSON Schema file, wrapped as the response_format every adapter maps (strict,
    as OpenAI's structured outputs are)."""
    try:
        with open(path, encoding="utf-8") as f:
            schema = json.load(f)
    except OSError as exc:
        raise _InputError(f"--schema: cannot read {path} ({exc.strerror})") from None
    except ValueError as exc:
        raise _InputError(f"--schema: {path} is not JSON ({exc})") from None
    if not isinstance(schema, dict):
        raise _InputError(
            f'--schema: {path} must hold a JSON Schema object, such as {{"type": "object", ...}}'
        )
    name = (
        re.sub(r"[^a-zA-Z0-9_-]", "_", os.path.splitext(os.path.basename(path))[0])[:64] or "schema"
    )
    return {"type": "json_schema", "json_schema": {"name": name, "schema": schema, "strict": True}}


def _cli_details(args: Any) -> dict[str, Any]:
    """connection_details from the flags and environment; errors name flags and variables."""
    adapter = _ADAPTERS[args.strategy]
    if not any(os.environ.get(name) for name in adapter.key_env):
        raise _InputError(
            f"set {' or '.join(adapter.key_env)} to the API key for --strategy {args.strategy} "
            "(keys are read from the environment only: on the command line every user of the "
            "machine could see them)"
        )
    details: dict[str, Any] = {"strategy": args.strategy}
    if args.strategy == "azure":
        if not args.azure_endpoint:
            raise _InputError("--strategy azure needs --azure-endpoint (or AZURE_OPENAI_ENDPOINT)")
        if args.base_url:
            raise _InputError("--strategy azure takes --azure-endpoint, not --base-url")
        details.update(azure_endpoint=args.azure_endpoint, api_version=args.api_version)
    elif args.base_url:
        details["base_url"] = args.base_url
    for flag, key in (("--base-url", "base_url"), ("--azure-endpoint", "azure_endpoint")):
        try:
            _check_endpoint(details[key], flag) if details.get(key) else None
        except ValueError as exc:
            raise _InputError(str(exc)) from None
    if args.timeout is not None:
        details["timeout"] = args.timeout
    return details


def _default_output(input_path: str) -> str:
    stem, extension = os.path.splitext(input_path)
    return (
        stem if extension.lower() in (".jsonl", ".json", ".csv", ".ndjson") else input_path
    ) + ".results.jsonl"


def _spool_stdin() -> str:
    """Standard input copied to a temporary file, which is read more than once."""
    import shutil
    import tempfile

    spool = tempfile.NamedTemporaryFile(
        prefix="inference-engine-stdin-", suffix=".input", delete=False
    )
    with spool:
        shutil.copyfileobj(sys.stdin.buffer, spool)
    return spool.name


def _on_first_interrupt(signum: int, frame: Any) -> None:
    """The first Ctrl-C stops the job cleanly; a second exits at once.

    A second SIGINT within a quarter of a second is the same interrupt delivered twice
    (``timeout -s INT`` signals the command and then its process group), not a second
    press, and is ignored.
    """
    first = time.monotonic()

    def on_second_interrupt(signum: int, frame: Any) -> None:
        if time.monotonic() - first > 0.25:
            os._exit(130)

    signal.signal(signal.SIGINT, on_second_interrupt)
    raise KeyboardInterrupt


def _say(text: str) -> None:
    """One message of the command line, on stderr, its control characters escaped (_printable)."""
    print(_printable(text), file=sys.stderr)


def _command_line(argv: list[str]) -> int:
    """``run``: send every row of a JSONL or CSV file; write one line per row, in input order."""
    args = _run_parser().parse_args(argv)  # bad flags: usage and exit 2
    # the summary below replaces the engine's
    os.environ.setdefault("INFERENCE_ENGINE_CONSOLE_LEVEL", "WARNING")
    in_main_thread = threading.current_thread() is threading.main_thread()
    previous_handler = signal.signal(signal.SIGINT, _on_first_interrupt) if in_main_thread else None
    spooled = None
    try:
        if args.batch_api and args.strategy not in _BATCH_APIS:
            raise _InputError(
                "--batch-api: "
                + _NO_BATCH_API.format(args.strategy).replace("strategy '", "--strategy '")
            )
        if args.no_wait and not args.batch_api:
            raise _InputError("--no-wait goes with --batch-api")
        if args.input == "-" and not args.output:
            raise _InputError("reading standard input (-) needs --output")
        if args.input != "-" and not os.path.isfile(args.input):
            raise _InputError(f"{args.input}: no such file")
        spooled = _spool_stdin() if args.input == "-" else None
        fmt = args.format or ("csv" if args.input.lower().endswith(".csv") else "jsonl")
        template = _check_template(args.template) if args.template is not None else None
        if args.cache_system and args.system is None:
            raise _InputError("--cache-system marks the --system text; give --system too")
        rows = _InputRows(
            spooled or args.input, "standard input" if spooled else args.input, fmt, template,
            args.system, image_field=args.image_field, cache_system=args.cache_system,
            image_root=args.image_root,
            limit=args.limit,
        )
        if args.image_root is not None and args.image_field is None:
            raise _InputError("--image-root goes with --image-field")
        if args.image_root is not None and not os.path.isdir(args.image_root):
            raise _InputError(f"--image-root {args.image_root}: no such folder")
        output = args.output or _default_output(args.input)
        _check_output(output, [args.input, args.schema])
        details = _cli_details(args)
        attempts = None if args.retries is None else args.retries + 1
        policy, resources = _engine_parts(details, args.model, args.rpm, args.tpm, attempts)
        try:
            params = _cli_hyperparameters(args, policy.adapter)
            budget = None
            if args.max_cost is not None:
                if args.batch_api:
                    raise _InputError("--max-cost does not work with --batch-api yet")
                names = ("--max-cost", "--max-tokens")
                budget = _Budget(args.max_cost, policy, params, names)
            rows.check(policy.adapter)
            if args.dry_run:  # a journal is read if there is one, never made or emptied
                journal_path = output + ".journal"
                if args.fresh or not os.path.exists(journal_path):
                    print(_plan(policy, params, rows, None).table())
                    return 0
                with _Journal(journal_path) as journal:
                    print(_plan(policy, params, rows, journal).table())
                return 0
            with _Journal(output + ".journal", fresh=args.fresh) as journal:
                waiting = journal.pending_batches(args.strategy)
                if waiting and not args.batch_api:
                    raise _InputError(
                        f"{len(waiting)} batch{'es' if len(waiting) > 1 else ''} submitted with "
                        f"--batch-api ({', '.join(waiting[:3])}) may still hold these rows; add "
                        "--batch-api to collect them, or --fresh to forget them (the provider "
                        "still runs, and bills, them)"
                    )
                _say(_plan(policy, params, rows, journal).line(args.batch_api))
                if args.batch_api:
                    return _send_batches(policy, resources, rows, params, args, journal, output)
                return _send_rows(policy, resources, rows, params, args, journal, output, budget)
        finally:
            resources.release()
    except _WriteError as exc:
        _say(
            f"error: {exc}\nthe job stopped; {output}.journal keeps every result it saved: make "
            "room (or fix the folder) and run the same command again, which sends only the rows "
            "it lacks"
        )
        return 3
    except (_InputError, OutputInUseError, OSError, ValueError) as exc:
        _say(f"error: {exc}")
        return 2
    except KeyboardInterrupt:
        _say("\ninterrupted before anything was sent")
        return 130
    finally:
        if spooled:
            os.unlink(spooled)
        if in_main_thread:
            signal.signal(signal.SIGINT, previous_handler)


def _plan(
    policy: _RetryPolicy, params: dict[str, Any], rows: _InputRows, journal: _Journal | None
) -> _Plan:
    """The rows counted as a job would send them (_Plan), before anything is sent."""
    plan = _Plan(policy, params, journal)
    for conversation in rows.conversations():
        plan.add(conversation)
    return plan


def _send_rows(
    policy: _RetryPolicy, resources: _Resources, rows: _InputRows, params: dict[str, Any],
    args: Any, journal: _Journal, output: str, budget: _Budget | None = None,
) -> int:
    """The job itself: every row sent, each result written beside its row's fields, in order.

    The lines are written on the engine's loop thread, as the job hands results on: a
    second thread reading them would take turns with the loop for the GIL, and those
    turns cost more than writing a line does.
    """
    out = _OutputFile(output)
    conversations = rows.conversations()
    writer = _RowWriter(policy, out, conversations, parse_json=args.schema is not None)
    job = _Job(
        policy, resources.lane, conversations, params, args.concurrency, journal=journal,
        hand_on=writer, total=len(rows), progress=args.progress, window=_window(args.concurrency),
        check=_check_json_reply if args.schema is not None else None, budget=budget,
    )
    try:
        try:
            _wait_on_loop(resources, job.run())  # Ctrl-C cancels the job, then comes here
        finally:  # a _WriteError from either stops the job with its own message (_command_line)
            try:
                journal.commit()
            finally:
                out.commit(keep=journal.failed is None)
    except KeyboardInterrupt:
        _say(
            f"\ninterrupted: {out.lines:,} of {len(rows):,} rows saved to {output}; "
            "run the same command again to finish"
        )
        return 130
    except UnreachableError as exc:
        _say(
            f"error: {exc} (is --base-url right?)\n"
            f"{out.lines:,} of {len(rows):,} rows saved to {output}"
        )
        return 1
    except AuthenticationError as exc:
        keys = " or ".join(policy.adapter.key_env)
        _say(
            f"error: {exc}\nthe provider refused the key before any row succeeded, so the job "
            f"stopped; check {keys}\n{out.lines:,} of {len(rows):,} rows saved to {output}"
        )
        return 1
    failed = _print_summary(len(rows), writer, output)
    if job.stats.rate_limited:
        pace = policy.limiter.pace()
        _say(
            f"{job.stats.rate_limited:,} requests were answered 429 (rate limited) and retried"
            f"{'; the pace at the end: ' + pace if pace else ''}"
        )
    if budget is not None and budget.stopped:
        _say(
            f"stopped at --max-cost {_dollars(budget.cap)}: {_dollars(budget.spent)} spent; "
            f"{budget.refused:,} rows not sent (their error is BudgetExceededError); run again "
            "with a higher --max-cost to send them (the rows done are not sent again)"
        )
        return 4
    if failed:
        _say("run the same command again to retry the failed rows")
    return 1 if failed else 0


def _print_summary(total: int, writer: _RowWriter, output: str) -> int:
    """The job's last lines: rows done, reused and failed, failures by kind; return the failed."""
    failed = sum(count for count, _ in writer.failures.values())
    _say(
        f"{total:,} rows: {total - failed:,} done ({writer.reused:,} reused from earlier runs), "
        f"{failed:,} failed; results in {output}"
    )
    unknown = f"; no known price for {writer.unpriced:,} rows" if writer.unpriced else ""
    if writer.spent or writer.unpriced:
        _say(
            f"cost: {_dollars(writer.spent)} for the rows answered in this run{unknown} (prices: "
            f"{_Prices.source()}); rows reused from earlier runs cost nothing now"
        )
    for (kind, status), (count, example) in sorted(
        writer.failures.items(), key=lambda item: -item[1][0]
    ):
        answer = f"HTTP {status}" if status else "no response"
        _say(f"  {count:,} x {kind} ({answer}), e.g. {example}")
    return failed


def _send_batches(
    policy: _RetryPolicy, resources: _Resources, rows: _InputRows, params: dict[str, Any],
    args: Any, journal: _Journal, output: str,
) -> int:
    """--batch-api: the rows through the provider's batch API; the output is written once every
    batch has ended."""
    job = _BatchJob(
        policy, resources.blocking_lane(), journal, params, args.progress,
        check=_check_json_reply if args.schema is not None else None,
    )
    try:
        job.submit(
            job.items(rows.conversations()),
            on_submit=lambda batch_id, count: _say(
                f"submitted batch {batch_id}: {count:,} row{'s' if count > 1 else ''}"
            ),
        )
        running = job.wait(once=args.no_wait)
    except KeyboardInterrupt:
        _say(
            f"\ninterrupted: the batches submitted are kept in {output}.journal; run the same "
            "command again to collect them (no row is submitted twice)"
        )
        return 130
    except InferenceError as exc:
        _say(
            f"error: {exc}\nthe batches submitted are kept in {output}.journal; run the same "
            "command again to collect them"
        )
        return 1
    if running:
        for status in running:
            _say(f"batch {status.id}: {status.state}, {status.done:,} of {status.total:,} done")
        _say(
            f"{len(running)} batch{'es' if len(running) > 1 else ''} still running; run the same "
            "command again to collect the results"
        )
        return 0
    journal.index()
    out = _OutputFile(output)
    conversations = rows.conversations()
    writer = _RowWriter(
        policy, out, conversations, stop_on_refused_key=False, parse_json=args.schema is not None
    )
    try:
        for item in job.items(conversations):
            writer(job.result(item))
    finally:
        out.commit()
    writer.reused = job.reused
    failed = _print_summary(len(rows), writer, output)
    if failed:
        _say("run the same command again to submit the failed rows again")
    return 1 if failed else 0


def _main(argv: list[str]) -> int:
    """``python inference_engine.py [test] [-v]``, ``run ...`` or ``--help``; else usage."""
    if not argv or argv[0] == "test" or argv == ["-v"]:
        rest = argv[1:] if argv and argv[0] == "test" else argv
        if rest not in ([], ["-v"]):
            _say(_USAGE + f"error: unknown argument {rest[0]!r}")
            return 2
        return _run_self_tests(verbose=bool(rest))
    if argv[0] == "run":
        return _command_line(argv[1:])
    if argv[0] in ("-h", "--help"):
        print(_USAGE, end="")
        return 0
    hint = (
        f" (to send it, use: run {argv[0]} --strategy S --model M)"
        if os.path.isfile(argv[0])
        else ""
    )
    _say(_USAGE + f"error: unknown command {argv[0]!r}{hint}")
    return 2


# ==============================================================================
# Self-test: loopback provider servers (shared with benchmarks/)
# ==============================================================================


class _Reply:
    """What a loopback server's script asks it to send for one request.

    ``status`` and ``body`` (None: the route's usual body for that status), extra
    ``headers``, a ``delay`` in seconds (None: the server's latency), and ``action``:
    None to answer, "drop" to hang up without answering, "truncate" to hang up halfway
    through the body, "hang" to never answer, or "raw" to send ``body`` (bytes) as the
    whole response body.
    """

    def __init__(
        self, status: int = 200, body: Any = None, headers: dict[str, str] | None = None,
        delay: float | None = None, action: str | None = None,
    ):
        self.status = status
        self.body = body
        self.headers = headers or {}
        self.delay = delay
        self.action = action


class _LoopbackServer:
    """An HTTP/1.1 server on 127.0.0.1 that speaks each provider's chat route.

    Routes: OpenAI ``/v1/chat/completions``, Azure
    ``/openai/deployments/{deployment}/chat/completions?api-version=…``, Anthropic
    ``/v1/messages`` and Gemini ``/v1beta/models/{model}:generateContent``. Replies echo
    the last user text as ``echo: …``; usage counts words, and reports 1 cached and 2
    reasoning tokens where the protocol has fields for them.

    It records every request (route, path, headers, JSON body, arrival time, attempt
    number for its prompt), counts TCP connections and clients that hung up on a
    "hang", and measures requests in flight. ``script(request)`` may
    return a :class:`_Reply` to inject a fault. Use as a context manager.
    """

    def __init__(self, latency: float = 0.0, script: Callable[[dict], _Reply | None] | None = None):
        self.latency = latency
        self.script = script
        self.requests: list[dict] = []
        self.in_flight = 0
        self.peak_in_flight = 0
        self.connections = 0
        self.hangups = 0
        self._attempts: dict[str, int] = {}
        self.batches = _LoopbackBatches(self)
        self._ready = threading.Event()
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._serve, name="loopback-server", daemon=True)

    def __enter__(self) -> _LoopbackServer:
        self._thread.start()
        self._ready.wait(10)
        return self

    def __exit__(self, *exc_info: Any) -> None:
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(5)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def count(self, route: str | None = None) -> int:
        """How many requests arrived (on one route, if given)."""
        return sum(1 for r in list(self.requests) if route is None or r["route"] == route)

    def reset(self) -> None:
        self.requests.clear()
        self._attempts.clear()
        self.peak_in_flight = 0
        self.connections = 0

    def _serve(self) -> None:
        asyncio.set_event_loop(self._loop)
        server = self._loop.run_until_complete(
            asyncio.start_server(self._handle, "127.0.0.1", 0, backlog=1024)
        )
        self.port = server.sockets[0].getsockname()[1]
        self._ready.set()
        try:
            self._loop.run_forever()
        finally:
            server.close()
            for task in asyncio.all_tasks(self._loop):
                task.cancel()
            self._loop.run_until_complete(asyncio.sleep(0))
            self._loop.close()

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.connections += 1
        try:
            while True:
                request = await self._read_request(reader)
                if request is None:
                    return
                self.in_flight += 1
                self.peak_in_flight = max(self.peak_in_flight, self.in_flight)
                try:
                    reply = (
                        (self.script(request) if self.script else None)
                        or self.batches.reply(request)
                        or _Reply()
                    )
                    delay = self.latency if reply.delay is None else reply.delay
                    if delay:
                        await asyncio.sleep(delay)
                    if reply.action == "hang":  # until the client hangs up
                        while await reader.read(1024):
                            pass
                        self.hangups += 1
                        return
                    if reply.action == "drop":
                        writer.transport.abort()
                        return
                    response = self._encode(request, reply)
                    if reply.action == "truncate":
                        writer.write(response[: len(response) - 20])
                        await writer.drain()
                        writer.transport.abort()
                        return
                    writer.write(response)
                    await writer.drain()
                finally:
                    self.in_flight -= 1
        except (ConnectionError, asyncio.IncompleteReadError, asyncio.CancelledError):
            pass
        finally:
            writer.close()

    async def _read_request(self, reader: asyncio.StreamReader) -> dict | None:
        line = await reader.readline()
        if not line:
            return None
        method, target, _ = line.decode("latin-1").split(" ", 2)
        headers = {}
        while True:
            header = await reader.readline()
            if header in (b"\r\n", b"\n", b""):
                break
            name, _, value = header.decode("latin-1").partition(":")
            headers[name.strip().lower()] = value.strip()
        raw = await reader.readexactly(int(headers.get("content-length", 0)))
        body = (
            json.loads(raw)
            if raw and not headers.get("content-type", "").startswith("multipart/")
            else None
        )
        path = target.split("?", 1)[0]
        route = _LoopbackBatches.route(method, path) or next(
            name for name, protocol in _LOOPBACK_PROTOCOLS.items() if protocol.matches(path)
        )
        text = _LOOPBACK_PROTOCOLS[route].last_text(body) if route in _LOOPBACK_PROTOCOLS else ""
        self._attempts[text] = attempt = self._attempts.get(text, 0) + 1
        request = {
            "method": method, "target": target, "path": path, "headers": headers, "json": body,
            "raw": raw, "route": route, "text": text, "attempt": attempt, "time": time.monotonic(),
            "n": len(self.requests),
        }
        self.requests.append(request)
        return request

    def _encode(self, request: dict, reply: _Reply) -> bytes:
        if reply.action == "raw":
            body = reply.body
        else:
            payload = reply.body if reply.body is not None else self._payload(request, reply.status)
            body = json.dumps(payload).encode()
        head = [
            f"HTTP/1.1 {reply.status} X", "content-type: application/json",
            f"content-length: {len(body)}",
        ]
        head += [f"{k}: {v}" for k, v in reply.headers.items()]
        return ("\r\n".join(head) + "\r\n\r\n").encode() + body

    @staticmethod
    def _payload(request: dict, status: int) -> dict:
        # a batch route: "openai:create"
        protocol = _LOOPBACK_PROTOCOLS[request["route"].split(":")[0]]
        if status != 200:
            return protocol.error(status, f"loopback error {status}")
        reply = f"echo: {request['text']}"
        prompt_tokens = sum(len(t.split()) for t in protocol.texts(request["json"]))
        return protocol.ok(reply, prompt_tokens, len(reply.split()))


class _LoopbackBatches:
    """A loopback server's batch endpoints: OpenAI's and Azure's files and batches, and Anthropic's
    message batches, each route named ``provider:operation`` (``openai:create``).

    A batch answers each of its requests as the chat route would, and ends ``delay`` seconds
    after it was made (its counts climb meanwhile); its results come back in reverse order.
    ``outcome(custom_id, body)`` may say how an item ends: None (answered), "error" (a 400
    inside the batch), "expired" or "canceled". With ``reject`` set, new batches are refused
    as a whole: OpenAI's fail validation, Anthropic's create answers 400. Malformed lines
    (a custom_id repeated or, for Anthropic, not ``^[a-zA-Z0-9_-]{1,64}$``; a url other
    than the batch's endpoint) are refused in the same way. ``items`` records every request
    of every batch made: (provider, custom_id, body).
    """

    _ROUTES = [
        (re.compile(pattern), route)
        for pattern, route in (
            (r"/v1/files", "openai:upload"), (r"/v1/batches", "openai:create"),
            (r"/v1/batches/[^/]+", "openai:retrieve"),
            (r"/v1/files/[^/]+/content", "openai:content"), (r"/openai/files", "azure:upload"),
            (r"/openai/batches", "azure:create"), (r"/openai/batches/[^/]+", "azure:retrieve"),
            (r"/openai/files/[^/]+/content", "azure:content"),
            (r"/v1/messages/batches", "anthropic:create"),
            (r"/v1/messages/batches/[^/]+", "anthropic:retrieve"),
            (r"/v1/messages/batches/[^/]+/results", "anthropic:results"),
        )
    ]

    def __init__(self, server: _LoopbackServer):
        self.server = server
        self.delay = 0.2
        self.outcome: Callable[[str, dict], str | None] = lambda custom_id, body: None
        # the reply's text for a request body (default: the echo)
        self.reply_text: Callable[[dict], str] | None = None
        self.reject = False
        self.files: dict[str, bytes] = {}
        self.uploads: list[bytes] = []  # the files uploaded, in order
        self.made: dict[str, dict] = {}  # batch id -> {"object", "items", "ends", "provider"}
        self.items: list[tuple[str, str, dict]] = []

    @classmethod
    def route(cls, method: str, path: str) -> str | None:
        route = next((route for pattern, route in cls._ROUTES if pattern.fullmatch(path)), None)
        return (
            route.replace(":create", ":list")
            if route and method == "GET" and route.endswith(":create")
            else route
        )

    def reply(self, request: dict) -> _Reply | None:
        provider, _, operation = request["route"].partition(":")
        if not operation:
            return None
        name = (
            request["path"]
            .rstrip("/")
            .split("/")[-2 if operation in ("content", "results") else -1]
        )
        if operation == "upload":
            file_id = f"file-{len(self.uploads)}"
            self.files[file_id] = self._uploaded(request)
            self.uploads.append(self.files[file_id])
            return _Reply(
                body={
                    "id": file_id, "object": "file", "bytes": len(self.files[file_id]),
                    "created_at": 0, "filename": "requests.jsonl", "purpose": "batch",
                    "status": "processed",
                }
            )
        if operation == "create":
            return self._create(provider, request["json"])
        if operation == "list":
            latest = sorted(
                self.made, key=lambda batch_id: self.made[batch_id]["ends"], reverse=True
            )[:100]
            return _Reply(
                body={
                    "object": "list", "data": [self._state(batch_id) for batch_id in latest],
                    "has_more": False,
                }
            )
        if name not in self.made and operation != "content":
            return _Reply(
                404, body={"error": {"message": f"no batch {name}", "type": "not_found_error"}}
            )
        if operation == "retrieve":
            return _Reply(body=self._state(name))
        if operation == "content":
            return (
                _Reply(body=self.files[name], action="raw") if name in self.files else _Reply(404)
            )
        return _Reply(body=self._results(name), action="raw")

    @staticmethod
    def _uploaded(request: dict) -> bytes:
        """The file part of a multipart upload."""
        boundary = request["headers"]["content-type"].split("boundary=", 1)[1].strip('"').encode()
        for part in request["raw"].split(b"--" + boundary):
            head, _, content = part.partition(b"\r\n\r\n")
            if b'name="file"' in head:
                return content[:-2] if content.endswith(b"\r\n") else content
        raise ValueError("no file in the upload")

    def _create(self, provider: str, body: dict) -> _Reply:
        batch_id = f"{'msgbatch' if provider == 'anthropic' else 'batch'}_{len(self.made)}"
        if provider == "anthropic":
            requests = [(r.get("custom_id"), "", r.get("params")) for r in body["requests"]]
            endpoint = ""
        else:
            requests = [
                (r.get("custom_id"), r.get("url"), r.get("body"))
                for r in map(json.loads, self.files[body["input_file_id"]].splitlines())
            ]
            endpoint = body["endpoint"]
        ids = [custom_id for custom_id, _, _ in requests]
        problem = (
            "rejected by the loopback"
            if self.reject
            else "a custom_id is repeated"
            if len(set(ids)) != len(ids)
            else "a url is not the batch's endpoint"
            if any(url != endpoint for _, url, _ in requests)
            else "a custom_id is malformed"
            if provider == "anthropic"
            and not all(isinstance(i, str) and re.fullmatch(r"[a-zA-Z0-9_-]{1,64}", i) for i in ids)
            else None
        )
        if problem and provider == "anthropic":
            return _Reply(
                400,
                body={
                    "type": "error",
                    "error": {"type": "invalid_request_error", "message": problem},
                },
            )
        items = []
        for custom_id, _, params in requests:
            self.items.append((provider, custom_id, params))
            items.append((custom_id, params, None if problem else self.outcome(custom_id, params)))
        now = time.time()
        self.made[batch_id] = {
            "provider": provider,
            "items": items,
            "ends": now + self.delay,
            "problem": problem,
            "object": {
                "id": batch_id, "object": "batch", "endpoint": endpoint,
                "input_file_id": body.get("input_file_id"), "completion_window": "24h",
                "created_at": int(now), "metadata": body.get("metadata"),
            },
        }
        return _Reply(body=self._state(batch_id))

    def _state(self, batch_id: str) -> dict:
        """The batch as its provider shows it now."""
        batch = self.made[batch_id]
        items = batch["items"]
        provider = batch["provider"]
        ended = time.time() >= batch["ends"]
        done = (
            len(items)
            if ended
            else int(
                len(items) * max(0.0, 1 - (batch["ends"] - time.time()) / max(self.delay, 1e-9))
            )
        )
        failed = sum(outcome is not None for _, _, outcome in items[:done])
        if provider == "anthropic":
            kinds = collections.Counter(outcome or "succeeded" for _, _, outcome in items[:done])
            return {
                "id": batch_id,
                "type": "message_batch",
                "processing_status": "ended" if ended else "in_progress",
                "request_counts": {
                    "processing": len(items) - done, "succeeded": kinds["succeeded"],
                    "errored": kinds["error"], "canceled": kinds["canceled"],
                    "expired": kinds["expired"],
                },
                "created_at": "2026-01-01T00:00:00Z",
                "expires_at": "2026-01-02T00:00:00Z",
                "ended_at": None,
                "archived_at": None,
                "cancel_initiated_at": None,
                "results_url": f"{self.server.url}/v1/messages/batches/{batch_id}/results"
                if ended
                else None,
            }
        state = dict(batch["object"])
        if batch["problem"]:
            state.update(
                status="failed",
                request_counts={"total": 0, "completed": 0, "failed": 0},
                errors={
                    "object": "list",
                    "data": [{"code": "invalid_request", "message": batch["problem"], "line": 1}],
                },
            )
            return state
        if not ended:
            state.update(
                status="in_progress",
                request_counts={"total": len(items), "completed": done - failed, "failed": failed},
            )
            return state
        answered = [self._line(provider, item) for item in reversed(items) if item[2] is None]
        unanswered = [self._line(provider, item) for item in reversed(items) if item[2] is not None]
        for kind, lines in (("out", answered), ("err", unanswered)):
            if lines:
                self.files[f"file-{kind}-{batch_id}"] = "".join(
                    json.dumps(line) + "\n" for line in lines
                ).encode()
        expired = any(outcome == "expired" for _, _, outcome in items)
        state.update(
            status="expired" if expired else "completed",
            request_counts={
                "total": len(items), "completed": len(answered), "failed": len(unanswered),
            },
            output_file_id=f"file-out-{batch_id}" if answered else None,
            error_file_id=f"file-err-{batch_id}" if unanswered else None,
        )
        return state

    def _line(self, provider: str, item: tuple) -> dict:
        """One item's line in OpenAI's output or error file."""
        custom_id, body, outcome = item
        line = {
            "id": f"batch_req_{custom_id}", "custom_id": custom_id, "response": None, "error": None,
        }
        if outcome is None:
            line["response"] = {
                "status_code": 200, "request_id": "r", "body": self._answer(provider, body),
            }
        elif outcome == "error":
            line["response"] = {
                "status_code": 400,
                "request_id": "r",
                "body": {
                    "error": {
                        "message": "loopback: this item was refused",
                        "type": "invalid_request_error", "code": None,
                    }
                },
            }
        else:
            line["error"] = {
                "code": f"batch_{'expired' if outcome == 'expired' else 'cancelled'}",
                "message": f"loopback: this item was {outcome}",
            }
        return line

    def _results(self, batch_id: str) -> bytes:
        """Anthropic's results file, in reverse order."""
        lines = []
        for custom_id, body, outcome in reversed(self.made[batch_id]["items"]):
            if outcome is None:
                result = {"type": "succeeded", "message": self._answer("anthropic", body)}
            elif outcome == "error":
                result = {
                    "type": "errored",
                    "error": {
                        "type": "error",
                        "error": {
                            "type": "invalid_request_error",
                            "message": "loopback: this item was refused",
                        },
                    },
                }
            else:
                result = {"type": outcome}
            lines.append(json.dumps({"custom_id": custom_id, "result": result}) + "\n")
        return "".join(lines).encode()

    def _answer(self, provider: str, body: dict) -> dict:
        """What the chat route would have answered (or ``reply_text``'s text)."""
        if self.reply_text is not None:
            return _LOOPBACK_PROTOCOLS[provider].ok(self.reply_text(body), 3, 2)
        return _LoopbackServer._payload(
            {
                "route": provider, "json": body,
                "text": _LOOPBACK_PROTOCOLS[provider].last_text(body),
            },
            200,
        )


class _Protocol(NamedTuple):
    """What the loopback server knows of one provider's chat route; one entry per provider.

    ``matches(path)``: the route is this provider's; ``texts(body)``: every prompt text
    (for usage), ``last_text(body)``: the last message's text (echoed back); ``ok(reply,
    prompt_tokens, completion_tokens)``, ``error(status, message)`` and ``empty``: the
    bodies it answers with (``empty``: a 200 with no text, as a filtered or blocked
    reply comes); ``details(url)``: connection_details that point an engine here;
    ``key_headers``: where the SDK sends the API key; ``reset(seconds)``: a stated limit's
    reset as the provider writes it, for the headers its adapter's ``limit_headers`` names.
    """

    matches: Callable[[str], bool]
    texts: Callable[[dict], list[str]]
    last_text: Callable[[dict], str]
    ok: Callable[[str, int, int], dict]
    error: Callable[[int, str], dict]
    empty: dict
    details: Callable[[str], dict]
    key_headers: tuple[str, ...]
    reset: Callable[[float], str] | None = None


def _chat_completion(reply: str, prompt_tokens: int, completion_tokens: int) -> dict:
    """An OpenAI chat completion, with 1 cached and 2 reasoning tokens."""
    return {
        "id": "chatcmpl-1",
        "object": "chat.completion",
        "created": 0,
        "model": "loopback",
        "choices": [
            {
                "index": 0, "message": {"role": "assistant", "content": reply},
                "finish_reason": "stop",
            }
        ],
        "usage": {
            "prompt_tokens": prompt_tokens, "completion_tokens": completion_tokens + 2,
            "total_tokens": prompt_tokens + completion_tokens + 2,
            "prompt_tokens_details": {"cached_tokens": 1},
            "completion_tokens_details": {"reasoning_tokens": 2},
        },
    }


_OPENAI_PROTOCOL = dict(
    texts=lambda body: [_plain_text(m["content"]) for m in body["messages"]],
    last_text=lambda body: _plain_text(body["messages"][-1]["content"]),
    ok=_chat_completion,
    error=lambda status, message: {
        "error": {"message": message, "type": "error", "code": str(status)}
    },
    empty={
        "id": "c",
        "object": "chat.completion",
        "created": 0,
        "model": "m",
        "choices": [
            {
                "index": 0, "message": {"role": "assistant", "content": None},
                "finish_reason": "content_filter",
            }
        ],
        "usage": {"prompt_tokens": 3, "completion_tokens": 0, "total_tokens": 3},
    },
    reset=lambda seconds: f"{seconds:.3f}s",  # a duration, as "6m0s" or "20ms" also are
)

_LOOPBACK_PROTOCOLS: dict[str, _Protocol] = {
    "openai": _Protocol(
        matches=lambda path: path.endswith("/chat/completions") and not path.startswith("/openai/"),
        details=lambda url: {"base_url": url + "/v1"}, key_headers=("authorization",),
        **_OPENAI_PROTOCOL,
    ),
    "azure": _Protocol(
        matches=lambda path: path.startswith("/openai/deployments/"),
        details=lambda url: {"azure_endpoint": url, "api_version": "2024-06-01"},
        key_headers=("api-key",), **_OPENAI_PROTOCOL,
    ),
    "anthropic": _Protocol(
        matches=lambda path: path == "/v1/messages",
        texts=lambda body: (
            [_plain_text(m["content"]) for m in body["messages"]]
            + [_plain_text(body.get("system", ""))]
        ),
        last_text=lambda body: _plain_text(body["messages"][-1]["content"]),
        ok=lambda reply, prompt_tokens, completion_tokens: {
            "id": "msg_1",
            "type": "message",
            "role": "assistant",
            "model": "loopback",
            "content": [{"type": "text", "text": reply}],
            "stop_reason": "end_turn",
            "usage": {
                "input_tokens": prompt_tokens - 1, "cache_read_input_tokens": 1,
                "output_tokens": completion_tokens,
            },
        },
        error=lambda status, message: {
            "type": "error",
            "error": {"type": "error", "message": message},
        },
        empty={
            "id": "m", "type": "message", "role": "assistant", "model": "m", "content": [],
            "stop_reason": "refusal", "usage": {"input_tokens": 3, "output_tokens": 0},
        },
        details=lambda url: {"base_url": url},
        key_headers=("x-api-key", "authorization"),
        reset=lambda seconds: (
            (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(seconds=seconds))
            .isoformat(timespec="milliseconds")
            .replace("+00:00", "Z")
        ),
    ),  # an RFC 3339 time
    "gemini": _Protocol(
        matches=lambda path: path.endswith(":generateContent"),
        texts=lambda body: (
            [p.get("text", "") for c in body["contents"] for p in c["parts"]]
            + [p["text"] for p in body.get("systemInstruction", {}).get("parts", [])]
        ),
        last_text=lambda body: "".join(p.get("text", "") for p in body["contents"][-1]["parts"]),
        ok=lambda reply, prompt_tokens, completion_tokens: {
            "candidates": [
                {"content": {"role": "model", "parts": [{"text": reply}]}, "finishReason": "STOP"}
            ],
            "usageMetadata": {
                "promptTokenCount": prompt_tokens, "candidatesTokenCount": completion_tokens,
                "thoughtsTokenCount": 2, "cachedContentTokenCount": 1,
                "totalTokenCount": prompt_tokens + completion_tokens + 2,
            },
        },
        error=lambda status, message: {
            "error": {"code": status, "message": message, "status": "ERROR"}
        },
        empty={
            "promptFeedback": {"blockReason": "SAFETY"},
            "usageMetadata": {"promptTokenCount": 3, "totalTokenCount": 3},
        },
        details=lambda url: {"base_url": url},
        key_headers=("x-goog-api-key",),
    ),
}


def _per_second_limit(limit: int, state: str | None = None) -> Callable[[dict], _Reply | None]:
    """A server script that answers 429 (Retry-After: 1) to anything over ``limit`` requests in any
    second.

    ``state``: a strategy ("openai", "azure", "anthropic") to state the limit on every
    response in that provider's headers, as ``60 * limit`` requests a minute (enforced over each
    second, as providers enforce a minute's limit in shorter spans), with what remains of the last
    minute's and when it is back in full; and a token limit too large to matter. The
    returned script's ``limit`` may be changed while it serves.
    """
    second: collections.deque = collections.deque()
    minute: collections.deque = collections.deque()

    def script(request: dict) -> _Reply | None:
        now = request["time"]
        while second and now - second[0] >= 1.0:
            second.popleft()
        while minute and now - minute[0] >= 60.0:
            minute.popleft()
        rejected = len(second) >= script.limit
        if not rejected:
            second.append(now)
            minute.append(now)
        headers = _stated_headers(state, 60 * script.limit, len(minute)) if state else {}
        if rejected:
            return _Reply(429, headers={"retry-after": "1", **headers})
        return _Reply(headers=headers) if headers else None

    script.limit = limit
    return script


def _stated_headers(strategy: str, per_minute: int, used: int) -> dict[str, str]:
    """The rate-limit headers ``strategy``'s provider sends (those its adapter reads), for ``used``
    of
    ``per_minute`` requests, with a token limit too large to matter."""
    tokens = 1_000_000_000
    values = (
        (per_minute, max(per_minute - used, 0), used * 60.0 / per_minute),
        (tokens, tokens, 0.0),
    )
    reset = _LOOPBACK_PROTOCOLS[strategy].reset
    return {
        name: reset(values[kind][part]) if part == 2 else str(values[kind][part])
        for name, (kind, part) in _ADAPTERS[strategy].limit_headers.items()
    }


def _loopback_details(strategy: str, url: str, **extra: Any) -> dict[str, Any]:
    """connection_details that point ``strategy`` at a loopback server's ``url``."""
    return {
        "strategy": strategy,
        "api_key": f"test-key-{strategy}-0123456789",
        **_LOOPBACK_PROTOCOLS[strategy].details(url),
        **extra,
    }


# ==============================================================================
# Self-test: the tests
# ==============================================================================

import gc  # noqa: E402  (test-only imports stay with the tests)
import io  # noqa: E402
import shlex  # noqa: E402
import socket  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402
import unittest  # noqa: E402


@contextlib.contextmanager
def _env(**values: str | None):
    """Set (or with None, unset) environment variables for the duration of a block."""
    saved = {k: os.environ.get(k) for k in values}
    for k, v in values.items():
        if v is None:
            os.environ.pop(k, None)
        else:
            os.environ[k] = v
    try:
        yield
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


def _check_output(output: str, inputs: list[str | None]) -> None:
    """Refuse, before anything is sent, an output that is a folder or a file the run reads, or
    whose folder cannot be written."""
    if os.path.isdir(output):
        raise _InputError(
            f"--output {output} is a folder; name a file, such as "
            f"{os.path.join(output, 'results.jsonl')}"
        )
    for path in inputs:
        if (
            path
            and os.path.isfile(path)
            and os.path.isfile(output)
            and os.path.samefile(output, path)
        ):
            raise _InputError(
                f"--output {output} is {path}, which the run reads: the results "
                "would replace it; name another file"
            )
    import tempfile

    folder = os.path.dirname(os.path.abspath(output))
    try:
        os.makedirs(folder, exist_ok=True)
        descriptor, probe = tempfile.mkstemp(prefix=".inference-engine-probe-", dir=folder)
        os.close(descriptor)
        os.unlink(probe)
    except OSError as exc:
        raise _InputError(f"--output {output}: cannot write in {folder} ({exc.strerror})") from None


_FAST_RETRY = {
    "RETRY_WAIT_EXPONENTIAL_MIN": "0", "RETRY_WAIT_EXPONENTIAL_MAX": "0.05",
    "RETRY_WAIT_EXPONENTIAL_MULTIPLIER": "0.01",
}


def _engine(
    strategy: str, server: _LoopbackServer, model: str = "loopback-model", env: dict | None = None,
    **extra: Any,
) -> InferenceEngine:
    """An engine on a loopback server, with fast retries unless ``env`` says otherwise."""
    with _env(**{**_FAST_RETRY, **(env or {})}):
        return InferenceEngine(_loopback_details(strategy, server.url, **extra), model)


def _sent_key(request: dict) -> str | None:
    """The API key a request carried, in whichever header its SDK uses."""
    for header in _LOOPBACK_PROTOCOLS[request["route"]].key_headers:
        value = request["headers"].get(header)
        if value:
            return (
                value[len("Bearer ") :]
                if header == "authorization" and value.startswith("Bearer ")
                else value
            )
    return None


def _user(text: str) -> list[dict[str, str]]:
    return [{"role": "user", "content": text}]


def _log_path(name: str = "default.log") -> str:
    """A log file of this test run (the self-test points INFERENCE_ENGINE_LOG_DIR at a fresh
    folder)."""
    return os.path.join(os.environ["INFERENCE_ENGINE_LOG_DIR"], name)


def _read_log(name: str = "default.log") -> str:
    with open(_log_path(name), encoding="utf-8") as f:
        return f.read()


_HERE = os.path.dirname(os.path.abspath(__file__))


def _run_child(
    code: str, *args: str, timeout: float = 60, **kwargs: Any
) -> subprocess.CompletedProcess:
    """Run Python ``code`` (or, with code None, this file) with ``args`` in a child process, from
    this folder."""
    command = (
        [sys.executable, "-c", code]
        if code is not None
        else [sys.executable, os.path.abspath(__file__)]
    )
    return subprocess.run(
        [*command, *args], capture_output=True, text=True, timeout=timeout, cwd=_HERE, **kwargs
    )


def _skip_unless_expensive(test: unittest.TestCase, *variables: str) -> None:
    """Skip ``test`` unless RUN_EXPENSIVE_TESTS=true and every environment variable named is set."""
    if os.environ.get("RUN_EXPENSIVE_TESTS", "").lower() != "true":
        test.skipTest("real API call: set RUN_EXPENSIVE_TESTS=true to run")
    missing = [name for name in variables if not os.environ.get(name)]
    if missing:
        test.skipTest(f"real API call: set {', '.join(missing)}")


class StrategyCompatibilityTests(unittest.TestCase):
    """Only the four providers are accepted, and bad connection details are refused by name."""

    def test_compatible_strategies_are_the_four_providers(self):
        self.assertEqual(COMPATIBLE_STRATEGIES, ["openai", "azure", "anthropic", "gemini"])

    def test_unknown_strategy_is_refused_by_name(self):
        with self.assertRaisesRegex(ValueError, "unknown strategy 'mistral'"):
            InferenceEngine({"strategy": "mistral", "api_key": "k"}, "m")

    def test_bad_connection_details_are_refused_without_showing_the_key(self):
        key = "sk-secret-value-1234567890"
        cases = [
            (
                {"strategy": "azure", "api_key": key, "api_version": "v"}, ValueError,
                "azure_endpoint",
            ),
            (
                {"strategy": "azure", "api_key": key, "azure_endpoint": "http://x"}, ValueError,
                "api_version",
            ),
            ({"strategy": "openai", "api_key": 12345}, TypeError, "api_key"),
            (
                {"strategy": "openai", "api_key": key, "base_ur1": "http://x"}, ValueError,
                "base_ur1",
            ),
            ({"strategy": "openai", "api_key": key, "timeout": -1}, ValueError, "timeout"),
            ({"strategy": "openai", "api_key": key, "timeout": "5"}, TypeError, "timeout"),
            (
                {
                    "strategy": "azure", "api_key": key, "base_url": "http://x",
                    "azure_endpoint": "http://x", "api_version": "v",
                },
                ValueError,
                "base_url",
            ),
            (
                {"strategy": "gemini", "api_key": key, "base_url": "localhost:8080"}, ValueError,
                "http://",
            ),
            ({"strategy": ["openai"], "api_key": key}, ValueError, "unknown strategy"),
            (
                {"strategy": "openai", "api_key": key, "requests_per_minute": -1}, ValueError,
                "requests_per_minute",
            ),
            (
                {"strategy": "openai", "api_key": key, "tokens_per_minute": "many"}, TypeError,
                "tokens_per_minute",
            ),
        ]
        for details, error, name in cases:
            with self.subTest(details=_MaskedDetails(details)):
                with self.assertRaises(error) as caught:
                    InferenceEngine(details, "m")
                self.assertIn(name, str(caught.exception))
                self.assertNotIn(key, str(caught.exception))
        with self.assertRaises(TypeError):
            InferenceEngine("openai", "m")
        with self.assertRaises(TypeError):
            InferenceEngine({"strategy": "openai", "api_key": key}, "")

    def test_missing_key_names_the_environment_variables(self):
        names = (
            "OPENAI_API_KEY", "AZURE_OPENAI_API_KEY", "ANTHROPIC_API_KEY", "GEMINI_API_KEY",
            "GOOGLE_API_KEY",
        )
        with _env(**{n: None for n in names}):
            for strategy, expected in [
                ("openai", "OPENAI_API_KEY"), ("anthropic", "ANTHROPIC_API_KEY"),
                ("gemini", "GEMINI_API_KEY or GOOGLE_API_KEY"),
            ]:
                with self.subTest(strategy=strategy), self.assertRaisesRegex(ValueError, expected):
                    InferenceEngine({"strategy": strategy}, "m")

    def test_key_is_taken_from_the_environment(self):
        with _LoopbackServer() as server, _env(ANTHROPIC_API_KEY="env-anthropic-key-000111"):
            details = _loopback_details("anthropic", server.url)
            del details["api_key"]
            with InferenceEngine(details, "claude") as engine:
                engine.single_inference(_user("hi"))
            self.assertEqual(_sent_key(server.requests[0]), "env-anthropic-key-000111")

    def test_bad_retry_environment_names_the_variable(self):
        with _LoopbackServer() as server:
            for name, value in [
                ("RETRY_ATTEMPTS", "abc"), ("RETRY_ATTEMPTS", "0"),
                ("RETRY_WAIT_EXPONENTIAL_MIN", "-1"), ("RETRY_ATTEMPTS", "2.5"),
            ]:
                with self.subTest(name=name, value=value), self.assertRaisesRegex(ValueError, name):
                    _engine("openai", server, env={name: value})
            with _env(
                RETRY_ATTEMPTS="3", RETRY_WAIT_EXPONENTIAL_MIN="0",
                RETRY_WAIT_EXPONENTIAL_MAX="1.5", RETRY_WAIT_EXPONENTIAL_MULTIPLIER="0.5",
            ):
                policy = _RetryPolicy(_ADAPTERS["openai"]({"api_key": "k"}, "m"), _RateLimiter())
            self.assertEqual(
                (policy.attempts, policy.min_wait, policy.max_wait, policy.multiplier),
                (3, 0.0, 1.5, 0.5),
            )


class HyperparameterTests(unittest.TestCase):
    """Known names are checked; unknown names pass through."""

    def test_known_names_are_checked_with_a_clear_message(self):
        for kwargs, error, text in [
            ({"temperature": "hot"}, TypeError, "temperature must be int or float"),
            ({"temperature": 2.5}, ValueError, "temperature must be between 0 and 2"),
            ({"max_tokens": 0}, ValueError, "max_tokens must be at least 1"),
            ({"max_tokens": 1.5}, TypeError, "max_tokens"),
            ({"max_tokens": True}, TypeError, "max_tokens"), ({"top_p": 1.5}, ValueError, "top_p"),
            ({"top_k": 0}, ValueError, "top_k"), ({"seed": "1"}, TypeError, "seed"),
            ({"stop": 5}, TypeError, "stop"), ({"stop": ["a", 1]}, TypeError, "stop"),
            ({"presence_penalty": -3}, ValueError, "presence_penalty"),
            ({"frequency_penalty": 2.1}, ValueError, "frequency_penalty"),
        ]:
            with self.subTest(kwargs=kwargs), self.assertRaisesRegex(error, text):
                Hyperparameters(**kwargs)

    def test_valid_and_unknown_names_are_kept(self):
        h = Hyperparameters(temperature=0, max_tokens=5, stop=["x"], logit_bias={"1": 2})
        self.assertEqual(
            h.kwargs, {"temperature": 0, "max_tokens": 5, "stop": ["x"], "logit_bias": {"1": 2}}
        )
        self.assertEqual(
            h, Hyperparameters(temperature=0, max_tokens=5, stop=["x"], logit_bias={"1": 2})
        )
        self.assertIn("temperature=0", repr(h))


class MappingTests(unittest.TestCase):
    """What each provider's server receives, and the usage the caller gets back."""

    @classmethod
    def setUpClass(cls):
        cls.server = _LoopbackServer().__enter__()

    @classmethod
    def tearDownClass(cls):
        cls.server.__exit__()

    def setUp(self):
        self.server.reset()

    conversation = [
        {"role": "system", "content": "Be brief."},
        {"role": "system", "content": [{"type": "text", "text": "Be kind."}]},
        {"role": "user", "content": "What is two plus two?"},
        {"role": "assistant", "content": "Four."},
        {
            "role": "user",
            "content": [{"type": "text", "text": "And "}, {"type": "text", "text": "three?"}],
        },
    ]

    def test_openai_request_and_usage(self):
        with _engine("openai", self.server, model="gpt-test") as engine:
            text, usage = engine.single_inference(
                self.conversation,
                Hyperparameters(temperature=0.3, max_tokens=7, seed=1, custom_flag=True),
            )
        self.assertEqual(text, "echo: And three?")
        request = self.server.requests[0]
        self.assertEqual(request["path"], "/v1/chat/completions")
        self.assertEqual(request["headers"]["authorization"], "Bearer test-key-openai-0123456789")
        body = request["json"]
        self.assertEqual(body["model"], "gpt-test")
        self.assertEqual(
            [m["role"] for m in body["messages"]], ["system", "system", "user", "assistant", "user"]
        )
        self.assertEqual(
            body["messages"][4]["content"],
            [{"type": "text", "text": "And "}, {"type": "text", "text": "three?"}],
        )
        self.assertEqual(
            (body["temperature"], body["max_tokens"], body["seed"], body["custom_flag"]),
            (0.3, 7, 1, True),
        )
        counts = {"prompt_tokens": 12, "completion_tokens": 5, "total_tokens": 17, "cost": None}
        self.assertEqual(usage, {**counts, "cached_tokens": 1, "reasoning_tokens": 2})

    def test_azure_route_header_and_deployment(self):
        with _engine("azure", self.server, model="my-deployment") as engine:
            text, usage = engine.single_inference(
                _user("hello azure"), Hyperparameters(temperature=1)
            )
        request = self.server.requests[0]
        self.assertEqual(
            request["target"],
            "/openai/deployments/my-deployment/chat/completions?api-version=2024-06-01",
        )
        self.assertEqual(request["headers"]["api-key"], "test-key-azure-0123456789")
        self.assertNotIn("authorization", request["headers"])
        self.assertEqual(request["json"]["temperature"], 1)
        self.assertEqual(text, "echo: hello azure")
        self.assertEqual(usage["total_tokens"], usage["prompt_tokens"] + usage["completion_tokens"])

    def test_anthropic_system_max_tokens_and_body_parameters(self):
        with _engine("anthropic", self.server, model="claude-test") as engine:
            text, usage = engine.single_inference(
                self.conversation, Hyperparameters(temperature=0.2, top_p=0.9, top_k=5, stop="END")
            )
            engine.single_inference(_user("second"), Hyperparameters(max_tokens=33))
            with self.assertRaisesRegex(ValueError, "seed"):
                engine.single_inference(_user("x"), Hyperparameters(seed=1))
        first = self.server.requests[0]["json"]
        second = self.server.requests[1]["json"]
        self.assertEqual(self.server.count(), 2)
        self.assertEqual(self.server.requests[0]["path"], "/v1/messages")
        self.assertEqual(_sent_key(self.server.requests[0]), "test-key-anthropic-0123456789")
        self.assertEqual(first["system"], "Be brief.\n\nBe kind.")
        self.assertEqual([m["role"] for m in first["messages"]], ["user", "assistant", "user"])
        self.assertEqual(first["max_tokens"], ANTHROPIC_DEFAULT_MAX_TOKENS)
        self.assertEqual((first["temperature"], first["top_p"], first["top_k"]), (0.2, 0.9, 5))
        self.assertEqual(first["stop_sequences"], ["END"])
        self.assertNotIn("stop", first)
        self.assertEqual(second["max_tokens"], 33)
        self.assertNotIn("system", second)
        self.assertEqual(text, "echo: And three?")
        # input 12 words - 1 uncached + 1 cache read = 12 prompt tokens, all counted.
        self.assertEqual(
            usage,
            {
                "prompt_tokens": 12, "completion_tokens": 3, "total_tokens": 15, "cached_tokens": 1,
                "cost": None,
            },
        )

    def test_gemini_system_instruction_roles_and_generation_config(self):
        with _engine("gemini", self.server, model="gemini-test") as engine:
            text, usage = engine.single_inference(
                self.conversation,
                Hyperparameters(max_tokens=11, stop=["STOP"], temperature=0.5, top_k=3),
            )
        request = self.server.requests[0]
        self.assertEqual(request["path"], "/v1beta/models/gemini-test:generateContent")
        self.assertEqual(request["headers"]["x-goog-api-key"], "test-key-gemini-0123456789")
        body = request["json"]
        self.assertEqual(body["systemInstruction"]["parts"], [{"text": "Be brief.\n\nBe kind."}])
        self.assertEqual([c["role"] for c in body["contents"]], ["user", "model", "user"])
        self.assertEqual(body["contents"][2]["parts"], [{"text": "And three?"}])
        config = body["generationConfig"]
        self.assertEqual(
            (
                config["maxOutputTokens"], config["stopSequences"], config["temperature"],
                config["topK"],
            ),
            (11, ["STOP"], 0.5, 3),
        )
        self.assertEqual(text, "echo: And three?")
        counts = {"prompt_tokens": 12, "completion_tokens": 5, "total_tokens": 17, "cost": None}
        self.assertEqual(usage, {**counts, "cached_tokens": 1, "reasoning_tokens": 2})

    def test_gemini_refuses_unknown_hyperparameters_before_sending(self):
        with (
            _engine("gemini", self.server) as engine,
            self.assertRaisesRegex(ValueError, "no_such_knob"),
        ):
            engine.single_inference(_user("x"), Hyperparameters(no_such_knob=1))
        self.assertEqual(self.server.count(), 0)

    def test_malformed_messages_are_refused_before_any_request(self):
        bad = [
            ([], ValueError), ("hello", TypeError), ([["user", "hi"]], TypeError),
            ([{"role": "robot", "content": "hi"}], ValueError), ([{"role": "user"}], ValueError),
            ([{"role": "user", "content": None}], ValueError),
            ([{"role": "user", "content": 5}], TypeError),
            ([{"role": "user", "content": [{"type": "image_url", "image_url": "x"}]}], ValueError),
            ([{"role": "user", "content": [{"type": "text", "text": 3}]}], TypeError),
            ([{"role": "system", "content": "only a system prompt"}], ValueError),
        ]
        with _engine("openai", self.server) as engine:
            for messages, error in bad:
                with self.subTest(messages=messages), self.assertRaises(error):
                    engine.single_inference(messages)
            with self.assertRaisesRegex(ValueError, r"messages_list\[1\]"):
                engine.parallel_inference([_user("fine"), [{"role": "user"}]])
            with self.assertRaises(TypeError):
                engine.single_inference(_user("x"), hyperparameters="hot")
            with self.assertRaises(ValueError):
                engine.parallel_inference([_user("x")], max_concurrent_requests=0)
        self.assertEqual(self.server.count(), 0)


class ConverterTests(unittest.TestCase):
    """Each adapter's pure request and read, with no server: where a provider's mapping is pinned
    down."""

    conversation = MappingTests.conversation

    @staticmethod
    def adapter(strategy, model="m"):
        details = {"strategy": strategy, "api_key": "k" * 20}
        if strategy == "azure":
            details.update(azure_endpoint="https://x.openai.azure.com", api_version="2024-06-01")
        return _ADAPTERS[strategy](details, model)

    def test_openai_request_is_the_common_form_with_hyperparameters_in_the_body(self):
        messages = _normalise_messages(self.conversation)
        body = self.adapter("openai", "gpt").request(
            messages, {"temperature": 0.3, "custom_flag": True}
        )
        self.assertEqual(
            body, {"model": "gpt", "messages": messages, "temperature": 0.3, "custom_flag": True}
        )
        json.dumps(body)  # ready to be serialised as it is

    def test_openai_read_takes_text_usage_and_finish_reason(self):
        body = _chat_completion("hi there", 7, 2)
        usage = {"prompt_tokens": 7, "completion_tokens": 4, "total_tokens": 11}
        usage.update(cached_tokens=1, reasoning_tokens=2)
        self.assertEqual(
            self.adapter("openai").read(body), ("hi there", usage, "stop", "loopback", None)
        )
        body["service_tier"] = "flex"
        self.assertEqual(self.adapter("openai").read(body).service_tier, "flex")
        self.assertEqual(
            self.adapter("azure").read(_LOOPBACK_PROTOCOLS["azure"].empty)[:3:2],
            ("", "content_filter"),
        )
        for bad in ({}, {"choices": None}, [], "text"):
            with self.subTest(body=bad), self.assertRaises(_MalformedResponse):
                self.adapter("openai").read(bad)

    def test_anthropic_request_moves_system_and_stop_and_defaults_max_tokens(self):
        body = self.adapter("anthropic", "claude").request(
            _normalise_messages(self.conversation), {"stop": "END", "top_k": 5}
        )
        self.assertEqual(body["system"], "Be brief.\n\nBe kind.")
        self.assertEqual([m["role"] for m in body["messages"]], ["user", "assistant", "user"])
        self.assertEqual(
            (body["model"], body["max_tokens"], body["stop_sequences"], body["top_k"]),
            ("claude", ANTHROPIC_DEFAULT_MAX_TOKENS, ["END"], 5),
        )
        self.assertNotIn("stop", body)
        self.assertEqual(
            self.adapter("anthropic").request(_user("x"), {"max_tokens": 9})["max_tokens"], 9
        )

    def test_anthropic_read_counts_cache_reads_and_writes_in_the_prompt(self):
        body = {
            "content": [
                {"type": "thinking", "thinking": "hm"}, {"type": "text", "text": "a"},
                {"type": "text", "text": "b"},
            ],
            "stop_reason": "max_tokens",
            "usage": {
                "input_tokens": 5, "cache_read_input_tokens": 3, "cache_creation_input_tokens": 2,
                "output_tokens": 4,
            },
        }
        usage = {"prompt_tokens": 10, "completion_tokens": 4, "total_tokens": 14}
        usage.update(cached_tokens=3, cache_creation_tokens=2)
        body["model"] = "claude-sonnet-4-5-20250929"
        self.assertEqual(
            self.adapter("anthropic").read(body),
            ("ab", usage, "max_tokens", "claude-sonnet-4-5-20250929", None),
        )
        for bad in ({}, {"content": [], "usage": None}, {"content": "x", "usage": {}}):
            with self.subTest(body=bad), self.assertRaises(_MalformedResponse):
                self.adapter("anthropic").read(bad)

    def test_gemini_request_is_the_json_form_of_its_proto(self):
        adapter = self.adapter("gemini", "gem")
        body = adapter.request(
            _normalise_messages(self.conversation),
            {"max_tokens": 11, "stop": "S", "temperature": 0.5},
        )
        self.assertEqual(
            body,
            {
                "model": "models/gem",
                "contents": [
                    {"role": "user", "parts": [{"text": "What is two plus two?"}]},
                    {"role": "model", "parts": [{"text": "Four."}]},
                    {"role": "user", "parts": [{"text": "And three?"}]},
                ],
                "generation_config": {
                    "max_output_tokens": 11, "stop_sequences": ["S"], "temperature": 0.5,
                },
                "system_instruction": {"parts": [{"text": "Be brief.\n\nBe kind."}]},
            },
        )
        self.assertEqual(adapter._proto(body).generation_config.max_output_tokens, 11)
        with self.assertRaisesRegex(ValueError, "no_such_knob"):
            adapter.request(_user("x"), {"no_such_knob": 1})

    def test_gemini_read_derives_reasoning_tokens_and_block_reasons(self):
        adapter = self.adapter("gemini")
        parts = {"parts": [{"text": "a"}, {"text": "b"}]}
        counts = {"prompt_token_count": 4, "candidates_token_count": 2, "total_token_count": 9}
        body = {
            "candidates": [{"content": parts, "finish_reason": "MAX_TOKENS"}],
            "usage_metadata": {**counts, "cached_content_token_count": 1},
        }
        usage = {"prompt_tokens": 4, "completion_tokens": 5, "total_tokens": 9}
        usage.update(cached_tokens=1, reasoning_tokens=3)
        self.assertEqual(adapter.read(body), ("ab", usage, "MAX_TOKENS", None, None))
        self.assertEqual(adapter.read({**body, "model_version": "gemini-2.5-flash"}).model,
                         "gemini-2.5-flash")
        blocked = {
            "prompt_feedback": {"block_reason": "SAFETY"},
            "usage_metadata": {"prompt_token_count": 3},
        }
        self.assertEqual(adapter.read(blocked)[:3:2], ("", "BLOCKED:SAFETY"))
        with self.assertRaises(_MalformedResponse):
            adapter.read({"usage_metadata": {}})


class InferenceTests(unittest.TestCase):
    """Single, parallel and async inference on every provider: the text, the usage, the order."""

    @classmethod
    def setUpClass(cls):
        # Latency varies per prompt so that completion order differs from input order.
        cls.server = _LoopbackServer(
            script=lambda r: _Reply(delay=(hash(r["text"]) % 7) / 200)
        ).__enter__()

    @classmethod
    def tearDownClass(cls):
        cls.server.__exit__()

    def setUp(self):
        self.server.reset()

    def test_single_inference_every_provider(self):
        for strategy in COMPATIBLE_STRATEGIES:
            with self.subTest(strategy=strategy), _engine(strategy, self.server) as engine:
                text, usage = engine.single_inference(_user(f"hello {strategy}"))
                self.assertEqual(text, f"echo: hello {strategy}")
                self.assertEqual(
                    set(usage) >= {"prompt_tokens", "completion_tokens", "total_tokens"}, True
                )
                self.assertIsNone(usage.pop("cost"))  # the loopback's model has no price
                self.assertTrue(all(isinstance(v, int) for v in usage.values()))
        self.assertEqual(
            sorted(r["route"] for r in self.server.requests), sorted(COMPATIBLE_STRATEGIES)
        )

    def test_parallel_inference_keeps_input_order(self):
        prompts = [f"prompt number {i}" for i in range(40)]
        for strategy in COMPATIBLE_STRATEGIES:
            with self.subTest(strategy=strategy), _engine(strategy, self.server) as engine:
                self.server.reset()
                results, usages = engine.parallel_inference(
                    [_user(p) for p in prompts], max_concurrent_requests=8
                )
                self.assertEqual(results, [f"echo: {p}" for p in prompts])
                self.assertEqual(len(usages), 40)
                self.assertEqual(self.server.count(strategy), 40)
                arrival = [r["text"] for r in sorted(self.server.requests, key=lambda r: r["time"])]
                self.assertEqual(sorted(arrival), sorted(prompts))

    def test_async_entry_points(self):
        async def main(engine):
            one = await engine.async_single_inference(_user("async one"))
            many = await engine.async_parallel_inference(
                [_user(f"a{i}") for i in range(10)], max_concurrent_requests=3
            )
            both = await asyncio.gather(
                engine.async_single_inference(_user("g1")),
                engine.async_single_inference(_user("g2")),
            )
            return one, many, both

        for strategy in COMPATIBLE_STRATEGIES:
            with self.subTest(strategy=strategy):
                engine = _engine(strategy, self.server)
                one, many, both = asyncio.run(main(engine))
                self.assertEqual(one[0], "echo: async one")
                self.assertEqual(many[0], [f"echo: a{i}" for i in range(10)])
                self.assertEqual([b[0] for b in both], ["echo: g1", "echo: g2"])
                asyncio.run(engine.aclose())

    def test_sync_calls_many_times_in_a_row_and_from_a_running_loop(self):
        engine = _engine("openai", self.server)
        for i in range(25):
            self.assertEqual(engine.single_inference(_user(f"row {i}"))[0], f"echo: row {i}")
        for i in range(3):
            self.assertEqual(
                engine.parallel_inference([_user(f"batch {i}")])[0], [f"echo: batch {i}"]
            )

        async def inside_a_running_loop():  # what a Jupyter cell does
            text, _ = engine.single_inference(_user("from a loop"))
            results, _ = engine.parallel_inference([_user("p1"), _user("p2")])
            return text, results

        self.assertEqual(
            asyncio.run(inside_a_running_loop()), ("echo: from a loop", ["echo: p1", "echo: p2"])
        )
        # a second, new loop
        self.assertEqual(asyncio.run(inside_a_running_loop())[0], "echo: from a loop")
        engine.close()
        self.assertEqual(self.server.count(), 25 + 3 + 6)

    def test_two_gemini_engines_do_not_share_keys_or_endpoints(self):
        with _LoopbackServer() as other:
            first = _engine("gemini", self.server, api_key="gemini-key-number-one-111")
            second = _engine("gemini", other, api_key="gemini-key-number-two-222")
            first.single_inference(_user("to first"))
            second.single_inference(_user("to second"))
            first.single_inference(_user("to first again"))
            first.close()
            second.close()
            self.assertEqual(
                [r["headers"]["x-goog-api-key"] for r in self.server.requests],
                ["gemini-key-number-one-111"] * 2,
            )
            self.assertEqual(
                [r["headers"]["x-goog-api-key"] for r in other.requests],
                ["gemini-key-number-two-222"],
            )


class ConcurrencyTests(unittest.TestCase):
    """The cap holds and is reached, measured by the server, for every provider."""

    def test_cap_is_reached_and_never_exceeded_and_connections_are_reused(self):
        with _LoopbackServer(latency=0.1) as server:
            for strategy in COMPATIBLE_STRATEGIES:
                cap = 16  # above requests' 10 pooled connections and asyncio's default thread count
                with self.subTest(strategy=strategy), _engine(strategy, server) as engine:
                    server.reset()
                    for _ in range(2):
                        results, _ = engine.parallel_inference(
                            [_user(f"{strategy} {i}") for i in range(cap * 3)],
                            max_concurrent_requests=cap,
                        )
                    self.assertEqual(len(results), cap * 3)
                    self.assertEqual(server.peak_in_flight, cap)
                    self.assertEqual(server.connections, cap)  # one pool, kept between calls

    def test_cap_holds_while_retrying(self):
        # every prompt fails twice, then succeeds (500: an error, not pushback that slows the pace)
        def script(r):
            return _Reply(500) if r["attempt"] <= 2 else None

        with (
            _LoopbackServer(latency=0.02, script=script) as server,
            _engine("anthropic", server) as engine,
        ):
            results, _ = engine.parallel_inference(
                [_user(f"r{i}") for i in range(30)], max_concurrent_requests=5
            )
            self.assertEqual(results, [f"echo: r{i}" for i in range(30)])
            self.assertEqual(server.count(), 90)
            self.assertEqual(server.peak_in_flight, 5)


class RetryTests(unittest.TestCase):
    """What is retried, how often, and how long it waits, counted at the server (sync clients)."""

    def send(self, engine, messages):
        return engine.single_inference(messages)

    def run_one(self, strategy, script, env=None, messages=None):
        with _LoopbackServer(script=script) as server, _engine(strategy, server, env=env) as engine:
            try:
                return self.send(engine, messages or _user("hi")), server
            except InferenceError as exc:
                return exc, server

    def test_429_twice_then_success_is_three_requests(self):
        for strategy in COMPATIBLE_STRATEGIES:
            with self.subTest(strategy=strategy):
                result, server = self.run_one(
                    strategy, lambda r: _Reply(429) if r["attempt"] <= 2 else None
                )
                self.assertEqual(result[0], "echo: hi")
                self.assertEqual(server.count(), 3)

    def test_permanent_errors_are_sent_once(self):
        for strategy in COMPATIBLE_STRATEGIES:
            for status, error in [
                (400, BadRequestError), (401, AuthenticationError), (403, AuthenticationError),
                (404, BadRequestError), (422, BadRequestError),
            ]:
                with self.subTest(strategy=strategy, status=status):
                    result, server = self.run_one(strategy, lambda r: _Reply(status))
                    self.assertIsInstance(result, error)
                    self.assertEqual((result.status_code, result.strategy), (status, strategy))
                    self.assertIsNotNone(result.__cause__)
                    self.assertEqual(server.count(), 1)

    def test_transient_errors_are_retried_until_attempts_run_out(self):
        for status in (408, 409, 500, 502, 503, 529):
            with self.subTest(status=status):
                result, server = self.run_one(
                    "anthropic", lambda r: _Reply(status), env={"RETRY_ATTEMPTS": "4"}
                )
                self.assertIsInstance(result, TransientError)
                self.assertEqual(result.status_code, status)
                self.assertEqual(server.count(), 4)
        result, server = self.run_one("openai", lambda r: _Reply(429), env={"RETRY_ATTEMPTS": "3"})
        self.assertIsInstance(result, RateLimitError)
        self.assertEqual(server.count(), 3)

    def test_retry_attempts_one_means_one_request(self):
        result, server = self.run_one("gemini", lambda r: _Reply(503), env={"RETRY_ATTEMPTS": "1"})
        self.assertIsInstance(result, TransientError)
        self.assertEqual(server.count(), 1)

    def test_retry_attempts_given_to_the_engine_win_over_the_environment(self):
        with (
            _LoopbackServer(script=lambda r: _Reply(503)) as server,
            _env(**_FAST_RETRY, RETRY_ATTEMPTS="5"),
        ):
            details = _loopback_details("openai", server.url)
            with InferenceEngine(details, "m", retry_attempts=2) as engine:
                with self.assertRaises(TransientError):
                    self.send(engine, _user("hi"))
            self.assertEqual(server.count(), 2)
            for bad, error in ((0, ValueError), (True, TypeError), ("2", TypeError)):
                with self.assertRaises(error):
                    InferenceEngine(details, "m", retry_attempts=bad)

    def test_exhausted_quota_429_is_not_retried(self):
        quota = {
            "error": {
                "message": "You exceeded your current quota", "type": "insufficient_quota",
                "code": "insufficient_quota",
            }
        }
        result, server = self.run_one("openai", lambda r: _Reply(429, body=quota))
        self.assertIsInstance(result, RateLimitError)
        self.assertFalse(result.retryable)
        self.assertEqual(server.count(), 1)

    def test_retry_after_is_honoured(self):
        for headers in ({"retry-after-ms": "400"}, {"retry-after": "1"}):
            with self.subTest(headers=headers):
                result, server = self.run_one(
                    "openai", lambda r: _Reply(429, headers=headers) if r["attempt"] == 1 else None,
                    env={"RETRY_WAIT_EXPONENTIAL_MAX": "5"},
                )
                self.assertEqual(result[0], "echo: hi")
                gap = server.requests[1]["time"] - server.requests[0]["time"]
                asked = float(headers.get("retry-after-ms", 0)) / 1000 or float(
                    headers.get("retry-after", 0)
                )
                self.assertGreaterEqual(gap, asked - 0.01)
                self.assertLess(gap, asked + 1.0)

    def test_retry_after_is_capped_by_the_maximum_wait(self):
        result, server = self.run_one(
            "anthropic",
            lambda r: _Reply(429, headers={"retry-after": "30"}) if r["attempt"] == 1 else None,
            env={"RETRY_WAIT_EXPONENTIAL_MAX": "0.2"},
        )
        self.assertEqual(result[0], "echo: hi")
        self.assertLess(server.requests[1]["time"] - server.requests[0]["time"], 2)

    def test_a_dropped_connection_is_retried(self):
        result, server = self.run_one(
            "openai", lambda r: _Reply(action="drop") if r["attempt"] == 1 else None
        )
        self.assertEqual((result[0], server.count()), ("echo: hi", 2))

    def test_retries_are_logged_with_attempt_status_and_wait(self):
        self.run_one(
            "openai", lambda r: _Reply(503) if r["attempt"] <= 2 else None,
            messages=_user("logged retry"),
        )
        lines = [
            line for line in _read_log().splitlines() if "openai loopback-model: attempt" in line
        ]
        self.assertTrue(
            any(
                re.search(
                    r"attempt 1/10 failed \(TransientError, status 503\): "
                    r"openai \(loopback-model\) at 127\.0\.0\.1:\d+: "
                    r"HTTP 503: loopback error 503 \[503\]; retrying in",
                    line,
                )
                for line in lines
            ),
            lines[-3:],
        )
        self.assertTrue(any("attempt 2/10" in line for line in lines))


class AsyncRetryTests(RetryTests):
    """The same retry tests through the async clients, which parallel and async calls use."""

    def send(self, engine, messages):
        return asyncio.run(engine.async_single_inference(messages))


class PartialFailureTests(unittest.TestCase):
    """A failed item never costs the others their results."""

    def setUp(self):
        self.server = _LoopbackServer(
            script=lambda r: _Reply(400) if r["text"].endswith("bad") else None
        ).__enter__()
        self.engine = _engine("openai", self.server)
        self.batch = [_user("a"), _user("b bad"), _user("c"), _user("d bad"), _user("e")]

    def tearDown(self):
        self.engine.close()
        self.server.__exit__()

    def test_parallel_inference_error_keeps_every_finished_result(self):
        with self.assertRaises(ParallelInferenceError) as caught:
            self.engine.parallel_inference(self.batch, max_concurrent_requests=2)
        error = caught.exception
        self.assertEqual(error.results, ["echo: a", None, "echo: c", None, "echo: e"])
        self.assertEqual([u is None for u in error.usages], [False, True, False, True, False])
        self.assertEqual(sorted(error.errors), [1, 3])
        self.assertTrue(
            all(
                isinstance(e, BadRequestError) and e.status_code == 400
                for e in error.errors.values()
            )
        )
        self.assertIsInstance(error, InferenceError)
        self.assertEqual(self.server.count(), 5)

    def test_return_exceptions_puts_errors_in_place(self):
        results, usages = self.engine.parallel_inference(self.batch, return_exceptions=True)
        self.assertEqual(
            [r if isinstance(r, str) else type(r) for r in results],
            ["echo: a", BadRequestError, "echo: c", BadRequestError, "echo: e"],
        )
        self.assertEqual([u is None for u in usages], [False, True, False, True, False])

    def test_async_parallel_has_the_same_rules(self):
        with self.assertRaises(ParallelInferenceError) as caught:
            asyncio.run(self.engine.async_parallel_inference(self.batch))
        self.assertEqual(caught.exception.results[4], "echo: e")


class LifecycleTests(unittest.TestCase):
    """Clients are closed by close(), context managers and garbage collection."""

    def test_closed_engine_gives_a_clear_error(self):
        with _LoopbackServer() as server:
            engine = _engine("openai", server)
            engine.single_inference(_user("x"))
            engine.close()
            engine.close()  # twice is fine
            with self.assertRaisesRegex(RuntimeError, "closed"):
                engine.single_inference(_user("x"))
            with self.assertRaisesRegex(RuntimeError, "closed"):
                asyncio.run(engine.async_single_inference(_user("x")))
            self.assertEqual(server.count(), 1)

    def test_an_engine_is_released_as_soon_as_it_is_dropped(self):
        with _LoopbackServer() as server:
            engine = _engine("gemini", server)
            engine.single_inference(_user("x"))
            engine.parallel_inference([_user("y")])
            resources = weakref.ref(engine._resources)
            del engine  # no gc.collect(): nothing may hold the engine in a reference cycle
            self.assertIsNone(resources())

    def test_async_context_manager(self):
        async def main(server):
            async with _engine("anthropic", server) as engine:
                return await engine.async_single_inference(_user("ctx")), engine

        with _LoopbackServer() as server:
            (text, _), engine = asyncio.run(main(server))
            self.assertEqual(text, "echo: ctx")
            with self.assertRaisesRegex(RuntimeError, "closed"):
                engine.single_inference(_user("x"))

    def test_dropped_engines_release_their_clients_and_never_stall_others(self):
        with _LoopbackServer(latency=0.005) as server:
            threads_before = threading.active_count()
            for i in range(24):
                strategy = COMPATIBLE_STRATEGIES[i % 4]
                engine = _engine(strategy, server)
                start = time.monotonic()
                if i % 2:
                    results, _ = engine.parallel_inference(
                        [_user(f"{i}-{j}") for j in range(6)], max_concurrent_requests=6
                    )
                else:
                    results, _ = asyncio.run(
                        engine.async_parallel_inference([_user(f"{i}-{j}") for j in range(6)])
                    )
                self.assertEqual(results, [f"echo: {i}-{j}" for j in range(6)])
                self.assertLess(time.monotonic() - start, 3, f"engine {i} ({strategy}) stalled")
                del engine
                gc.collect()
            time.sleep(0.2)
            self.assertLessEqual(threading.active_count(), threads_before + 2)
            self.assertEqual(server.count(), 24 * 6)


class LoggingTests(unittest.TestCase):
    """inference.log gets one record per request; no key reaches any log, message or repr."""

    def setUp(self):
        self.log_dir = os.environ["INFERENCE_ENGINE_LOG_DIR"]

    def read_records(self):
        return [json.loads(line) for line in _read_log("inference.log").splitlines()]

    def test_one_record_per_request_with_content_switchable(self):
        with _LoopbackServer(
            script=lambda r: _Reply(401) if "deny" in r["text"] else None
        ) as server:
            with _engine("anthropic", server, model="log-model") as engine:
                engine.parallel_inference(
                    [_user("log me 1"), _user("log me 2"), _user("deny {json} me")],
                    return_exceptions=True,
                )
                with _env(INFERENCE_LOG_CONTENT="false"):
                    engine.single_inference(_user("private words"))
        records = [r for r in self.read_records() if r["model"] == "log-model"]
        self.assertEqual(len(records), 4)
        ok = [r for r in records if r["outcome"] == "ok"]
        failed = [r for r in records if r["outcome"] == "error"]
        self.assertEqual(len(ok), 3)
        self.assertEqual(failed[0]["attempts"], 1)
        self.assertIn("AuthenticationError", failed[0]["error"])
        self.assertEqual(
            sorted(r["prompt"] for r in ok if "prompt" in r), ["user: log me 1", "user: log me 2"]
        )
        self.assertTrue(all(r["strategy"] == "anthropic" and r["latency_s"] >= 0 for r in records))
        self.assertEqual(ok[0]["usage"]["completion_tokens"], 4)
        for name in os.listdir(self.log_dir):
            with open(os.path.join(self.log_dir, name), encoding="utf-8") as f:
                self.assertNotIn("private words", f.read())

    def test_no_key_in_logs_errors_or_reprs(self):
        key = "sk-live-SECRET-abcdefghijklmnop-9876"

        def script(r):  # the server echoes the key back, as some providers do
            if r["attempt"] == 1:
                return _Reply(503, body={"error": {"message": f"overloaded for key {key}"}})
            return _Reply(401, body={"error": {"message": f"invalid key {key}"}})

        seen = []
        with _LoopbackServer(script=script) as server:
            engine = _engine("openai", server, api_key=key)
            seen += [repr(engine), str(engine.connection_details), repr(engine.connection_details)]
            try:
                engine.parallel_inference([_user("a"), _user("b")])
            except ParallelInferenceError as exc:
                seen += [str(exc), repr(exc)]
                # the SDK's own exception too, as a traceback would show it
                for error in exc.errors.values():
                    seen += [str(error), repr(error), str(error.__cause__), repr(error.__cause__)]
            engine.close()
        self.assertIn("sk-…9876", repr(engine))
        self.assertTrue(any("invalid key" in s for s in seen))
        for name in os.listdir(self.log_dir):
            path = os.path.join(self.log_dir, name)
            with open(path, encoding="utf-8") as f:
                seen.append(f.read())
            if os.name == "posix":
                self.assertEqual(os.stat(path).st_mode & 0o777, 0o600, name)
        for text in seen:
            self.assertNotIn(key, text)

    def test_decorators_are_usable_on_user_functions(self):
        @log_inference
        def double(x):
            return 2 * x

        @async_log_inference
        async def triple(x):
            return 3 * x

        with _LoopbackServer() as server:
            for strategy in COMPATIBLE_STRATEGIES:  # more engines must not mean more sinks
                _engine(strategy, server).close()
        self.assertEqual((double(2), asyncio.run(triple(2))), (4, 6))
        text = _read_log()
        self.assertEqual(text.count("double finished in"), 1)
        self.assertEqual(text.count("triple finished in"), 1)


_TRANSIENT_FAULTS = {
    "429": lambda r: _Reply(429),
    "429 retry-after-ms": lambda r: _Reply(429, headers={"retry-after-ms": "5"}),
    "500": lambda r: _Reply(500), "502": lambda r: _Reply(502), "503": lambda r: _Reply(503),
    "529": lambda r: _Reply(529), "dropped before replying": lambda r: _Reply(action="drop"),
    "dropped mid-response": lambda r: _Reply(action="truncate"),
    "malformed JSON": lambda r: _Reply(action="raw", body=b'{"choices": [tru'),
    "not JSON": lambda r: _Reply(action="raw", body=b"<html>502 Bad Gateway</html>"),
    "empty JSON object": lambda r: _Reply(body={}),
}


class FaultTests(unittest.TestCase):
    """Each fault the server can inject: how many requests it saw, and what the caller got."""

    def run_fault(self, strategy, fault, env=None, **extra):
        with _LoopbackServer(script=lambda r: fault(r) if r["attempt"] == 1 else None) as server:
            with _engine(strategy, server, env=env, **extra) as engine:
                try:
                    return engine.parallel_inference([_user("hi")])[0][0], server.count()
                except ParallelInferenceError as exc:
                    return exc.errors[0], server.count()

    def test_transient_faults_are_retried_once_and_succeed(self):
        for strategy in COMPATIBLE_STRATEGIES:
            for name, fault in _TRANSIENT_FAULTS.items():
                with self.subTest(strategy=strategy, fault=name):
                    self.assertEqual(self.run_fault(strategy, fault), ("echo: hi", 2))

    def test_malformed_replies_surface_as_transient_errors_when_not_retried(self):
        for strategy in COMPATIBLE_STRATEGIES:
            for name in ("malformed JSON", "not JSON", "empty JSON object"):
                with self.subTest(strategy=strategy, fault=name):
                    error, requests = self.run_fault(
                        strategy, _TRANSIENT_FAULTS[name], env={"RETRY_ATTEMPTS": "1"}
                    )
                    self.assertIsInstance(error, TransientError)
                    self.assertEqual((error.status_code, requests), (200, 1))
                    self.assertIn("malformed response", str(error))

    def test_context_length_400_is_a_bad_request_sent_once(self):
        body = {
            "error": {
                "message": "This model's maximum context length is 8192 tokens",
                "type": "invalid_request_error", "code": "context_length_exceeded",
            }
        }
        for strategy in COMPATIBLE_STRATEGIES:
            with self.subTest(strategy=strategy):
                error, requests = self.run_fault(strategy, lambda r: _Reply(400, body=body))
                self.assertIsInstance(error, BadRequestError)
                self.assertEqual((error.status_code, requests), (400, 1))
                self.assertIn("maximum context length", str(error))

    def test_a_server_that_never_answers_times_out(self):
        for strategy in COMPATIBLE_STRATEGIES:
            with (
                self.subTest(strategy=strategy),
                _LoopbackServer(script=lambda r: _Reply(action="hang")) as server,
            ):
                with _engine(strategy, server, env={"RETRY_ATTEMPTS": "2"}, timeout=0.3) as engine:
                    start = time.monotonic()
                    results, _ = engine.parallel_inference([_user("hi")], return_exceptions=True)
                    self.assertIsInstance(results[0], TransientError)
                    self.assertIsNone(results[0].status_code)
                    self.assertLess(time.monotonic() - start, 3)
                    self.assertEqual(server.count(), 2)

    def test_empty_or_blocked_content_is_an_empty_string_with_the_reason_logged(self):
        reasons = {
            "openai": "content_filter", "azure": "content_filter", "anthropic": "refusal",
            "gemini": "BLOCKED:SAFETY",
        }
        for strategy in COMPATIBLE_STRATEGIES:
            with self.subTest(strategy=strategy):
                with _LoopbackServer(
                    script=lambda r: _Reply(body=_LOOPBACK_PROTOCOLS[r["route"]].empty)
                ) as server:
                    with _engine(strategy, server, model=f"empty-{strategy}") as engine:
                        text, usage = engine.single_inference(_user("blocked?"))
                    self.assertEqual((text, usage["completion_tokens"], server.count()), ("", 0, 1))
                self.assertIn(
                    f"{strategy} empty-{strategy}: empty reply (finish reason {reasons[strategy]})",
                    _read_log(),
                )
        gemini_no_parts = {
            "candidates": [{"finishReason": "SAFETY"}],
            "usageMetadata": {"promptTokenCount": 2},
        }
        with (
            _LoopbackServer(script=lambda r: _Reply(body=gemini_no_parts)) as server,
            _engine("gemini", server) as engine,
        ):
            self.assertEqual(engine.single_inference(_user("x"))[0], "")


class SoakTests(unittest.TestCase):
    """Thousands of requests with mixed faults: every transient item succeeds, every permanent one
    is reported."""

    size = 3000 if os.environ.get("INFERENCE_ENGINE_SOAK") == "full" else 600

    def test_soak_with_transient_and_permanent_faults(self):
        # Faults that are not pushback: random 429s, 503s and 529s also slow the adaptive pace
        # (PushbackTests), which would make this a test of the pace rather than of the results.
        transient = [
            fault
            for name, fault in _TRANSIENT_FAULTS.items()
            if name.split()[0] not in ("429", "503", "529")
        ]
        permanent = (400, 401, 403, 404, 422)

        def plan(i):  # 10% of first attempts fail transiently, 1% of items fail for good
            if i % 100 == 57:
                return "permanent", permanent[(i // 100) % len(permanent)]
            if i % 10 == 3:
                return "transient", transient[(i // 10) % len(transient)]
            return None, None

        def script(r):
            kind, fault = plan(int(r["text"].split()[1]))
            if kind == "permanent":
                return _Reply(fault)
            if kind == "transient" and r["attempt"] == 1:
                return fault(r)
            return None

        for strategy in ("openai", "anthropic"):
            with (
                self.subTest(strategy=strategy),
                _LoopbackServer(latency=0.05, script=script) as server,
            ):
                with _engine(strategy, server, env={"RETRY_ATTEMPTS": "4"}) as engine:
                    with self.assertRaises(ParallelInferenceError) as caught:
                        engine.parallel_inference(
                            [_user(f"item {i}") for i in range(self.size)],
                            max_concurrent_requests=50,
                        )
                error = caught.exception
                expected_errors = {
                    i: plan(i)[1] for i in range(self.size) if plan(i)[0] == "permanent"
                }
                self.assertEqual(
                    {i: e.status_code for i, e in error.errors.items()}, expected_errors
                )
                for i in range(self.size):
                    if i not in expected_errors:
                        self.assertEqual(error.results[i], f"echo: item {i}")
                counts = collections.Counter(r["text"] for r in server.requests)
                for i in range(self.size):
                    self.assertEqual(counts[f"item {i}"], 2 if plan(i)[0] == "transient" else 1, i)
                self.assertLessEqual(max(counts.values()), 4)
                self.assertLessEqual(server.peak_in_flight, 50)
                self.assertGreaterEqual(server.peak_in_flight, 45)


class BackoffTests(unittest.TestCase):
    """Waits come no earlier than asked, grow, and are jittered, as the server sees them."""

    def test_waits_grow_exponentially(self):
        with _LoopbackServer(script=lambda r: _Reply(503) if r["attempt"] <= 3 else None) as server:
            env = {
                "RETRY_WAIT_EXPONENTIAL_MIN": "0", "RETRY_WAIT_EXPONENTIAL_MULTIPLIER": "0.05",
                "RETRY_WAIT_EXPONENTIAL_MAX": "10",
            }
            with _engine("openai", server, env=env) as engine:
                engine.single_inference(_user("grow"))
            times = [r["time"] for r in server.requests]
            gaps = [b - a for a, b in zip(times, times[1:])]
            self.assertEqual(len(gaps), 3)
            # 0.05, 0.1, 0.2 s, each jittered by at most 25%: the ranges never overlap.
            for gap, base in zip(gaps, (0.05, 0.1, 0.2)):
                self.assertGreaterEqual(gap, base * 0.75 - 0.005)
                self.assertLess(gap, base * 1.25 + 0.1)
            self.assertLess(gaps[0], gaps[1])
            self.assertLess(gaps[1], gaps[2])

    def test_workers_that_fail_together_do_not_retry_in_lockstep(self):
        with _LoopbackServer(
            latency=0.05, script=lambda r: _Reply(503) if r["attempt"] == 1 else None
        ) as server:
            env = {
                "RETRY_WAIT_EXPONENTIAL_MIN": "0", "RETRY_WAIT_EXPONENTIAL_MULTIPLIER": "0.4",
                "RETRY_WAIT_EXPONENTIAL_MAX": "10",
            }
            with _engine("anthropic", server, env=env) as engine:
                engine.parallel_inference(
                    [_user(f"w{i}") for i in range(50)], max_concurrent_requests=50
                )
            first = {r["text"]: r["time"] for r in server.requests if r["attempt"] == 1}
            second = {r["text"]: r["time"] for r in server.requests if r["attempt"] == 2}
            self.assertEqual(len(second), 50)
            gaps = [second[t] - first[t] for t in first]
            self.assertGreaterEqual(min(gaps), 0.4 * 0.75)  # never earlier than the backoff
            # spread over ~0.2 s, not lockstep
            self.assertGreater(max(second.values()) - min(second.values()), 0.1)


class PushbackTests(unittest.TestCase):
    """The pace from stated limits, from pushback, and from the user; and retries that never fall
    into step."""

    def run_job(
        self, strategy: str, script: Callable, n: int, concurrency: int = 20, **limits: Any
    ) -> tuple:
        """Send n items; return the server's requests, how many were 429s, and its accepted rate."""
        with _LoopbackServer(latency=0.01, script=script) as server:
            with _engine(
                strategy, server, env={"RETRY_WAIT_EXPONENTIAL_MAX": "5"}, **limits
            ) as engine:
                results, _ = engine.parallel_inference(
                    [_user(f"p{i}") for i in range(n)], max_concurrent_requests=concurrency
                )
            self.assertEqual(results, [f"echo: p{i}" for i in range(n)])
            requests = list(server.requests)
        rejected = len(requests) - n
        times = [r["time"] for r in requests]
        return requests, rejected, (len(times) - 1) / (max(times) - min(times))

    def test_stated_limits_set_the_pace_from_the_first_response(self):
        limit = 60
        n = 120
        for style, strategy in (
            ("openai", "openai"), ("openai", "azure"), ("anthropic", "anthropic"),
        ):
            with self.subTest(strategy=strategy):
                requests, rejected, rate = self.run_job(
                    strategy, _per_second_limit(limit, style), n
                )
                self.assertLessEqual(rejected, n * 0.02)
                self.assertGreaterEqual(rate, 0.85 * limit)
                self.assertLessEqual(rate, limit * 1.02)
                self.assertIn(f"pace {0.98 * limit:.3g}/s (from headers)", _read_log())

    def test_without_stated_limits_pushback_paces_adaptively(self):
        limit = 50
        n = 250
        requests, rejected, rate = self.run_job(
            "openai", _per_second_limit(limit), n, concurrency=10
        )
        self.assertLessEqual(rejected, n * 0.1)  # unpaced, about half would be refused
        self.assertGreaterEqual(rate, 0.7 * limit)
        self.assertRegex(_read_log(), r"pace [\d.]+/s \(adaptive\): HTTP 429 at")

    def test_a_users_limit_below_the_stated_one_is_never_exceeded(self):
        requests, rejected, _ = self.run_job(
            "openai", _per_second_limit(100, "openai"), 25, requests_per_minute=600
        )
        self.assertEqual(rejected, 0)
        times = sorted(r["time"] for r in requests)
        # 10/s, never faster
        self.assertGreaterEqual(min(b - a for a, b in zip(times, times[1:])), 0.1 * 0.9)

    def test_nothing_left_holds_every_request_until_the_stated_refill(self):
        headers = {
            "x-ratelimit-limit-requests": "6000",
            "x-ratelimit-remaining-requests": "0",
            # a steady refill: one request back every 0.3 s
            "x-ratelimit-reset-requests": "30m0s",
        }
        requests, _, _ = self.run_job(
            "openai", lambda r: _Reply(headers=headers) if r["n"] == 0 else None, 3, concurrency=1
        )
        self.assertGreaterEqual(requests[1]["time"] - requests[0]["time"], 0.3 - 0.01)
        # the next response states nothing
        self.assertLess(requests[2]["time"] - requests[1]["time"], 0.2)
        self.assertIn(
            "holding every request 0.30s: the provider states 0.0 of 6000.0 requests left",
            _read_log(),
        )

    def test_after_a_shared_cool_down_requests_resume_spread_out(self):
        def script(r):
            return _Reply(429, headers={"retry-after": "0.5"}) if r["n"] == 30 else None

        with _LoopbackServer(latency=0.02, script=script) as server:
            with _engine("openai", server, env={"RETRY_WAIT_EXPONENTIAL_MAX": "5"}) as engine:
                engine.parallel_inference(
                    [_user(f"c{i}") for i in range(60)], max_concurrent_requests=10
                )
            rejected_at = server.requests[30]["time"]
            resumed = sorted(r["time"] for r in server.requests if r["time"] > rejected_at + 0.1)[
                :8
            ]
        # nothing before the Retry-After
        self.assertGreaterEqual(resumed[0], rejected_at + 0.5 - 0.01)
        gaps = [b - a for a, b in zip(resumed, resumed[1:])]
        self.assertGreater(min(gaps), 0.02)  # one at a time, at the pace, not ten at once

    def test_a_request_answered_429_three_times_waits_longer_each_time(self):
        with _LoopbackServer(
            script=lambda r: (
                _Reply(429, headers={"retry-after": "0.2"}) if r["attempt"] <= 3 else None
            )
        ) as server:
            with _engine("anthropic", server, env={"RETRY_WAIT_EXPONENTIAL_MAX": "5"}) as engine:
                self.assertEqual(engine.single_inference(_user("thrice"))[0], "echo: thrice")
            times = [r["time"] for r in server.requests]
        gaps = [b - a for a, b in zip(times, times[1:])]
        self.assertEqual(len(gaps), 3)
        # Retry-After is a floor, with jitter on top
        self.assertGreaterEqual(gaps[0], 0.2 * 1.1 - 0.01)
        self.assertGreater(gaps[1], gaps[0] * 1.15)
        self.assertGreater(gaps[2], gaps[1] * 1.15)
        log = _read_log()
        self.assertIn("(Retry-After 0.2s plus jitter)", log)
        self.assertIn("(longer than its last wait, ", log)

    def test_adaptive_pace_finds_a_limit_that_was_raised(self):
        limited = _per_second_limit(10)
        rejected = set()

        def script(r):
            reply = limited(r)
            if reply is not None:
                rejected.add(r["n"])
            return reply

        threading.Timer(2.5, lambda: setattr(limited, "limit", 40)).start()
        with _LoopbackServer(latency=0.01, script=script) as server:
            with _engine("openai", server, env={"RETRY_WAIT_EXPONENTIAL_MAX": "5"}) as engine:
                # a faster clock for a short test
                engine._limiter.RECOVERY = 1.0
                engine._limiter.DOUBLING = 0.5
                engine.parallel_inference(
                    [_user(f"r{i}") for i in range(200)], max_concurrent_requests=20
                )
            accepted = [r["time"] for r in server.requests if r["n"] not in rejected]
        # Some second after the raise carried more than twice the old limit of 10.
        self.assertGreater(
            max(sum(1 for t in accepted if start <= t < start + 1.0) for start in accepted), 20
        )

    def test_stated_limits_and_resets_are_read_as_each_provider_writes_them(self):
        import httpx2

        openai_adapter = _OpenAIAdapter({"api_key": "k" * 20}, "m")
        headers = httpx2.Headers(
            {
                "X-RateLimit-Limit-Requests": "500", "x-ratelimit-remaining-requests": "499",
                "x-ratelimit-reset-requests": "120ms", "x-ratelimit-limit-tokens": "-1",
            }
        )
        self.assertEqual(
            openai_adapter.stated_limits(headers), ((500.0, 499.0, "120ms"), (None, None, None))
        )
        self.assertIsNone(
            openai_adapter.stated_limits(httpx2.Headers({"content-type": "application/json"}))
        )
        anthropic_adapter = _AnthropicAdapter({"api_key": "k" * 20}, "m")
        stated = anthropic_adapter.stated_limits(
            httpx2.Headers(
                {
                    "anthropic-ratelimit-tokens-limit": "80000",
                    "anthropic-ratelimit-tokens-remaining": "0",
                }
            )
        )
        self.assertEqual(stated, ((None, None, None), (80000.0, 0.0, None)))
        for text, seconds in (
            ("6m0s", 360), ("1h2m3.5s", 3723.5), ("20ms", 0.02), ("1s", 1), ("30", 30),
        ):
            self.assertAlmostEqual(_seconds_until(text), seconds)
        soon = (
            datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(seconds=30)
        ).isoformat()
        self.assertAlmostEqual(_seconds_until(soon.replace("+00:00", "Z")), 30, delta=1)
        self.assertIsNone(_seconds_until("soon"))


def _readme_blocks(
    test: unittest.TestCase, heading: str, language: str, end: str = "\n## "
) -> list[str]:
    """The ``language`` code blocks of the README's section that starts at ``heading`` (skips
    ``test`` if the README is not beside the module)."""
    path = os.path.join(_HERE, "README.md")
    if not os.path.exists(path):
        test.skipTest("README.md is not beside the module")
    with open(path, encoding="utf-8") as f:
        readme = f.read()
    section = readme[readme.index(heading) :]
    stop = section.find(end, 1)
    return re.findall(rf"```{language}\n(.*?)```", section if stop < 0 else section[:stop], re.S)


def _readme_commands(test: unittest.TestCase, heading: str) -> list[list[str]]:
    """The ``python inference_engine.py ...`` commands of a README section's bash blocks, as
    argument lists."""
    return _readme_commands_in(test, heading, "\n## ")


def _readme_commands_in(test: unittest.TestCase, heading: str, end: str = "\n### ") -> list:
    """The same, for a section that ends at ``end`` (by default, the next subsection)."""
    commands = []
    for block in _readme_blocks(test, heading, "bash", end):
        for command in block.replace("\\\n", " ").splitlines():
            if command.strip() and not command.startswith(("#", "export ")):
                commands.append(shlex.split(command))
    test.assertTrue(commands)
    test.assertEqual({tuple(c[:3]) for c in commands}, {("python", "inference_engine.py", "run")})
    return commands


def _tiny_png(seed: int = 0) -> bytes:
    """A real 1x1 PNG (its one pixel's grey level from ``seed``), for image jobs."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(bytes([0, seed % 256])))
        + chunk(b"IEND", b"")
    )


def _data_url(data: bytes, mime: str = "image/png") -> str:
    return f"data:{mime};base64,{base64.b64encode(data).decode()}"


class RichRequestTests(unittest.TestCase):
    """Images, response_format and cache_control: each adapter's pure mapping, then what the server
    receives."""

    PNG = _data_url(_tiny_png())
    LABEL = {
        "type": "json_schema",
        "json_schema": {
            "name": "label",
            "strict": True,
            "schema": {
                "type": "object",
                "properties": {
                    "sentiment": {"type": "string", "enum": ["positive", "negative"]},
                    "confidence": {"type": ["number", "null"]},
                },
                "required": ["sentiment", "confidence"],
                "additionalProperties": False,
            },
        },
    }

    @staticmethod
    def adapter(strategy):
        details = {"strategy": strategy, "api_key": "k" * 20}
        if strategy == "azure":
            details.update(azure_endpoint="https://x.openai.azure.com", api_version="2024-10-21")
        return _ADAPTERS[strategy](details, "m")

    def request(self, strategy, messages, **params):
        adapter = self.adapter(strategy)
        params = Hyperparameters(**params).kwargs
        adapter.check_params(params)
        return adapter.request(_normalise_messages(messages, adapter), params)

    def picture(self, url, **extra):
        return [
            {
                "role": "user",
                "content": [
                    {"type": "text", "text": "What is this?"},
                    {"type": "image_url", "image_url": {"url": url, **extra}},
                ],
            }
        ]

    def test_images_of_both_kinds_map_for_every_provider(self):
        data = base64.b64encode(_tiny_png()).decode()
        for strategy in ("openai", "azure"):
            body = self.request(strategy, self.picture(self.PNG, detail="low"))
            self.assertEqual(body["messages"], self.picture(self.PNG, detail="low"))  # as given
            self.assertEqual(
                self.request(strategy, self.picture("https://x.example/a.png"))["messages"],
                self.picture("https://x.example/a.png"),
            )
        body = self.request("anthropic", self.picture(self.PNG, detail="high"))
        self.assertEqual(
            body["messages"][0]["content"],
            [
                {"type": "text", "text": "What is this?"},
                {
                    "type": "image",
                    "source": {"type": "base64", "media_type": "image/png", "data": data},
                },
            ],
        )
        body = self.request("anthropic", self.picture("https://x.example/a.png"))
        self.assertEqual(
            body["messages"][0]["content"][1],
            {"type": "image", "source": {"type": "url", "url": "https://x.example/a.png"}},
        )
        body = self.request("gemini", self.picture(self.PNG))
        self.assertEqual(
            body["contents"][0]["parts"],
            [{"text": "What is this?"}, {"inline_data": {"mime_type": "image/png", "data": data}}],
        )
        proto = _GeminiAdapter._proto(body)  # the SDK's own request takes it, as bytes
        self.assertEqual(proto.contents[0].parts[1].inline_data.data, _tiny_png())
        with _LoopbackServer() as server, _engine("gemini", server) as engine:
            self.assertEqual(
                engine.single_inference(self.picture(self.PNG))[0], "echo: What is this?"
            )
            self.assertEqual(
                server.requests[0]["json"]["contents"][0]["parts"][1],
                {"inlineData": {"mimeType": "image/png", "data": data}},
            )
        with self.assertRaisesRegex(
            ValueError, r"message 0, content part 1: strategy 'gemini' takes images inline only"
        ):
            self.request("gemini", self.picture("https://x.example/a.png"))

    def test_images_are_checked_before_sending_naming_the_message_and_part(self):
        cases = [
            (
                "openai", "data:image/png;base64,@@@@",
                "message 0, content part 1: malformed data URL",
            ),
            ("openai", "data:image/png,rawbytes", "message 0, content part 1: malformed data URL"),
            ("openai", "data:image/bmp;base64,Qk0=", "image type 'image/bmp' is not one of"),
            (
                "openai", "ftp://x.example/a.png",
                "must be a data: URL or an http:// or https:// URL",
            ),
            (
                "gemini", _data_url(b"GIF89a", "image/gif"),
                "strategy 'gemini' does not take image/gif",
            ),
            (
                "anthropic", _data_url(b"\0" * (5 * 1024 * 1024 + 3)),
                "over the 5 MB that strategy 'anthropic' takes",
            ),
        ]
        for strategy, url, expected in cases:
            with (
                self.subTest(strategy=strategy, url=url[:40]),
                self.assertRaisesRegex(ValueError, re.escape(expected)),
            ):
                self.request(strategy, self.picture(url))
        four = [
            {
                "role": "user",
                "content": [{"type": "image_url", "image_url": _data_url(b"\0" * 4 * 1024 * 1024)}]
                * 7,
            }
        ]
        with self.assertRaisesRegex(
            ValueError, "the images come to 28.0 MB, over the 24 MB that strategy 'anthropic' takes"
        ):
            self.request("anthropic", four)
        with self.assertRaisesRegex(ValueError, "images go in user messages only"):
            _normalise_messages(
                [
                    {
                        "role": "assistant",
                        "content": [{"type": "image_url", "image_url": self.PNG}],
                    },
                    {"role": "user", "content": "hi"},
                ]
            )
        with _LoopbackServer() as server, _engine("anthropic", server) as engine:
            with self.assertRaisesRegex(
                ValueError, r"messages_list\[1\]: message 0, content part 1"
            ):
                engine.parallel_inference(
                    [_user("fine"), self.picture(_data_url(b"\0" * (6 * 1024 * 1024)))]
                )
            self.assertEqual(server.count(), 0)

    def test_response_format_maps_for_every_provider(self):
        for strategy in ("openai", "azure"):
            self.assertEqual(
                self.request(strategy, _user("x"), response_format=self.LABEL)["response_format"],
                self.LABEL,
            )
        body = self.request(
            "anthropic", _user("x"), response_format=self.LABEL, output_config={"effort": "low"}
        )
        self.assertNotIn("response_format", body)
        self.assertEqual(
            body["output_config"],
            {
                "effort": "low",
                "format": {"type": "json_schema", "schema": self.LABEL["json_schema"]["schema"]},
            },
        )
        body = self.request("gemini", _user("x"), response_format=self.LABEL)
        self.assertEqual(
            body["generation_config"],
            {
                "response_mime_type": "application/json",
                "response_schema": {
                    "type": "OBJECT",
                    "properties": {
                        "sentiment": {
                            "type": "STRING", "enum": ["positive", "negative"], "format": "enum",
                        },
                        "confidence": {"type": "NUMBER", "nullable": True},
                    },
                    "required": ["sentiment", "confidence"],
                },
            },
        )
        _GeminiAdapter._proto(body)
        self.assertEqual(
            self.request("openai", _user("x"), response_format={"type": "json_object"})[
                "response_format"
            ],
            {"type": "json_object"},
        )
        self.assertEqual(
            self.request("gemini", _user("x"), response_format={"type": "json_object"})[
                "generation_config"
            ],
            {"response_mime_type": "application/json"},
        )
        with self.assertRaisesRegex(ValueError, "'anthropic' has no plain JSON mode"):
            self.request("anthropic", _user("x"), response_format={"type": "json_object"})
        with self.assertRaisesRegex(ValueError, "response_format's json_schema needs a 'name'"):
            Hyperparameters(response_format={"type": "json_schema", "json_schema": {"schema": {}}})

    def test_gemini_refuses_by_name_a_schema_keyword_it_cannot_express(self):
        for schema, keyword in (
            ({"type": "string", "pattern": "^a"}, "'pattern'"),
            (
                {"type": "object", "properties": {"n": {"type": "integer", "minimum": 0}}},
                "'minimum'",
            ),
            ({"anyOf": [{"type": "string"}]}, "'anyOf'"),
            (
                {"type": "object", "additionalProperties": {"type": "string"}},
                "'additionalProperties'",
            ),
            ({"type": ["string", "integer"]}, "schema.type"),
        ):
            with (
                self.subTest(keyword=keyword),
                self.assertRaisesRegex(ValueError, re.escape(keyword)),
            ):
                self.request(
                    "gemini",
                    _user("x"),
                    response_format={
                        "type": "json_schema",
                        "json_schema": {"name": "s", "schema": schema},
                    },
                )
        with (
            _LoopbackServer() as server,
            _engine("gemini", server) as engine,
            self.assertRaisesRegex(ValueError, "pattern"),
        ):
            engine.single_inference(
                _user("x"),
                Hyperparameters(
                    response_format={
                        "type": "json_schema",
                        "json_schema": {"name": "s", "schema": {"type": "string", "pattern": "a"}},
                    }
                ),
            )
            self.assertEqual(server.count(), 0)

    def test_cache_control_reaches_anthropic_where_it_was_put_and_no_one_else(self):
        mark = {"type": "ephemeral"}
        hour = {"type": "ephemeral", "ttl": "1h"}
        messages = [
            {
                "role": "system",
                "content": [{"type": "text", "text": "Long rules.", "cache_control": hour}],
            },
            {"role": "system", "content": "More rules."},
            {
                "role": "user",
                "content": [
                    {"type": "text", "text": "Shared context.", "cache_control": mark},
                    {"type": "text", "text": "The row."},
                ],
            },
        ]
        body = self.request("anthropic", messages)
        self.assertEqual(
            body["system"],
            [
                {"type": "text", "text": "Long rules.", "cache_control": hour},
                {"type": "text", "text": "More rules."},
            ],
        )
        self.assertEqual(
            body["messages"][0]["content"][0],
            {"type": "text", "text": "Shared context.", "cache_control": mark},
        )
        self.assertEqual(
            self.request("anthropic", [{"role": "system", "content": "Plain."}, *_user("x")])[
                "system"
            ],
            "Plain.",
        )
        for strategy in ("openai", "azure", "gemini"):
            self.assertNotIn(
                "cache_control", json.dumps(self.request(strategy, messages)), strategy
            )
        self.assertEqual(
            self.request("openai", messages)["messages"][2]["content"][0],
            {"type": "text", "text": "Shared context."},
        )

    def test_other_provider_options_pass_through_beside_images_and_a_schema(self):
        body = self.request(
            "openai", self.picture(self.PNG), response_format=self.LABEL, reasoning_effort="low"
        )
        self.assertEqual((body["reasoning_effort"], body["response_format"]), ("low", self.LABEL))
        thinking = {"type": "enabled", "budget_tokens": 1024}
        body = self.request(
            "anthropic", self.picture(self.PNG), response_format=self.LABEL, thinking=thinking
        )
        self.assertEqual(body["thinking"], thinking)
        self.assertEqual(body["output_config"]["format"]["type"], "json_schema")
        self.assertEqual(body["messages"][0]["content"][1]["type"], "image")

    def test_images_count_a_flat_estimate_and_are_logged_as_placeholders(self):
        picture = _normalise_messages(self.picture(self.PNG))
        self.assertEqual(
            _estimate_tokens(picture, {})
            - _estimate_tokens(_normalise_messages(_user("What is this?")), {}),
            IMAGE_TOKEN_ESTIMATE,
        )
        big = _data_url(b"\1" * 48 * 1024)
        with _LoopbackServer() as server, _engine("openai", server) as engine:
            engine.single_inference(self.picture(big))
            self.assertEqual(
                server.requests[-1]["json"]["messages"][0]["content"][1]["image_url"]["url"], big
            )
        logged = _read_log("inference.log")
        self.assertIn("What is this?[image/png, 48 KB]", logged)
        self.assertNotIn(big[30:90], logged)

    def test_cached_system_prompt_as_anthropic_receives_it_and_cache_writes_in_usage(self):
        reply = {
            "id": "m", "type": "message", "role": "assistant", "model": "m",
            "stop_reason": "end_turn", "content": [{"type": "text", "text": "ok"}],
            "usage": {"input_tokens": 5, "cache_creation_input_tokens": 900, "output_tokens": 1},
        }
        path = os.path.join(tempfile.mkdtemp(prefix="inference-engine-cache-"), "rows.jsonl")
        with open(path, "w", encoding="utf-8") as f:
            f.write('{"prompt": "row one"}\n{"prompt": "row two"}\n')
        with _LoopbackServer(
            script=lambda r: _Reply(body=reply) if r["route"] == "anthropic" else None
        ) as server:
            with _env(ANTHROPIC_API_KEY="sk-ant-cache-000000"):
                code, stderr = DatasetJobTests.run_cli_here(
                    "run", path, "--strategy", "anthropic", "--model", "m", "--base-url",
                    server.url, "--system", "Long shared rules.", "--cache-system",
                )
            self.assertEqual(code, 0, stderr)
            self.assertEqual(
                [r["json"]["system"] for r in server.requests],
                [
                    [
                        {
                            "type": "text", "text": "Long shared rules.",
                            "cache_control": {"type": "ephemeral"},
                        }
                    ]
                ]
                * 2,
            )
        usage = DatasetJobTests.read_output(path.replace(".jsonl", ".results.jsonl"))[0]["usage"]
        self.assertEqual((usage["cache_creation_tokens"], usage["prompt_tokens"]), (900, 905))

    def test_an_image_job_from_the_command_line_reads_files_beside_the_input(self):
        folder = tempfile.mkdtemp(prefix="inference-engine-images-")
        os.makedirs(os.path.join(folder, "photos"))
        for name, seed in (("a.png", 1), ("b.png", 2), ("c.png", 3)):
            with open(os.path.join(folder, "photos", name), "wb") as f:
                f.write(_tiny_png(seed))
        path = os.path.join(folder, "shots.jsonl")
        with open(path, "w", encoding="utf-8") as f:
            f.write(
                '{"id": "s1", "photo": "photos/a.png", "q": "Defect?"}\n\n'
                '{"id": "s2", "photo": ["photos/b.png", "photos/c.png"], "q": "Same part?"}\n'
                '{"id": "s3", "photo": "https://example.com/d.jpg", "q": "Defect?"}\n'
            )
        for strategy in ("openai", "anthropic"):
            with self.subTest(strategy=strategy), _LoopbackServer() as server:
                url = server.url + ("/v1" if strategy == "openai" else "")
                with _env(
                    OPENAI_API_KEY="sk-img-0000000000", ANTHROPIC_API_KEY="sk-ant-img-00000000"
                ):
                    code, stderr = DatasetJobTests.run_cli_here(
                        "run", path, "--strategy", strategy, "--model", "m", "--base-url", url,
                        "--template", "{q}", "--image-field", "photo", "--output",
                        os.path.join(folder, f"{strategy}.jsonl"), "--fresh",
                    )
                self.assertEqual(code, 0, stderr)
                bodies = {r["text"]: r["json"] for r in server.requests}
                sent = sorted(
                    r["json"]["messages"][-1]["content"][1:]
                    for r in server.requests
                    if len(r["json"]["messages"][-1]["content"]) == 3
                )[0]
                if strategy == "openai":
                    self.assertEqual(
                        [p["image_url"]["url"] for p in sent],
                        [_data_url(_tiny_png(2)), _data_url(_tiny_png(3))],
                    )
                    self.assertIn(
                        {"type": "image_url", "image_url": {"url": "https://example.com/d.jpg"}},
                        [p for b in bodies.values() for p in b["messages"][-1]["content"]],
                    )
                else:
                    self.assertEqual(
                        [p["source"]["data"] for p in sent],
                        [base64.b64encode(_tiny_png(s)).decode() for s in (2, 3)],
                    )
                lines = DatasetJobTests.read_output(os.path.join(folder, f"{strategy}.jsonl"))
                self.assertEqual(
                    [(r["id"], r["photo"], r["error"]) for r in lines][0],
                    ("s1", "photos/a.png", None),
                )
        with _env(GEMINI_API_KEY="gemini-img-0000000000"):
            code, stderr = DatasetJobTests.run_cli_here(
                "run", path, "--strategy", "gemini", "--model", "m", "--base-url",
                "http://127.0.0.1:9", "--template", "{q}", "--image-field", "photo",
            )
        self.assertEqual(code, 2)
        self.assertIn(
            "shots.jsonl, line 4: --image-field 'photo': https://example.com/d.jpg: strategy "
            "'gemini' takes images inline only",
            stderr,
        )
        os.remove(os.path.join(folder, "photos", "c.png"))
        with _env(OPENAI_API_KEY="sk-img-0000000000"):
            code, stderr = DatasetJobTests.run_cli_here(
                "run", path, "--strategy", "openai", "--model", "m", "--base-url",
                "http://127.0.0.1:9/v1", "--template", "{q}", "--image-field", "photo",
            )
        self.assertEqual(code, 2)
        self.assertIn("line 3: --image-field 'photo': photos/c.png: cannot read", stderr)

    def test_the_readmes_examples_run_as_written(self):
        heading = "## Images, structured output and prompt caching"
        commands = _readme_commands(self, heading)
        folder = tempfile.mkdtemp(prefix="inference-engine-readme-")
        os.makedirs(os.path.join(folder, "photos"))
        for seed, name in enumerate(("p1.png", "p2.png")):
            with open(os.path.join(folder, "photos", name), "wb") as f:
                f.write(_tiny_png(seed))
        with open(os.path.join(folder, "photos.csv"), "w", encoding="utf-8") as f:
            f.write(_readme_blocks(self, heading, "csv")[0])
        with open(os.path.join(folder, "label.schema.json"), "w", encoding="utf-8") as f:
            f.write(_readme_blocks(self, heading, "json")[0])
        answer = {"defect": False, "kind": "none"}

        def script(request):  # JSON for requests that ask for it
            body = request["json"] or {}
            if request["route"] == "anthropic" and "output_config" in body:
                return _Reply(body=_LOOPBACK_PROTOCOLS["anthropic"].ok(json.dumps(answer), 10, 5))
            return None

        with _LoopbackServer(script=script) as server:
            cwd = os.getcwd()
            os.chdir(folder)
            try:
                with _env(ANTHROPIC_API_KEY="sk-ant-readme-000000", ANTHROPIC_BASE_URL=server.url):
                    for command in commands:
                        code, stderr = DatasetJobTests.run_cli_here(*command[2:])
                        self.assertEqual(code, 0, (command, stderr))
                    namespace: dict = {}
                    with contextlib.redirect_stdout(io.StringIO()):
                        exec(
                            compile(
                                _readme_blocks(self, heading, "python")[0], "README.md", "exec"
                            ),
                            namespace,
                        )
            finally:
                os.chdir(cwd)
            first = server.requests[0]["json"]
            self.assertEqual(first["system"][0]["cache_control"], {"type": "ephemeral"})
            self.assertEqual(
                first["messages"][0]["content"][1]["source"]["data"],
                base64.b64encode(_tiny_png(0)).decode(),
            )
            self.assertEqual(
                first["output_config"]["format"]["schema"]["required"], ["defect", "kind"]
            )
            last = server.requests[-1]["json"]
            self.assertEqual(last["system"][0]["cache_control"], {"type": "ephemeral"})
            self.assertEqual(last["messages"][0]["content"][1]["type"], "image")
        lines = DatasetJobTests.read_output(os.path.join(folder, "photos.results.jsonl"))
        self.assertEqual([(r["id"], r["result"]) for r in lines], [("p1", answer), ("p2", answer)])
        self.assertEqual(json.loads(namespace["text"]), answer)

    def test_a_schema_job_writes_parsed_objects_and_a_reply_that_is_not_json_is_sent_again(self):
        folder = tempfile.mkdtemp(prefix="inference-engine-schema-")
        schema_path = os.path.join(folder, "label.schema.json")
        with open(schema_path, "w", encoding="utf-8") as f:
            json.dump(self.LABEL["json_schema"]["schema"], f)
        path = os.path.join(folder, "reviews.csv")
        with open(path, "w", encoding="utf-8") as f:
            f.write("id,review\nr1,Loved it\nr2,Awful\nr3,Rambling\n")
        broken = {"Rambling"}

        def script(request):
            if request["route"] != "openai":
                return None
            review = request["text"].rsplit(": ", 1)[-1]
            text = (
                "Sure! Here it is"
                if review in broken
                else json.dumps(
                    {
                        "sentiment": "positive" if review == "Loved it" else "negative",
                        "confidence": 0.9,
                    }
                )
            )
            return _Reply(body=_chat_completion(text, 5, 3))

        with _LoopbackServer(script=script) as server, _env(OPENAI_API_KEY="sk-schema-000000"):
            argv = [
                "run", path, "--strategy", "openai", "--model", "m", "--base-url",
                server.url + "/v1", "--template", "Label: {review}", "--schema", schema_path,
            ]
            code, stderr = DatasetJobTests.run_cli_here(*argv)
            self.assertEqual(code, 1, stderr)
            self.assertIn("1 x InvalidJSONError", stderr)
            self.assertEqual(
                server.requests[0]["json"]["response_format"],
                {
                    "type": "json_schema",
                    "json_schema": {
                        "name": "label_schema", "schema": self.LABEL["json_schema"]["schema"],
                        "strict": True,
                    },
                },
            )
            lines = DatasetJobTests.read_output(path.replace(".csv", ".results.jsonl"))
            self.assertEqual(lines[0]["result"], {"sentiment": "positive", "confidence": 0.9})
            self.assertEqual(
                (lines[2]["result"], lines[2]["error"]["type"]), (None, "InvalidJSONError")
            )
            self.assertIn("Sure! Here it is", lines[2]["error"]["message"])
            broken.clear()
            code, stderr = DatasetJobTests.run_cli_here(*argv)
            self.assertEqual(code, 0, stderr)
            # that row alone, again
            self.assertEqual([r["text"] for r in server.requests[3:]], ["Label: Rambling"])
            lines = DatasetJobTests.read_output(path.replace(".csv", ".results.jsonl"))
            self.assertEqual(
                [r["result"]["sentiment"] for r in lines], ["positive", "negative", "negative"]
            )
            code, stderr = DatasetJobTests.run_cli_here(
                *argv[:-1], os.path.join(folder, "missing.json")
            )
            self.assertEqual(code, 2)
            self.assertIn("--schema: cannot read", stderr)


class HostileInputTests(unittest.TestCase):
    """Seeded random input: refused before sending, or sent well-formed; never a hang or an SDK
    crash."""

    @staticmethod
    def random_value(rng, depth=0):
        simple = [
            None, True, 0, -1, 10**30, 1.5, float("nan"), float("inf"), "", "plain text",
            "ünïcödé ✓ 漢字 🎉", "\ud800 lone surrogate", "x" * 100_000, b"bytes",
            object(), ("tuple",),
        ]
        if depth < 3 and rng.random() < 0.3:
            if rng.random() < 0.5:
                return [
                    HostileInputTests.random_value(rng, depth + 1) for _ in range(rng.randint(0, 3))
                ]
            return {
                rng.choice(["role", "content", "type", "text", 1]): HostileInputTests.random_value(
                    rng, depth + 1
                )
                for _ in range(rng.randint(0, 3))
            }
        return rng.choice(simple)

    def random_message(self, rng):
        if rng.random() < 0.1:
            return self.random_value(rng)
        message = {}
        if rng.random() < 0.95:
            message["role"] = rng.choice(
                ["user", "user", "assistant", "system", "robot", None, 3, ["user"]]
            )
        if rng.random() < 0.95:
            kind = rng.random()
            if kind < 0.5:
                message["content"] = rng.choice(
                    ["hello", "ünïcödé ✓ 漢字 🎉", "", "x" * 50_000, "\ud83d half emoji"]
                )
            elif kind < 0.8:
                message["content"] = [
                    rng.choice(
                        [
                            {"type": "text", "text": "part"}, "bare", {"type": "image_url"},
                            {"text": "no type"}, {"type": "text", "text": None}, 5,
                            *self.IMAGE_PARTS,
                        ]
                    )
                    for _ in range(rng.randint(0, 3))
                ]
            else:
                message["content"] = self.random_value(rng)
        return message

    def random_messages(self, rng):
        if rng.random() < 0.3:  # a well-formed conversation with awkward text
            texts = [
                "", " ", "ünïcödé ✓ 漢字 🎉", '{"json": [1, 2]}', "x" * 20_000,
                "\x00\x1f control", "line\nbreak",
            ]
            conversation = (
                [{"role": "system", "content": rng.choice(texts)}] if rng.random() < 0.5 else []
            )
            for turn in range(rng.randint(1, 3)):
                text = rng.choice(texts)
                conversation.append(
                    {
                        "role": "user",
                        "content": text
                        if rng.random() < 0.6
                        else [{"type": "text", "text": text}, rng.choice(self.IMAGE_PARTS)],
                    }
                )
                if rng.random() < 0.5:
                    conversation.append(
                        {
                            "role": "assistant",
                            "content": [{"type": "text", "text": rng.choice(texts)}],
                        }
                    )
            return conversation
        if rng.random() < 0.1:
            return self.random_value(rng)
        return [self.random_message(rng) for _ in range(rng.randint(0, 4))]

    # Image parts and cache marks, well-formed and not.
    IMAGE_PARTS = [
        {"type": "image_url", "image_url": {"url": "data:image/png;base64,iVBORw0KGgo="}},
        {
            "type": "image_url",
            "image_url": {"url": "data:image/gif;base64,R0lGODlh", "detail": "low"},
        },
        {"type": "image_url", "image_url": {"url": "https://example.com/cat.jpg"}},
        {"type": "image_url", "image_url": "data:image/webp;base64,UklGRg=="},
        {"type": "image_url", "image_url": {"url": "data:image/png;base64,@@@@"}},
        {"type": "image_url", "image_url": {"url": "data:image/bmp;base64,Qk0="}},
        {"type": "image_url", "image_url": {"url": "data:image/png;base64,abc"}},
        {"type": "image_url", "image_url": {"url": "file:///etc/passwd"}},
        {"type": "image_url", "image_url": {"url": 5}},
        {"type": "image_url", "image_url": {"url": "https://example.com/x.png", "detail": "max"}},
        {"type": "image_url", "image_url": {"url": "https://example.com/x.png", "extra": 1}},
        {"type": "text", "text": "cached", "cache_control": {"type": "ephemeral"}},
        {
            "type": "text", "text": "cached an hour",
            "cache_control": {"type": "ephemeral", "ttl": "1h"},
        },
        {"type": "text", "text": "badly cached", "cache_control": {"type": "forever"}},
        {"type": "text", "text": "badly cached", "cache_control": "yes"},
    ]
    # response_format values, well-formed and not, and schemas Gemini can and cannot express.
    RESPONSE_FORMATS = [
        {"type": "json_object"},
        {"type": "text"},
        {"type": "xml"},
        "json",
        {"type": "json_schema"},
        {"type": "json_schema", "json_schema": {"name": "bad name!", "schema": {"type": "object"}}},
        {
            "type": "json_schema",
            "json_schema": {
                "name": "label",
                "schema": {
                    "type": "object",
                    "properties": {
                        "sentiment": {"type": "string", "enum": ["pos", "neg"]},
                        "score": {"type": ["number", "null"]},
                        "tags": {"type": "array", "items": {"type": "string"}, "maxItems": 3},
                    },
                    "required": ["sentiment"],
                    "additionalProperties": False,
                    "title": "Label",
                },
                "strict": True,
            },
        },
        {
            "type": "json_schema",
            "json_schema": {"name": "p", "schema": {"type": "string", "pattern": "^a"}},
        },
        {
            "type": "json_schema",
            "json_schema": {"name": "u", "schema": {"anyOf": [{"type": "string"}]}},
        },
        {
            "type": "json_schema",
            "json_schema": {"name": "r", "schema": {"$ref": "#/$defs/x", "$defs": {}}},
        },
        {
            "type": "json_schema",
            "json_schema": {"name": "t", "schema": {"type": ["string", "integer"]}},
        },
        {
            "type": "json_schema",
            "json_schema": {"name": "e", "schema": {"type": "integer", "enum": [1, 2]}},
        },
    ]

    def random_params(self, rng):
        names = [
            "temperature", "max_tokens", "top_p", "top_k", "stop", "seed", "presence_penalty",
            "stream", "model", "logit_bias", "n", "custom", "response_format",
        ]
        params = {rng.choice(names): self.random_value(rng) for _ in range(rng.randint(0, 2))}
        if rng.random() < 0.4:
            params["response_format"] = rng.choice(self.RESPONSE_FORMATS)
        return params

    def test_random_messages_and_hyperparameters(self):
        rng = random.Random(20261125)
        outcomes = collections.Counter()
        with _LoopbackServer() as server:
            engines = {
                s: _engine(s, server, env={"RETRY_ATTEMPTS": "1"}, timeout=5)
                for s in COMPATIBLE_STRATEGIES
            }
            try:
                for case in range(2000):
                    strategy = COMPATIBLE_STRATEGIES[case % 4]
                    messages = self.random_messages(rng)
                    before = server.count()
                    try:
                        params = (
                            Hyperparameters(**self.random_params(rng))
                            if rng.random() < 0.3
                            else None
                        )
                        text, usage = engines[strategy].single_inference(messages, params)
                    except (TypeError, ValueError):
                        self.assertEqual(
                            server.count(), before, f"case {case}: refused after sending"
                        )
                        outcomes["refused"] += 1
                        continue
                    self.assertEqual(server.count(), before + 1, f"case {case}")
                    # The server echoes the last message it got; Anthropic and Gemini take system
                    # ones apart.
                    sent = [
                        m
                        for m in messages
                        if strategy in ("openai", "azure") or m["role"] != "system"
                    ]
                    last = sent[-1]["content"]
                    expected = (
                        last
                        if isinstance(last, str)
                        else "".join(p if isinstance(p, str) else p.get("text", "") for p in last)
                    )
                    self.assertEqual(text, f"echo: {expected}", f"case {case}")
                    self.assertEqual(server.requests[-1]["route"], strategy)
                    self.assert_well_formed(strategy, server.requests[-1]["json"], case)
                    outcomes["sent"] += 1
                    wire = json.dumps(server.requests[-1]["json"])
                    outcomes["sent an image"] += any(
                        key in wire for key in ('"image"', "image_url", "inlineData")
                    )
                    outcomes["sent a schema"] += any(
                        key in wire for key in ("json_schema", "responseSchema")
                    )
            finally:
                for engine in engines.values():
                    engine.close()
        self.assertGreater(outcomes["sent"], 250, outcomes)  # the generator reaches both outcomes
        self.assertGreater(outcomes["refused"], 400)
        self.assertGreater(outcomes["sent an image"], 20, outcomes)
        self.assertGreater(outcomes["sent a schema"], 5, outcomes)

    def assert_well_formed(self, strategy, body, case):
        """What reached the server is that provider's own form: no part of another provider's
        dialect."""
        wire = json.dumps(body)
        if strategy in ("openai", "azure"):
            self.assertNotIn("cache_control", wire, f"case {case}")
        elif strategy == "anthropic":
            self.assertNotIn("image_url", wire, f"case {case}")
            self.assertNotIn("response_format", wire, f"case {case}")
            for message in body["messages"]:
                if isinstance(message["content"], list):
                    self.assertTrue(
                        {b["type"] for b in message["content"]} <= {"text", "image"}, f"case {case}"
                    )
        else:
            self.assertNotIn("image_url", wire, f"case {case}")
            self.assertNotIn("cache_control", wire, f"case {case}")
            # no image URL: Gemini takes images inline only
            self.assertNotIn("http", wire, f"case {case}")

    def test_random_connection_details(self):
        rng = random.Random(7)
        keys = [
            "strategy", "api_key", "base_url", "azure_endpoint", "api_version", "timeout", "bogus",
        ]
        good = {
            "strategy": ["openai", "azure", "anthropic", "gemini"],
            "api_key": ["k" * 20, "sk-with space", "k\nx"],
            "base_url": ["http://127.0.0.1:9/v1", "127.0.0.1:9", "ftp://x", "http://"],
            "azure_endpoint": ["https://x.openai.azure.com"], "api_version": ["2024-06-01"],
            "timeout": [1, 0, -5, 1e9],
        }
        made = 0
        for case in range(300):
            details = (
                {"strategy": rng.choice(good["strategy"]), "api_key": "k" * 20} if case % 2 else {}
            )
            for key in rng.sample(keys, rng.randint(0, 3)):
                details[key] = (
                    rng.choice(good.get(key, []))
                    if key in good and rng.random() < 0.7
                    else self.random_value(rng)
                )
            try:
                InferenceEngine(
                    details, rng.choice(["m", "", None, 5]) if rng.random() < 0.2 else "m"
                ).close()
                made += 1
            except (TypeError, ValueError) as exc:
                self.assertNotIn("sk-with space", str(exc))
        self.assertGreater(made, 5)


class ShutdownTests(unittest.TestCase):
    """Ctrl-C during a sync parallel_inference stops promptly and leaves nothing running."""

    child = r"""
import faulthandler, json, os, signal, sys, threading, time
# a hang shows every thread's stack instead of a bare timeout
faulthandler.dump_traceback_later(20, exit=True)
# as in a terminal, even if our parent ignores SIGINT
signal.signal(signal.SIGINT, signal.default_int_handler)
sys.path.insert(0, {here!r})
import inference_engine as ie
with ie._LoopbackServer(script=lambda r: ie._Reply(action="hang")) as server:
    engine = ie._engine({strategy!r}, server, timeout=30)
    threading.Timer(0.5, lambda: os.kill(os.getpid(), signal.SIGINT)).start()
    start = time.monotonic()
    try:
        prompts = [ie._user(f"p{{i}}") for i in range(20)]
        engine.parallel_inference(prompts, max_concurrent_requests=8)
    except KeyboardInterrupt:
        interrupted_after = time.monotonic() - start - 0.5
    time.sleep(0.3)
    hangups = server.hangups
    engine.close()
    main = threading.main_thread()
    alive = [t.name for t in threading.enumerate() if not t.daemon and t is not main]
    said = {{"interrupted_after": interrupted_after, "hangups": hangups, "threads": alive}}
    print(json.dumps(said))
"""

    def test_ctrl_c_cancels_in_flight_requests_promptly(self):
        for strategy in ("openai", "gemini"):
            with self.subTest(strategy=strategy):
                code = self.child.format(here=_HERE, strategy=strategy)
                start = time.monotonic()
                out = _run_child(code, timeout=30)
                self.assertEqual(out.returncode, 0, out.stderr[-2000:])
                self.assertLess(time.monotonic() - start, 15)
                report = json.loads(out.stdout.strip().splitlines()[-1])
                self.assertLess(report["interrupted_after"], 1.0)
                self.assertEqual(report["threads"], [])
                # the async client hangs up; Gemini's blocking calls cannot be aborted
                if strategy == "openai":
                    self.assertEqual(report["hangups"], 8)
                self.assertNotIn("Task was destroyed", out.stderr)
                self.assertNotIn("Exception ignored", out.stderr)


class BatchJobTests(unittest.TestCase):
    """Rate limits, the 429 cool-down, progress, resumable output and the command line."""

    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="inference-engine-batch-")

    def test_rate_limit_stays_under_a_servers_limit_and_loses_nothing(self):
        limit = 50
        n = 150
        with _LoopbackServer(latency=0.01, script=_per_second_limit(limit)) as server:
            with _engine("openai", server, requests_per_minute=60 * limit) as engine:
                results, _ = engine.parallel_inference(
                    [_user(f"r{i}") for i in range(n)], max_concurrent_requests=20
                )
            self.assertEqual(results, [f"echo: r{i}" for i in range(n)])
            rejected = sum(1 for r in server.requests if r["attempt"] > 1)
            times = [r["time"] for r in server.requests]
            rate = (len(times) - 1) / (max(times) - min(times))
            self.assertLessEqual(rejected, n * 0.02)
            self.assertGreaterEqual(rate, 0.9 * limit)

    def test_requests_are_paced_evenly_from_the_first(self):
        with (
            _LoopbackServer() as server,
            _engine("anthropic", server, requests_per_minute=600) as engine,
        ):
            engine.parallel_inference(
                [_user(f"p{i}") for i in range(12)], max_concurrent_requests=12
            )
            times = sorted(r["time"] for r in server.requests)
            gaps = [b - a for a, b in zip(times, times[1:])]
            self.assertGreaterEqual(min(gaps), 0.08)  # one every 0.1 s, no burst at the start
            self.assertLess(max(gaps), 0.3)

    def test_limits_are_shared_by_concurrent_calls_and_threads(self):
        with (
            _LoopbackServer() as server,
            _engine("openai", server, requests_per_minute=1200) as engine,
        ):
            threads = [
                threading.Thread(
                    target=engine.parallel_inference, args=([_user(f"t{t}-{i}") for i in range(6)],)
                )
                for t in range(2)
            ]
            threads.append(
                threading.Thread(
                    target=lambda: [engine.single_inference(_user(f"s{i}")) for i in range(6)]
                )
            )
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            times = sorted(r["time"] for r in server.requests)
            self.assertEqual(len(times), 18)
            # 20 a second across all three callers (apart, each would send its first at once)
            self.assertGreaterEqual(min(b - a for a, b in zip(times, times[1:])), 0.025)

    def test_tokens_per_minute_paces_tokens(self):
        # 41 tokens estimated for the prompt + 41 max_tokens; the server counts 40 in, 42 out
        prompt = "abc " * 40
        with (
            _LoopbackServer() as server,
            _engine("anthropic", server, tokens_per_minute=60_000) as engine,
        ):
            start = time.monotonic()
            _, usages = engine.parallel_inference(
                [_user(f"{prompt}{i}") for i in range(30)], {"max_tokens": 41},
                max_concurrent_requests=10,
            )
            wall = time.monotonic() - start
        tokens = sum(u["total_tokens"] for u in usages)
        # 1,000 tokens a second, of which one second's share may go at once.
        self.assertGreaterEqual(wall, tokens / 1000 - 1.0 - 0.25)
        self.assertLess(wall, tokens / 1000 + 1.5)

    def test_a_429_pauses_every_worker_until_retry_after(self):
        def script(r):
            return _Reply(429, headers={"retry-after": "0.5"}) if r["n"] == 10 else None

        with _LoopbackServer(latency=0.02, script=script) as server:
            with _engine("openai", server, env={"RETRY_WAIT_EXPONENTIAL_MAX": "5"}) as engine:
                results, _ = engine.parallel_inference(
                    [_user(f"c{i}") for i in range(30)], max_concurrent_requests=10
                )
            self.assertEqual(results, [f"echo: c{i}" for i in range(30)])
            rejected_at = server.requests[10]["time"]
            during_pause = [
                r for r in server.requests if rejected_at + 0.1 < r["time"] < rejected_at + 0.45
            ]
            self.assertEqual(during_pause, [])
            self.assertEqual(server.count(), 31)

    def test_progress_bar_on_a_captured_stream_and_summary_line(self):
        stream = io.StringIO()
        with _LoopbackServer(
            script=lambda r: _Reply(400) if r["text"] == "bad" else None
        ) as server:
            with _engine("openai", server, model="progress-model") as engine:
                engine.parallel_inference(
                    [_user(f"g{i}") for i in range(29)] + [_user("bad")], return_exceptions=True,
                    progress=stream,
                )
                engine.parallel_inference([_user("quiet")], progress=False)
        bar = stream.getvalue()
        self.assertIn("30/30", bar)
        self.assertIn("failed=1", bar)
        self.assertIn("tokens=", bar)
        self.assertNotIn("1/1", bar)
        self.assertIn("openai progress-model batch: 29 done, 1 failed, 0 retried", _read_log())

    def test_output_file_has_one_line_per_item_in_order_and_a_rerun_sends_only_failures(self):
        path = os.path.join(self.dir, "run.jsonl")
        failing = {"item 3"}
        with _LoopbackServer(
            script=lambda r: _Reply(400) if r["text"] in failing else None
        ) as server:
            with _engine("gemini", server) as engine:
                batch = [_user(f"item {i}") for i in range(10)]
                with self.assertRaises(ParallelInferenceError):
                    engine.parallel_inference(
                        batch, Hyperparameters(temperature=0.5), output_path=path
                    )
                self.assertEqual(server.count(), 10)
                failing.clear()
                results, usages = engine.parallel_inference(
                    batch, Hyperparameters(temperature=0.5), output_path=path
                )
            self.assertEqual(results, [f"echo: item {i}" for i in range(10)])
            self.assertEqual(server.count(), 11)  # only the failed item was sent again
            self.assertEqual(usages[0]["prompt_tokens"], 2)  # read back from the journal
        with open(path, encoding="utf-8") as f:
            lines = [json.loads(line) for line in f]
        self.assertEqual(
            [(r["index"], r["result"], r["error"]) for r in lines],
            [(i, f"echo: item {i}", None) for i in range(10)],
        )
        self.assertEqual(lines[0]["finish_reason"], "STOP")
        self.assertFalse(os.path.exists(path + ".part"))

    def test_changed_inputs_reuse_what_still_matches(self):
        path = os.path.join(self.dir, "run.jsonl")
        with _LoopbackServer() as server, _engine("openai", server) as engine:
            engine.parallel_inference([_user("a"), _user("b")], output_path=path)
            # reordered, one new
            for inputs, params, sent in (
                ([_user("b"), _user("c"), _user("a")], None, ["c"]), ([_user("a")], None, []),
                ([_user("a"), _user("b")], {"temperature": 1}, ["a", "b"]),
            ):  # a new setting
                with self.subTest(inputs=inputs, params=params):
                    before = server.count()
                    results, _ = engine.parallel_inference(inputs, params, output_path=path)
                    self.assertEqual(results, [f"echo: {m[0]['content']}" for m in inputs])
                    self.assertEqual(sorted(r["text"] for r in server.requests[before:]), sent)
            with open(path, encoding="utf-8") as f:
                self.assertEqual(len(f.readlines()), 2)  # the last call's items, nothing stale

    def test_a_second_call_on_the_same_output_is_refused_at_once(self):
        path = os.path.join(self.dir, "busy.jsonl")
        with _LoopbackServer(latency=0.3) as server, _engine("openai", server) as engine:
            first = threading.Thread(
                target=engine.parallel_inference, args=([_user(f"x{i}") for i in range(4)],),
                kwargs={"output_path": path},
            )
            first.start()
            time.sleep(0.1)
            with self.assertRaisesRegex(OutputInUseError, "in use by another run"):
                engine.parallel_inference([_user("y")], output_path=path)
            first.join()
            self.assertEqual(server.count(), 4)

    def test_a_killed_run_resumes_with_nothing_lost(self):
        path = os.path.join(self.dir, "killed.jsonl")
        # One endpoint for both runs: results are kept per endpoint.
        with _LoopbackServer(latency=0.05) as server:
            child = (
                "import inference_engine as ie\n"
                f"details = ie._loopback_details('openai', {server.url!r})\n"
                "engine = ie.InferenceEngine(details, 'loopback-model')\n"
                "prompts = [ie._user(f'k{i}') for i in range(200)]\n"
                f"engine.parallel_inference(prompts, output_path={path!r})\n"
            )
            process = subprocess.Popen(
                [sys.executable, "-c", child], stderr=subprocess.PIPE, cwd=_HERE
            )
            deadline = time.monotonic() + 20
            # Written in order, as items finish.
            while time.monotonic() < deadline and _count_lines(path + ".part") < 50:
                time.sleep(0.05)
            process.kill()  # SIGKILL: no cleanup of any kind
            process.wait()
            done_before = _journal_rows(path + ".journal")
            self.assertGreater(done_before, 40)
            self.assertLess(done_before, 200)
            time.sleep(0.1)  # the killed run's last requests end at the server
            server.reset()
            server.latency = 0.0
            with _engine("openai", server) as engine:
                prompts = [_user(f"k{i}") for i in range(200)]
                results, _ = engine.parallel_inference(prompts, output_path=path)
            # only what the killed run had not finished
            self.assertEqual(server.count(), 200 - done_before)
        self.assertEqual(results, [f"echo: k{i}" for i in range(200)])


def _journal_rows(path: str) -> int:
    """How many results a journal holds."""
    with contextlib.closing(sqlite3.connect(path, timeout=0)) as db:
        return db.execute("SELECT count(*) FROM results").fetchone()[0]


def _count_lines(path: str) -> int:
    try:
        with open(path, "rb") as f:
            return f.read().count(b"\n")
    except FileNotFoundError:
        return 0


class DatasetJobTests(unittest.TestCase):
    """The command line as a data person uses it: their rows in, one line per row out, reruns,
    kills, Ctrl-C."""

    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="inference-engine-job-")
        self.env = {**os.environ, "OPENAI_API_KEY": "sk-cli-test-key-000000", **_FAST_RETRY}

    def write(self, name, text, mode="w"):
        path = os.path.join(self.dir, name)
        with open(path, mode, **({} if "b" in mode else {"encoding": "utf-8"})) as f:
            f.write(text)
        return path

    @staticmethod
    def run_cli_here(*argv):
        """The command line in this process: (exit status, what it printed on stderr). Retries are
        fast unless the environment sets them, so that a test that meets a fault fails in seconds,
        not minutes."""
        stderr = io.StringIO()
        retries = {name: os.environ.get(name, value) for name, value in _FAST_RETRY.items()}
        with (
            contextlib.redirect_stderr(stderr),
            contextlib.redirect_stdout(stderr),
            _env(**retries),
        ):
            try:
                code = _main(list(argv))
            except SystemExit as exc:  # argparse's usage errors
                code = exc.code
        return code, stderr.getvalue()

    @staticmethod
    def command(server, path, *flags):
        """The command line a user types, against ``server``."""
        return [
            sys.executable, os.path.abspath(__file__), "run", path, "--strategy", "openai",
            "--model", "cli-model", "--base-url", server.url + "/v1", *flags,
        ]

    def run_cli(self, server, path, *flags):
        return subprocess.run(
            self.command(server, path, *flags), capture_output=True, text=True, timeout=60,
            env=self.env, cwd=_HERE,
        )

    @staticmethod
    def wait_for_requests(server, count, process=None):
        """Until ``server`` has seen ``count`` requests (or ``process`` has ended; 20 s at most)."""
        deadline = time.monotonic() + 20
        while (
            server.count() < count
            and time.monotonic() < deadline
            and (process is None or process.poll() is None)
        ):
            time.sleep(0.002)

    @staticmethod
    def read_output(path):
        with open(path, encoding="utf-8") as f:
            return [json.loads(line) for line in f]

    def test_rows_keep_their_fields_and_editor_line_numbers(self):
        path = self.write(
            "rows.jsonl",
            '{"id": "row-1", "prompt": "one", "label_hint": "x"}\n\n\n'
            '{"id": "row-2", "messages": [{"role": "user", "content": "two"}]}\n'
            '[{"role": "user", "content": "three"}]\n   \n'
            '{"id": 4, "prompt": "f\\u00fcnf \\ud83c\\udf89", "nested": {"a": [1, 2]}}\n',
        )
        with _LoopbackServer() as server:
            done = self.run_cli(server, path, "--system", "Be brief.")
            self.assertEqual(done.returncode, 0, done.stderr)
            self.assertEqual(server.count(), 4)
            self.assertEqual(
                server.requests[0]["json"]["messages"][0],
                {"role": "system", "content": "Be brief."},
            )
        lines = self.read_output(os.path.join(self.dir, "rows.results.jsonl"))
        self.assertEqual([r["line"] for r in lines], [1, 4, 5, 7])
        self.assertEqual(
            lines[0],
            {
                "id": "row-1", "prompt": "one", "label_hint": "x", "line": 1, "result": "echo: one",
                "usage": lines[0]["usage"], "cost": None, "finish_reason": "stop", "error": None,
            },
        )
        self.assertEqual(lines[1]["id"], "row-2")
        self.assertEqual(lines[2]["messages"], [{"role": "user", "content": "three"}])
        self.assertEqual(
            (lines[3]["id"], lines[3]["nested"], lines[3]["result"]),
            (4, {"a": [1, 2]}, "echo: fünf 🎉"),
        )
        self.assertIn("4 rows: 4 done", done.stderr)

    def test_system_is_added_only_to_rows_without_one(self):
        path = self.write(
            "sys.jsonl",
            '[{"role": "system", "content": "Own."}, {"role": "user", "content": "q"}]\n',
        )
        with _LoopbackServer() as server:
            self.assertEqual(self.run_cli(server, path, "--system", "Default.").returncode, 0)
            self.assertEqual(
                server.requests[0]["json"]["messages"],
                [{"role": "system", "content": "Own."}, {"role": "user", "content": "q"}],
            )

    def test_csv_with_a_template_and_a_bom(self):
        path = self.write(
            "reviews.csv",
            '\ufeffid,review,stars\nr1,Loved it,5\n\nr2,"Broken on\narrival, twice",1\n'
            "r3,Fine,3\n".replace("\n", "\r\n"),
            mode="w",
        )
        with _LoopbackServer() as server:
            done = self.run_cli(
                server, path, "--template", "Classify the sentiment of: {review} ({stars} stars)",
                "--output", os.path.join(self.dir, "new folder", "labels.jsonl"),
            )
            self.assertEqual(done.returncode, 0, done.stderr)
        lines = self.read_output(os.path.join(self.dir, "new folder", "labels.jsonl"))
        self.assertEqual([(r["id"], r["line"]) for r in lines], [("r1", 2), ("r2", 4), ("r3", 6)])
        self.assertEqual(lines[1]["review"], "Broken on\r\narrival, twice")
        self.assertEqual(lines[0]["result"], "echo: Classify the sentiment of: Loved it (5 stars)")
        self.assertEqual(lines[0]["stars"], "5")

    def test_bad_input_is_refused_by_file_and_line_before_anything_is_sent(self):
        cases = [
            (
                "t.csv", "id,text\nr1,hello\nr2,bye\n", ["--template", "Say {txt}"],
                "t.csv, line 2: --template names {txt}",
            ),
            (
                "b.jsonl", '{"prompt": "ok"}\n\n{"prompt": "ok"}\n{"role": "user"}\n', [],
                "b.jsonl, line 4",
            ),
            (
                "m.jsonl", '{"prompt": "ok"}\n{"messages": [{"role": "robot", "content": "x"}]}\n',
                [], "m.jsonl, line 2: message 0",
            ),
            ("j.jsonl", '{"prompt": "ok"}\n{"prompt": \n', [], "j.jsonl, line 2: not JSON"),
            ("r.jsonl", '{"prompt": "ok", "result": "mine"}\n', [], "field 'result'"),
            ("e.jsonl", "\n\n", [], "e.jsonl has no rows"),
            (
                "c.csv", "id,prompt\nr1,hi,extra\n", [],
                "c.csv, line 2: 3 values, but the header has 2",
            ),
            (
                "n.jsonl", b'{"prompt": "ok"}\n{"prompt": "caf\xe9"}\n', [],
                "n.jsonl, line 2: not UTF-8",
            ),
            (
                "ok.jsonl", '{"prompt": "ok"}\n', ["--concurrency", "0"],
                "--concurrency: must be at least 1",
            ),
            (
                "ok.jsonl", '{"prompt": "ok"}\n', ["--temperature", "3"],
                "--temperature must be between 0 and 2",
            ),
            (
                "ok.jsonl", '{"prompt": "ok"}\n', ["--template", "Say {}"],
                "--template fields need names",
            ),
        ]
        with _LoopbackServer() as server, _env(OPENAI_API_KEY="sk-cli-test-key-000000"):
            for name, text, flags, expected in cases:
                with self.subTest(name=name, flags=flags):
                    path = self.write(name, text, mode="wb" if isinstance(text, bytes) else "w")
                    code, stderr = self.run_cli_here(
                        "run", path, "--strategy", "openai", "--model", "m", "--base-url",
                        server.url + "/v1", *flags,
                    )
                    self.assertEqual(code, 2, stderr)
                    self.assertIn(expected, stderr)
                    self.assertNotIn("Traceback", stderr)
                    self.assertNotIn("max_concurrent_requests", stderr)
            self.assertEqual(server.count(), 0)
            with _env(OPENAI_API_KEY=None):
                code, stderr = self.run_cli_here(
                    "run", path, "--strategy", "openai", "--model", "m"
                )
            self.assertEqual(code, 2)
            self.assertIn("set OPENAI_API_KEY", stderr)

    def test_a_rerun_leaves_one_line_per_row_and_sends_only_what_changed_or_failed(self):
        rows = [{"id": f"r{i}", "prompt": f"row {i}"} for i in range(12)]
        path = self.write("in.jsonl", "".join(json.dumps(r) + "\n" for r in rows))
        output = os.path.join(self.dir, "in.results.jsonl")
        failing = {"row 3", "row 7"}
        with _LoopbackServer(
            script=lambda r: _Reply(400) if r["text"] in failing else None
        ) as server:
            first = self.run_cli(server, path, "--concurrency", "4")
            self.assertEqual(first.returncode, 1)
            self.assertIn("12 rows: 10 done (0 reused from earlier runs), 2 failed", first.stderr)
            self.assertIn(
                "2 x BadRequestError (HTTP 400), e.g. openai (cli-model) at 127.0.0.1", first.stderr
            )
            self.assertEqual(sum(r["error"] is not None for r in self.read_output(output)), 2)
            failing.clear()
            rows[5]["prompt"] = "row 5, edited"
            rows.insert(2, {"id": "new", "prompt": "inserted"})
            rows[8], rows[9] = rows[9], rows[8]
            self.write("in.jsonl", "".join(json.dumps(r) + "\n" for r in rows))
            before = server.count()
            second = self.run_cli(server, path, "--concurrency", "4")
            self.assertEqual(second.returncode, 0, second.stderr)
            self.assertEqual(
                sorted(r["text"] for r in server.requests[before:]),
                ["inserted", "row 3", "row 5, edited", "row 7"],
            )
            before = server.count()
            self.assertEqual(self.run_cli(server, path, "--temperature", "0.5").returncode, 0)
            self.assertEqual(server.count() - before, 13)  # a new setting: every row again
            before = server.count()
            self.assertEqual(
                self.run_cli(server, path, "--temperature", "0.5", "--fresh").returncode, 0
            )
            self.assertEqual(server.count() - before, 13)
        lines = self.read_output(output)
        self.assertEqual([r["id"] for r in lines], [r["id"] for r in rows])
        self.assertEqual([r["line"] for r in lines], list(range(1, 14)))
        self.assertTrue(
            all(r["error"] is None and r["result"] == f"echo: {r['prompt']}" for r in lines)
        )

    def test_a_second_run_on_the_same_output_is_refused(self):
        path = self.write("slow.jsonl", "".join(f'{{"prompt": "s{i}"}}\n' for i in range(40)))
        released = threading.Event()  # the first run's requests hang until the second is refused

        def script(request):
            return None if released.is_set() else _Reply(delay=3.0)

        with _LoopbackServer(latency=0.1, script=script) as server:
            first = subprocess.Popen(
                self.command(server, path, "--concurrency", "2"), env=self.env,
                stderr=subprocess.PIPE, text=True,
            )
            self.wait_for_requests(server, 2)
            second = self.run_cli(server, path)
            released.set()
            self.assertEqual(second.returncode, 2)
            self.assertIn("in use by another run", second.stderr)
            self.assertEqual(first.wait(30), 0, first.stderr.read())
            self.assertEqual(server.count(), 40)  # the refused run sent nothing

    def test_ctrl_c_prints_one_line_exits_130_and_the_rerun_finishes(self):
        path = self.write(
            "long.jsonl", "".join(f'{{"id": {i}, "prompt": "c{i}"}}\n' for i in range(60))
        )
        with _LoopbackServer(latency=0.05) as server:
            command = self.command(server, path, "--concurrency", "4")
            process = subprocess.Popen(command, env=self.env, stderr=subprocess.PIPE, text=True)
            self.wait_for_requests(server, 12)
            process.send_signal(signal.SIGINT)
            stderr = process.communicate(timeout=20)[1]
            self.assertEqual(process.returncode, 130, stderr)
            self.assertNotIn("Traceback", stderr)
            self.assertRegex(
                stderr,
                r"interrupted: \d+ of 60 rows saved to .*long.results.jsonl; "
                r"run the same command again to finish",
            )
            saved = self.read_output(os.path.join(self.dir, "long.results.jsonl"))
            # a prefix, in order
            self.assertEqual([r["id"] for r in saved], list(range(len(saved))))
            sent_before = server.count()
            self.assertEqual(
                subprocess.run(command, env=self.env, capture_output=True, timeout=60).returncode, 0
            )
            self.assertLessEqual(server.count() - sent_before, 60 - len(saved))
        self.assertEqual(
            [r["id"] for r in self.read_output(os.path.join(self.dir, "long.results.jsonl"))],
            list(range(60)),
        )

    def test_killed_at_random_moments_and_rerun_nothing_is_lost_or_sent_twice_but_in_flight(self):
        n = 150
        concurrency = 4
        kills = 10
        path = self.write(
            "soak.jsonl", "".join(f'{{"id": {i}, "prompt": "soak {i}"}}\n' for i in range(n))
        )
        rng = random.Random(11)
        with _LoopbackServer(latency=0.02) as server:
            command = self.command(server, path, "--concurrency", str(concurrency))
            for _ in range(kills):
                process = subprocess.Popen(
                    command, env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
                )
                self.wait_for_requests(server, server.count() + rng.randint(1, 12), process)
                process.kill()
                process.wait()
            done = subprocess.run(command, env=self.env, capture_output=True, text=True, timeout=60)
            self.assertEqual(done.returncode, 0, done.stderr)
            counts = collections.Counter(r["text"] for r in server.requests)
        lines = self.read_output(os.path.join(self.dir, "soak.results.jsonl"))
        self.assertEqual([r["id"] for r in lines], list(range(n)))
        self.assertTrue(all(r["result"] == f"echo: soak {r['id']}" for r in lines))
        self.assertEqual(set(counts), {f"soak {i}" for i in range(n)})
        # Sent twice only if in flight when a kill came: at most `concurrency` rows a kill.
        self.assertLessEqual(sum(c - 1 for c in counts.values()), kills * concurrency)

    def test_an_unreachable_url_stops_within_seconds_and_names_it(self):
        path = self.write("dead.jsonl", "".join(f'{{"prompt": "d{i}"}}\n' for i in range(50)))
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]  # nothing listens once this is closed
        # the default retry settings
        env = {k: v for k, v in self.env.items() if not k.startswith("RETRY_")}
        start = time.monotonic()
        done = _run_child(
            None, "run", path, "--strategy", "openai", "--model", "m", "--base-url",
            f"http://127.0.0.1:{port}/v1", env=env, timeout=60,
        )
        self.assertLess(time.monotonic() - start, 30)
        self.assertEqual(done.returncode, 1, done.stderr)
        self.assertIn(f"nothing answers at http://127.0.0.1:{port}/v1", done.stderr)
        self.assertIn("connection refused", done.stderr)
        self.assertNotIn("Traceback", done.stderr)

    def test_retries_and_timeout_flags_reach_every_row(self):
        path = self.write("retry.jsonl", '{"prompt": "flaky"}\n{"prompt": "slow"}\n')
        # noqa: E731
        script = lambda r: _Reply(503) if r["text"] == "flaky" else _Reply(action="hang")
        with _LoopbackServer(script=script) as server:
            done = self.run_cli(server, path, "--retries", "2", "--timeout", "0.3")
            self.assertEqual(done.returncode, 1, done.stderr)
            self.assertEqual(
                collections.Counter(r["text"] for r in server.requests), {"flaky": 3, "slow": 3}
            )
            self.assertIn(
                "1 x TransientError (no response), e.g. openai (cli-model) at 127.0.0.1",
                done.stderr,
            )
            self.assertIn("timed out", done.stderr)

    def test_a_refused_key_stops_the_job_before_every_row_fails(self):
        path = self.write("key.jsonl", "".join(f'{{"prompt": "k{i}"}}\n' for i in range(200)))
        with _LoopbackServer(latency=0.01, script=lambda r: _Reply(401)) as server:
            done = self.run_cli(server, path, "--concurrency", "4")
            self.assertEqual(done.returncode, 1, done.stderr)
            self.assertIn("refused the key before any row succeeded", done.stderr)
            self.assertIn("check OPENAI_API_KEY", done.stderr)
            # the requests in flight when the first 401 came back
            self.assertLessEqual(server.count(), 8)

    def test_standard_input_and_the_usage(self):
        with _LoopbackServer() as server:
            output = os.path.join(self.dir, "stdin.jsonl")
            done = _run_child(
                None, "run", "-", "--strategy", "openai", "--model", "m", "--base-url",
                server.url + "/v1", "--output", output, "--format", "csv", env=self.env,
                input="prompt,id\nfrom a pipe,p1\n",
            )
            self.assertEqual(done.returncode, 0, done.stderr)
            self.assertEqual(self.read_output(output)[0]["result"], "echo: from a pipe")
        for argv, expected_code, text in (
            (["prompts.jsonl"], 2, "unknown command 'prompts.jsonl'"), (["--help"], 0, "run INPUT"),
            (["run", "--help"], 0, "--template"), (["test", "--bogus"], 2, "unknown argument"),
            (["run", "x.jsonl", "--strategy", "openai"], 2, "--model"),
        ):
            with self.subTest(argv=argv):
                code, printed = self.run_cli_here(*argv)
                self.assertEqual(code, expected_code, printed)
                self.assertIn(text, printed)

    def test_memory_stops_growing_once_the_job_is_under_way(self):
        if not os.path.exists("/proc/self/status"):
            self.skipTest("memory is read from /proc, which this system lacks")
        # The child samples its memory against the rows written so far, on a first run and a rerun.
        child = (
            "import json, os, sys, threading, time, inference_engine as ie\n"
            "def rss():\n"
            "    return int(next(l for l in open('/proc/self/status')\n"
            "                    if l.startswith('VmRSS')).split()[1])\n"
            "def written():\n"
            "    try:\n"
            "        return os.path.getsize(sys.argv[3] + '.part')\n"
            "    except FileNotFoundError:\n"
            "        return 0\n"
            "flags = ['--strategy', 'openai', '--model', 'm', '--base-url', sys.argv[1],\n"
            "         '--concurrency', '50', '--output', sys.argv[3]]\n"
            "for run in ('first', 'rerun'):\n"
            "    samples, running = [], True\n"
            "    def sample():\n"
            "        while running:\n"
            "            size = written()\n"
            "            if size == 0 and samples and samples[-1][0] > 0:\n"
            "                return  # the output is complete and moved into place\n"
            "            samples.append((size, rss()))\n"
            "            time.sleep(0.002)\n"
            "    sampler = threading.Thread(target=sample)\n"
            "    sampler.start()\n"
            "    assert ie._main(['run', sys.argv[2], *flags]) == 0\n"
            "    running = False\n"
            "    sampler.join()\n"
            "    size = os.path.getsize(sys.argv[3])\n"
            "    print(json.dumps({'run': run, 'samples': samples, 'size': size}))\n"
        )
        n = 4000
        path = self.write(
            "memory.jsonl",
            "".join(
                json.dumps({"id": i, "prompt": f"memory row {i} " + "x" * 300}) + "\n"
                for i in range(n)
            ),
        )
        with _LoopbackServer() as server:
            done = _run_child(
                child, server.url + "/v1", path, os.path.join(self.dir, "memory.out.jsonl"),
                env=self.env, timeout=120,
            )
        self.assertEqual(done.returncode, 0, done.stderr[-2000:])
        for run in map(json.loads, done.stdout.splitlines()):
            with self.subTest(run=run["run"]):
                samples = run["samples"]
                size = run["size"]
                early = max(kb for written, kb in samples if written <= size / 4)
                growth = max(kb for _, kb in samples) - early
                # The last three quarters of the rows may add almost nothing: holding each
                # row with its result (about 1 KB) would add 3 MB; this allows 0.3 KB a row.
                # sampled late in the run too
                self.assertGreater(sum(written > size / 2 for written, _ in samples), 2)
                self.assertLess(
                    growth, 0.3 * n * 3 / 4, (growth, samples[:: max(1, len(samples) // 20)])
                )


class UntrustedDatasetTests(unittest.TestCase):
    """A dataset someone else wrote: nothing read outside its folder, nothing written through
    a link, no secret shown."""

    KEY = "sk-untrusted-0123456789"

    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="inference-engine-untrusted-")
        self.data = os.path.join(self.dir, "data")
        os.makedirs(os.path.join(self.data, "photos"))

    def put(self, name, content, folder=None):
        path = os.path.join(folder or self.data, name)
        with open(path, "wb" if isinstance(content, bytes) else "w") as f:
            f.write(content)
        return path

    def run_here(self, server, path, *flags, strategy="anthropic"):
        url = server.url + ("/v1" if strategy == "openai" else "")
        with _env(OPENAI_API_KEY=self.KEY, ANTHROPIC_API_KEY=self.KEY):
            return DatasetJobTests.run_cli_here(
                "run", path, "--strategy", strategy, "--model", "m", "--base-url", url, *flags
            )

    def test_image_files_outside_the_folder_or_not_images_are_refused_before_anything_is_sent(self):
        outside = os.path.join(self.dir, "outside")
        os.makedirs(outside)
        secret = self.put("secret.png", _tiny_png(9), folder=outside)
        self.put("photos/ok.png", _tiny_png(1))
        self.put("photos/alias.jpg", _tiny_png(2))  # PNG bytes under a JPEG name
        self.put("notes.png", "OPENAI_API_KEY=sk-not-an-image\n")
        self.put("big.png", b"\x89PNG\r\n\x1a\n" + b"\0" * (5 * 2**20))  # over Anthropic's 5 MB
        os.symlink("/proc/self/environ", os.path.join(self.data, "env.png"))
        os.symlink("/dev/zero", os.path.join(self.data, "zero.png"))
        os.symlink(secret, os.path.join(self.data, "photos", "out.png"))
        photos = os.path.join(self.data, "photos")
        os.symlink(os.path.join(photos, "ok.png"), os.path.join(photos, "in.png"))
        os.mkfifo(os.path.join(self.data, "fifo.png"))
        cases = [
            (secret, "an absolute path is refused"),
            ("../outside/secret.png", "the path leads outside"),
            ("env.png", "the path leads outside"), ("zero.png", "the path leads outside"),
            ("photos/out.png", "the path leads outside"), ("fifo.png", "not a regular file"),
            ("notes.png", "not a PNG, JPEG, GIF or WebP image (judged by its bytes"),
            ("big.png", "the file is over the 5 MB that strategy 'anthropic' takes"),
            ("photos/none.png", "cannot read it"),
        ]
        flags = ["--template", "{q}", "--image-field", "photo"]
        with _LoopbackServer() as server:
            for image, expected in cases:
                with self.subTest(image=image):
                    first = '{"id": 1, "q": "ok?", "photo": "photos/ok.png"}\n\n'
                    rows = self.put(
                        "rows.jsonl",
                        first + json.dumps({"id": 2, "q": "this?", "photo": image}) + "\n",
                    )
                    code, stderr = self.run_here(server, rows, *flags)
                    self.assertEqual(code, 2, stderr)
                    self.assertIn(
                        f"rows.jsonl, line 3: --image-field 'photo': {image}: {expected}", stderr
                    )
            self.assertEqual(server.count(), 0)
            # What is under the folder goes, typed by its bytes; --image-root names another folder.
            rows = self.put(
                "rows.jsonl",
                '{"q": "a", "photo": "photos/alias.jpg"}\n{"q": "b", "photo": "photos/in.png"}\n',
            )
            code, stderr = self.run_here(server, rows, *flags)
            self.assertEqual(code, 0, stderr)
            rows = self.put("rows2.jsonl", '{"q": "c", "photo": "secret.png"}\n')
            code, stderr = self.run_here(server, rows, *flags, "--image-root", outside)
            self.assertEqual(code, 0, stderr)
            sources = {
                r["text"]: r["json"]["messages"][-1]["content"][-1]["source"]
                for r in server.requests
            }
        self.assertEqual(
            sources["a"],
            {
                "type": "base64", "media_type": "image/png",
                "data": base64.b64encode(_tiny_png(2)).decode(),
            },
        )
        self.assertEqual(sources["b"]["data"], base64.b64encode(_tiny_png(1)).decode())
        self.assertEqual(sources["c"]["data"], base64.b64encode(_tiny_png(9)).decode())

    def test_links_placed_in_the_folder_are_never_written_through_and_what_it_writes_is_private(
        self,
    ):
        rows = self.put("rows.jsonl", '{"prompt": "one"}\n{"prompt": "two"}\n')
        target = self.put("target.txt", "keep me\n", folder=self.dir)
        output = os.path.join(self.data, "out.jsonl")
        os.symlink(target, output + ".part")
        with _LoopbackServer() as server:
            code, stderr = self.run_here(server, rows, "--output", output)
            self.assertEqual(code, 0, stderr)
            self.assertEqual(len(DatasetJobTests.read_output(output)), 2)
            for path in (output, output + ".journal"):
                self.assertEqual(os.stat(path).st_mode & 0o777, 0o600, path)
            os.symlink(target, os.path.join(self.data, "other.jsonl.journal"))
            other = os.path.join(self.data, "other.jsonl")
            refused = [
                (["--output", other], "other.jsonl.journal is a link"),
                (["--output", rows], "rows.jsonl, which the run reads"),
                (["--output", self.data], "is a folder"),
                (["--output", os.path.join(target, "out.jsonl")], "cannot write in"),
            ]
            for flags, expected in refused:
                with self.subTest(flags=flags):
                    code, stderr = self.run_here(server, rows, *flags)
                    self.assertEqual(code, 2, stderr)
                    self.assertIn(expected, stderr)
            self.assertEqual(server.count(), 2)
            # A log file that is a link stops the engine before anything is sent (in a child, which
            # makes its own logs).
            logs = os.path.join(self.dir, "logs")
            os.makedirs(logs)
            os.symlink(target, os.path.join(logs, "inference.log"))
            env = {**os.environ, "ANTHROPIC_API_KEY": self.KEY, "INFERENCE_ENGINE_LOG_DIR": logs}
            command = [
                "run", rows, "--strategy", "anthropic", "--model", "m", "--base-url", server.url,
                "--output", os.path.join(self.data, "third.jsonl"),
            ]
            done = _run_child(None, *command, env=env)
            self.assertEqual(done.returncode, 2, done.stderr)
            self.assertIn("cannot write the log folder", done.stderr)
            fresh_logs = os.path.join(self.dir, "new-logs")
            done = _run_child(None, *command, env={**env, "INFERENCE_ENGINE_LOG_DIR": fresh_logs})
            self.assertEqual(done.returncode, 0, done.stderr)
            self.assertEqual(server.count(), 4)
        with open(target) as f:
            self.assertEqual(f.read(), "keep me\n")
        self.assertEqual(os.stat(fresh_logs).st_mode & 0o777, 0o700)
        for name in os.listdir(fresh_logs):
            self.assertEqual(os.stat(os.path.join(fresh_logs, name)).st_mode & 0o777, 0o600, name)

    def test_credentials_in_a_url_never_show_and_a_huge_url_is_refused_at_once(self):
        password = "pw-s3cret-99"
        token = "q-s3cret-77"
        signed = f"https://images.example.com/a.png?X-Signature={token}"  # a signed image URL
        rows = self.put(
            "rows.jsonl",
            json.dumps({"q": "fine", "photo": signed})
            + "\n"
            + json.dumps({"q": "refuse me", "photo": signed})
            + "\n",
        )
        output = os.path.join(self.data, "out.jsonl")
        seen = []

        def run(strategy, url, *more):
            return DatasetJobTests.run_cli_here(
                "run", rows, "--strategy", strategy, "--model", "m", "--base-url", url,
                "--template", "{q}", "--image-field", "photo", *more,
            )

        refuse = lambda r: _Reply(400) if "refuse" in r["text"] else None  # noqa: E731
        with _LoopbackServer(script=refuse) as server:
            with _env(OPENAI_API_KEY=self.KEY, GEMINI_API_KEY=self.KEY):
                # Refused: no SDK can send a user, a password or a query as given.
                for url in (
                    server.url.replace("http://", f"http://user:{password}@") + "/v1",
                    f"{server.url}/v1?token={token}",
                ):
                    code, stderr = run("openai", url, "--output", output)
                    self.assertEqual(code, 2, stderr)
                    self.assertIn(
                        f"'{server.url}/v1' with a user, password, query or fragment "
                        "cannot be used",
                        stderr,
                    )
                    seen.append(stderr)
                with _env(OPENAI_BASE_URL=f"http://user:{password}@127.0.0.1:9/v1"):
                    with self.assertRaisesRegex(ValueError, "environment variable OPENAI_BASE_URL"):
                        InferenceEngine({"strategy": "openai"}, "m")
                code, stderr = run("gemini", server.url, "--output", output)
                self.assertIn(
                    "https://images.example.com/a.png: strategy 'gemini' takes images inline only",
                    stderr,
                )
                seen.append(stderr)
                code, stderr = run("openai", server.url + "/v1", "--output", output)
                self.assertEqual(code, 1, stderr)
                seen.append(stderr)
                code, stderr = run("openai", "http://127.0.0.1:9/v1", "--output", output + "2")
                self.assertEqual(code, 1, stderr)
                self.assertIn("nothing answers at http://127.0.0.1:9/v1:", stderr)
                seen.append(stderr)
            self.assertEqual(server.count(), 2)
            sent = server.requests[0]["json"]["messages"][-1]["content"][-1]
            self.assertEqual(sent["image_url"]["url"], signed)
        lines = DatasetJobTests.read_output(output)
        self.assertIn("at 127.0.0.1:", lines[1]["error"]["message"])
        seen += [_read_log("default.log"), _read_log("inference.log")]
        for text in seen:
            self.assertNotIn(password, text)
            self.assertNotIn(token, text)
        # A URL of a megabyte, in a row or as base_url, is refused in well under a second.
        huge = "https://example.com/" + "a" * 2**20 + " x"
        path = self.put("huge.jsonl", json.dumps({"q": "look", "photo": huge}) + "\n")
        start = time.perf_counter()
        with _LoopbackServer() as server:
            code, stderr = self.run_here(
                server, path, "--template", "{q}", "--image-field", "photo", strategy="openai"
            )
            with self.assertRaisesRegex(ValueError, "over the 8,192 this engine takes"):
                details = {"strategy": "openai", "api_key": self.KEY, "base_url": huge[:-2]}
                InferenceEngine(details, "m")
            self.assertEqual(server.count(), 0)
        self.assertLess(time.perf_counter() - start, 1.0)
        self.assertEqual(code, 2)
        self.assertIn("over the 8,192 this engine takes", stderr)
        self.assertLess(len(stderr), 1000)

    def test_a_journal_is_checked_before_it_is_trusted(self):
        rows = self.put("rows.jsonl", '{"prompt": "one"}\n{"prompt": "two"}\n{"prompt": "three"}\n')
        output = os.path.join(self.data, "out.jsonl")
        with _LoopbackServer() as first, _LoopbackServer() as second:
            # Results from one server are not another's.
            for server, sent in ((first, 3), (second, 3), (first, 3)):
                code, stderr = self.run_here(server, rows, "--output", output)
                self.assertEqual((code, server.count()), (0, sent), stderr)
            first.reset()

            def journal(name, *statements):
                db = sqlite3.connect(os.path.join(self.data, name + ".journal"))
                for statement in statements:
                    db.execute(statement)
                db.commit()
                db.close()
                return os.path.join(self.data, name)

            tables = [
                f"CREATE TABLE {table} ({columns})" for table, columns in _JOURNAL_TABLES.items()
            ]
            earlier = journal(
                "earlier.jsonl", *tables, "INSERT INTO results VALUES ('k', 'old', '{}', 'stop')"
            )
            foreign = journal("foreign.jsonl", "CREATE TABLE results (id INTEGER, answer TEXT)")
            newer = journal("newer.jsonl", *tables, "PRAGMA user_version = 99")
            text = self.put("text.jsonl.journal", "not a database\n" * 100)[: -len(".journal")]
            foreign_file = "an SQLite file with tables results, not a journal of inference_engine"
            cases = [
                (earlier, [], "the journal of an earlier version of inference_engine"),
                (foreign, [], foreign_file), (foreign, ["--fresh"], foreign_file),
                (newer, ["--fresh"], "a newer version of inference_engine (format 99)"),
                (text, ["--fresh"], "text.jsonl.journal is not a journal of inference_engine"),
            ]
            for path, flags, expected in cases:
                with self.subTest(path=path, flags=flags):
                    with open(path + ".journal", "rb") as f:
                        before = f.read()
                    code, stderr = self.run_here(first, rows, "--output", path, *flags)
                    self.assertEqual(code, 2, stderr)
                    self.assertIn(expected, stderr)
                    self.assertNotIn("Traceback", stderr)
                    with open(path + ".journal", "rb") as f:
                        self.assertEqual(f.read(), before)
            self.assertEqual(first.count(), 0)
            # An earlier version's journal, started again.
            code, stderr = self.run_here(first, rows, "--output", earlier, "--fresh")
            self.assertEqual((code, first.count()), (0, 3), stderr)

    def test_a_full_disk_keeps_the_previous_output_byte_for_byte_and_says_so(self):
        import resource

        def run(server, path, *flags, limit=None):
            """The job here; or, with ``limit``, in a child whose files cannot grow past it."""
            if limit is None:
                return self.run_here(server, path, "--output", path + ".out", *flags)[0]

            def limited():
                # Python ignores SIGXFSZ: a write past the limit fails with EFBIG.
                resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

            env = {
                **os.environ,
                "ANTHROPIC_API_KEY": self.KEY,
                **_FAST_RETRY,
                "INFERENCE_ENGINE_LOG_DIR": tempfile.mkdtemp(dir=self.dir),
            }
            return _run_child(
                None, "run", path, "--strategy", "anthropic", "--model", "m", "--base-url",
                server.url, "--output", path + ".out", *flags, env=env, preexec_fn=limited,
            )

        # Small lines and one row at a time: the journal fails first; long lines: the output does.
        cases = [
            ("journal", "", ["--concurrency", "1"], 12_000),
            ("output", "n" * 3000, [], 60_000),
        ]
        with _LoopbackServer() as server:
            for name, notes, flags, limit in cases:
                with self.subTest(fails_first=name):
                    rows = [{"id": i, "prompt": f"row {i}", "notes": notes} for i in range(30)]
                    path = self.put(f"{name}.jsonl", "".join(json.dumps(r) + "\n" for r in rows))
                    self.assertEqual(run(server, path), 0)
                    with open(path + ".out", "rb") as f:
                        good = f.read()
                    server.reset()
                    changed = ["--template", "again: {prompt}", *flags]  # every row is sent again
                    done = run(server, path, *changed, limit=limit)
                    self.assertEqual(done.returncode, 3, done.stderr)
                    what = f"the journal {path}.out.journal" if name == "journal" else f"{path}.out"
                    self.assertIn(f"cannot write {what}", done.stderr)
                    self.assertIn(
                        "run the same command again, which sends only the rows it lacks",
                        done.stderr,
                    )
                    with open(path + ".out", "rb") as f:
                        self.assertEqual(f.read(), good)
                    self.assertFalse(os.path.exists(path + ".out.part"))
                    saved = _journal_rows(path + ".out.journal") - 30
                    self.assertGreater(server.count(), saved)
                    server.reset()
                    # Room again: the rerun sends only what the journal lacks.
                    self.assertEqual(run(server, path, *changed), 0)
                    self.assertEqual(server.count(), 30 - saved)
                    lines = DatasetJobTests.read_output(path + ".out")
                    self.assertEqual(
                        [(r["id"], r["result"]) for r in lines],
                        [(i, f"echo: again: row {i}") for i in range(30)],
                    )

    def test_terminal_text_is_escaped_hyperparameters_are_frozen_and_keys_mask_as_words(self):
        hostile = "\x1b[2J\x1b[31mall rows passed\r\u202e"
        rows = self.put("rows.jsonl", json.dumps({"prompt": "refuse"}) + "\n")
        body = {
            "type": "error",
            "error": {"type": "invalid_request_error", "message": f"no {hostile} at localhost"},
        }
        with _LoopbackServer(script=lambda r: _Reply(400, body=body)) as server:
            code, stderr = self.run_here(server, rows)
            self.assertEqual(code, 1)
            self.assertIn("\\x1b[2J\\x1b[31mall rows passed\\r\\u202e", stderr)
            for character in "\x1b\r\u202e":
                self.assertNotIn(character, stderr)
            bad = self.put("bad.jsonl", json.dumps({"q": "x", "photo": "\x1b[31mred.png"}) + "\n")
            code, stderr = self.run_here(server, bad, "--template", "{q}", "--image-field", "photo")
            self.assertEqual(code, 2)
            self.assertIn("\\x1b[31mred.png: cannot read it", stderr)
            self.assertNotIn("\x1b", stderr)
            # A short key is masked where it stands alone, never inside other words.
            engine = _engine("anthropic", server, api_key="local")
            with self.assertRaises(BadRequestError) as caught:
                engine.single_inference(_user("refuse, key local"))
            self.assertIn("at localhost", str(caught.exception))
            # Hyperparameters cannot be changed once made; what changes inside is checked again.
            settings = Hyperparameters(max_tokens=5, stop=["x"])
            with self.assertRaises(TypeError):
                settings.kwargs["model"] = "another-model"
            with self.assertRaises(AttributeError):
                settings.kwargs = {"stream": True}
            import pickle

            for copied in (copy.deepcopy(settings), pickle.loads(pickle.dumps(settings))):
                self.assertEqual(copied, settings)
                self.assertIsNot(copied.kwargs["stop"], settings.kwargs["stop"])
            settings.kwargs["stop"].append(3)
            with self.assertRaisesRegex(
                TypeError, "stop must be a string or a list of strings, not a list holding int"
            ):
                engine.single_inference(_user("hello"), settings)
            engine.close()
            self.assertEqual(server.count(), 2)
            self.assertNotIn("\x1b", _read_log("default.log"))
        # A key from the environment sent over plain http to another host: one warning; else none.
        # (The log may have two writers in this process, once a test imports the module by name.)
        warnings = lambda: _read_log().count("over plain http://")  # noqa: E731
        with _env(OPENAI_API_KEY=self.KEY):
            cases = (
                ("http://example.invalid/v1", True), ("https://example.invalid/v1", False),
                ("http://127.0.0.1:9/v1", False), ("http://localhost:9/v1", False),
            )
            for url, warned in cases:
                before = warnings()
                InferenceEngine({"strategy": "openai", "base_url": url}, "m").close()
                self.assertEqual(warnings() > before, warned, url)
            before = warnings()
            given = {"strategy": "openai", "base_url": "http://example.invalid", "api_key": "given"}
            InferenceEngine(given, "m").close()
            self.assertEqual(warnings(), before)
        self.assertIn(
            "the key from OPENAI_API_KEY is sent over plain http:// to example.invalid", _read_log()
        )


class ProviderBatchTests(unittest.TestCase):
    """--batch-api and batch_inference against the loopback's files, batches and message batches,
    with the real SDKs."""

    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="inference-engine-batch-")
        self.fast = {"BATCH_POLL_MIN": "0.05", "BATCH_POLL_MAX": "0.2"}
        self.env = {
            **os.environ,
            **_FAST_RETRY,
            **self.fast,
            "OPENAI_API_KEY": "sk-batch-test-000000",
            "ANTHROPIC_API_KEY": "sk-ant-batch-test-000000",
        }

    def journal(self, name="job"):
        return os.path.join(self.dir, name + ".journal")

    def write_rows(self, name, rows):
        path = os.path.join(self.dir, name)
        with open(path, "w", encoding="utf-8") as f:
            f.write("".join(json.dumps(row) + "\n" for row in rows))
        return path

    def run_cli(self, server, path, *flags, strategy="openai", batch_api=True):
        """The command line, in this process (the kill test runs it as its own); (exit status,
        stderr)."""
        url = server.url + ("/v1" if strategy == "openai" else "")
        keys = {name: self.env[name] for name in ("OPENAI_API_KEY", "ANTHROPIC_API_KEY")}
        with _env(**keys, **self.fast):
            return DatasetJobTests.run_cli_here(
                "run", path, "--strategy", strategy, "--model", "batch-model", "--base-url", url,
                *(["--batch-api"] if batch_api else []), *flags,
            )

    @staticmethod
    def read_output(path):
        with open(path, encoding="utf-8") as f:
            return [json.loads(line) for line in f]

    def test_each_provider_sends_the_online_bodies_and_maps_results_back_in_order(self):
        conversations = [_user(f"item {i}") for i in range(6)] + [_user("item 2")]  # one repeated
        params = Hyperparameters(max_tokens=20, stop="END", temperature=0.5)
        for strategy in ("openai", "azure", "anthropic"):
            with self.subTest(strategy=strategy), _env(**self.fast), _LoopbackServer() as server:
                with _engine(strategy, server) as engine:
                    progress = io.StringIO()
                    results, usages = engine.batch_inference(
                        conversations, params, progress=progress,
                        journal_path=self.journal(strategy),
                    )
                    self.assertEqual(results, [f"echo: item {i}" for i in (0, 1, 2, 3, 4, 5, 2)])
                    self.assertGreater(usages[0]["total_tokens"], 0)
                    # the provider's counts of the 6 items sent
                    self.assertIn("6/6", progress.getvalue())
                    logged = [
                        json.loads(line)
                        for line in _read_log("inference.log").splitlines()
                        if f'"strategy": "{strategy}"' in line and '"batch"' in line
                    ]
                    self.assertEqual(
                        sorted(r["reply"] for r in logged[-6:]),
                        [f"echo: item {i}" for i in range(6)],
                    )
                    self.assertIn("batches=", progress.getvalue())
                    created = server.count(f"{strategy}:create")
                    self.assertEqual(created, 1)
                    self.assertEqual(
                        server.count(f"{strategy}:upload"), 0 if strategy == "anthropic" else 1
                    )
                    batch_items = list(server.batches.items)
                    self.assertEqual(len(batch_items), 6)  # the repeated item went once
                    # Each body is the online request's: compare with what parallel_inference sends.
                    engine.parallel_inference(conversations[:6], params)
                    online = [r["json"] for r in server.requests if r["route"] == strategy]
                    self.assertEqual(
                        sorted(map(json.dumps, online)),
                        sorted(json.dumps(b) for _, _, b in batch_items),
                    )
                custom_ids = [custom_id for _, custom_id, _ in batch_items]
                self.assertTrue(all(re.fullmatch(r"[a-zA-Z0-9_-]{1,64}", i) for i in custom_ids))
                if strategy != "anthropic":
                    line = json.loads(server.batches.uploads[0].splitlines()[0])
                    self.assertEqual(
                        line["url"],
                        "/chat/completions" if strategy == "azure" else "/v1/chat/completions",
                    )
                    self.assertEqual(line["method"], "POST")
                    # azure: the deployment
                    self.assertEqual(line["body"]["model"], "loopback-model")

    def test_a_job_is_split_at_the_providers_limits(self):
        with _env(**self.fast), _LoopbackServer() as server, _engine("openai", server) as engine:
            results, _ = engine.batch_inference(
                [_user(f"r{i}") for i in range(50_001)], journal_path=self.journal("split")
            )
            self.assertEqual((server.count("openai:upload"), server.count("openai:create")), (2, 2))
            self.assertEqual([len(f.splitlines()) for f in server.batches.uploads], [50_000, 1])
            self.assertEqual((results[0], results[-1]), ("echo: r0", "echo: r50000"))
        limit = _AnthropicBatches.max_bytes
        try:
            _AnthropicBatches.max_bytes = 1000  # by bytes: each create body stays under the limit
            with (
                _env(**self.fast),
                _LoopbackServer() as server,
                _engine("anthropic", server) as engine,
            ):
                results, _ = engine.batch_inference(
                    [_user(f"row {i} " + "x" * 100) for i in range(20)],
                    journal_path=self.journal("bytes"),
                )
                creates = [r for r in server.requests if r["route"] == "anthropic:create"]
                self.assertGreater(len(creates), 2)
                self.assertEqual(sum(len(r["json"]["requests"]) for r in creates), 20)
                for r in creates:
                    self.assertLessEqual(
                        sum(
                            len(json.dumps(q, ensure_ascii=False)) + 1
                            for q in r["json"]["requests"]
                        ),
                        1000,
                    )
                self.assertEqual(results[19], "echo: row 19 " + "x" * 100)
        finally:
            _AnthropicBatches.max_bytes = limit

    def test_killed_while_waiting_the_rerun_makes_no_new_batch(self):
        path = self.write_rows("wait.jsonl", [{"id": i, "prompt": f"wait {i}"} for i in range(30)])
        with _LoopbackServer() as server:
            server.batches.delay = 1.5
            command = [
                sys.executable, os.path.abspath(__file__), "run", path, "--strategy", "openai",
                "--model", "m", "--base-url", server.url + "/v1", "--batch-api",
            ]
            process = subprocess.Popen(
                command, env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
            )
            deadline = time.monotonic() + 20
            while server.count("openai:retrieve") < 1 and time.monotonic() < deadline:
                time.sleep(0.01)
            process.kill()
            process.wait()
            self.assertEqual(server.count("openai:create"), 1)
            self.assertFalse(os.path.exists(os.path.join(self.dir, "wait.results.jsonl")))
            done = subprocess.run(command, env=self.env, capture_output=True, text=True, timeout=60)
            self.assertEqual(done.returncode, 0, done.stderr)
            self.assertEqual((server.count("openai:upload"), server.count("openai:create")), (1, 1))
            self.assertEqual(len(server.batches.items), 30)
        lines = self.read_output(os.path.join(self.dir, "wait.results.jsonl"))
        self.assertEqual(
            [(r["id"], r["result"]) for r in lines], [(i, f"echo: wait {i}") for i in range(30)]
        )

    def test_a_batch_whose_answer_was_lost_or_never_recorded_is_found_not_made_again(self):
        conversations = [_user(f"lost {i}") for i in range(5)]
        lost = []

        def script(request):
            if request["route"] == "openai:create" and not lost:
                lost.append(server.batches.reply(request))  # the batch is made...
                return _Reply(action="drop")  # ...and the answer never arrives
            return None

        with _env(**self.fast), _LoopbackServer() as server, _engine("openai", server) as engine:
            server.script = script
            results, _ = engine.batch_inference(conversations, journal_path=self.journal("lost"))
            self.assertEqual(results, [f"echo: lost {i}" for i in range(5)])
            self.assertEqual((server.count("openai:create"), len(server.batches.made)), (1, 1))
            self.assertRegex(
                server.batches.made["batch_0"]["object"]["metadata"]["inference_engine_part"],
                r"^[0-9a-f]{32}$",
            )
            # before making it, and after its answer was lost
            self.assertEqual(server.count("openai:list"), 2)
            # A run that stopped before recording its batch: a journal without it finds it by its
            # tag.
            results, _ = engine.batch_inference(
                conversations, journal_path=self.journal("unrecorded")
            )
            self.assertEqual(results, [f"echo: lost {i}" for i in range(5)])
            self.assertEqual((server.count("openai:create"), server.count("openai:upload")), (1, 1))

    def test_failed_and_expired_items_become_error_lines_and_are_resubmitted_alone(self):
        for strategy in ("openai", "anthropic"):
            with self.subTest(strategy=strategy), _LoopbackServer() as server:
                path = self.write_rows(
                    f"{strategy}.jsonl", [{"id": i, "prompt": f"p{i}"} for i in range(8)]
                )
                fate = {"p2": "error", "p5": "expired", "p6": "canceled"}
                server.batches.outcome = lambda custom_id, body: fate.get(
                    _LOOPBACK_PROTOCOLS[strategy].last_text(body)
                )
                first_code, first_err = self.run_cli(server, path, strategy=strategy)
                self.assertEqual(first_code, 1, first_err)
                self.assertIn("8 rows: 5 done", first_err)
                lines = self.read_output(os.path.join(self.dir, f"{strategy}.results.jsonl"))
                self.assertEqual([r["id"] for r in lines], list(range(8)))
                errors = {r["prompt"]: r["error"] for r in lines if r["error"]}
                self.assertEqual(set(errors), set(fate))
                self.assertEqual(
                    (errors["p2"]["type"], errors["p2"]["status"]), ("BadRequestError", 400)
                )
                self.assertIn("refused", errors["p2"]["message"])
                self.assertEqual(errors["p5"]["type"], "BatchItemError")
                self.assertIn("expired", errors["p5"]["message"])
                self.assertIn("cancel", errors["p6"]["message"])
                fate.clear()
                second_code, second_err = self.run_cli(server, path, strategy=strategy)
                self.assertEqual(second_code, 0, second_err)
                self.assertIn("(5 reused from earlier runs)", second_err)
                resent = [
                    _LOOPBACK_PROTOCOLS[strategy].last_text(body)
                    for _, _, body in server.batches.items[8:]
                ]
                self.assertEqual(sorted(resent), ["p2", "p5", "p6"])
                self.assertTrue(
                    all(
                        r["error"] is None
                        for r in self.read_output(
                            os.path.join(self.dir, f"{strategy}.results.jsonl")
                        )
                    )
                )

    def test_no_wait_submits_and_exits_then_the_same_command_collects(self):
        path = self.write_rows("later.jsonl", [{"prompt": f"later {i}"} for i in range(5)])
        output = os.path.join(self.dir, "later.results.jsonl")
        with _LoopbackServer() as server:
            server.batches.delay = 1.0
            first_code, first_err = self.run_cli(server, path, "--no-wait")
            self.assertEqual(first_code, 0, first_err)
            self.assertRegex(first_err, r"submitted batch batch_0: 5 rows")
            self.assertIn("still running; run the same command again", first_err)
            self.assertFalse(os.path.exists(output))
            # would pay for the rows twice
            online_code, online_err = self.run_cli(server, path, batch_api=False)
            self.assertEqual(online_code, 2)
            self.assertIn("add --batch-api to collect them", online_err)
            time.sleep(1.0)
            second_code, second_err = self.run_cli(server, path, "--no-wait")
            self.assertEqual(second_code, 0, second_err)
            self.assertNotIn("submitted", second_err)
            self.assertEqual(server.count("openai:create"), 1)
            self.assertEqual(
                [r["result"] for r in self.read_output(output)],
                [f"echo: later {i}" for i in range(5)],
            )
            code, stderr = DatasetJobTests.run_cli_here(
                "run", path, "--strategy", "openai", "--model", "m", "--no-wait"
            )
            self.assertEqual(code, 2)
            self.assertIn("--no-wait goes with --batch-api", stderr)

    def test_a_batch_refused_as_a_whole_reports_the_providers_message_and_leaves_its_rows_unsent(
        self,
    ):
        for strategy, kind, message in (
            ("openai", "BatchItemError", "rejected by the loopback"),
            ("anthropic", "BadRequestError", "rejected by the loopback"),
        ):
            with self.subTest(strategy=strategy), _LoopbackServer() as server:
                path = self.write_rows(
                    f"refused-{strategy}.jsonl", [{"prompt": f"r{i}"} for i in range(3)]
                )
                server.batches.reject = True
                first_code, first_err = self.run_cli(server, path, strategy=strategy)
                self.assertEqual(first_code, 1, first_err)
                self.assertIn(message, first_err)
                lines = self.read_output(
                    os.path.join(self.dir, f"refused-{strategy}.results.jsonl")
                )
                self.assertEqual({r["error"]["type"] for r in lines}, {kind})
                server.batches.reject = False
                second_code, second_err = self.run_cli(server, path, strategy=strategy)
                self.assertEqual(second_code, 0, second_err)
                self.assertEqual(server.count(f"{strategy}:create"), 2)

    def test_a_schema_job_keeps_only_replies_that_are_json(self):
        path = self.write_rows("schema.jsonl", [{"id": i, "prompt": f"s{i}"} for i in range(4)])
        schema = os.path.join(self.dir, "label.json")
        with open(schema, "w", encoding="utf-8") as f:
            json.dump(
                {"type": "object", "properties": {"n": {"type": "integer"}}, "required": ["n"]}, f
            )
        rambling = {"s2"}
        with _LoopbackServer() as server:
            last = _LOOPBACK_PROTOCOLS["anthropic"].last_text
            server.batches.reply_text = lambda body: (
                "Well..." if last(body) in rambling else json.dumps({"n": len(last(body))})
            )
            first_code, first_err = self.run_cli(
                server, path, "--schema", schema, strategy="anthropic"
            )
            self.assertEqual(first_code, 1, first_err)
            lines = self.read_output(os.path.join(self.dir, "schema.results.jsonl"))
            self.assertEqual([r["result"] for r in lines], [{"n": 2}, {"n": 2}, None, {"n": 2}])
            self.assertEqual(lines[2]["error"]["type"], "InvalidJSONError")
            self.assertEqual(
                server.batches.items[0][2]["output_config"]["format"]["type"], "json_schema"
            )
            rambling.clear()
            second_code, second_err = self.run_cli(
                server, path, "--schema", schema, strategy="anthropic"
            )
            self.assertEqual(second_code, 0, second_err)
            self.assertEqual([last(body) for _, _, body in server.batches.items[4:]], ["s2"])

    def test_polls_survive_transient_errors_and_wait_out_retry_after(self):
        seen = []

        def script(request):
            if request["route"] == "openai:retrieve":
                seen.append(request["time"])
                if len(seen) <= 2:
                    return _Reply(503)
                if len(seen) == 3:
                    return _Reply(429, headers={"retry-after": "0.5"})
            return None

        with (
            _env(**self.fast),
            _LoopbackServer(script=script) as server,
            _engine("openai", server) as engine,
        ):
            server.batches.delay = 0.0
            results, _ = engine.batch_inference(
                [_user("a"), _user("b")], journal_path=self.journal("polls")
            )
            self.assertEqual(results, ["echo: a", "echo: b"])
            self.assertGreaterEqual(len(seen), 4)
            self.assertGreaterEqual(seen[3] - seen[2], 0.5)  # the Retry-After is a floor
            self.assertEqual(server.count("openai:create"), 1)

    def test_rows_answered_online_are_not_submitted_and_gemini_is_refused(self):
        path = self.write_rows("mixed.jsonl", [{"prompt": f"m{i}"} for i in range(6)])
        with _LoopbackServer() as server:
            online_code, online_err = self.run_cli(server, path, batch_api=False)
            self.assertEqual(online_code, 0, online_err)
            with open(path, "a", encoding="utf-8") as f:
                f.write('{"prompt": "new one"}\n')
            done_code, done_err = self.run_cli(server, path)
            self.assertEqual(done_code, 0, done_err)
            self.assertEqual(
                [_LOOPBACK_PROTOCOLS["openai"].last_text(b) for _, _, b in server.batches.items],
                ["new one"],
            )
            self.assertIn("7 rows: 7 done (6 reused from earlier runs)", done_err)
            before = len(server.requests)
            with _env(GEMINI_API_KEY="gemini-key-0000000000"):
                code, stderr = DatasetJobTests.run_cli_here(
                    "run", path, "--strategy", "gemini", "--model", "m", "--base-url", server.url,
                    "--batch-api",
                )
                self.assertEqual(code, 2)
                self.assertIn("no batch API", stderr)
                self.assertIn("google-generativeai", stderr)
                with (
                    _engine("gemini", server) as engine,
                    self.assertRaisesRegex(ValueError, "no batch API"),
                ):
                    engine.batch_inference([_user("x")])
            self.assertEqual(len(server.requests), before)

    def test_the_readmes_batch_examples_run_as_written(self):
        commands = _readme_commands(self, "### Half price")
        self.assertEqual(
            [c[c.index("--strategy") + 1] for c in commands],
            ["openai", "azure", "anthropic", "anthropic"],
        )
        python_example = _readme_blocks(self, "### `batch_inference(", "python", end="\n### ")[0]
        with open(os.path.join(self.dir, "reviews.csv"), "w", encoding="utf-8") as f:
            f.write(_readme_blocks(self, "## Label a dataset", "csv")[0])
        with _LoopbackServer() as server:
            server.batches.delay = 0.0
            keys = {
                "OPENAI_API_KEY": "sk-readme-000000", "AZURE_OPENAI_API_KEY": "azure-readme-000000",
                "ANTHROPIC_API_KEY": "sk-ant-readme-000000",
            }
            urls = {
                "OPENAI_BASE_URL": server.url + "/v1", "ANTHROPIC_BASE_URL": server.url,
                "AZURE_OPENAI_ENDPOINT": server.url,
            }  # where each SDK goes without a base_url
            cwd = os.getcwd()
            os.chdir(self.dir)
            try:
                with _env(**keys, **urls, **self.fast):
                    for command in commands:
                        code, stderr = DatasetJobTests.run_cli_here(*command[2:])
                        self.assertEqual(code, 0, (command, stderr))
                    namespace: dict = {}
                    exec(compile(python_example, "README.md", "exec"), namespace)
            finally:
                os.chdir(cwd)
            for provider in ("openai", "azure", "anthropic"):
                lines = self.read_output(os.path.join(self.dir, f"labels-{provider}.jsonl"))
                self.assertEqual([r["id"] for r in lines], ["r1", "r2"])
                self.assertTrue(
                    all(r["result"].startswith("echo: Classify the sentiment") for r in lines),
                    lines,
                )
            self.assertEqual(
                [server.count(f"{p}:create") for p in ("openai", "azure", "anthropic")], [1, 1, 2]
            )
            self.assertEqual(len(namespace["results"]), 1000)
            self.assertEqual(
                namespace["results"][7], "echo: Name a prime above 7. Reply with the number only."
            )


class CostTests(unittest.TestCase):
    """Each reply's cost is genai-prices' own figure for its usage, model and context."""

    @staticmethod
    def expected(usage, model, provider, context=None):
        from genai_prices import Usage, calc_price

        counts = Usage(
            input_tokens=usage["prompt_tokens"], output_tokens=usage["completion_tokens"],
            cache_read_tokens=usage.get("cached_tokens") or 0,
            cache_write_tokens=usage.get("cache_creation_tokens") or 0,
        )
        price = calc_price(counts, model_ref=model, provider_id=provider, price_context=context)
        return float(price.total_price)

    def test_each_provider_prices_a_reply_by_the_model_it_reports(self):
        cases = [
            ("openai", "gpt-4o-2024-08-06", "openai"), ("azure", "gpt-4o-2024-08-06", "azure"),
            ("anthropic", "claude-sonnet-4-5-20250929", "anthropic"),
            ("gemini", "gemini-2.5-flash", "google"),
        ]
        for strategy, reported, provider in cases:
            protocol = _LOOPBACK_PROTOCOLS[strategy]

            def script(request, reported=reported, protocol=protocol):
                body = protocol.ok("priced", 40, 7)
                body["modelVersion" if strategy == "gemini" else "model"] = reported
                return _Reply(body=body)

            with (
                self.subTest(strategy=strategy), _LoopbackServer(script=script) as server,
                _engine(strategy, server, model="an-alias-the-table-lacks") as engine,
            ):
                text, usage = engine.single_inference(_user("price me"))
                self.assertEqual(text, "priced")
                self.assertGreater(usage["cost"], 0)
                self.assertAlmostEqual(
                    usage["cost"], self.expected(usage, reported, provider), places=12
                )

    def test_a_batch_is_priced_at_the_batch_price_and_an_unknown_model_costs_null(self):
        with _LoopbackServer() as server, _engine("openai", server, model="gpt-4o-mini") as engine:
            server.batches.delay = 0.0
            journal = os.path.join(tempfile.mkdtemp(prefix="inference-engine-cost-"), "j")
            _, usages = engine.batch_inference([_user("a b c")], journal_path=journal)
            _, online = engine.single_inference(_user("a b c"))
        batch = self.expected(usages[0], "gpt-4o-mini", "openai", {"processing": "batch"})
        self.assertAlmostEqual(usages[0]["cost"], batch, places=12)
        standard = self.expected(usages[0], "gpt-4o-mini", "openai")
        self.assertLess(batch, standard)  # half the input and output price; cached reads differ
        self.assertAlmostEqual(
            online["cost"], self.expected(online, "gpt-4o-mini", "openai"), places=12
        )
        warning = "no price for model 'loopback' (reported) or 'loopback-model' (asked for) in"
        with _LoopbackServer() as server, _engine("openai", server) as engine:
            _, usage = engine.single_inference(_user("x"))
            warned = _read_log().count(warning)
            engine.single_inference(_user("y"))
        self.assertIsNone(usage["cost"])
        self.assertGreater(warned, 0)
        self.assertEqual(_read_log().count(warning), warned)  # once an engine

    def test_the_command_line_writes_each_rows_cost_and_the_total(self):
        folder = tempfile.mkdtemp(prefix="inference-engine-cost-")
        path = os.path.join(folder, "rows.jsonl")
        with open(path, "w", encoding="utf-8") as f:
            f.writelines(json.dumps({"prompt": f"row {i}"}) + "\n" for i in range(3))
        with _LoopbackServer() as server, _env(OPENAI_API_KEY="sk-cost-000000000"):
            args = ["run", path, "--strategy", "openai", "--model", "gpt-4o-mini"]
            code, stderr = DatasetJobTests.run_cli_here(*args, "--base-url", server.url + "/v1")
            self.assertEqual(code, 0, stderr)
            lines = DatasetJobTests.read_output(path.replace(".jsonl", ".results.jsonl"))
            costs = [r["cost"] for r in lines]
            self.assertEqual(costs, [r["usage"]["cost"] for r in lines])
            self.assertEqual(
                costs, [self.expected(r["usage"], "gpt-4o-mini", "openai") for r in lines]
            )
            self.assertIn(f"cost: {_dollars(sum(costs))} for the rows answered in this run", stderr)
            self.assertEqual(_dollars(0.0412), "$0.0412")
            self.assertEqual((_dollars(1.4e-05), _dollars(1234.5)), ("$0.000014", "$1,234.50"))
            code, stderr = DatasetJobTests.run_cli_here(*args, "--base-url", server.url + "/v1")
            self.assertEqual(code, 0, stderr)
            self.assertNotIn("cost: $", stderr)  # all reused: nothing spent

    def test_a_dry_run_sends_nothing_and_limit_then_a_full_run_sends_each_row_once(self):
        folder = tempfile.mkdtemp(prefix="inference-engine-plan-")
        path = os.path.join(folder, "rows.jsonl")
        prompts = ["first row", "second row", "三番目の行です", "fourth row", "first row"]
        with open(path, "w", encoding="utf-8") as f:
            f.writelines(json.dumps({"id": i, "prompt": p}) + "\n" for i, p in enumerate(prompts))
        with _LoopbackServer() as server, _env(OPENAI_API_KEY="sk-plan-000000000"):
            args = ["run", path, "--strategy", "openai", "--model", "gpt-4o-mini", "--base-url",
                    server.url + "/v1", "--max-tokens", "10"]
            code, said = DatasetJobTests.run_cli_here(*args, "--dry-run")
            self.assertEqual(code, 0, said)
            self.assertEqual(server.count(), 0)
            self.assertEqual(os.listdir(folder), ["rows.jsonl"])  # no journal, no output
            self.assertRegex(said, r"to send +5 \(4 with --batch-api\)")
            self.assertRegex(said, r"repeats of an earlier row +1")
            self.assertRegex(said, r"output tokens, at most +10 a row")
            tokens = int(re.search(r"input tokens, estimated +~(\d+)", said).group(1))
            self.assertEqual(tokens, 3 + 3 + 8 + 3)  # 4 characters a token; 1 a kana or kanji
            cost = float(re.search(r"cost online, standard +~\$([\d.]+)", said).group(1))
            usage = {"prompt_tokens": round(tokens * 5 / 4), "completion_tokens": 50}
            self.assertAlmostEqual(cost, self.expected(usage, "gpt-4o-mini", "openai"), places=4)
            code, said = DatasetJobTests.run_cli_here(*args, "--limit", "2")
            self.assertEqual(code, 0, said)
            self.assertIn("2 rows: 2 to send, 0 from earlier runs", said)
            self.assertEqual(server.count(), 2)
            code, said = DatasetJobTests.run_cli_here(*args, "--dry-run")
            self.assertRegex(said, r"from earlier runs +3")  # the repeat of row 1 too
            self.assertEqual(server.count(), 2)
            code, said = DatasetJobTests.run_cli_here(*args)
            self.assertEqual(code, 0, said)
            self.assertIn("5 rows: 2 to send, 3 from earlier runs", said)
            self.assertEqual(sorted(r["text"] for r in server.requests), sorted(prompts[:4]))
            lines = DatasetJobTests.read_output(path.replace(".jsonl", ".results.jsonl"))
            self.assertEqual([r["id"] for r in lines], [0, 1, 2, 3, 4])

    def test_the_readmes_cost_example_runs_as_written(self):
        commands = _readme_commands_in(self, "### What it costs")
        self.assertEqual([c[-1] for c in commands], ["--dry-run"])
        folder = tempfile.mkdtemp(prefix="inference-engine-readme-cost-")
        with open(os.path.join(folder, "reviews.csv"), "w", encoding="utf-8") as f:
            f.write(_readme_blocks(self, "## Label a dataset", "csv")[0])
        cwd = os.getcwd()
        os.chdir(folder)
        try:
            with _LoopbackServer() as server, _env(
                OPENAI_API_KEY="sk-readme-000000", OPENAI_BASE_URL=server.url + "/v1"
            ):
                code, said = DatasetJobTests.run_cli_here(*commands[0][2:])
        finally:
            os.chdir(cwd)
        self.assertEqual(code, 0, said)
        self.assertEqual(server.count(), 0)
        self.assertRegex(said, r"cost online, standard +~\$0\.0000\d\d\n")  # 2 rows, 5 tokens out
        self.assertRegex(said, r"to send +2 ")

    def test_max_cost_stops_sending_at_the_cap_and_a_higher_cap_sends_the_rest(self):
        folder = tempfile.mkdtemp(prefix="inference-engine-cap-")
        path = os.path.join(folder, "rows.jsonl")
        prompts = [f"row {i} " + "word " * 20 for i in range(8)]
        with open(path, "w", encoding="utf-8") as f:
            f.writelines(json.dumps({"id": i, "prompt": p}) + "\n" for i, p in enumerate(prompts))
        bound = {"prompt_tokens": _prompt_tokens(_user(prompts[0])), "completion_tokens": 100}
        most = self.expected(bound, "gpt-4o-mini", "openai")  # the most one row may cost
        cap = 1.5 * most
        with _LoopbackServer() as server, _env(OPENAI_API_KEY="sk-cap-000000000"):
            args = ["run", path, "--strategy", "openai", "--model", "gpt-4o-mini", "--base-url",
                    server.url + "/v1", "--max-tokens", "100", "--concurrency", "1"]
            code, said = DatasetJobTests.run_cli_here(*args, "--max-cost", f"{cap:.10f}")
            self.assertEqual(code, 4, said)
            lines = DatasetJobTests.read_output(path.replace(".jsonl", ".results.jsonl"))
            sent = [r for r in lines if r["error"] is None]
            spent = sum(r["cost"] for r in sent)
            self.assertEqual(len(sent), server.count())
            self.assertTrue(0 < len(sent) < 8)
            self.assertLessEqual(spent, cap)
            self.assertGreater(spent + most, cap)  # the next row might not have fitted
            self.assertEqual(
                {r["error"]["type"] for r in lines[len(sent):]}, {"BudgetExceededError"}
            )
            self.assertIn(f"{8 - len(sent)} rows not sent", said)
            code, said = DatasetJobTests.run_cli_here(*args, "--max-cost", "1")
            self.assertEqual(code, 0, said)
            self.assertEqual(server.count(), 8)  # each row sent once
            code, said = DatasetJobTests.run_cli_here(*args[:-4], "--max-cost", "1", "--fresh")
            self.assertEqual(code, 2)
            self.assertIn("--max-cost needs --max-tokens", said)
            self.assertEqual(server.count(), 8)

    def test_max_cost_in_python_leaves_the_rest_with_budget_exceeded_errors(self):
        prompts = [_user(f"item {i} " + "word " * 20) for i in range(6)]
        bound = {"prompt_tokens": _prompt_tokens(prompts[0]), "completion_tokens": 50}
        most = self.expected(bound, "gpt-4o-mini", "openai")
        settings = Hyperparameters(max_tokens=50)
        with _LoopbackServer() as server, _engine("openai", server, model="gpt-4o-mini") as engine:
            results, usages = engine.parallel_inference(
                prompts, settings, max_concurrent_requests=1, return_exceptions=True,
                max_cost=1.5 * most,
            )
            sent = [u for u in usages if u is not None]
            self.assertEqual(len(sent), server.count())
            self.assertTrue(0 < len(sent) < 6)
            self.assertLessEqual(sum(u["cost"] for u in sent), 1.5 * most)
            self.assertTrue(all(isinstance(r, BudgetExceededError) for r in results[len(sent):]))
            # ten in flight: the most of one row in flight counts against the cap
            streamed = list(engine.iter_inference(prompts, settings, max_cost=1.5 * most))
            self.assertEqual([r.error is None for r in streamed], [True] + [False] * 5)
            self.assertEqual({type(r.error) for r in streamed[1:]}, {BudgetExceededError})
            for bad, error in ((0, ValueError), ("1", TypeError), (math.inf, ValueError)):
                with self.subTest(max_cost=bad), self.assertRaises(error):
                    engine.parallel_inference(prompts, settings, max_cost=bad)
            with self.assertRaisesRegex(ValueError, "max_cost needs max_tokens"):
                engine.iter_inference(prompts, max_cost=1.0)
        with _LoopbackServer() as server, _engine("openai", server) as engine:
            with self.assertRaisesRegex(ValueError, "no known price for model 'loopback-model'"):
                engine.parallel_inference(prompts, settings, max_cost=1.0)
            self.assertEqual(server.count(), 0)

    def test_estimate_in_python_gives_the_dry_runs_figures_and_sends_nothing(self):
        prompts = [_user("first row"), _user("second row"), _user("first row")]
        settings = Hyperparameters(max_tokens=10)
        with _LoopbackServer() as server, _engine("openai", server, model="gpt-4o-mini") as engine:
            figures = engine.estimate(prompts, settings)
            self.assertEqual(server.count(), 0)
            self.assertEqual(
                {k: figures[k] for k in ("rows", "to_send", "to_send_batch", "repeated")},
                {"rows": 3, "to_send": 3, "to_send_batch": 2, "repeated": 1},
            )
            self.assertEqual((figures["input_tokens"], figures["max_tokens"]), (6, 10))
            usage = {"prompt_tokens": 9, "completion_tokens": 30}
            self.assertAlmostEqual(
                figures["cost"], self.expected(usage, "gpt-4o-mini", "openai"), places=9
            )
            self.assertLess(figures["cost_batch"], figures["cost"])
            journal = os.path.join(tempfile.mkdtemp(prefix="inference-engine-estimate-"), "j")
            list(engine.iter_inference(prompts[:1], settings, journal_path=journal))
            self.assertEqual(engine.estimate(prompts, settings, journal_path=journal)["reused"], 2)
            with self.assertRaisesRegex(ValueError, r"conversations\[1\]"):
                engine.estimate([_user("ok"), [{"role": "robot", "content": "x"}]])
            self.assertEqual(server.count(), 1)

    def test_a_long_prompt_is_priced_at_its_tier(self):
        prices = _Prices(_ADAPTERS["anthropic"]({"api_key": "k"}, "claude-sonnet-4-5"))
        for prompt in (1_000, 199_999, 200_000, 300_000):  # the long-context tier from 200,000
            usage = {"prompt_tokens": prompt, "completion_tokens": 700, "cached_tokens": 100}
            with self.subTest(prompt=prompt):
                self.assertAlmostEqual(
                    prices.cost(_Completion("", usage, None)),
                    self.expected(usage, "claude-sonnet-4-5", "anthropic"), places=12,
                )


class ImportTests(unittest.TestCase):
    """Provider SDKs load only when an engine of that strategy is made."""

    def test_openai_engine_imports_no_other_sdk(self):
        code = (
            "import sys, inference_engine as ie\n"
            "assert 'openai' not in sys.modules\n"
            "ie.InferenceEngine({'strategy': 'openai', 'api_key': 'k'}, 'm')\n"
            "sdks = ('openai', 'anthropic', 'google.generativeai')\n"
            "print(sorted(m for m in sdks if m in sys.modules))"
        )
        out = _run_child(code)
        self.assertEqual(out.returncode, 0, out.stderr)
        self.assertEqual(out.stdout.strip(), "['openai']")


class ExpensiveTests(unittest.TestCase):
    """Real provider APIs: only with RUN_EXPENSIVE_TESTS=true and that provider's key."""

    models = {
        "openai": ("OPENAI_API_KEY", "gpt-4o-mini"),
        "anthropic": ("ANTHROPIC_API_KEY", "claude-3-5-haiku-latest"),
        "gemini": ("GEMINI_API_KEY", "gemini-1.5-flash"),
    }

    def check(self, strategy):
        env_key, model = self.models[strategy]
        if strategy == "gemini" and os.environ.get("GOOGLE_API_KEY"):
            env_key = "GOOGLE_API_KEY"
        _skip_unless_expensive(self, env_key)
        with InferenceEngine(
            {"strategy": strategy}, os.environ.get(f"{strategy.upper()}_TEST_MODEL", model)
        ) as engine:
            text, usage = engine.single_inference(
                _user("Reply with the single word: pong"), Hyperparameters(max_tokens=10)
            )
        self.assertIn("pong", text.lower())
        self.assertGreater(usage["total_tokens"], 0)

    def test_openai(self):
        self.check("openai")

    def test_anthropic(self):
        self.check("anthropic")

    def test_gemini(self):
        self.check("gemini")

    def test_azure(self):
        _skip_unless_expensive(
            self, "AZURE_OPENAI_API_KEY", "AZURE_OPENAI_ENDPOINT", "AZURE_OPENAI_DEPLOYMENT"
        )
        details = {
            "strategy": "azure", "azure_endpoint": os.environ["AZURE_OPENAI_ENDPOINT"],
            "api_version": os.environ.get("AZURE_OPENAI_API_VERSION", "2024-06-01"),
        }
        with InferenceEngine(details, os.environ["AZURE_OPENAI_DEPLOYMENT"]) as engine:
            text, usage = engine.single_inference(
                _user("Reply with the single word: pong"), Hyperparameters(max_tokens=10)
            )
        self.assertIn("pong", text.lower())


def _run_self_tests(verbose: bool = False) -> int:
    """Run the embedded suite offline; print ``N passed, N failed, N skipped``; return the exit
    code."""
    for name in (
        "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy",
    ):
        os.environ.pop(name, None)
    os.environ["NO_PROXY"] = os.environ["no_proxy"] = "127.0.0.1,localhost"
    os.environ["INFERENCE_ENGINE_LOG_DIR"] = tempfile.mkdtemp(prefix="inference-engine-test-logs-")
    # retries are expected here; keep the run quiet
    os.environ.setdefault("INFERENCE_ENGINE_CONSOLE_LEVEL", "CRITICAL")
    suite = unittest.defaultTestLoader.loadTestsFromModule(sys.modules[__name__])
    result = unittest.TextTestRunner(verbosity=2 if verbose else 1).run(suite)
    # Count tests, not subtests: a test with three failing subtests is one failed test.
    failing = {getattr(test, "test_case", test).id() for test, _ in result.failures + result.errors}
    failed = len(failing) + len(result.unexpectedSuccesses)
    skipped = len(result.skipped)
    passed = max(0, result.testsRun - failed - skipped - len(result.expectedFailures))
    print(f"{passed} passed, {failed} failed, {skipped} skipped")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
