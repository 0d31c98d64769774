"""The per-request context: its loaders are the request's own, made when first used."""

from __future__ import annotations

import pytest
from strawberry.dataloader import DataLoader

from newsgraph.graph import Graph
from newsgraph.schema import Context


def test_a_request_makes_only_the_loaders_its_resolvers_use(graph: Graph) -> None:
    loaders = Context.build(graph.store).loaders
    assert [name for name in vars(loaders) if name != "store"] == []
    actor = loaders.actor
    assert isinstance(actor, DataLoader)
    # The same loader for the rest of the request: its cache and batches are shared.
    assert loaders.actor is actor
    assert [name for name in vars(loaders) if name != "store"] == ["actor"]


def test_each_request_has_loaders_of_its_own(graph: Graph) -> None:
    one, other = Context.build(graph.store), Context.build(graph.store)
    assert one.loaders.actor is not other.loaders.actor


def test_asking_for_a_loader_that_does_not_exist_is_an_attribute_error(graph: Graph) -> None:
    loaders = Context.build(graph.store).loaders
    with pytest.raises(AttributeError, match="no_such_loader"):
        loaders.no_such_loader  # noqa: B018
