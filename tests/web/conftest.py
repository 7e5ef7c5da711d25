import pytest

from paths import EXAMPLES


@pytest.fixture(scope="module")
def example_db(tmp_path_factory):
    from zhibiao.store import Database
    from zhibiao.ingest import ingest

    db = Database.open(tmp_path_factory.mktemp("web") / "web.db")
    summary = ingest(db, [EXAMPLES])
    assert summary.count("failed") == 0
    return db
