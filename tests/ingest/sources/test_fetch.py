"""The fetcher against a real HTTP server on 127.0.0.1: robots.txt, redirects, validators,
timeouts and the size cap, each failure named with its URL."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from newsgraph.ingest.sources.fetch import (
    Fetcher,
    FetchError,
    FetchLimits,
    Validators,
    user_agent,
)
from tests.helpers.processes import free_port
from tests.helpers.site import Route, Site, serving_site

PAGE = b"<!doctype html><html><body><p>Hello</p></body></html>"


@pytest.fixture
def site() -> Iterator[Site]:
    with serving_site() as site:
        site.serve_fixture("/robots.txt", "robots.txt")
        site.routes["/page"] = Route(body=PAGE, etag='"v1"')
        yield site


def limits(**overrides: object) -> FetchLimits:
    values: dict[str, object] = {"connect_timeout_s": 2.0, "read_timeout_s": 2.0}
    values.update(overrides)
    return FetchLimits(**values)  # type: ignore[arg-type]


async def fetch_error(fetcher: Fetcher, url: str) -> FetchError:
    with pytest.raises(FetchError) as caught:
        await fetcher.fetch(url)
    assert caught.value.origin == url
    assert str(caught.value).startswith(f"{url}: ")
    return caught.value


async def test_a_page_is_fetched_with_newsgraphs_user_agent_and_robots_read_once(
    site: Site,
) -> None:
    site.routes["/other"] = Route(body=PAGE)
    async with Fetcher(limits(user_agent=user_agent("ops@example.org"))) as fetcher:
        page = await fetcher.fetch(site.url("/page"))
        await fetcher.fetch(site.url("/other"))
    assert page.status == 200 and page.content == PAGE and page.media_type == "text/html"
    assert page.validators == Validators('"v1"', None)
    agent = site.headers_of("/page")[0]["user-agent"]
    assert agent.startswith("newsgraph/") and agent.endswith("(+ops@example.org)")
    assert site.count("/robots.txt") == 1


async def test_a_path_robots_txt_disallows_is_a_named_failure_and_never_requested(
    site: Site,
) -> None:
    site.routes["/members/page"] = Route(body=PAGE)
    async with Fetcher(limits()) as fetcher:
        error = await fetch_error(fetcher, site.url("/members/page"))
    assert error.kind == "robots"
    assert f"disallowed by {site.base}/robots.txt" in str(error)
    assert site.count("/members/page") == 0


async def test_a_missing_robots_txt_allows_and_a_failing_one_disallows(site: Site) -> None:
    del site.routes["/robots.txt"]
    async with Fetcher(limits()) as fetcher:
        assert (await fetcher.fetch(site.url("/page"))).status == 200
    site.routes["/robots.txt"] = Route(body=b"oops", status=503, content_type="text/plain")
    async with Fetcher(limits()) as fetcher:
        error = await fetch_error(fetcher, site.url("/page"))
    assert error.kind == "robots" and "answered HTTP 503" in str(error)
    assert site.count("/page") == 1


async def test_a_redirect_chain_is_followed_and_each_hop_is_checked(site: Site) -> None:
    site.routes["/a"] = Route(location="/b", status=301)
    site.routes["/b"] = Route(location=site.url("/page"), status=307)
    site.routes["/to-members"] = Route(location="/members/x")
    site.routes["/to-ftp"] = Route(location="ftp://127.0.0.1/file")
    async with Fetcher(limits()) as fetcher:
        page = await fetcher.fetch(site.url("/a"))
        assert page.final_url == site.url("/page") and page.content == PAGE
        members = await fetch_error(fetcher, site.url("/to-members"))
        ftp = await fetch_error(fetcher, site.url("/to-ftp"))
    assert members.kind == "robots" and "redirected to" in str(members)
    assert ftp.kind == "scheme" and "unsupported scheme 'ftp'" in str(ftp)


async def test_a_redirect_loop_and_too_many_redirects_are_named(site: Site) -> None:
    site.routes["/loop-1"] = Route(location="/loop-2")
    site.routes["/loop-2"] = Route(location="/loop-1")
    for hop in range(4):
        site.routes[f"/hop-{hop}"] = Route(location=f"/hop-{hop + 1}")
    site.routes["/hop-4"] = Route(body=PAGE)
    async with Fetcher(limits(max_redirects=3)) as fetcher:
        loop = await fetch_error(fetcher, site.url("/loop-1"))
        many = await fetch_error(fetcher, site.url("/hop-0"))
    assert loop.kind == "redirects" and "redirect loop" in str(loop)
    assert many.kind == "redirects" and "too many redirects (more than 3" in str(many)
    assert site.count("/hop-4") == 0


async def test_validators_are_sent_back_and_an_unchanged_page_answers_304(site: Site) -> None:
    site.routes["/dated"] = Route(body=PAGE, last_modified="Mon, 14 Jul 2025 09:30:00 GMT")
    async with Fetcher(limits()) as fetcher:
        first = await fetcher.fetch(site.url("/page"))
        second = await fetcher.fetch(site.url("/page"), first.validators)
        dated = await fetcher.fetch(site.url("/dated"))
        dated_again = await fetcher.fetch(site.url("/dated"), dated.validators)
    assert second.not_modified and second.content == b""
    assert site.headers_of("/page")[1]["if-none-match"] == '"v1"'
    assert dated_again.not_modified
    assert site.headers_of("/dated")[1]["if-modified-since"] == "Mon, 14 Jul 2025 09:30:00 GMT"


async def test_a_silent_server_times_out_by_name(site: Site) -> None:
    site.routes["/slow"] = Route(body=PAGE, delay_s=3)
    async with Fetcher(limits(read_timeout_s=0.3)) as fetcher:
        error = await fetch_error(fetcher, site.url("/slow"))
    assert error.kind == "timeout" and "no data for 0.3 s" in str(error)


async def test_the_deadline_bounds_a_url_as_a_whole(site: Site) -> None:
    site.routes["/slow"] = Route(body=PAGE, delay_s=3)
    async with Fetcher(limits(read_timeout_s=10, deadline_s=0.5)) as fetcher:
        error = await fetch_error(fetcher, site.url("/slow"))
    assert error.kind == "timeout" and "within 0.5 s" in str(error)


@pytest.mark.parametrize("declared", [True, False])
async def test_a_body_past_the_size_cap_is_stopped_by_name(site: Site, declared: bool) -> None:
    site.routes["/big"] = Route(body=b"<html>" + b"x" * 3_000_000, length=declared)
    async with Fetcher(limits(max_bytes=100_000)) as fetcher:
        error = await fetch_error(fetcher, site.url("/big"))
    assert error.kind == "too-large" and "more than 100,000 bytes" in str(error)


async def test_a_404_and_a_refused_connection_are_named(site: Site) -> None:
    closed = f"http://127.0.0.1:{free_port()}/page"
    async with Fetcher(limits()) as fetcher:
        missing = await fetch_error(fetcher, site.url("/nowhere"))
        refused = await fetch_error(fetcher, closed)
    assert missing.kind == "http" and missing.status == 404 and "HTTP 404 Not Found" in str(missing)
    # The refused connection is met first by robots.txt, which then refuses the whole site.
    assert refused.kind == "connection" and "connection refused" in str(refused)


@pytest.mark.parametrize(
    ("url", "says"),
    [
        ("http://[::1/page", "not a valid URL: Invalid IPv6 URL"),
        ("http://127.0.0.1:99999/page", "not a valid URL: Port out of range"),
        ("http:///page", "no host"),
    ],
)
async def test_a_malformed_url_is_a_named_failure(url: str, says: str) -> None:
    async with Fetcher(limits()) as fetcher:
        error = await fetch_error(fetcher, url)
    assert error.kind == "scheme" and says in str(error)


async def test_a_redirect_to_a_malformed_url_is_a_named_failure(site: Site) -> None:
    site.routes["/bad-hop"] = Route(location="http://127.0.0.1:99999/x")
    async with Fetcher(limits()) as fetcher:
        error = await fetch_error(fetcher, site.url("/bad-hop"))
    assert "not a valid URL (redirected to 'http://127.0.0.1:99999/x')" in str(error)
