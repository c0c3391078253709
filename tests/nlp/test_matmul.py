"""The models' matrix products through numpy on one thread give the same parses as thinc's blis."""
import numpy as np
import pytest
from spacy.attrs import IDS

from thucydides.nlp import matmul
from thucydides.nlp.parse import load_pipeline, nlp, why_no_matmul
from thucydides.settings import load

ATTRS = [IDS[a] for a in ("TAG", "DEP", "HEAD", "ENT_IOB", "ENT_TYPE", "SENT_START")]

TEXTS = [
    "Russia's foreign minister Sergei Lavrov said on Tuesday that Moscow would not join an alliance with "
    "China, which Beijing's spokesman called \"a lie\". The talks in Geneva, which had stalled, resumed.",
    "Protesters were beaten in Tbilisi; police arrested 40 people and fired tear gas. Officials of the "
    "Georgian Interior Ministry denied it, and the European Union urged restraint.",
    "The Economic Community of West African States (ECOWAS) suspended Niger after the coup, and "
    "France withdrew its ambassador from Niamey on September 24, 2023.",
]


@pytest.fixture(scope="module")
def pipelines():
    if matmul.why_not():
        pytest.skip(matmul.why_not())
    model = load().model
    return load_pipeline(model), nlp(model)


def test_every_layer_gets_the_one_thread_numpy_ops(pipelines):
    own, fast = pipelines
    assert why_no_matmul(load().model) is None
    ops_class = matmul.ops_class()
    for name, component in fast.pipeline:
        model = getattr(component, "model", None)
        if model is not None and hasattr(model, "walk"):
            assert all(isinstance(node.ops, ops_class) for node in model.walk()), name
    assert not isinstance(own.get_pipe("ner").model.ops, ops_class)


def test_products_equal_numpy_and_close_to_blis(pipelines):
    from thinc.api import NumpyOps

    rng = np.random.default_rng(0)
    x, y = rng.random((300, 96), dtype=np.float32), rng.random((288, 96), dtype=np.float32)
    ours = matmul.ops_class()().gemm(x, y, trans2=True)
    assert np.array_equal(ours, x @ y.T)
    assert np.allclose(ours, NumpyOps().gemm(x, y, trans2=True), rtol=1e-5)
    out = np.empty((300, 288), dtype=np.float32)
    assert matmul.ops_class()().gemm(x, y, trans2=True, out=out) is out and np.array_equal(out, ours)


def test_parses_equal_the_shipped_models(pipelines):
    own, fast = pipelines
    for a, b in zip(own.pipe(TEXTS), fast.pipe(TEXTS)):
        assert [t.text for t in a] == [t.text for t in b]
        assert (a.to_array(ATTRS) == b.to_array(ATTRS)).all()
        assert [(e.text, e.label_) for e in a.ents] == [(e.text, e.label_) for e in b.ents]
        assert [t.lemma_ for t in a] == [t.lemma_ for t in b]


def test_switched_off_keeps_thincs_own_ops():
    from thinc.api import NumpyOps

    language = nlp(load().model, numpy_matmul=False)
    ops = language.get_pipe("ner").model.ops
    assert isinstance(ops, NumpyOps) and not isinstance(ops, matmul.ops_class()) and ops.use_blis


def test_openblas_thread_count_is_given_back_after_each_product(pipelines):
    set_threads = matmul._set_local_threads()
    x = np.ones((2000, 96), dtype=np.float32)
    original = set_threads(3)
    try:
        matmul.ops_class()().gemm(x, x, trans2=True)
        assert set_threads(3) == 3  # the product ran on one thread and gave the count back
    finally:
        set_threads(original)
